package vn.gov.bvhttdl.dvc.adapters.national;

import vn.gov.bvhttdl.dvc.application.NationalInbox;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.NationalPortalRules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dossiers submitted on the National Public Service Portal (DVCQG) for this Ministry, over HTTP in the same
 * assumed style as {@link DvcqgNationalPortal} (docs/national-portal.md §3): POST {@code <base>/HoSoDVCQG/ChoTiepNhan}
 * with {@code {"madonvi"}} answers {@code {"error_code": "0", "data": [record, …]}}, each record in the §1 shape
 * ({@code MaHoSo}, {@code MaTTHC}, {@code ChuHoSo}, {@code SoGiayToChuHoSo}, {@code LoaiDoiTuong},
 * {@code DinhDanhCHS}, {@code Email}, {@code SoDienThoai}, {@code NgayNopHoSo}, {@code TaiKhoanDuocXacThucVoiVNeID},
 * {@code TaiLieuNop[]} with {@code MaThanhPhanHoSo}, {@code TenTepDinhKem}, {@code DuongDanTaiTepTin}); POST
 * {@code <base>/HoSoDVCQG/XacNhanTiepNhan} with {@code [{"MaHoSo", "MaHoSoBoNganh"}]} acknowledges one; a file is a
 * GET of its {@code DuongDanTaiTepTin}. The paths, the envelope, {@code DiaChiChuHoSo} and {@code DuLieuBieuMau} are
 * <b>assumed</b> (no public contract was found); the credentials (HTTP Basic, {@code madonvi}, {@code dstcode}) are
 * those of the secret {@code dvc/national-portal}, as for the outbound sync. The real contract replaces this class.
 */
public final class DvcqgInbox implements NationalInbox {
    /** The paths of the two calls under the base URL [assumed]. */
    public record Paths(String waiting, String acknowledge) {
        public static final Paths DEFAULT = new Paths("/HoSoDVCQG/ChoTiepNhan", "/HoSoDVCQG/XacNhanTiepNhan");
    }

    private final HttpClient http;
    private final Supplier<URI> base;
    private final Paths paths;
    private final Supplier<String> secret;
    private final Duration timeout;
    private final NationalPortalRules rules = NationalPortalRules.standard();
    private volatile DvcqgNationalPortal.Credentials credentials;

    public DvcqgInbox(Supplier<URI> base, Paths paths, Supplier<String> secret, Duration timeout) {
        this.base = base;
        this.paths = paths;
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private DvcqgNationalPortal.Credentials credentials() {
        DvcqgNationalPortal.Credentials c = credentials;
        if (c == null) credentials = c = DvcqgNationalPortal.Credentials.of(secret.get());
        return c;
    }

    @Override
    public List<Inbound> waiting() {
        Map<String, Object> answer = post(paths.waiting(), Map.of("madonvi", credentials().unitCode()));
        List<Inbound> out = new ArrayList<>();
        for (Object o : Json.list(answer.get("data"))) {
            if (o instanceof Map<?, ?>) out.add(inbound(Json.obj(o)));
        }
        return out;
    }

    @Override
    public void acknowledge(String nationalCode, String dossierId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("MaHoSo", nationalCode);
        item.put("MaHoSoBoNganh", dossierId);
        post(paths.acknowledge(), List.of(item));
    }

    @Override
    public Optional<byte[]> download(File file, long maxBytes) {
        URI uri;
        try {
            uri = URI.create(file.url());
        } catch (IllegalArgumentException bad) {
            return Optional.empty();
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) return Optional.empty();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        // the portal's own links carry its credentials; a link elsewhere (a presigned one) none
        if (uri.getHost() != null && uri.getHost().equals(base.get().getHost())) b.header("Authorization", basic());
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() == 404 || r.statusCode() == 410 || (r.statusCode() >= 400 && r.statusCode() < 500 && r.statusCode() != 408 && r.statusCode() != 429)) {
                    return Optional.empty();
                }
                if (r.statusCode() < 200 || r.statusCode() >= 300) throw new IllegalStateException("file download: HTTP " + r.statusCode());
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
            }
        } catch (IOException e) {
            throw new IllegalStateException("file download: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("file download interrupted", e);
        }
    }

    private String basic() {
        DvcqgNationalPortal.Credentials c = credentials();
        return "Basic " + Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** One call; its answer when {@code error_code} means done, else an exception (the run fails, nothing is lost). */
    private Map<String, Object> post(String path, Object body) {
        DvcqgNationalPortal.Credentials c = credentials();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.get().toString().replaceAll("/+$", "") + path))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Authorization", basic())
                .header("madonvi", c.unitCode())
                .header("dstcode", c.destinationCode())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path + ": interrupted", e);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode());
        }
        Map<String, Object> m;
        try {
            m = Json.obj(Json.parse(response.body()));
        } catch (RuntimeException notJson) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + ", not the portal's answer");
        }
        Object codeValue = m.get("error_code");
        String code = codeValue == null ? null : codeValue instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(codeValue);
        String message = m.get("message") == null ? "" : String.valueOf(m.get("message"));
        if (code == null || rules.meaning(code, message) != NationalPortalRules.Meaning.DONE && !"0".equals(code)) {
            throw new IllegalStateException(path + ": error_code " + Limits.clip(String.valueOf(code)) + " " + Limits.clip(message));
        }
        return m;
    }

    /** A record of the portal as our inbound dossier (every field read as text; what is missing stays null). */
    Inbound inbound(Map<String, Object> r) {
        String kindCode = text(r, "LoaiDoiTuong");
        ApplicantKind kind = kindCode == null || "1".equals(kindCode) ? ApplicantKind.CITIZEN : ApplicantKind.ORGANISATION;
        String number = text(r, "SoGiayToChuHoSo");
        String personal = null;
        for (Object o : Json.list(r.get("DinhDanhCHS"))) {
            if (o instanceof Map<?, ?>) {
                Map<String, Object> id = Json.obj(o);
                if ("1".equals(text(id, "LoaiDinhDanh")) && personal == null) personal = text(id, "SoDinhDanh");
            }
        }
        List<File> files = new ArrayList<>();
        for (Object o : Json.list(r.get("TaiLieuNop"))) {
            if (!(o instanceof Map<?, ?>)) continue;
            Map<String, Object> f = Json.obj(o);
            if ("True".equalsIgnoreCase(text(f, "IsDeleted"))) continue;
            files.add(new File(text(f, "MaThanhPhanHoSo"), text(f, "TenTepDinhKem"), text(f, "DuongDanTaiTepTin")));
        }
        Map<String, String> form = new LinkedHashMap<>();
        if (r.get("DuLieuBieuMau") instanceof Map<?, ?> eform) {
            Json.obj(eform).forEach((k, v) -> { if (v != null) form.put(k, String.valueOf(v)); });
        }
        return new Inbound(text(r, "MaHoSo"), text(r, "MaTTHC"), kind, text(r, "ChuHoSo"),
                kind == ApplicantKind.CITIZEN ? (number != null ? number : personal) : personal,
                kind == ApplicantKind.ORGANISATION ? number : null,
                text(r, "DiaChiChuHoSo"), text(r, "SoDienThoai"), text(r, "Email"),
                "1".equals(text(r, "TaiKhoanDuocXacThucVoiVNeID")), date(text(r, "NgayNopHoSo")), files, form);
    }

    private Instant date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDateTime.parse(s, rules.dates()).atZone(rules.zone()).toInstant();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String text(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v == null) return null;
        String s = v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v);
        return s.isBlank() ? null : s.strip();
    }
}

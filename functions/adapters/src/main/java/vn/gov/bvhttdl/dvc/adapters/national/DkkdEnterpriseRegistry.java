package vn.gov.bvhttdl.dvc.adapters.national;

import vn.gov.bvhttdl.dvc.application.EnterpriseRegistry;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The National Enterprise Registration Database over HTTP, in the shape read in a public provincial implementation
 * (TH_DKKD, docs/national-databases.md): {@code GET <base>/DoanhNghiep/chiTietDoanhNghiep?msdn=<enterprise code>}
 * answered {@code {"GetEntCert": [{ "MaSoDoanhNghiep", "TenTiengViet", "NgayDangKyLanDau", "TinhTrangPhapLy": [..],
 * "DaiDienPhapLuat": [{"ThongTinCaNhan": [{"HoVaTen"}]}], "DiaChiTruSo": [{"DiaChi": [..]}] }]}}, and
 * {@code GetEntCert: null} for an enterprise it does not have [read]. The path under the base, the authentication
 * (HTTP Basic with the secret's username and password), the date formats accepted and the certificate's link
 * ({@code DuongDanGiayChungNhan}) are <b>assumed</b>: the real contract replaces this class only.
 *
 * <p>Answers: 200 with an enterprise → found; 200 with none, or 404 → not found; anything else (a timeout, a
 * connection failure, another status, a body that is not the answer) → unavailable, with a reason that carries no
 * personal data (the enterprise code is not in it).
 */
public final class DkkdEnterpriseRegistry implements EnterpriseRegistry {
    /** The credentials of the secret {@code dvc/enterprise-registry} (JSON; no value is committed). */
    public record Credentials(String username, String password) {
        static Credentials of(String json) {
            Map<String, Object> m = Json.obj(Json.parse(json));
            return new Credentials(m.get("username") == null ? "" : String.valueOf(m.get("username")),
                    m.get("password") == null ? "" : String.valueOf(m.get("password")));
        }
    }

    /** The look-up's path under the base URL [assumed: the provincial gateway's, read in TH_DKKD]. */
    public static final String PATH = "/DoanhNghiep/chiTietDoanhNghiep";

    private final HttpClient http;
    private final Supplier<URI> base;
    private final Supplier<String> secret;
    private final Duration timeout;
    private volatile Credentials credentials;

    /**
     * @param base    the database's (or the data-sharing platform's) base URL, read at each call (offline: the sandbox)
     * @param secret  the credentials' JSON, read on first use (Secrets Manager on AWS, the sandbox file offline)
     * @param timeout how long one look-up may take: the applicant is waiting for the submission's answer
     */
    public DkkdEnterpriseRegistry(Supplier<URI> base, Supplier<String> secret, Duration timeout) {
        this.base = base;
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Lookup find(String enterpriseCode) {
        if (enterpriseCode == null || !enterpriseCode.matches("[0-9]{10}(-[0-9]{3})?")) return new NotFound();
        Credentials c;
        try {
            c = credentials();
        } catch (RuntimeException e) {
            return new Unavailable("credentials not readable: " + e.getClass().getSimpleName());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.get().toString().replaceAll("/+$", "") + PATH
                        + "?msdn=" + URLEncoder.encode(enterpriseCode, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Unavailable("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Unavailable(Limits.clip(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        return answer(response.statusCode(), response.body());
    }

    private Credentials credentials() {
        Credentials c = credentials;
        if (c == null) credentials = c = Credentials.of(secret.get());
        return c;
    }

    /** What an HTTP answer means. */
    static Lookup answer(int status, String body) {
        if (status == 404) return new NotFound();
        if (status != 200) return new Unavailable("HTTP " + status);
        Map<String, Object> m;
        try {
            m = Json.obj(Json.parse(body));
        } catch (RuntimeException notJson) {
            return new Unavailable("HTTP 200, not the database's answer");
        }
        if (!m.containsKey("GetEntCert")) return new Unavailable("HTTP 200, no GetEntCert");
        List<Object> found = Json.list(m.get("GetEntCert"));
        if (found.isEmpty()) return new NotFound();
        Map<String, Object> e = Json.obj(found.getFirst());
        String code = str(e, "MaSoDoanhNghiep");
        if (code == null) return new Unavailable("HTTP 200, an enterprise without its code");
        Map<String, Object> status1 = first(e, "TinhTrangPhapLy");
        Map<String, Object> rep = first(first(e, "DaiDienPhapLuat"), "ThongTinCaNhan");
        Map<String, Object> office = first(first(e, "DiaChiTruSo"), "DiaChi");
        String headOffice = office == null ? null : join(str(office, "SoNha"), str(office, "TenPhuongXa"), str(office, "TenQuanHuyen"),
                str(office, "TenTinhThanh"), str(office, "QuocGia"));
        String address = office == null ? null : str(office, "DiaChi") != null ? str(office, "DiaChi") : headOffice;
        return new Found(new Enterprise(code, str(e, "TenTiengViet"), status1 == null ? null : str(status1, "TinhTrangPhapLy"),
                date(str(e, "NgayDangKyLanDau")), rep == null ? null : str(rep, "HoVaTen"), address, headOffice,
                str(e, "DuongDanGiayChungNhan")));
    }

    private static Map<String, Object> first(Map<String, Object> m, String k) {
        if (m == null || !(m.get(k) instanceof List<?> l) || l.isEmpty() || !(l.getFirst() instanceof Map<?, ?>)) return null;
        return Json.obj(l.getFirst());
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    private static String join(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) if (p != null) out.add(p);
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /** A date as the database may write it [assumed: yyyy-MM-dd, with or without a time, dd/MM/yyyy or yyyyMMdd]; null if none fits. */
    static LocalDate date(String s) {
        if (s == null) return null;
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd/MM/yyyy"), DateTimeFormatter.BASIC_ISO_DATE)) {
            try {
                return LocalDate.parse(s.length() > 10 && s.charAt(4) == '-' ? s.substring(0, 10) : s, f);
            } catch (RuntimeException ignored) {
                // the next form
            }
        }
        return null;
    }
}

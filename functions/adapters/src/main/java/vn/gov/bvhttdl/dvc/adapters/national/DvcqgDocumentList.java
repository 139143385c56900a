package vn.gov.bvhttdl.dvc.adapters.national;

import vn.gov.bvhttdl.dvc.application.DocumentList;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The person's document list on the National Public Service Portal over HTTP, in the shape read in TH_KHO
 * (docs/national-portal.md §5): POST {@code <base><path>} with
 * {@code {"SoDinhDanhChuSoHuu","HoTenNguoiYeuCau","KenhThucHien","SoDinhDanhNguoiYeuCau","MaThuTuc","DanhSachDanhMucKetQua"}}
 * answered {@code {"errorCode","message","signature","result":{"DanhSachGiayToKetQua":[{"MaKetQua","TenGiayTo",
 * "SoKyHieu","CoQuanChuQuan","DanhSachTepDinhKem":[{"TenTep","DuongDan"}]}]}}} [read]. The path, the authentication
 * (HTTP Basic with the secret {@code dvc/national-portal}'s username and password and its {@code madonvi} /
 * {@code dstcode} headers, as {@link DvcqgNationalPortal}), the channel code {@code KenhThucHien = 2} (online), an
 * empty {@code DanhSachDanhMucKetQua} meaning "all the person's results", and {@code errorCode} 0 meaning success are
 * <b>assumed</b>: the real contract replaces this class only.
 *
 * <p>Any failure (not configured, a timeout, a connection failure, a status other than 200, a body that is not the
 * answer, an errorCode other than 0) is an empty list: the list is an offer, the citizen uploads instead. The reason
 * goes to {@code failures} (for the log) without personal data: the identification number is never in it.
 */
public final class DvcqgDocumentList implements DocumentList {
    /** The call's path under the portal's base URL [assumed: configuration, blank in the public copy read]. */
    public static final String PATH = "/KhoSoHoaDVCQG/DanhSachGiayToKetQua";
    /** {@code KenhThucHien}: the online channel [assumed: 1 at the desk, 2 online, 3 by post]. */
    static final String ONLINE = "2";

    private final HttpClient http;
    private final Supplier<URI> base;
    private final Supplier<String> secret;
    private final Duration timeout;
    private final Consumer<String> failures;
    private volatile DvcqgNationalPortal.Credentials credentials;

    /**
     * @param base     the portal's base URL, read at each call (offline: the runner's sandbox)
     * @param secret   the credentials' JSON of {@code dvc/national-portal}, read on first use
     * @param timeout  how long one read may take: the citizen is waiting for the checklist
     * @param failures where a failure's reason goes (the log); no personal data is in it
     */
    public DvcqgDocumentList(Supplier<URI> base, Supplier<String> secret, Duration timeout, Consumer<String> failures) {
        this.base = base;
        this.secret = secret;
        this.timeout = timeout;
        this.failures = failures == null ? s -> {} : failures;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public List<Result> find(String ownerIdNumber, String procedureCode) {
        if (ownerIdNumber == null || !ownerIdNumber.matches("[0-9]{9,12}")) return List.of();
        HttpRequest request;
        try {
            DvcqgNationalPortal.Credentials c = credentials();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("SoDinhDanhChuSoHuu", ownerIdNumber);
            body.put("HoTenNguoiYeuCau", "");
            body.put("KenhThucHien", ONLINE);
            body.put("SoDinhDanhNguoiYeuCau", ownerIdNumber);
            body.put("MaThuTuc", procedureCode == null ? "" : procedureCode);
            body.put("DanhSachDanhMucKetQua", List.of());
            request = HttpRequest.newBuilder(URI.create(base.get().toString().replaceAll("/+$", "") + PATH))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)))
                    .header("madonvi", c.unitCode())
                    .header("dstcode", c.destinationCode())
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                    .build();
        } catch (RuntimeException e) {
            return none("not configured: " + e.getClass().getSimpleName());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return none("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return none(Limits.clip(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none("interrupted");
        }
        try {
            return answer(response.statusCode(), response.body());
        } catch (IllegalArgumentException e) {
            return none(e.getMessage());
        }
    }

    private List<Result> none(String reason) {
        failures.accept("document list: " + reason);
        return List.of();
    }

    private DvcqgNationalPortal.Credentials credentials() {
        DvcqgNationalPortal.Credentials c = credentials;
        if (c == null) credentials = c = DvcqgNationalPortal.Credentials.of(secret.get());
        return c;
    }

    /** The results of an answer; IllegalArgumentException (its reason without personal data) when it is not one. */
    static List<Result> answer(int status, String body) {
        if (status != 200) throw new IllegalArgumentException("HTTP " + status);
        Map<String, Object> m;
        try {
            m = Json.obj(Json.parse(body));
        } catch (RuntimeException notJson) {
            throw new IllegalArgumentException("HTTP 200, not the portal's answer");
        }
        String code = str(m, "errorCode");
        if (code == null || !code.replaceAll("\\.0+$", "").equals("0"))
            throw new IllegalArgumentException("errorCode " + Limits.clip(String.valueOf(code)));
        if (!(m.get("result") instanceof Map<?, ?>)) return List.of();
        Object list = Json.obj(m.get("result")).get("DanhSachGiayToKetQua");
        if (!(list instanceof List<?> l)) return List.of();
        List<Result> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?>)) continue;
            Map<String, Object> r = Json.obj(o);
            String id = str(r, "MaKetQua");
            if (id == null || id.length() > 100) continue;
            List<File> files = new ArrayList<>();
            if (r.get("DanhSachTepDinhKem") instanceof List<?> fl) for (Object f : fl) {
                if (!(f instanceof Map<?, ?>)) continue;
                Map<String, Object> fm = Json.obj(f);
                if (str(fm, "DuongDan") != null) files.add(new File(str(fm, "TenTep"), str(fm, "DuongDan")));
            }
            out.add(new Result(id, str(r, "TenGiayTo"), str(r, "SoKyHieu"), str(r, "CoQuanChuQuan"), files));
        }
        return out;
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }
}

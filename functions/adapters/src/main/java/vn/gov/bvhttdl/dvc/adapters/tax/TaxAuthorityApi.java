package vn.gov.bvhttdl.dvc.adapters.tax;

import vn.gov.bvhttdl.dvc.application.TaxAuthority;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tax authority's receipt data intake over HTTP. <b>Assumed shape</b> (the General Department of Taxation's
 * component and transport for form 01/TH-BLĐT were not read; Circular 91/2026/TT-BTC Art 3(3) says the tax authority
 * publishes them): POST {@code <base>/bien-lai/tong-hop} with one summary table of form 01/TH-BLĐT (Circular 91/2026
 * Art 4(6)(d), Decree 254/2026/NĐ-CP Art 29(3)(b)) holding one receipt's line, the receipt's structured data
 * ({@link ElectronicReceipt#toXml}) base64-encoded beside it, HTTP Basic with the secret's {@code username} and
 * {@code password} (Secrets Manager {@code dvc/tax-authority} on AWS), and {@code Idempotency-Key: <receipt id>};
 * answered {@code {"error_code", "message"}}, {@code "0"} taken. The real contract replaces this class only.
 *
 * <p>A blank base URL (no connection agreed yet) is "not configured": nothing is sent ({@link #configured}).
 * Answers: a timeout, a connection failure, 408, 429 or 5xx → TRANSIENT; another 4xx or an error code → REFUSED with
 * the code and message; a 2xx that is not the JSON answer (a proxy's page) → TRANSIENT.
 */
public final class TaxAuthorityApi implements TaxAuthority {
    /** The path of the summary table's intake under the base URL [assumed]. */
    public static final String PATH = "/bien-lai/tong-hop";
    /** The form the data go as (Circular 91/2026 Annex III). */
    public static final String FORM = "01/TH-BLĐT";

    record Credentials(String username, String password) {
        static Credentials of(String json) {
            Map<String, Object> m = Json.obj(Json.parse(json));
            return new Credentials(m.get("username") == null ? "" : String.valueOf(m.get("username")),
                    m.get("password") == null ? "" : String.valueOf(m.get("password")));
        }
    }

    private final HttpClient http;
    private final Supplier<String> base;
    private final Supplier<String> secret;
    private final Duration timeout;
    private volatile Credentials credentials;

    /**
     * @param base    the base URL, read at each call (blank: not configured; offline the runner's sandbox)
     * @param secret  the credentials' JSON, read on first use
     * @param timeout how long one call may take (connect and answer)
     */
    public TaxAuthorityApi(Supplier<String> base, Supplier<String> secret, Duration timeout) {
        this.base = base;
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public boolean configured() {
        String b = base.get();
        return b != null && !b.isBlank();
    }

    /** The summary table of form 01/TH-BLĐT with the one line of {@code r} [field names assumed]. */
    public static Map<String, Object> body(ElectronicReceipt r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("STT", 1);
        line.put("KyHieuMauBienLai", r.formSymbol());
        line.put("KyHieuBienLai", r.receiptSymbol());
        line.put("SoBienLai", r.numberText());
        line.put("NgayLap", r.date().toString());
        line.put("ThoiDiemLap", r.issuedAt().toString());
        line.put("TongTien", r.totalVnd());
        line.put("TongTienBangChu", r.totalInWords());
        line.put("DonViTienTe", "VND");
        line.put("CacKhoanThu", r.lines().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Ten", l.name().vi());
            m.put("SoTien", l.amountVnd());
            return (Object) m;
        }).toList());
        line.put("TrangThai", "Mới");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MauSo", FORM);
        out.put("TenToChucThu", r.collectorName().vi());
        out.put("MaSoThue", r.collectorTaxCode());
        out.put("KyDuLieu", r.date().toString());
        out.put("DuLieu", List.of(line));
        out.put("DuLieuBienLai", Base64.getEncoder().encodeToString(r.toXml().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private Credentials credentials() {
        Credentials c = credentials;
        if (c == null) credentials = c = Credentials.of(secret.get());
        return c;
    }

    @Override
    public Answer send(ElectronicReceipt receipt, String key) {
        Credentials c = credentials();
        String basic = Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.get().strip().replaceAll("/+$", "") + PATH))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body(receipt)), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Answer(Outcome.TRANSIENT, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(Outcome.TRANSIENT, Limits.clip(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.TRANSIENT, "interrupted");
        }
        return answer(response.statusCode(), response.body());
    }

    /** What an HTTP answer means (the detail: the status, the code and message, clipped; no personal data). */
    static Answer answer(int status, String body) {
        if (status == 408 || status == 429 || status >= 500) return new Answer(Outcome.TRANSIENT, "HTTP " + status);
        if (status >= 400) return new Answer(Outcome.REFUSED, "HTTP " + status + " " + Limits.clip(body == null ? "" : body));
        if (status < 200 || status >= 300) return new Answer(Outcome.TRANSIENT, "HTTP " + status);
        Map<String, Object> m;
        try {
            m = Json.obj(Json.parse(body));
        } catch (RuntimeException notJson) {
            return new Answer(Outcome.TRANSIENT, "HTTP " + status + ", not the tax authority's answer");
        }
        Object v = m.get("error_code");
        if (v == null) return new Answer(Outcome.TRANSIENT, "HTTP " + status + ", no error_code");
        String code = v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v);
        if (code.equals("0")) return Answer.done();
        return new Answer(Outcome.REFUSED, "error_code " + Limits.clip(code) + " " + Limits.clip(m.get("message") == null ? "" : String.valueOf(m.get("message"))));
    }
}

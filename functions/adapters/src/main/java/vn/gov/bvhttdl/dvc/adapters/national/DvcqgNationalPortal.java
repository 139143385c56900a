package vn.gov.bvhttdl.dvc.adapters.national;

import vn.gov.bvhttdl.dvc.application.NationalPortal;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.NationalPortalRules;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The National Public Service Portal (DVCQG) over HTTP, in the "second generation" shapes read in TH_SYNC
 * (docs/national-portal.md): POST {@code <base><path>} with a JSON array of one dossier (create, update) or one
 * progress entry, answered {@code {"error_code", "message"}}. Which paths, the authentication (HTTP Basic with the
 * secret's username and password here), the headers {@code madonvi} (our unit code) and {@code dstcode} (the
 * destination code of the data-sharing platform) are <b>assumed</b>: the real contract replaces this class only.
 * Every call carries {@code Idempotency-Key: <dossier id>#<version>} [assumed]: the offline sandbox drops a resend by
 * it; the real portal's behaviour is not known (the record is a full replacement, so a resent record is harmless; a
 * resent progress entry may be doubled there).
 *
 * <p>Answers: a timeout, a connection failure, 408, 429 or 5xx → TRANSIENT; another 4xx → REFUSED; a 2xx whose
 * {@code error_code} means done / exists ({@link NationalPortalRules#meaning}) → DONE / EXISTS, any other code →
 * REFUSED with the portal's message; a 2xx that is not the JSON answer (a proxy's page) → TRANSIENT.
 */
public final class DvcqgNationalPortal implements NationalPortal {
    /** The credentials and codes of the secret {@code dvc/national-portal} (JSON; no value is committed). */
    public record Credentials(String username, String password, String unitCode, String destinationCode) {
        static Credentials of(String json) {
            Map<String, Object> m = Json.obj(Json.parse(json));
            return new Credentials(str(m, "username"), str(m, "password"), str(m, "unitCode"), str(m, "destinationCode"));
        }

        private static String str(Map<String, Object> m, String k) {
            Object v = m.get(k);
            return v == null ? "" : String.valueOf(v);
        }
    }

    /** The paths of the three calls under the base URL [assumed: configuration, blank in the public copies read]. */
    public record Paths(String create, String update, String progress) {
        public static final Paths DEFAULT = new Paths("/DongBoHoSoMC/ThemMoi", "/DongBoHoSoMC/CapNhat", "/CapNhatTienDoHoSoMC");
    }

    private final HttpClient http;
    private final Supplier<URI> base;
    private final Paths paths;
    private final Supplier<String> secret;
    private final Duration timeout;
    private final NationalPortalRules rules = NationalPortalRules.standard();
    private volatile Credentials credentials;

    /**
     * @param base    the portal's base URL (read at each call: offline the runner's sandbox address)
     * @param secret  the credentials' JSON, read on first use (Secrets Manager on AWS, the sandbox file offline)
     * @param timeout how long one call may take (connect and answer)
     */
    public DvcqgNationalPortal(Supplier<URI> base, Paths paths, Supplier<String> secret, Duration timeout) {
        this.base = base;
        this.paths = paths;
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Answer sync(DossierRecord record, String key) { return post(paths.create(), List.of(record.body()), key); }

    @Override
    public Answer update(DossierRecord record, String key) { return post(paths.update(), List.of(record.body()), key); }

    @Override
    public Answer progress(ProgressEntry entry, String key) { return post(paths.progress(), List.of(entry.body()), key); }

    private Credentials credentials() {
        Credentials c = credentials;
        if (c == null) credentials = c = Credentials.of(secret.get());
        return c;
    }

    private Answer post(String path, Object body, String key) {
        Credentials c = credentials();
        String basic = Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.get().toString().replaceAll("/+$", "") + path))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .header("madonvi", c.unitCode())
                .header("dstcode", c.destinationCode())
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Answer(Outcome.TRANSIENT, path + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(Outcome.TRANSIENT, path + ": " + Limits.clip(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.TRANSIENT, path + ": interrupted");
        }
        return answer(path, response.statusCode(), response.body());
    }

    /** What an HTTP answer means (no personal data in the detail: the portal's code and message, clipped). */
    Answer answer(String path, int status, String body) {
        if (status == 408 || status == 429 || status >= 500) return new Answer(Outcome.TRANSIENT, path + ": HTTP " + status);
        if (status >= 400) return new Answer(Outcome.REFUSED, path + ": HTTP " + status + " " + Limits.clip(body == null ? "" : body));
        if (status < 200 || status >= 300) return new Answer(Outcome.TRANSIENT, path + ": HTTP " + status);
        Map<String, Object> m;
        try {
            m = Json.obj(Json.parse(body));
        } catch (RuntimeException notJson) {
            return new Answer(Outcome.TRANSIENT, path + ": HTTP " + status + ", not the portal's answer");
        }
        Object codeValue = m.get("error_code");
        String code = codeValue == null ? null : codeValue instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(codeValue);
        String message = m.get("message") == null ? "" : String.valueOf(m.get("message"));
        if (code == null) return new Answer(Outcome.TRANSIENT, path + ": HTTP " + status + ", no error_code");
        return switch (rules.meaning(code, message)) {
            case DONE -> new Answer(Outcome.DONE, null);
            case EXISTS -> new Answer(Outcome.EXISTS, Limits.clip(message));
            case OTHER -> new Answer(Outcome.REFUSED, path + ": error_code " + Limits.clip(code) + " " + Limits.clip(message));
        };
    }
}

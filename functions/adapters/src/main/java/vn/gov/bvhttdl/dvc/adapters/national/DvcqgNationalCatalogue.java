package vn.gov.bvhttdl.dvc.adapters.national;

import vn.gov.bvhttdl.dvc.application.NationalCatalogue;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The national database of administrative procedures (CSDLQG về TTHC) over HTTP, in an <b>assumed</b> shape
 * (docs/national-portal.md, "Procedure codes"): {@code GET <base>/LayDanhSachTTHC?madonvi=<our unit code>} with the
 * credentials of the national portal's secret ({@code dvc/national-portal}: HTTP Basic, headers {@code madonvi} and
 * {@code dstcode}, as {@link DvcqgNationalPortal}), answered {@code {"error_code": "0", "message", "result": [...]}},
 * each item {@code MATTHC}, {@code TENTTHC} (the two names OpenCPS reads from {@code LayThuTuc}), {@code MUCDO},
 * {@code COQUANTHUCHIEN} (a name, or a list of names) and {@code QUYETDINHCONGBO} (assumed). The real contract
 * replaces this class only.
 *
 * <p>A blank base URL → {@code NOT_CONFIGURED} without a call; a timeout, a connection failure, an HTTP status other
 * than 2xx, an {@code error_code} other than 0 or an answer that is not that JSON → {@code UNREACHABLE}.
 */
public final class DvcqgNationalCatalogue implements NationalCatalogue {
    /** The path of the list under the base URL [assumed]. */
    public static final String PATH = "/LayDanhSachTTHC";
    private static final Set<String> DONE = Set.of("0", "00");
    private static final int MAX_ANSWER = 8 * 1024 * 1024;

    private volatile HttpClient http;
    private final Supplier<String> base;
    private final Supplier<String> secret;
    private final Duration timeout;
    private volatile DvcqgNationalPortal.Credentials credentials;

    /**
     * @param base    the national database's base URL, read at each call (blank: not configured; offline the runner's sandbox)
     * @param secret  the credentials' JSON ({@code dvc/national-portal}), read on first use
     * @param timeout how long the call may take (connect and answer)
     */
    public DvcqgNationalCatalogue(Supplier<String> base, Supplier<String> secret, Duration timeout) {
        this.base = base;
        this.secret = secret;
        this.timeout = timeout;
    }

    /** The client, made on the first call (not at start: the administrators' other routes never need it). */
    private HttpClient http() {
        HttpClient h = http;
        if (h == null) {
            synchronized (this) {
                if (http == null) http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
                h = http;
            }
        }
        return h;
    }

    @Override
    public List<NationalProcedure> procedures() {
        String b = base.get();
        if (b == null || b.isBlank()) throw new Unavailable(Unavailable.Reason.NOT_CONFIGURED, "NATIONAL_CATALOGUE_URL is blank");
        DvcqgNationalPortal.Credentials c;
        try {
            c = credentials();
        } catch (RuntimeException unreadable) {
            throw new Unavailable(Unavailable.Reason.UNREACHABLE, "the credentials cannot be read: " + Limits.clip(unreadable.getClass().getSimpleName()));
        }
        String basic = Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(b.strip().replaceAll("/+$", "") + PATH + "?madonvi="
                            + URLEncoder.encode(c.unitCode(), StandardCharsets.UTF_8)))
                    .timeout(timeout)
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + basic)
                    .header("madonvi", c.unitCode())
                    .header("dstcode", c.destinationCode())
                    .GET().build();
        } catch (IllegalArgumentException badUrl) {
            throw new Unavailable(Unavailable.Reason.NOT_CONFIGURED, "NATIONAL_CATALOGUE_URL is not a URL");
        }
        HttpResponse<byte[]> response;
        try {
            response = http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": " + Limits.clip(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": interrupted");
        }
        return read(response.statusCode(), response.body());
    }

    private DvcqgNationalPortal.Credentials credentials() {
        DvcqgNationalPortal.Credentials c = credentials;
        if (c == null) credentials = c = DvcqgNationalPortal.Credentials.of(secret.get());
        return c;
    }

    /** What an answer holds (package-private for the tests). */
    static List<NationalProcedure> read(int status, byte[] raw) {
        if (status < 200 || status >= 300) throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": HTTP " + status);
        if (raw == null || raw.length > MAX_ANSWER) throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": no answer or too large");
        Map<String, Object> m;
        try {
            m = Json.obj(Json.parse(new String(raw, StandardCharsets.UTF_8)));
        } catch (RuntimeException notJson) {
            throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": HTTP " + status + ", not the national database's answer");
        }
        String code = text(m.get("error_code"));
        if (!DONE.contains(code)) {
            throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": error_code " + Limits.clip(code) + " " + Limits.clip(text(m.get("message"))));
        }
        if (!(m.get("result") instanceof List<?> items)) throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": no result list");
        List<NationalProcedure> out = new ArrayList<>();
        for (Object o : items) {
            if (!(o instanceof Map<?, ?>)) throw new Unavailable(Unavailable.Reason.UNREACHABLE, PATH + ": an item is not an object");
            Map<String, Object> p = Json.obj(o);
            out.add(new NationalProcedure(text(p.get("MATTHC")), text(p.get("TENTTHC")), text(p.get("MUCDO")),
                    text(p.get("COQUANTHUCHIEN")), text(p.get("QUYETDINHCONGBO"))));
        }
        return out;
    }

    /** A value as text: a number without its decimals, a list joined with "; ", null as empty. */
    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Number n) return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : n.toString();
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) if (!text(x).isBlank()) parts.add(text(x));
            return String.join("; ", parts);
        }
        return String.valueOf(v);
    }
}

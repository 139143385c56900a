package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * The caller's address: what the public look-up and verification limits count and what a payment request records.
 *
 * <p>Behind CloudFront an HTTP API's {@code sourceIp} is the edge server's address, shared by everyone it serves. So
 * CloudFront (template.yaml, {@code WebDistribution}) sends two more headers to the API: the origin secret
 * {@value #ORIGIN_VERIFY_HEADER} (the value of the generated secret {@code OriginVerifySecret}) and, set by the
 * viewer-request function {@code ApiViewerAddressFunction} from the connection it saw, {@value #VIEWER_ADDRESS_HEADER}.
 * The viewer's address is believed <b>only</b> when the secret matches ({@code ORIGIN_VERIFY_SECRET}); a request that
 * did not come through the distribution (the API's own address, offline) is counted by its {@code sourceIp}, whatever
 * headers it sends.
 */
public final class CallerAddress {
    /** The header CloudFront adds to every request to the API origin (OriginCustomHeaders). */
    public static final String ORIGIN_VERIFY_HEADER = "x-origin-verify";
    /** The header the viewer-request function sets to the viewer's address (a viewer's own value is overwritten). */
    public static final String VIEWER_ADDRESS_HEADER = "x-viewer-address";
    /** The setting that holds the origin secret (blank: no edge, sourceIp only). */
    public static final String SECRET_SETTING = "ORIGIN_VERIFY_SECRET";

    /**
     * The setting that makes the API refuse what did not come through the distribution ({@code true} where the stack
     * has an edge: template.yaml sets it with the secret; the runner plays CloudFront and sets both offline).
     */
    public static final String REQUIRED_SETTING = "ORIGIN_VERIFY_REQUIRED";

    private CallerAddress() {}

    /**
     * Whether the request must be refused because it did not come through CloudFront (the API's own
     * {@code execute-api} address, where the WAF does not stand): only when {@value #REQUIRED_SETTING} is
     * {@code true} and the origin secret is set, and then whenever {@value #ORIGIN_VERIFY_HEADER} is absent or wrong.
     */
    public static boolean bypassesTheEdge(APIGatewayV2HTTPEvent event) {
        return bypassesTheEdge(event, setting(SECRET_SETTING), "true".equalsIgnoreCase(setting(REQUIRED_SETTING)));
    }

    /** {@link #bypassesTheEdge(APIGatewayV2HTTPEvent)} given the secret and the switch. */
    public static boolean bypassesTheEdge(APIGatewayV2HTTPEvent event, String originSecret, boolean required) {
        if (!required || originSecret == null || originSecret.isBlank()) return false;
        return event == null || event.getHeaders() == null || !matches(header(event.getHeaders(), ORIGIN_VERIFY_HEADER), originSecret);
    }

    private static boolean matches(String presented, String secret) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String setting(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? System.getProperty(name) : v;
    }

    /** The caller's address with the function's own origin secret ({@value #SECRET_SETTING}); {@code unknown} without one. */
    public static String of(APIGatewayV2HTTPEvent event) {
        return of(event, setting(SECRET_SETTING));
    }

    /** The caller's address given the origin secret ({@code null} or blank: none is trusted). */
    public static String of(APIGatewayV2HTTPEvent event, String originSecret) {
        String source = event == null || event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? null : event.getRequestContext().getHttp().getSourceIp();
        String fallback = source == null || source.isBlank() ? "unknown" : source;
        if (event == null || originSecret == null || originSecret.isBlank() || event.getHeaders() == null) return fallback;
        if (!matches(header(event.getHeaders(), ORIGIN_VERIFY_HEADER), originSecret)) return fallback;
        String viewer = header(event.getHeaders(), VIEWER_ADDRESS_HEADER);
        return viewer != null && isAddress(viewer.strip()) ? viewer.strip().toLowerCase(Locale.ROOT) : fallback;
    }

    /** An IPv4 or IPv6 literal (what CloudFront Functions' {@code event.viewer.ip} gives), nothing else. */
    static boolean isAddress(String s) {
        if (s.isEmpty() || s.length() > 45) return false;
        if (s.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            for (String part : s.split("\\.")) if (Integer.parseInt(part) > 255) return false;
            return true;
        }
        return s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
    }

    private static String header(Map<String, String> headers, String name) {
        for (var e : headers.entrySet()) if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }
}

package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The security headers CloudFront adds to every answer of the portal (template.yaml's {@code WebSecurityHeadersPolicy},
 * the one source of truth), served the same way offline: read from the template, set on the web site's files, the
 * API's answers and the development sign-in page, overriding what the origin sent (the policy's {@code Override: true}).
 *
 * <p>Offline differences, all in the CSP's host sources: a {@code ${Bucket.RegionalDomainName}} host becomes the S3
 * emulator's origin (the presigned links point there), other AWS-only hosts (Cognito's domain) are left out (offline
 * the token exchange is on this origin), and {@code upgrade-insecure-requests} is left out because the runner and the
 * S3 emulator speak plain HTTP on the loopback. Every other directive and header is the template's, word for word.
 * The policy's removed headers ({@code Server}) are removed only where a handler set them: Jetty writes its own
 * {@code Server} header after the handler, so offline it stays.
 *
 * <p>Not applied to the sandboxes of outside parties (national portal, SSO, payment providers, tax authority): on AWS
 * they are other parties' sites, not behind this distribution, and their pages carry inline styles.
 */
final class SecurityHeaders {
    /** The policy's logical id in template.yaml. */
    static final String POLICY = "WebSecurityHeadersPolicy";
    private static final String ATTRIBUTE = "dvc.securityHeaders";

    private final Map<String, String> headers;
    private final List<String> removed;

    private SecurityHeaders(Map<String, String> headers, List<String> removed) {
        this.headers = Map.copyOf(headers);
        this.removed = List.copyOf(removed);
    }

    /** The headers as served offline: name (as CloudFront writes it) → value. */
    Map<String, String> headers() { return headers; }

    static SecurityHeaders from(Template template, String s3Origin) {
        Map<String, Object> props = template.resources("AWS::CloudFront::ResponseHeadersPolicy").get(POLICY);
        if (props == null) throw new IllegalStateException("template.yaml has no " + POLICY);
        Map<String, Object> config = map(props.get("ResponseHeadersPolicyConfig"));
        Map<String, Object> security = map(config.get("SecurityHeadersConfig"));
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> csp = map(security.get("ContentSecurityPolicy"));
        if (!csp.isEmpty()) out.put("Content-Security-Policy", offlineCsp(template, csp.get("ContentSecurityPolicy"), s3Origin));
        Map<String, Object> hsts = map(security.get("StrictTransportSecurity"));
        if (!hsts.isEmpty()) {
            out.put("Strict-Transport-Security", "max-age=" + hsts.get("AccessControlMaxAgeSec")
                    + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")
                    + (Boolean.TRUE.equals(hsts.get("Preload")) ? "; preload" : ""));
        }
        Map<String, Object> frame = map(security.get("FrameOptions"));
        if (!frame.isEmpty()) out.put("X-Frame-Options", String.valueOf(frame.get("FrameOption")));
        if (security.containsKey("ContentTypeOptions")) out.put("X-Content-Type-Options", "nosniff");
        Map<String, Object> referrer = map(security.get("ReferrerPolicy"));
        if (!referrer.isEmpty()) out.put("Referrer-Policy", String.valueOf(referrer.get("ReferrerPolicy")));
        for (Object item : list(map(config.get("CustomHeadersConfig")).get("Items"))) {
            out.put(String.valueOf(map(item).get("Header")), String.valueOf(map(item).get("Value")));
        }
        List<String> removed = new ArrayList<>();
        for (Object item : list(map(config.get("RemoveHeadersConfig")).get("Items"))) removed.add(String.valueOf(map(item).get("Header")));
        return new SecurityHeaders(out, removed);
    }

    /** The template's CSP (a string or a {@code !Sub}) with its AWS-only host sources turned into their offline counterparts. */
    static String offlineCsp(Template template, Object value, String s3Origin) {
        String text = value instanceof String s ? s : String.valueOf(map(value).get("Fn::Sub"));
        List<String> directives = new ArrayList<>();
        for (String directive : text.split(";")) {
            String d = directive.strip();
            if (d.isEmpty() || d.equals("upgrade-insecure-requests")) continue;
            List<String> tokens = new ArrayList<>();
            for (String token : d.split("\\s+")) {
                if (!token.contains("${")) {
                    tokens.add(token);
                    continue;
                }
                String ref = token.substring(token.indexOf("${") + 2, token.indexOf('}', token.indexOf("${")));
                int dot = ref.indexOf('.');
                boolean bucket = dot > 0 && "AWS::S3::Bucket".equals(template.typeOf(ref.substring(0, dot)));
                if (bucket && !tokens.contains(s3Origin)) tokens.add(s3Origin);
            }
            directives.add(String.join(" ", tokens));
        }
        return String.join("; ", directives);
    }

    /** Marks the exchange: its answer carries these headers, whatever the handler set ({@link Exchanges#sendHeaders}). */
    void mark(HttpExchange ex) {
        ex.setAttribute(ATTRIBUTE, this);
    }

    /** Called just before the status line goes out. */
    static void applyIfMarked(HttpExchange ex) {
        if (ex.getAttribute(ATTRIBUTE) instanceof SecurityHeaders h) {
            h.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            h.removed.forEach(k -> ex.getResponseHeaders().remove(k));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : o == null ? List.of() : List.of(o);
    }
}

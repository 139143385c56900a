package vn.gov.bvhttdl.dvc.paymentcallback;

import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.application.ReceivePaymentCallback;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.lambda.ProblemJson;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The providers' side of payments, behind the HTTP API without sign-in (a provider cannot sign in; its signature is
 * what is checked): {@code GET /api/payments/vnpay/ipn}, {@code POST /api/payments/momo/ipn},
 * {@code POST /api/payments/paygov/callback} apply a verified notice to the ledger and answer in the provider's terms;
 * {@code GET /api/payments/paygov/bill} answers the platform's look-up of a dossier's open bills by its code;
 * {@code GET /api/payments/{provider}/return} only shows the citizen where they are (it credits nothing) and sends
 * them back to their dossier's page. The event is the HTTP API's payload 2.0. The adapters are wired in
 * {@link PaymentCallbackBeans}.
 */
public class PaymentCallbackHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentCallbackHandler.class);
    /** A provider's callback is a few hundred bytes; more is not a callback. */
    static final int MAX_BODY = 16 * 1024;

    @Inject
    ReceivePaymentCallback callbacks;
    @Inject
    Map<String, PaymentGateway> gateways;
    @Inject
    vn.gov.bvhttdl.dvc.application.PaymentReceipts receipts;

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        Map<String, Object> http = Json.obj(Json.obj(event.getOrDefault("requestContext", Map.of())).getOrDefault("http", Map.of()));
        String method = String.valueOf(http.getOrDefault("method", "GET"));
        String path = String.valueOf(event.getOrDefault("rawPath", http.getOrDefault("path", "")));
        Map<String, String> query = new LinkedHashMap<>();
        Object q = event.get("queryStringParameters");
        if (q instanceof Map<?, ?> m) m.forEach((k, v) -> query.put(String.valueOf(k), String.valueOf(v)));
        String body = body(event);
        if (body != null && body.length() > MAX_BODY) return ProblemJson.response("body-too-large", path, "kb", MAX_BODY / 1024);
        String[] parts = path.split("/");
        // /api/payments/{provider}/{what}
        if (parts.length != 5 || !"payments".equals(parts[2])) return ProblemJson.response("no-such-resource", path);
        String provider = parts[3], what = parts[4];
        if (!gateways.containsKey(provider)) {
            return ProblemJson.response(new vn.gov.bvhttdl.dvc.domain.DomainException(vn.gov.bvhttdl.dvc.domain.DomainException.Kind.NOT_FOUND,
                    "unknown-provider", new vn.gov.bvhttdl.dvc.domain.Text("Không có kênh thanh toán này.", "No such payment provider.")), path);
        }
        PaymentGateway.Request request = new PaymentGateway.Request(method, query, body);
        if (what.equals("return") && method.equals("GET")) return back(provider, request);
        if (what.equals("bill") && method.equals("GET") && gateways.get(provider) instanceof vn.gov.bvhttdl.dvc.payments.paygov.PayGovGateway pg) {
            // the platform asks for the dossier's open bills by its code
            PaymentGateway.Answer a = pg.bills(query, code -> callbacks.openBills(provider, code));
            return Map.of("statusCode", a.status(), "headers", Map.of("Content-Type", a.contentType()), "body", a.body());
        }
        boolean callbackRoute = (what.equals("ipn") || what.equals("callback"));
        if (!callbackRoute) return ProblemJson.response("no-such-resource", path);
        String raw = method + " " + path + (event.get("rawQueryString") == null || String.valueOf(event.get("rawQueryString")).isEmpty()
                ? "" : "?" + event.get("rawQueryString")) + (body == null ? "" : "\n" + body);
        PaymentGateway.Answer a = callbacks.handle(provider, request, raw);
        LOG.info("{} callback answered {}", provider, a.status());
        issueReceipt(provider, request);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", a.status());
        if (a.contentType() != null) out.put("headers", Map.of("Content-Type", a.contentType()));
        if (a.body() != null) out.put("body", a.body());
        return out;
    }

    /**
     * The e-receipt of a payment this callback credited (or an earlier copy did), issued now: drawn and signed here,
     * once. A failure leaves the credit as it is; the reconciliation schedule issues the receipt on its next run.
     */
    private void issueReceipt(String provider, PaymentGateway.Request request) {
        try {
            if (gateways.get(provider).read(request) instanceof PaymentGateway.Callback.Verified v) receipts.issue(v.notice().reference());
        } catch (RuntimeException e) {
            LOG.error("receipt-not-issued: {}", vn.gov.bvhttdl.dvc.domain.Limits.clip(e.toString()));
        }
    }

    /** The citizen back from the provider's page: to their dossier, with what the (verified) return says; nothing is credited here. */
    private Map<String, Object> back(String provider, PaymentGateway.Request request) {
        PaymentGateway.Callback c = gateways.get(provider).read(request);
        String outcome = "unverified";
        String reference = null;
        if (c instanceof PaymentGateway.Callback.Verified v) {
            reference = v.notice().reference();
            outcome = v.notice().outcome().name().toLowerCase(java.util.Locale.ROOT);
        } else if (c instanceof PaymentGateway.Callback.Rejected r) {
            reference = r.reference();
        }
        String dossier = reference == null ? null : callbacks.dossierOf(reference).orElse(null);
        String base = System.getenv().getOrDefault("PUBLIC_BASE_URL", System.getProperty("PUBLIC_BASE_URL", ""));
        String to = base + "/#/" + (dossier == null ? "mine" : "dossier/" + dossier + "?payment=" + reference + "&outcome=" + outcome);
        return Map.of("statusCode", 303, "headers", Map.of("Location", to, "Cache-Control", "no-store"), "body", "");
    }

    private static String body(Map<String, Object> event) {
        Object b = event.get("body");
        if (b == null) return null;
        String s = String.valueOf(b);
        if (Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
            try {
                return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
        return s;
    }
}

package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.payments.vnpay.VnPayGateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A DL-002 dossier waiting for payment with a pending VNPay payment, and the signed IPN that pays it. */
final class PaymentSeed {
    private PaymentSeed() {}

    static final long AMOUNT = 1_000_000;

    static String reference() {
        return "TT261201" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** Seeds the dossier and the payment; returns the reference. */
    static String seed(DossierStore store, PaymentStore payments) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
        Instant now = Instant.now();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "bench-payer",
                new Applicant("Bench Người Nộp", "001099000999", null, null, "0911000999", null), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("bench-payer"), now);
        store.save(s);
        Dossier.Change r = s.dossier().handle(new Command.Receive("000.00.12.G17-261201-" + (1000 + (int) (Math.random() * 8999)),
                LocalDate.now().plusDays(7), "reception", "MOTCUA", LocalDate.now().plusDays(1)), Actor.system("bench"), now);
        store.save(r);
        store.save(r.dossier().handle(new Command.RequestPayment(AMOUNT, 1), Actor.system("bench"), now));
        String ref = reference();
        payments.create(new Payment(ref, c.dossier().id(), r.dossier().code(), "bench-payer", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định cấp đổi giấy phép", "Appraisal fee"), AMOUNT,
                        new Citation("Thông tư 64/2025/TT-BTC", "Điều 1", true, null))), AMOUNT, Payment.Status.PENDING, now,
                now.plusSeconds(900), null, null, null, null, null, 1));
        return ref;
    }

    /** The VNPay IPN query that pays {@code ref}, signed with the sandbox's development secret. */
    static Map<String, String> ipn(Path root, String ref, String transaction) {
        Map<String, Object> secrets;
        try {
            secrets = Json.obj(Json.obj(Json.parse(Files.readString(root.resolve("local/sandbox/payments.json")))).get("vnpay"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> q = new TreeMap<>();
        q.put("vnp_Amount", Long.toString(AMOUNT * 100));
        q.put("vnp_BankCode", "NCB");
        q.put("vnp_OrderInfo", "Thanh toan phi ho so");
        q.put("vnp_PayDate", "20261201093000");
        q.put("vnp_ResponseCode", "00");
        q.put("vnp_TmnCode", (String) secrets.get("tmnCode"));
        q.put("vnp_TransactionNo", transaction);
        q.put("vnp_TransactionStatus", "00");
        q.put("vnp_TxnRef", ref);
        q.put("vnp_SecureHash", VnPayGateway.sign((String) secrets.get("hashSecret"), q));
        return q;
    }

    /** The sample event of events/ with the IPN of {@code ref} in it. */
    @SuppressWarnings("unchecked")
    static String event(Path root, String ref) {
        try {
            Map<String, Object> e = (Map<String, Object>) Json.parse(Files.readString(root.resolve("events/payment-callback-vnpay-ipn.json")));
            Map<String, String> q = ipn(root, ref, Long.toString(14_000_000 + (long) (Math.random() * 999_999)));
            e.put("queryStringParameters", new LinkedHashMap<>(q));
            StringBuilder raw = new StringBuilder();
            q.forEach((k, v) -> raw.append(raw.isEmpty() ? "" : "&").append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
            e.put("rawQueryString", raw.toString());
            return Json.write(e);
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

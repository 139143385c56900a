package vn.gov.bvhttdl.dvc.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of online payment, as data ({@code rules/payments.json}): where a dossier waits for payment, how long a
 * request stays open, when reconciliation asks the provider, when the money goes back, and the providers offered.
 */
public record PaymentRules(String waitAt, Set<String> procedures, Duration expiry, Duration reconcileAfter, Set<DossierStatus> refundWhen,
                           Map<String, Provider> providers, List<Citation> basis) {

    public record Provider(String code, Text name, Citation basis) {}

    private static final PaymentRules STANDARD = read(Json.obj(Json.resource("/rules/payments.json")));

    public static PaymentRules standard() { return STANDARD; }

    static PaymentRules read(Map<String, Object> m) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        Json.obj(m.get("providers")).forEach((code, v) -> {
            Map<String, Object> p = Json.obj(v);
            providers.put(code, new Provider(code, Json.text(p, "name"), Citation.of(Json.obj(p.get("basis")))));
        });
        List<Citation> basis = Json.list(m.get("basis")).stream().map(Json::obj).map(Citation::of).toList();
        Set<DossierStatus> refund = Json.list(m.get("refundWhen")).stream().map(String::valueOf).map(DossierStatus::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        long expiry = ((Number) m.get("expiryMinutes")).longValue();
        long reconcile = ((Number) m.get("reconcileAfterMinutes")).longValue();
        if (expiry < 1 || reconcile <= expiry) throw new IllegalArgumentException("reconciliation waits longer than the expiry");
        Set<String> procedures = Json.list(m.get("procedures")).stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        return new PaymentRules(Json.str(m, "waitAt"), procedures, Duration.ofMinutes(expiry), Duration.ofMinutes(reconcile), refund,
                Map.copyOf(providers), basis);
    }

    /**
     * The fee lines a dossier of {@code p} submitted on {@code day} pays online: every fee with its amount on that
     * day. Empty when the procedure is not level 4, its online payment is not enabled ({@code procedures}), it has no
     * fee, or one of its fees depends on the case (collected at the desk).
     */
    public List<Payment.Line> linesFor(Procedure p, LocalDate day) {
        if (p.serviceLevel() != 4 || !procedures.contains(p.code()) || p.fees().isEmpty()) return List.of();
        List<Payment.Line> out = new ArrayList<>();
        for (Procedure.Fee f : p.fees()) {
            Long amount = f.amountOn(day);
            if (amount == null || amount <= 0) return List.of();
            Citation basis = f.rateOn(day).map(Procedure.Rate::basis).orElse(f.basis());
            out.add(new Payment.Line(f.name(), amount, basis));
        }
        return List.copyOf(out);
    }
}

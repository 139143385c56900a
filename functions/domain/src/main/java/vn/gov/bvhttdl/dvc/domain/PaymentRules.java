package vn.gov.bvhttdl.dvc.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of online payment, as data ({@code rules/payments.json}): where a dossier waits for payment, how long a
 * request stays open, when reconciliation asks the provider, the providers offered, and per procedure with fees
 * ({@code procedures}): whether its fee is paid online and when, the tariff of a fee that depends on the case, how a
 * fee not paid online is paid, and whether the fee goes back when the dossier is refused, withdrawn or stopped.
 */
public record PaymentRules(String waitAt, Map<String, ProcedureRule> byProcedure, Duration expiry, Duration reconcileAfter,
                           Set<DossierStatus> refundWhenDefault, Map<String, Provider> providers, List<Citation> basis) {

    /** The only moment built: the dossier waits for payment at the one-stop desk's step, once received. */
    public static final String AT_RECEPTION = "reception";

    public record Provider(String code, Text name, Citation basis) {}

    /** One item of a fee that depends on the case (a film's kind and length, a work's type): the applicant chooses it. */
    public record TariffItem(String code, Text name, long amountVnd, Citation basis) {}

    /**
     * A procedure's payment rule.
     *
     * @param online     its fee is paid on this portal ({@code when}: the moment the dossier waits for it)
     * @param tariff     the items to choose from when its fee depends on the case (empty when every fee is an amount)
     * @param how        how the fee is paid when not online (vi+en)
     * @param refundWhen the dossier statuses after which a paid fee goes back (empty: never, but a double payment)
     */
    public record ProcedureRule(String code, boolean online, String when, List<Citation> basis, List<TariffItem> tariff, Text how,
                                Set<DossierStatus> refundWhen, Citation refundBasis) {
        public Optional<TariffItem> item(String itemCode) {
            return tariff.stream().filter(i -> i.code().equals(itemCode)).findFirst();
        }
    }

    private static final PaymentRules STANDARD = read(Json.obj(Json.resource("/rules/payments.json")));

    public static PaymentRules standard() { return STANDARD; }

    static PaymentRules read(Map<String, Object> m) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        Json.obj(m.get("providers")).forEach((code, v) -> {
            Map<String, Object> p = Json.obj(v);
            providers.put(code, new Provider(code, Json.text(p, "name"), Citation.of(Json.obj(p.get("basis")))));
        });
        List<Citation> basis = citations(m.get("basis"));
        Set<DossierStatus> refundDefault = statuses(m.get("refundWhenDefault"));
        long expiry = ((Number) m.get("expiryMinutes")).longValue();
        long reconcile = ((Number) m.get("reconcileAfterMinutes")).longValue();
        if (expiry < 1 || reconcile <= expiry) throw new IllegalArgumentException("reconciliation waits longer than the expiry");
        String waitAt = Json.str(m, "waitAt");
        Map<String, ProcedureRule> rules = new LinkedHashMap<>();
        Json.obj(m.get("procedures")).forEach((code, v) -> {
            Map<String, Object> p = Json.obj(v);
            boolean online = Boolean.TRUE.equals(p.get("online"));
            String when = online ? Json.str(p, "when") : null;
            if (online && !AT_RECEPTION.equals(when)) {
                throw new IllegalArgumentException(code + ": only payment at reception is built, not " + when);
            }
            List<TariffItem> tariff = Json.list(p.get("tariff")).stream().map(Json::obj).map(t -> {
                long amount = ((Number) t.get("amountVnd")).longValue();
                if (amount <= 0) throw new IllegalArgumentException(code + ": a tariff item is a positive amount");
                return new TariffItem(Json.str(t, "code"), Json.text(t, "name"), amount, Citation.of(Json.obj(t.get("basis"))));
            }).toList();
            if (tariff.stream().map(TariffItem::code).distinct().count() != tariff.size()) throw new IllegalArgumentException(code + ": tariff codes repeat");
            Text how = p.get("how") == null ? null : Json.text(p, "how");
            if (!online && how == null) throw new IllegalArgumentException(code + ": a fee not paid online says how it is paid");
            Set<DossierStatus> refund = p.containsKey("refundWhen") ? statuses(p.get("refundWhen")) : refundDefault;
            Citation refundBasis = p.get("refundBasis") == null ? null : Citation.of(Json.obj(p.get("refundBasis")));
            rules.put(code, new ProcedureRule(code, online, when, citations(p.get("basis")), tariff, how, refund, refundBasis));
        });
        return new PaymentRules(waitAt, Map.copyOf(rules), Duration.ofMinutes(expiry), Duration.ofMinutes(reconcile), refundDefault,
                Map.copyOf(providers), basis);
    }

    private static List<Citation> citations(Object o) {
        return Json.list(o).stream().map(Json::obj).map(Citation::of).toList();
    }

    private static Set<DossierStatus> statuses(Object o) {
        return Json.list(o).stream().map(String::valueOf).map(DossierStatus::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    /** The codes of the procedures whose fees are paid online. */
    public Set<String> procedures() {
        return byProcedure.values().stream().filter(ProcedureRule::online).map(ProcedureRule::code).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<ProcedureRule> rule(String procedureCode) {
        return Optional.ofNullable(procedureCode == null ? null : byProcedure.get(procedureCode));
    }

    /** {@code p}'s fees are paid on this portal: level 4, enabled, with a fee (an amount or a tariff). */
    public boolean paysOnline(Procedure p) {
        if (p.serviceLevel() != 4 || p.fees().isEmpty()) return false;
        return rule(p.code()).filter(ProcedureRule::online).isPresent();
    }

    /** The tariff to choose from when paying {@code p} online (empty when its fees are amounts, or it is not paid online). */
    public List<TariffItem> tariff(Procedure p) {
        return paysOnline(p) ? rule(p.code()).map(ProcedureRule::tariff).orElse(List.of()) : List.of();
    }

    /** How {@code p}'s fee is paid when it is not paid online (null when it is, or the rules do not say). */
    public Text how(Procedure p) {
        if (p.fees().isEmpty() || paysOnline(p)) return null;
        return rule(p.code()).map(ProcedureRule::how).orElse(null);
    }

    /** A dossier of {@code p} waits for payment once received: its fees are paid online, as amounts or from a tariff. */
    public boolean dueAtReception(Procedure p, LocalDate day) {
        return !linesFor(p, day).isEmpty() || !tariff(p).isEmpty();
    }

    /**
     * The fee lines a dossier of {@code p} submitted on {@code day} pays online: every fee with its amount on that
     * day. Empty when the procedure is not level 4, its online payment is not enabled, it has no fee, or one of its
     * fees depends on the case (then see {@link #linesFor(Procedure, LocalDate, String)} with a tariff item).
     */
    public List<Payment.Line> linesFor(Procedure p, LocalDate day) {
        if (!paysOnline(p)) return List.of();
        List<Payment.Line> out = new ArrayList<>();
        for (Procedure.Fee f : p.fees()) {
            Long amount = f.amountOn(day);
            if (amount == null || amount <= 0) return List.of();
            Citation basis = f.rateOn(day).map(Procedure.Rate::basis).orElse(f.basis());
            out.add(new Payment.Line(f.name(), amount, basis));
        }
        return List.copyOf(out);
    }

    /**
     * The lines paid for {@code p} with the tariff item {@code itemCode} the applicant chose (a fee that depends on the
     * case: its one fee, at the item's amount and basis); the fixed lines when {@code p}'s fees are amounts; empty
     * when nothing is paid online or the item is not one of the tariff's.
     */
    public List<Payment.Line> linesFor(Procedure p, LocalDate day, String itemCode) {
        List<TariffItem> tariff = tariff(p);
        if (tariff.isEmpty()) return linesFor(p, day);
        if (itemCode == null || p.fees().size() != 1) return List.of();
        Procedure.Fee fee = p.fees().get(0);
        return rule(p.code()).flatMap(r -> r.item(itemCode)).map(i -> List.of(new Payment.Line(
                new Text(fee.name().vi() + " — " + i.name().vi(), fee.name().en() + " — " + i.name().en()), i.amountVnd(), i.basis())))
                .orElse(List.of());
    }

    /** Whether a paid fee of a dossier of {@code procedureCode} that ended {@code status} goes back (its procedure's rule). */
    public boolean refundOn(String procedureCode, DossierStatus status) {
        return rule(procedureCode).map(ProcedureRule::refundWhen).orElse(refundWhenDefault).contains(status);
    }
}

package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** rules/payments.json as read: each procedure's rule is checked when the rules are loaded. */
class PaymentRulesTest {
    @SuppressWarnings("unchecked")
    static Map<String, Object> standardJson() {
        return Json.obj(Json.parse(Json.write(Json.resource("/rules/payments.json"))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withProcedure(String code, Map<String, Object> rule) {
        Map<String, Object> m = new LinkedHashMap<>(standardJson());
        Map<String, Object> procedures = new LinkedHashMap<>(Json.obj(m.get("procedures")));
        procedures.put(code, rule);
        m.put("procedures", procedures);
        return m;
    }

    @Test
    void theStandardRulesReadAndEveryRefundRuleHasItsBasis() {
        PaymentRules r = PaymentRules.read(standardJson());
        assertEquals(r.procedures(), PaymentRules.standard().procedures());
        for (PaymentRules.ProcedureRule p : r.byProcedure().values()) {
            if (p.online()) {
                assertNotNull(p.refundBasis(), p.code());
                assertEquals(PaymentRules.AT_RECEPTION, p.when(), p.code());
            } else {
                assertNotNull(p.how(), p.code());
            }
            p.tariff().forEach(i -> assertTrue(i.amountVnd() > 0 && i.basis() != null, p.code() + " " + i.code()));
        }
        // the film tariff: Circular 289/2016 Art 4(1) part II, 1.5 and 2 episodes for 101–150 and 151–200 minutes
        var film = r.rule("BVHTTDL-DA-001").orElseThrow();
        assertEquals(3_600_000, film.item("commercial-feature-100").orElseThrow().amountVnd());
        assertEquals(5_400_000, film.item("commercial-feature-150").orElseThrow().amountVnd());
        assertEquals(7_200_000, film.item("commercial-feature-200").orElseThrow().amountVnd());
        assertEquals(4_800_000, film.item("noncommercial-feature-200").orElseThrow().amountVnd());
        assertFalse(r.refundOn("BVHTTDL-DA-001", DossierStatus.REFUSED));
        assertFalse(r.refundOn("BVHTTDL-XX-999", DossierStatus.WITHDRAWN), "no rule: the default, no refund");
    }

    @Test
    void aRuleThatCannotBeBuiltIsRefusedWhenTheRulesAreRead() {
        assertThrows(IllegalArgumentException.class, () -> PaymentRules.read(withProcedure("BVHTTDL-X", Map.of("online", true, "when", "return"))),
                "only payment at reception is built");
        assertThrows(IllegalArgumentException.class, () -> PaymentRules.read(withProcedure("BVHTTDL-X", Map.of("online", false))),
                "a fee not paid online says how");
        assertThrows(IllegalArgumentException.class, () -> PaymentRules.read(withProcedure("BVHTTDL-X", Map.of("online", true, "when", "reception",
                "tariff", List.of(Map.of("code", "a", "name", Map.of("vi", "A", "en", "A"), "amountVnd", 0, "basis", Map.of("document", "x", "confirmed", false)))))),
                "a tariff item is a positive amount");
        PaymentRules refunding = PaymentRules.read(withProcedure("BVHTTDL-X", Map.of("online", true, "when", "reception", "refundWhen", List.of("WITHDRAWN"))));
        assertTrue(refunding.refundOn("BVHTTDL-X", DossierStatus.WITHDRAWN));
        assertFalse(refunding.refundOn("BVHTTDL-X", DossierStatus.REFUSED));
    }
}

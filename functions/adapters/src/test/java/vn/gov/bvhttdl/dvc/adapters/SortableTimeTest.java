package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Audit keys sort by time as text, two moves of one instant keep their order, and older keys still read in order. */
class SortableTimeTest {
    static final Instant T10 = Instant.parse("2026-03-02T03:00:10Z");
    static final Instant T10_1 = Instant.parse("2026-03-02T03:00:10.100Z");
    static final Instant T10_123456 = Instant.parse("2026-03-02T03:00:10.123456Z");
    static final Instant T10_NANO = Instant.parse("2026-03-02T03:00:10.123456789Z");

    static AuditEvent event(Instant at, String action, DossierStatus from, DossierStatus to) {
        return new AuditEvent("d-1", at, "x", Role.SYSTEM, action, from, to, null, Map.of());
    }

    @Test
    void everyMomentHasTheSameWidthAndTextOrderIsTimeOrder() {
        assertEquals("2026-03-02T03:00:10.000000000Z", SortableTime.format(T10));
        assertEquals("2026-03-02T03:00:10.100000000Z", SortableTime.format(T10_1));
        assertEquals("2026-03-02T03:00:10.123456789Z", SortableTime.format(T10_NANO));
        List<Instant> times = List.of(T10_NANO, T10, T10_123456, T10_1, Instant.parse("2026-03-02T03:00:09.999Z"));
        List<String> keys = new ArrayList<>(times.stream().map(t -> SortableTime.auditKey(t, 0)).toList());
        keys.sort(Comparator.naturalOrder());
        List<Instant> byText = keys.stream().map(k -> SortableTime.parse(k.split("#")[1])).toList();
        assertEquals(times.stream().sorted().toList(), byText);
        // what Instant.toString() gave: "…:10Z" after "…:10.1Z"
        assertTrue(("AUDIT#" + T10).compareTo("AUDIT#" + T10_1) > 0, "the old keys did not sort by time");
        assertEquals(T10_1, SortableTime.parse(SortableTime.format(T10_1)));
    }

    @Test
    void twoMovesOfOneInstantKeepTheirOrder() {
        String receive = SortableTime.auditKey(T10, 3);
        String payment = SortableTime.auditKey(T10, 4);
        assertTrue(receive.compareTo(payment) < 0, receive + " before " + payment);
        assertEquals(3, SortableTime.sequence(receive));
        assertEquals(4, SortableTime.sequence(payment));
        // whatever the random tails, read back in the move order
        List<AuditEvent> trail = SortableTime.inOrder(List.of(
                new SortableTime.Keyed(event(T10, "request-payment", DossierStatus.RECEIVED, DossierStatus.AWAITING_PAYMENT),
                        "AUDIT#" + SortableTime.format(T10) + "#0000000004#00000000"),
                new SortableTime.Keyed(event(T10, "receive", DossierStatus.SUBMITTED, DossierStatus.RECEIVED),
                        "AUDIT#" + SortableTime.format(T10) + "#0000000003#ffffffff")));
        assertEquals(List.of("receive", "request-payment"), trail.stream().map(AuditEvent::action).toList());
    }

    @Test
    void olderKeysOfMixedWidthsAndOneInstantReadInTrueOrder() {
        // as a query returns them: by text, so "…:10Z" after "…:10.1Z", and the same instant by the random tail
        List<SortableTime.Keyed> stored = List.of(
                new SortableTime.Keyed(event(T10, "submit", DossierStatus.DRAFT, DossierStatus.SUBMITTED), "AUDIT#" + T10 + "#1a2b3c4d"),
                new SortableTime.Keyed(event(T10_1, "request-payment", DossierStatus.RECEIVED, DossierStatus.AWAITING_PAYMENT), "AUDIT#" + T10_1 + "#00aa00aa"),
                new SortableTime.Keyed(event(T10_1, "receive", DossierStatus.SUBMITTED, DossierStatus.RECEIVED), "AUDIT#" + T10_1 + "#ff00ff00"),
                new SortableTime.Keyed(event(Instant.parse("2026-03-02T03:00:09Z"), "create", null, DossierStatus.DRAFT), "AUDIT#2026-03-02T03:00:09Z#99999999"),
                // and one written after the change, in the new form
                new SortableTime.Keyed(event(T10_NANO, "confirm-payment", DossierStatus.AWAITING_PAYMENT, DossierStatus.RECEIVED),
                        SortableTime.auditKey(T10_NANO, 6)));
        List<String> sortedAsText = stored.stream().map(SortableTime.Keyed::key).sorted().toList();
        assertNotEquals(stored.stream().sorted(Comparator.comparing((SortableTime.Keyed k) -> k.event().at())).map(SortableTime.Keyed::key).toList(),
                sortedAsText, "as text the old keys are out of time order");
        List<SortableTime.Keyed> asQueried = sortedAsText.stream().map(k -> stored.stream().filter(s -> s.key().equals(k)).findFirst().orElseThrow()).toList();
        assertEquals(List.of("create", "submit", "receive", "request-payment", "confirm-payment"),
                SortableTime.inOrder(asQueried).stream().map(AuditEvent::action).toList());
    }
}

package vn.gov.bvhttdl.dvc.adapters;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The stream's images read by the table's layout: a dossier's own item, an audit entry, and nothing else. */
class StreamItemsTest {
    static AttributeValue s(String v) { return new AttributeValue().withS(v); }

    static AttributeValue n(String v) { return new AttributeValue().withN(v); }

    @Test
    void aDossiersOwnItemWithAStatusIsReadAndAnyOtherItemIsNot() {
        Map<String, AttributeValue> meta = Map.of("PK", s("DOSSIER#d1"), "SK", s("META"), "agencyCode", s("CDLQG"),
                "status", s("RECEIVED"), "version", n("3"), "GSI4PK", s("HOLDER#CDLQG#MOTCUA#RECEIVED"), "code", s("X-1"));
        assertEquals(Optional.of(new StreamItems.DossierState("d1", "CDLQG", "RECEIVED", "HOLDER#CDLQG#MOTCUA#RECEIVED", 3L)),
                StreamItems.dossier(meta));
        assertEquals(Optional.of(new StreamItems.DossierState("d1", "CDLQG", "SUBMITTED", null, null)),
                StreamItems.dossier(Map.of("PK", s("DOSSIER#d1"), "SK", s("META"), "agencyCode", s("CDLQG"), "status", s("SUBMITTED"))),
                "no version, no queue: read as absent");
        assertEquals(Optional.empty(), StreamItems.dossier(Map.of("PK", s("DOSSIER#d1"), "SK", s("META"))), "no status");
        assertEquals(Optional.empty(), StreamItems.dossier(Map.of("PK", s("DOSSIER#d1"), "SK", s("SURVEY"), "status", s("X"))));
        assertEquals(Optional.empty(), StreamItems.dossier(Map.of("PK", s("PAYMENT#r"), "SK", s("META"), "status", s("PAID"))));
        assertEquals(Optional.empty(), StreamItems.dossier(null), "a removed item has no new image");
        var unreadable = assertThrows(vn.gov.bvhttdl.dvc.domain.DomainException.class, () -> StreamItems.dossier(Map.of(
                "PK", s("DOSSIER#d1"), "SK", s("META"), "status", s("RECEIVED"), "version", n("x"))));
        assertEquals("unreadable-message", unreadable.problem(), "permanent: sent again, the same answer");
    }

    @Test
    void anAuditEntryIsReadWithItsOwnKeyAndAnyOtherItemIsNot() {
        String sk = StreamItems.auditSortKey(Instant.parse("2026-12-01T03:00:00Z"));
        assertTrue(sk.startsWith("AUDIT#2026-12-01T03:00:00.000000000Z#"), sk);
        Map<String, AttributeValue> img = Map.of("PK", s("DOSSIER#d1"), "SK", s(sk), "dossierId", s("d1"),
                "at", s("2026-12-01T03:00:00Z"), "actor", s("validation-function"), "role", s("SYSTEM"), "action", s("receive"),
                "fromStatus", s("SUBMITTED"), "toStatus", s("RECEIVED"),
                "details", new AttributeValue().withM(Map.of("code", s("X-7"), "dueDate", s("2026-12-08"))));
        StreamItems.Audit a = StreamItems.audit(img).orElseThrow();
        assertEquals(new AuditEvent("d1", Instant.parse("2026-12-01T03:00:00Z"), "validation-function", Role.SYSTEM, "receive",
                DossierStatus.SUBMITTED, DossierStatus.RECEIVED, null, Map.of("code", "X-7", "dueDate", "2026-12-08")), a.event());
        assertEquals("d1/" + sk, a.key());
        // an entry without a role is the system's; one without details has none
        AuditEvent bare = StreamItems.audit(Map.of("PK", s("DOSSIER#d2"), "SK", s("AUDIT#2026-12-01T03:00:00Z#ab"),
                "at", s("2026-12-01T03:00:00Z"), "actor", s("x"), "action", s("file-accepted"))).orElseThrow().event();
        assertEquals("d2", bare.dossierId());
        assertEquals(Role.SYSTEM, bare.role());
        assertEquals(Map.of(), bare.details());
        assertEquals(Optional.empty(), StreamItems.audit(Map.of("PK", s("DOSSIER#d1"), "SK", s("META"), "action", s("x"))));
        assertEquals(Optional.empty(), StreamItems.audit(Map.of("PK", s("DOSSIER#d1"), "SK", s(sk))), "no action");
        assertEquals(Optional.empty(), StreamItems.audit(null));
    }
}

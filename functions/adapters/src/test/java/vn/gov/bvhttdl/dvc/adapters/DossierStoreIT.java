package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The store against dynoxide, a real DynamoDB-protocol server. */
class DossierStoreIT {
    static DossierStore store;
    static Table table;
    final Procedure licence = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
    final Applicant applicant = new Applicant("Trần Thị Bình", "001199000001", null, "Huế", "0912345678", null);

    @BeforeAll
    static void stack() {
        TestStack.get();
        store = DossierStore.fromSettings();
        table = Table.of(store);
    }

    private Dossier.Change newDraft(String owner) {
        return Dossier.draft(UUID.randomUUID().toString(), licence, owner, applicant, Map.of("note", "Ghi chú"), Instant.now());
    }

    @Test
    void storesChangesWithTheirAuditTrailAndRefusesStaleWrites() {
        Dossier.Change created = newDraft("owner-a");
        store.create(created);
        assertThrows(DomainException.class, () -> store.create(created), "the same id twice");

        Dossier loaded = store.find(created.dossier().id()).orElseThrow();
        assertEquals(created.dossier(), loaded);

        Dossier.Change submitted = loaded.handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen("owner-a"), Instant.now());
        store.save(submitted);
        // a second writer who read the draft too loses, and nothing of its change is stored
        Dossier.Change stale = loaded.handle(new vn.gov.bvhttdl.dvc.domain.Command.Withdraw("đổi ý"), vn.gov.bvhttdl.dvc.domain.Actor.citizen("owner-a"), Instant.now());
        // a lost race, not a refusal: the use case may read again and retry; the user would be told to reload
        vn.gov.bvhttdl.dvc.domain.ConcurrentChange conflict = assertThrows(vn.gov.bvhttdl.dvc.domain.ConcurrentChange.class, () -> store.save(stale));
        assertEquals(DomainException.Kind.RACE, conflict.kind());
        assertEquals("changed-meanwhile", conflict.problem());

        Dossier now = store.find(created.dossier().id()).orElseThrow();
        assertEquals(DossierStatus.SUBMITTED, now.status());
        var history = store.history(now.id());
        assertEquals(List.of("create", "submit"), history.stream().map(e -> e.action()).toList());
        assertEquals(DossierStatus.DRAFT, history.get(1).from());
    }

    @Test
    void findsByCodeAndListsOnlyTheOwnersDossiers() {
        Dossier.Change mine = newDraft("owner-b");
        store.create(mine);
        store.create(newDraft("owner-c"));
        Dossier submitted = store.find(mine.dossier().id()).orElseThrow();
        Dossier.Change s = submitted.handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen("owner-b"), Instant.now());
        store.save(s);
        String code = "000.00.12.G17-260115-" + String.format("%04d", (int) (Math.random() * 9000) + 1);
        store.save(s.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Receive(code, java.time.LocalDate.of(2026, 1, 29), "reception", "MOTCUA", null), vn.gov.bvhttdl.dvc.domain.Actor.system("validation"), Instant.now()));

        Dossier byCode = table.workQueues().findByCode(code).orElseThrow();
        assertEquals(mine.dossier().id(), byCode.id());
        assertEquals(DossierStatus.RECEIVED, byCode.status());
        assertEquals(java.time.LocalDate.of(2026, 1, 29), byCode.dueDate());
        assertEquals(licence.version(), byCode.procedureVersion());
        assertTrue(table.workQueues().findByCode("000.00.12.G17-990101-0001").isEmpty());

        List<Dossier> bs = table.workQueues().byOwner("owner-b", 50);
        assertEquals(1, bs.size());
        assertEquals("owner-b", bs.get(0).ownerId());
        assertTrue(table.workQueues().byOwner("nobody", 50).isEmpty());
    }

    @Test
    void dailySequenceNeverRepeatsUnderConcurrency() throws Exception {
        String day = "99" + UUID.randomUUID().toString().substring(0, 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<Long> got = new ConcurrentLinkedQueue<>();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            fs.add(pool.submit(() -> { for (int i = 0; i < 25; i++) got.add(table.sequences().nextSequence("UNIT.X", day)); }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        Set<Long> distinct = new TreeSet<>(got);
        assertEquals(200, got.size());
        assertEquals(200, distinct.size(), "a number was handed out twice");
        assertEquals(1L, ((TreeSet<Long>) distinct).first());
        assertEquals(200L, ((TreeSet<Long>) distinct).last());
        assertEquals(1L, table.sequences().nextSequence("UNIT.Y", day), "each unit has its own sequence");
    }

    @Test
    void anUploadIsAuthorisedPendingThenItsVerdictIsRecordedOnce() {
        Dossier.Change d = newDraft("owner-d");
        store.create(d);
        String id = d.dossier().id();
        String key = "dossiers/" + id + "/DON/" + UUID.randomUUID();
        Attachment pending = new Attachment(id, key, "DON", "đơn đề nghị.pdf", "application/pdf", 1234,
                Attachment.Status.PENDING, null, null, null, null, Instant.now(), null);
        table.attachments().authoriseUpload(pending);
        assertEquals(Attachment.Status.PENDING, table.attachments().attachments(id).get(0).status());

        Attachment accepted = pending.scanned(Attachment.Status.ACCEPTED, null, "pdf", "ab".repeat(32), 2, Instant.now());
        assertTrue(table.attachments().recordVerdict(accepted));
        assertFalse(table.attachments().recordVerdict(accepted), "a second notification changes nothing");
        Attachment stored = table.attachments().attachments(id).get(0);
        assertEquals(Attachment.Status.ACCEPTED, stored.status());
        assertEquals(2, stored.pages());
        assertEquals("đơn đề nghị.pdf", stored.fileName());
        assertEquals(1, store.history(id).stream().filter(e -> e.action().equals("attachment-accepted")).count());

        DomainException unknown = assertThrows(DomainException.class, () -> table.attachments().recordVerdict(new Attachment(id,
                "dossiers/" + id + "/DON/never-authorised", "DON", "x.pdf", "application/pdf", 1, Attachment.Status.ACCEPTED,
                null, "pdf", "00", 1, Instant.now(), Instant.now())));
        assertEquals("upload-not-authorised", unknown.problem());
        DomainException noDossier = assertThrows(DomainException.class, () -> table.attachments().authoriseUpload(new Attachment("no-such",
                "dossiers/no-such/DON/x", "DON", "x.pdf", "application/pdf", 1, Attachment.Status.PENDING, null, null, null, null,
                Instant.now(), null)));
        assertEquals(DomainException.Kind.NOT_FOUND, noDossier.kind());
    }

    /**
     * The reception and the payment request made at one instant read back in that order, whatever the random tails;
     * entries stored under the older keys (time of 0, 3, 6 or 9 fraction digits) read back in time order too.
     */
    @Test
    void theTrailReadsInTrueOrderForMovesOfOneInstantAndOlderKeys() {
        vn.gov.bvhttdl.dvc.domain.Actor system = vn.gov.bvhttdl.dvc.domain.Actor.system("validation");
        Instant t = Instant.parse("2026-03-02T03:00:10Z");
        for (int round = 0; round < 8; round++) { // a random tail decided the order before: eight rounds, all in order
            Dossier.Change created = Dossier.draft(UUID.randomUUID().toString(), licence, "owner-t", applicant, Map.of(), t.minusSeconds(60));
            store.create(created);
            Dossier.Change submitted = created.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0),
                    vn.gov.bvhttdl.dvc.domain.Actor.citizen("owner-t"), t.minusSeconds(30));
            store.save(submitted);
            Dossier.Change received = submitted.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Receive("000.00.12.G17-260302-" + (1000 + round),
                    java.time.LocalDate.of(2026, 3, 16), "reception", "MOTCUA", null), system, t);
            store.save(received);
            store.save(received.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.RequestPayment(3_000_000, 1), system, t));
            assertEquals(List.of("create", "submit", "receive", "request-payment"),
                    store.history(created.dossier().id()).stream().map(e -> e.action()).toList(), "round " + round);
        }
        // older keys: written by Instant.toString(), so "…:10Z" sorts after "…:10.1Z" as text
        String id = UUID.randomUUID().toString();
        String[][] old = {
                {"2026-03-02T03:00:09Z", "create", null, "DRAFT"},
                {"2026-03-02T03:00:10Z", "submit", "DRAFT", "SUBMITTED"},
                {"2026-03-02T03:00:10.100Z", "receive", "SUBMITTED", "RECEIVED"},
                {"2026-03-02T03:00:10.100Z", "request-payment", "RECEIVED", "AWAITING_PAYMENT"},
                {"2026-03-02T03:00:10.123456Z", "confirm-payment", "AWAITING_PAYMENT", "RECEIVED"},
        };
        String[] tails = {"5", "4", "f", "0", "2"}; // request-payment's tail before receive's
        for (int k = 0; k < old.length; k++) {
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new java.util.HashMap<>();
            item.put("PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Layout.dossierPk(id)));
            item.put("SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Layout.AUDIT + old[k][0] + "#" + tails[k].repeat(8)));
            item.put("dossierId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id));
            item.put("at", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(old[k][0]));
            item.put("actor", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"));
            item.put("role", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SYSTEM"));
            item.put("action", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(old[k][1]));
            if (old[k][2] != null) item.put("fromStatus", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(old[k][2]));
            item.put("toStatus", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(old[k][3]));
            store.client().putItem(b -> b.tableName(store.tableName()).item(item));
        }
        assertEquals(List.of("create", "submit", "receive", "request-payment", "confirm-payment"),
                store.history(id).stream().map(e -> e.action()).toList());
    }

    /** The facts the state counts are stored with the dossier; an item stored before them reads them from its trail. */
    @Test
    void theFactsAreStoredAndAnOlderItemGetsThemFromItsTrail() {
        var intake = new vn.gov.bvhttdl.dvc.domain.Facts.Intake(vn.gov.bvhttdl.dvc.domain.Facts.Origin.NATIONAL_PORTAL,
                vn.gov.bvhttdl.dvc.domain.Facts.VNEID, new vn.gov.bvhttdl.dvc.domain.Facts.Representative("Trần Thị Bình", "079190004567"),
                "000.00.00.G22-260302-0009");
        Instant t = Instant.parse("2026-03-02T03:00:00Z");
        Dossier.Change created = Dossier.draft(UUID.randomUUID().toString(), licence, "owner-f", applicant, Map.of(), t, intake);
        store.create(created);
        Dossier.Change submitted = created.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0),
                vn.gov.bvhttdl.dvc.domain.Actor.citizen("owner-f"), t.plusSeconds(60));
        store.save(submitted);
        Dossier.Change asked = submitted.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.RequestSupplement(List.of("Bản sao")),
                vn.gov.bvhttdl.dvc.domain.Actor.system("validation"), t.plusSeconds(120));
        store.save(asked);
        String id = created.dossier().id();
        Dossier loaded = store.find(id).orElseThrow();
        assertEquals(asked.dossier().facts(), loaded.facts());
        assertEquals(1, loaded.facts().supplements().size());
        assertTrue(loaded.facts().identityVerified());
        assertEquals("000.00.00.G22-260302-0009", loaded.facts().nationalCode(), "the national code is kept");

        // the same item as a dossier stored before facts were recorded: no facts attribute
        store.client().updateItem(b -> b.tableName(store.tableName())
                .key(Map.of("PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Layout.dossierPk(id)),
                        "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Layout.META)))
                .updateExpression("REMOVE facts"));
        assertEquals(asked.dossier().facts(), store.find(id).orElseThrow().facts(), "read from its trail, the same facts");
    }
}

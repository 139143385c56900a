package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryOwnData;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryReadLog;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWarehouse;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.PersonalData;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The citizen's own data (issue #25 item 4): the archive holds everything of theirs and nothing of another person's;
 * who looked at their dossiers, across all of them, newest first, paged; drafts and their own warehouse documents
 * deleted (and recorded), the rest refused with a problem.
 */
class MyDataTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryWorkQueues lists = new InMemoryWorkQueues(dossiers);
    final InMemoryResults results = new InMemoryResults();
    final InMemoryNotices notices = new InMemoryNotices();
    final InMemoryReadLog log = new InMemoryReadLog();
    final InMemoryWarehouse warehouse = new InMemoryWarehouse();
    final InMemoryOwnData own = new InMemoryOwnData(dossiers, clock);
    final MyData myData = new MyData(dossiers, lists, dossiers, new InMemoryPayments(dossiers), results, notices, new InMemorySurveyAnswers(),
            log, warehouse, own, PersonalData.standard(), clock);

    final Actor hoa = Actor.citizen("sub-hoa");
    final Actor be = Actor.citizen("sub-be");
    final List<String> hoaOwners = List.of(WarehouseDocument.personal("079199001234"));
    final List<String> beOwners = List.of(WarehouseDocument.personal("001088009999"));

    Dossier draft(String id, String owner, String name, String idNumber) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(id, p, owner, new Applicant(name, idNumber, null, null, "0987000111", null),
                Map.of("companyName", "Công ty của " + name), t0);
        dossiers.create(c);
        return c.dossier();
    }

    /** A received dossier of {@code owner} with one accepted upload holding {@code bytes} and one signed result. */
    String received(String id, String owner, String name, String idNumber, String code, String bytes) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier d = draft(id, owner, name, idNumber);
        Dossier.Change s = d.handle(new Command.Submit("{}", 0), Actor.citizen(owner), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive(code, LocalDate.of(2026, 3, 16), first.code(), first.unit(), LocalDate.of(2026, 3, 3)),
                Actor.system("v"), t0));
        String key = "dossiers/" + id + "/DON/u-" + id;
        dossiers.addFile(new Attachment(id, key, "DON", "don.pdf", "application/pdf", bytes.length(), Attachment.Status.ACCEPTED, null, "pdf",
                "00", 1, t0, t0, null));
        own.uploads.put(key, bytes.getBytes(StandardCharsets.UTF_8));
        results.store(new IssuedResult("r-" + id, code + "-KQ1", 1, id, code, p.code(), p.version(), p.agencyCode(),
                new Text("Giấy phép", "Licence"), List.of(), t0, null, "00", "CN=Test", IssuedResult.Status.VALID, null, null, null),
                ("%PDF result of " + code).getBytes(StandardCharsets.UTF_8));
        return id;
    }

    void read(String dossierId, Instant at, String officialName) {
        log.record(new ReadLog.Read(dossierId, at, "acct-" + officialName.hashCode(), officialName, "CDLQG", "MOTCUA", "ONE_STOP", "dossier", null));
    }

    WarehouseDocument document(String owner, String id, WarehouseDocument.Kind kind, String name) {
        return new WarehouseDocument(owner, id, kind, "LICENCE", new Text(name, name), null, null, null, null, LocalDate.of(2026, 1, 5), null, null,
                "CDLQG", "wh/" + id, null, "00", null, WarehouseDocument.Status.VALID, null, null, null, null, t0, "sub");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    @Test
    void theArchiveHoldsEverythingOfTheCallerAndNothingOfAnotherPerson() throws IOException {
        received("d-hoa", "sub-hoa", "Phạm Thị Hoa", "079199001234", "000.00.12.G17-260302-0901", "HOA-FILE-BYTES");
        received("d-be", "sub-be", "Trần Văn Bê", "001088009999", "000.00.12.G17-260302-0902", "BE-FILE-BYTES");
        read("d-hoa", t0.plusSeconds(60), "Nguyễn Văn Một");
        read("d-be", t0.plusSeconds(70), "Lê Thị Hai");
        notices.deliver(new NoticeStore.InboxMessage("sub-hoa", "m1", "d-hoa", "000.00.12.G17-260302-0901", "received", "Đã tiếp nhận",
                "Hồ sơ của bà Hoa đã được tiếp nhận", t0, false));
        notices.deliver(new NoticeStore.InboxMessage("sub-be", "m2", "d-be", "000.00.12.G17-260302-0902", "received", "Đã tiếp nhận",
                "BE-SECRET-MESSAGE", t0, false));
        warehouse.add(document(hoaOwners.get(0), "w-hoa", WarehouseDocument.Kind.KEPT, "Giấy tờ của Hoa"));
        warehouse.add(document(beOwners.get(0), "w-be", WarehouseDocument.Kind.KEPT, "BE-WAREHOUSE-DOC"));

        MyData.Export export = myData.export(hoa, hoaOwners);
        byte[] zip = own.published.get(export.link());
        assertNotNull(zip, "the archive is published at the link answered");
        assertEquals(t0.plusSeconds(60L * PersonalData.standard().linkMinutes()), export.expiresAt());
        Map<String, byte[]> entries = unzip(zip);

        String all = String.join("\n", entries.entrySet().stream().map(e -> e.getKey() + "\n" + new String(e.getValue(), StandardCharsets.UTF_8)).toList());
        // the caller's: the dossier and its code, the file's bytes, the signed result, the official who looked, the notice, the warehouse
        assertTrue(entries.containsKey("ho-so/000.00.12.G17-260302-0901/ho-so.json"), entries.keySet().toString());
        assertArrayEquals("HOA-FILE-BYTES".getBytes(StandardCharsets.UTF_8), entries.get("ho-so/000.00.12.G17-260302-0901/tep/1-DON-don.pdf"));
        assertArrayEquals(results.file("r-d-hoa"), entries.get("ho-so/000.00.12.G17-260302-0901/ket-qua/000.00.12.G17-260302-0901-KQ1.pdf"));
        String dossierJson = new String(entries.get("ho-so/000.00.12.G17-260302-0901/ho-so.json"), StandardCharsets.UTF_8);
        assertTrue(dossierJson.contains("Phạm Thị Hoa") && dossierJson.contains("Nguyễn Văn Một") && dossierJson.contains("\"history\""), dossierJson);
        assertFalse(dossierJson.contains("acct-"), "the official's account id is not shown to the citizen");
        assertTrue(new String(entries.get("thong-bao.json"), StandardCharsets.UTF_8).contains("bà Hoa"));
        assertTrue(new String(entries.get("kho-du-lieu.json"), StandardCharsets.UTF_8).contains("Giấy tờ của Hoa"));
        assertEquals(new MyData.Counts(1, 1, 1, 0, 0, 1, 0, 1, 1), export.counts());
        // nothing of the other person's
        for (String theirs : List.of("000.00.12.G17-260302-0902", "d-be", "Trần Văn Bê", "BE-FILE-BYTES", "BE-SECRET-MESSAGE", "BE-WAREHOUSE-DOC",
                "Lê Thị Hai", "001088009999", "sub-be")) {
            assertFalse(all.contains(theirs), "another person's " + theirs + " is in the archive");
        }
        assertFalse(export.basis().isEmpty());
    }

    @Test
    void anArchiveBeyondItsBoundIsRefusedNotCutShort() {
        received("d-hoa", "sub-hoa", "Phạm Thị Hoa", "079199001234", "000.00.12.G17-260302-0901", "x".repeat(5000));
        PersonalData small = new PersonalData(PersonalData.standard().basis(), 100, 1024, 10, 50);
        MyData bounded = new MyData(dossiers, lists, dossiers, new InMemoryPayments(dossiers), results, notices, new InMemorySurveyAnswers(),
                log, warehouse, own, small, clock);
        DomainException e = assertThrows(DomainException.class, () -> bounded.export(hoa, hoaOwners));
        assertEquals(DomainException.Kind.TOO_LARGE, e.kind());
        assertEquals("my-data-too-large", e.problem());
        assertTrue(own.published.isEmpty(), "nothing published");
    }

    @Test
    void whoLookedAcrossAllMyDossiersNewestFirstPagedAndNotAnotherPersons() {
        received("d-1", "sub-hoa", "Phạm Thị Hoa", "079199001234", "000.00.12.G17-260302-0901", "a");
        received("d-2", "sub-hoa", "Phạm Thị Hoa", "079199001234", "000.00.12.G17-260302-0903", "b");
        received("d-be", "sub-be", "Trần Văn Bê", "001088009999", "000.00.12.G17-260302-0902", "c");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String dossier = i % 2 == 0 ? "d-1" : "d-2";
            read(dossier, t0.plusSeconds(100 + i), "Official " + i);
            expected.add(0, "Official " + i);
            read("d-be", t0.plusSeconds(100 + i), "Theirs " + i);
        }
        // two reads at one instant in two dossiers: neither lost nor shown twice across a page boundary
        read("d-1", t0.plusSeconds(200), "Same A");
        read("d-2", t0.plusSeconds(200), "Same B");
        expected.add(0, "Same B");
        expected.add(0, "Same A");

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            MyData.ReadsPage page = myData.reads(hoa, 1, after);
            page.reads().forEach(l -> {
                seen.add(l.read().officialName());
                assertNotEquals("d-be", l.dossierId());
                assertEquals(l.dossierId().equals("d-1") ? "000.00.12.G17-260302-0901" : "000.00.12.G17-260302-0903", l.dossierCode());
            });
            after = page.next();
            pages++;
        } while (after != null && pages < 50);
        assertEquals(expected.size(), seen.size(), seen.toString());
        assertEquals(Set.copyOf(expected), new HashSet<>(seen));
        // newest first
        assertEquals(List.of("Official 6", "Official 5", "Official 4", "Official 3", "Official 2", "Official 1", "Official 0"),
                seen.subList(2, 9));
        // a bigger page: the same order
        MyData.ReadsPage first = myData.reads(hoa, 5, null);
        assertEquals(seen.subList(0, 5), first.reads().stream().map(l -> l.read().officialName()).toList());
        assertEquals(seen.subList(5, 9), myData.reads(hoa, 5, first.next()).reads().stream().map(l -> l.read().officialName()).toList());

        assertEquals("invalid-cursor", assertThrows(DomainException.class, () -> myData.reads(hoa, 5, "nonsense")).problem());
        assertEquals("invalid-page", assertThrows(DomainException.class, () -> myData.reads(hoa, 51, null)).problem());
    }

    @Test
    void aDraftIsDeletedWithItsUploadsAndTheDeletionRecorded() {
        Dossier d = draft("d-draft", "sub-hoa", "Phạm Thị Hoa", "079199001234");
        dossiers.addFile(new Attachment(d.id(), "dossiers/d-draft/DON/u1", "DON", "don.pdf", "application/pdf", 3, Attachment.Status.ACCEPTED, null,
                "pdf", "00", 1, t0, t0, null));
        own.uploads.put("dossiers/d-draft/DON/u1", new byte[]{1, 2, 3});
        assertEquals(1, myData.overview(hoa, hoaOwners).drafts().size());

        MyData.Deleted deleted = myData.deleteDraft(hoa, "d-draft");
        assertEquals("DRAFT", deleted.what());
        assertTrue(dossiers.find("d-draft").isEmpty());
        assertFalse(own.uploads.containsKey("dossiers/d-draft/DON/u1"));
        assertEquals(1, deleted.erased().get("uploadVersions"));
        List<OwnData.Erasure> trail = own.erasures("sub-hoa", 10);
        assertEquals(1, trail.size());
        assertEquals("d-draft", trail.get(0).ref());
        assertEquals(t0, trail.get(0).at());
        assertEquals(List.of(), myData.overview(hoa, hoaOwners).drafts());
    }

    @Test
    void aSubmittedDossierOrAnotherPersonsDraftIsNotDeleted() {
        received("d-sent", "sub-hoa", "Phạm Thị Hoa", "079199001234", "000.00.12.G17-260302-0901", "a");
        draft("d-theirs", "sub-be", "Trần Văn Bê", "001088009999");
        DomainException notDraft = assertThrows(DomainException.class, () -> myData.deleteDraft(hoa, "d-sent"));
        assertEquals("my-data-not-a-draft", notDraft.problem());
        assertEquals(DomainException.Kind.REFUSED, notDraft.kind());
        DomainException theirs = assertThrows(DomainException.class, () -> myData.deleteDraft(hoa, "d-theirs"));
        assertEquals("dossier-not-found", theirs.problem());
        assertTrue(dossiers.find("d-sent").isPresent() && dossiers.find("d-theirs").isPresent());
        assertTrue(own.erasures("sub-hoa", 10).isEmpty());
    }

    @Test
    void onlyTheDocumentsTheOwnerAddedAreDeletedTheMinistrysStay() {
        warehouse.add(document(hoaOwners.get(0), "w-kept", WarehouseDocument.Kind.KEPT, "Bản sao CCCD"));
        warehouse.add(document(hoaOwners.get(0), "w-result", WarehouseDocument.Kind.RESULT, "Giấy phép lữ hành"));
        warehouse.add(document(hoaOwners.get(0), "w-digitised", WarehouseDocument.Kind.DIGITISED_RESULT, "Giấy phép cũ"));
        warehouse.add(document(beOwners.get(0), "w-be", WarehouseDocument.Kind.KEPT, "Của người khác"));

        var overview = myData.overview(hoa, hoaOwners);
        assertEquals(Map.of("w-kept", true, "w-result", false, "w-digitised", false),
                overview.warehouse().stream().collect(java.util.stream.Collectors.toMap(k -> k.document().id(), MyData.Kept::deletable)));

        myData.deleteDocument(hoa, hoaOwners, "w-kept");
        assertTrue(warehouse.find(hoaOwners.get(0), "w-kept").isEmpty());
        assertEquals("WAREHOUSE_DOCUMENT", own.erasures("sub-hoa", 10).get(0).what());

        for (String kept : List.of("w-result", "w-digitised")) {
            DomainException e = assertThrows(DomainException.class, () -> myData.deleteDocument(hoa, hoaOwners, kept));
            assertEquals("my-document-kept", e.problem());
            assertTrue(warehouse.find(hoaOwners.get(0), kept).isPresent());
        }
        DomainException theirs = assertThrows(DomainException.class, () -> myData.deleteDocument(hoa, hoaOwners, "w-be"));
        assertEquals("my-document-not-found", theirs.problem());
        assertTrue(warehouse.find(beOwners.get(0), "w-be").isPresent());
        assertEquals(1, own.erasures("sub-hoa", 10).size());
    }
}

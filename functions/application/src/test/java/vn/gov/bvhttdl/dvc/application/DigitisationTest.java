package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeDeferredSigning;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySigningSessions;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWarehouse;
import vn.gov.bvhttdl.dvc.application.fakes.PastResultsSample;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingFiles;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Digitisation at the desk and the batch import of past results, on the in-memory ports (issue #25 item 3). */
class DigitisationTest {
    Instant now = Instant.parse("2026-12-01T03:00:00Z");
    final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final RecordingFiles files = new RecordingFiles();
    final InMemoryResults results = new InMemoryResults();
    final InMemoryWarehouse warehouse = new InMemoryWarehouse();
    final InMemorySigningSessions sessions = new InMemorySigningSessions();
    final X509Certificate mine = cert("official-1"), theirs = cert("official-2");
    final Map<String, X509Certificate> registered = Map.of("mc", mine, "mc2", theirs, "lh", theirs);
    final OfficialCertificates certificates = (official, chain, at) ->
            chain != null && !chain.isEmpty() && chain.get(0).equals(registered.get(official.subject())) ? null : "not theirs";
    final Digitisation digitisation = new Digitisation(dossiers, dossiers, files, results, warehouse, sessions, new FakeDeferredSigning(),
            certificates, new BundledRules(), clock);
    final Actor oneStop = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP).named("Nguyễn Thị Mai", null);
    final byte[] scan = PastResultsSample.minimalPdf("giay phep");

    static X509Certificate cert(String name) {
        try (InputStream in = DigitisationTest.class.getResourceAsStream("/digitisation/" + name + ".pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String received() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Instant t0 = Instant.parse("2026-11-30T03:00:00Z");
        Dossier.Change c = Dossier.draft("d-dig", p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", null, null, "0987000111", null),
                Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen"), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-261130-0001", LocalDate.of(2026, 12, 14), first.code(), first.unit(),
                LocalDate.of(2026, 12, 1)), Actor.system("v"), t0));
        return c.dossier().id();
    }

    Map<String, byte[]> signAll(Digitisation.Started s, X509Certificate by) {
        return s.toSign().stream().collect(Collectors.toMap(Digitisation.ToSign::ref,
                t -> FakeDeferredSigning.sign(by, Base64.getDecoder().decode(t.digest()))));
    }

    @Test
    void aScannedComponentJoinsTheDossierDigitisedAndSignedAndTheOwnersWarehouse() {
        String id = received();
        Digitisation.Started s = digitisation.startComponent(oneStop, id, "DON", "C:\\scan\\don de nghi.pdf", scan, List.of(mine));
        assertEquals(1, s.toSign().size());
        assertEquals(32, Base64.getDecoder().decode(s.toSign().get(0).digest()).length);
        assertTrue(dossiers.attachments(id).isEmpty(), "nothing filed before the signature");
        Digitisation.Completed done = digitisation.complete(oneStop, s.sessionId(), List.of(mine), signAll(s, mine));
        assertEquals(1, done.count("TAKEN"));
        Attachment a = dossiers.attachments(id).get(0);
        assertEquals(Attachment.Origin.DIGITISED, a.origin());
        assertEquals("DON", a.componentCode());
        assertEquals("don de nghi.pdf", a.fileName());
        assertEquals("mc", a.provenance().reference());
        String signed = new String(files.written.get(a.key()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(signed.contains("%prepared for " + mine.getSerialNumber() + " by Nguyễn Thị Mai".replaceAll("[^\\x00-\\x7f]", "").substring(0, 0)), signed);
        assertTrue(signed.contains("%signed "), "what is filed is the signed file");
        WarehouseDocument w = warehouse.of("PERSONAL_ID:079199001234").get(0);
        assertEquals(WarehouseDocument.Kind.DIGITISED, w.kind());
        assertEquals(id, w.sourceDossierId());
        assertEquals(a.key(), w.fileKey());
        // the session is completed once
        assertEquals("signing-session-not-found", assertThrows(DomainException.class,
                () -> digitisation.complete(oneStop, s.sessionId(), List.of(mine), signAll(s, mine))).problem());
    }

    @Test
    void theDeskRefusesAnotherUnitsDossierAScanThatIsNotAPdfAndACertificateNotTheOfficials() {
        String id = received();
        Actor otherUnit = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);
        // another unit of the agency: the same "no such dossier" as for none (it learns nothing of the dossier)
        DomainException unit = assertThrows(DomainException.class, () -> digitisation.startComponent(otherUnit, id, "DON", "a.pdf", scan, List.of(theirs)));
        assertEquals("dossier-not-found", unit.problem());
        assertEquals(404, unit.kind().status());
        assertEquals(404, assertThrows(DomainException.class,
                () -> digitisation.startComponent(Actor.official("x", "OTHER", "MOTCUA", Post.ONE_STOP), id, "DON", "a.pdf", scan, List.of(mine))).kind().status());
        assertEquals("not-a-pdf", assertThrows(DomainException.class,
                () -> digitisation.startComponent(oneStop, id, "DON", "a.pdf", "not a pdf at all".getBytes(), List.of(mine))).problem());
        DomainException cert = assertThrows(DomainException.class, () -> digitisation.startComponent(oneStop, id, "DON", "a.pdf", scan, List.of(theirs)));
        assertEquals("certificate-not-yours", cert.problem());
        assertEquals("certificate", cert.text().field());
        assertEquals("unknown-component", assertThrows(DomainException.class,
                () -> digitisation.startComponent(oneStop, id, "NOPE", "a.pdf", scan, List.of(mine))).problem());
        assertEquals("officials-only", assertThrows(DomainException.class,
                () -> digitisation.startComponent(Actor.citizen("owner"), id, "DON", "a.pdf", scan, List.of(mine))).problem());
        assertEquals(0, sessions.open());
    }

    @Test
    void aSignatureOverAnotherDigestByAnotherCertificateAfterExpiryOrByAnotherOfficialIsRefusedAndFilesNothing() {
        String id = received();
        Digitisation.Started s = digitisation.startComponent(oneStop, id, "DON", "a.pdf", scan, List.of(mine));
        byte[] otherDigest = new byte[32];
        assertEquals("signature-mismatch", assertThrows(DomainException.class,
                () -> digitisation.complete(oneStop, s.sessionId(), List.of(mine), Map.of("1", FakeDeferredSigning.sign(mine, otherDigest)))).problem());
        assertEquals("signature-mismatch", assertThrows(DomainException.class,
                () -> digitisation.complete(oneStop, s.sessionId(), List.of(theirs), signAll(s, theirs))).problem());
        assertEquals("signing-session-not-found", assertThrows(DomainException.class,
                () -> digitisation.complete(Actor.official("mc2", "CDLQG", "MOTCUA", Post.ONE_STOP), s.sessionId(), List.of(theirs), signAll(s, theirs))).problem());
        assertTrue(dossiers.attachments(id).isEmpty());
        now = now.plus(Digitisation.SESSION_LIFETIME).plus(Duration.ofSeconds(1));
        assertEquals("signing-session-expired", assertThrows(DomainException.class,
                () -> digitisation.complete(oneStop, s.sessionId(), List.of(mine), signAll(s, mine))).problem());
        assertTrue(dossiers.attachments(id).isEmpty());
        assertTrue(files.written.isEmpty());
    }

    @Test
    void anOldResultEntersItsOwnersWarehouseWithAVerificationRecordAndIsNotTakenTwice() {
        var paper = new Digitisation.PaperResult("0101234567", "Giấy phép kinh doanh dịch vụ lữ hành quốc tế", "123/2022/TCDL-GP LHQT",
                "15/03/2022", "", "Toàn quốc", "Tổng cục Du lịch", "Cấp cho Công ty Hoa Sen");
        Digitisation.Started s = digitisation.startResult(oneStop, paper, scan, List.of(mine));
        Digitisation.Completed done = digitisation.complete(oneStop, s.sessionId(), List.of(mine), signAll(s, mine));
        Digitisation.Row row = done.rows().get(0);
        assertEquals("TAKEN", row.outcome());
        WarehouseDocument w = warehouse.find("ENTERPRISE_CODE:0101234567", row.documentId()).orElseThrow();
        assertEquals(WarehouseDocument.Kind.DIGITISED_RESULT, w.kind());
        assertEquals(row.documentId(), w.verificationId());
        assertEquals(LocalDate.of(2022, 3, 15), w.issuedOn());
        assertNull(w.validUntil());
        assertEquals("mc", w.addedBy());
        IssuedResult record = results.find(w.verificationId()).orElseThrow();
        assertTrue(record.id().matches("[a-z0-9]{26}"), "the verification page's id");
        assertEquals("123/2022/TCDL-GP LHQT", record.number());
        assertEquals("Tổng cục Du lịch", record.agencyCode());
        assertEquals(Digitisation.sha256Hex(results.file(record.id())), record.sha256());
        assertEquals(record.sha256(), w.sha256());
        assertTrue(record.face().stream().anyMatch(l -> l.value().contains("Test official-1")), "who digitised it");
        assertEquals("already-digitised", assertThrows(DomainException.class,
                () -> digitisation.startResult(oneStop, paper, scan, List.of(mine))).problem());
    }

    @Test
    void aPaperResultsMetadataIsCheckedFieldByField() {
        var bad = new Digitisation.PaperResult("12345", "", "1/GP", "31/02/2022", "01/01/2020", "", "Sở VHTTDL", "");
        DomainException e = assertThrows(DomainException.class, () -> digitisation.startResult(oneStop, bad, scan, List.of(mine)));
        assertEquals("invalid-id-number", e.problem());
        assertEquals(List.of("ownerId", "name", "issuedOn", "validUntil"), e.errors().stream().map(t -> t.field()).toList());
        var expired = new Digitisation.PaperResult("079199001234", "Thẻ HDV", "1/HDV", "2020-01-01", "2025-12-31", "", "Sở VHTTDL", "");
        assertEquals("validUntil", assertThrows(DomainException.class, () -> digitisation.startResult(oneStop, expired, scan, List.of(mine))).text().field());
        var ok = new Digitisation.PaperResult("079199001234", "Thẻ HDV", "1/HDV", "2020-01-01", "2027-12-31", "", "Sở VHTTDL", "");
        assertEquals("not-a-pdf", assertThrows(DomainException.class, () -> digitisation.startResult(oneStop, ok, new byte[]{1, 2, 3}, List.of(mine))).problem());
    }

    @Test
    void theFiftyRowSampleTakes45RefusesFiveWithReasonsAndASecondRunChangesNothing() {
        byte[] zip = PastResultsSample.zip();
        Digitisation.Started first = digitisation.startImport(oneStop, PastResultsBatch.fromZip(zip), List.of(mine));
        assertEquals(45, first.toSign().size());
        assertEquals(PastResultsSample.BAD.keySet(), first.refused().stream().map(Digitisation.Row::ref).collect(Collectors.toSet()));
        Digitisation.Completed done = digitisation.complete(oneStop, first.sessionId(), List.of(mine), signAll(first, mine));
        assertEquals(50, done.rows().size());
        assertEquals(45, done.count("TAKEN"));
        assertEquals(5, done.count("REFUSED"));
        Map<String, String> fields = new HashMap<>();
        for (Digitisation.Row r : done.rows()) if (r.outcome().equals("REFUSED")) fields.put(r.ref(), r.reason().field());
        assertEquals(PastResultsSample.BAD, fields);
        Digitisation.Row duplicate = done.rows().stream().filter(r -> r.ref().equals("33")).findFirst().orElseThrow();
        assertTrue(duplicate.reason().vi().contains("dòng 32") && duplicate.reason().en().contains("row 32"), duplicate.reason().en());
        assertTrue(done.rows().stream().filter(r -> r.ref().equals("7")).findFirst().orElseThrow().reason().en().contains("ID number"));
        assertEquals(List.of("1", "2", "3"), done.rows().subList(0, 3).stream().map(Digitisation.Row::ref).toList(), "row by row, in order");
        int entries = total();
        assertEquals(45, entries);
        var before = snapshot();

        // the same package again: nothing to sign, nothing changes
        Digitisation.Started second = digitisation.startImport(oneStop, PastResultsBatch.fromZip(zip), List.of(mine));
        assertNull(second.sessionId());
        assertTrue(second.toSign().isEmpty());
        assertEquals(45, second.refused().stream().filter(r -> r.outcome().equals("UNCHANGED")).count());
        assertEquals(5, second.refused().stream().filter(r -> r.outcome().equals("REFUSED")).count());
        assertEquals(before, snapshot());
    }

    @Test
    void aRowStoppedBetweenItsFileAndItsWarehouseEntryIsCompletedByTheNextRunAndNothingIsDoubled() {
        var batch = PastResultsBatch.fromCsv("ownerId,name,numberAndSymbol,issuedOn,validUntil,scope,issuer,summary,file\n"
                + "079199001234,Thẻ HDV,9/HDV,2023-01-01,2028-01-01,,Sở VHTTDL Hà Nội,,a.pdf\n", Map.of("a.pdf", scan));
        Digitisation.Started s = digitisation.startImport(oneStop, batch, List.of(mine));
        String id = Digitisation.resultId("PERSONAL_ID:079199001234", "9/HDV", Digitisation.sha256Hex(scan));
        // an earlier run stored the signed file and its record, then stopped
        results.storeDocument(new IssuedResult(id, "9/HDV", 0, null, null, null, 0, "Sở VHTTDL Hà Nội", null, List.of(), now, null, "earlier",
                "CN=x", IssuedResult.Status.VALID, null, null, null), new byte[]{1});
        Digitisation.Completed done = digitisation.complete(oneStop, s.sessionId(), List.of(mine), signAll(s, mine));
        assertEquals("TAKEN", done.rows().get(0).outcome());
        assertEquals("earlier", warehouse.find("PERSONAL_ID:079199001234", id).orElseThrow().sha256(), "the entry names the file stored");
        assertEquals(1, total());
    }

    @Test
    void aPackageWithoutItsCsvOrNotAZipIsRefusedWhole() {
        assertEquals("package-unreadable", assertThrows(DomainException.class, () -> PastResultsBatch.fromZip("not a zip".getBytes())).problem());
        assertEquals("csv-columns-missing", assertThrows(DomainException.class,
                () -> PastResultsBatch.fromCsv("ownerId,name\n1,2\n", Map.of())).problem());
        assertEquals(413, assertThrows(DomainException.class,
                () -> PastResultsBatch.fromZip(new byte[PastResultsBatch.MAX_PACKAGE_BYTES + 1])).kind().status());
    }

    int total() {
        return warehouse.of("PERSONAL_ID:079199001234").size() + java.util.stream.IntStream.rangeClosed(1, 50)
                .mapToObj(r -> List.of(PastResultsSample.person(0, r), PastResultsSample.enterprise(0, r))).flatMap(List::stream)
                .mapToInt(o -> warehouse.of((o.length() == 12 ? "PERSONAL_ID:" : "ENTERPRISE_CODE:") + o).size()).sum();
    }

    List<WarehouseDocument> snapshot() {
        return java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(r -> List.of(PastResultsSample.person(0, r), PastResultsSample.enterprise(0, r)))
                .flatMap(List::stream).flatMap(o -> warehouse.of((o.length() == 12 ? "PERSONAL_ID:" : "ENTERPRISE_CODE:") + o).stream()).toList();
    }
}

package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeSignatures;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryRequestCounts;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The public pages through their in-memory ports: the look-up by code and key (a wrong key and an unknown code alike,
 * ten a minute per address), the verification of a result or receipt and of a presented file, the catalogue's bounds.
 */
class PublicDeskTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T03:00:10Z"));
    final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryResults results = new InMemoryResults();
    final InMemoryRequestCounts counts = new InMemoryRequestCounts();
    final PublicDesk desk = new PublicDesk(dossiers, dossiers, new BundledRules(), results, counts, new FakeSignatures(), clock);

    static final String CODE = "000.00.12.G17-260302-0001";
    static final String KEY = "K7M2Q9XA";

    /** A dossier received under {@link #CODE}, its receipt printing {@link #KEY}. */
    String received() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Instant t0 = now.get();
        Dossier.Change c = Dossier.draft("d-1", p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", null, null, "0987000111", null),
                Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen"), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive(CODE, LocalDate.of(2026, 3, 16), first.code(), first.unit(),
                LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        dossiers.putLookupKey(CODE, "d-1", KEY);
        return "d-1";
    }

    @Test
    void aLettersAddressOpensItsVerificationPageWithTheSignerAndNoPersonalData() {
        received();
        Dossier d = dossiers.find("d-1").orElseThrow();
        Instant at = now.get().plusSeconds(600);
        var deputy = Actor.official("pct", "CDLQG", "MOTCUA", vn.gov.bvhttdl.dvc.domain.Post.ONE_STOP)
                .named("Trần Thị Phó", new Actor.Delegation("KT", "Nguyễn Văn Trưởng", "Phó Cục trưởng"));
        dossiers.save(d.handle(new Command.RequestSupplement(List.of("Giấy chứng nhận ký quỹ")), deputy, at));
        now.set(at.plusSeconds(60));
        PublicDesk.LetterPage page = desk.verifyLetter("a", "d-1", "02", Long.toString(at.getEpochSecond())).orElseThrow();
        assertEquals(CODE, page.dossierCode());
        assertEquals("02", page.form().number());
        assertEquals("Bộ phận Một cửa", page.unitName(), "the unit by name");
        assertEquals("P. T. H.", page.applicantInitials());
        assertEquals("KT. Cục trưởng Nguyễn Văn Trưởng / Phó Cục trưởng Trần Thị Phó", page.signature().prefix() + " " + page.signature().forTitle().vi()
                + " " + page.signature().forName() + " / " + page.signature().signerTitle().vi() + " " + page.signature().signerName());
        assertTrue(desk.verifyLetter("a", "d-1", "02", Long.toString(at.getEpochSecond() + 1)).isEmpty(), "another second: no such letter");
        assertTrue(desk.verifyLetter("a", "d-1", "03", Long.toString(at.getEpochSecond())).isEmpty(), "no refusal was issued");
        assertTrue(desk.verifyLetter("a", "d-9", "02", Long.toString(at.getEpochSecond())).isEmpty(), "an unknown dossier answers the same");
        assertTrue(desk.verifyLetter("a", "d-1", "02", "x").isEmpty());
        assertTrue(desk.verifyLetter("a", "d-1", "06", Long.toString(at.getEpochSecond())).isPresent(), "the control slip drawn then");
        assertTrue(desk.verifyLetter("a", "d-1", "06", Long.toString(at.getEpochSecond() + 86400)).isEmpty(), "not drawn in the future");
        var book = desk.verifyBook("a", "CDLQG", "MOTCUA", "2026-03-01", "2026-03-31", Long.toString(at.getEpochSecond())).orElseThrow();
        assertEquals("Bộ phận Một cửa", book.unitName());
        assertTrue(desk.verifyBook("a", "CDLQG", "NOPE", "2026-03-01", "2026-03-31", "1").isEmpty());
        assertTrue(desk.verifyBook("a", "CDLQG", "MOTCUA", "2026-03-31", "2026-03-01", "1").isEmpty(), "a period backwards");
    }

    @Test
    void theCodeAndTheKeyShowTheStatusAndDatesAndOfThePersonOnlyTheInitials() {
        received();
        PublicDesk.Tracked t = desk.track("203.0.113.7", " " + CODE + " ", " k7m2q9xa ");
        assertEquals(CODE, t.code());
        assertEquals(DossierStatus.RECEIVED, t.status());
        assertEquals(LocalDate.of(2026, 3, 16), t.dueDate());
        assertEquals(LocalDate.of(2026, 3, 2), t.receivedOn());
        assertEquals("P. T. H.", t.applicantInitials());
        assertNotNull(t.procedureName());
        assertFalse(t.dueDateProvisional(), "2026 has an announced schedule");
    }

    @Test
    void aWrongKeyAndAnUnknownCodeAnswerTheSame() {
        received();
        DomainException wrongKey = assertThrows(DomainException.class, () -> desk.track("a", CODE, "K7M2Q9XB"));
        DomainException noKey = assertThrows(DomainException.class, () -> desk.track("a", CODE, null));
        DomainException unknown = assertThrows(DomainException.class, () -> desk.track("a", "000.00.12.G17-260302-9999", KEY));
        DomainException noCode = assertThrows(DomainException.class, () -> desk.track("a", null, KEY));
        for (DomainException e : List.of(wrongKey, noKey, unknown, noCode)) {
            assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
            assertEquals("dossier-not-found", e.problem());
            assertEquals(wrongKey.text(), e.text(), "nothing tells a wrong key from an unknown code");
        }
    }

    @Test
    void theEleventhLookUpOfAnAddressInAMinuteIsRefusedOthersAndTheNextMinuteAreAnswered() {
        received();
        for (int i = 1; i <= PublicDesk.LOOKUPS_PER_MINUTE; i++) {
            // wrong keys count too: guessing is what the limit is for
            assertThrows(DomainException.class, () -> desk.track("198.51.100.1", CODE, "WRONGKEY"), "a look-up within the limit is answered");
        }
        RequestRefused refused = assertThrows(RequestRefused.class, () -> desk.track("198.51.100.1", CODE, KEY));
        assertEquals(RequestRefused.Why.TOO_MANY, refused.why());
        assertEquals("too-many-lookups", refused.problem());
        assertTrue(refused.text().en().contains("10 look-ups"), refused.text().en());

        assertEquals(CODE, desk.track("198.51.100.2", CODE, KEY).code(), "another address has its own count");
        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertEquals(CODE, desk.track("198.51.100.1", CODE, KEY).code(), "a new minute, a new count");
        // the verification pages are counted apart from the look-ups
        assertTrue(desk.verify("198.51.100.1", "nothing").isEmpty());
        assertEquals(2, counts.buckets().keySet().stream().filter(b -> b.startsWith("track#198.51.100.1#")).count());
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    IssuedResult result(String id, byte[] file, String signer, IssuedResult.Status status, LocalDate validUntil) throws Exception {
        IssuedResult r = new IssuedResult(id, CODE + "-" + id, 1, "d-1", CODE, "BVHTTDL-DL-001", 1, "CDLQG",
                new Text("Giấy phép kinh doanh dịch vụ lữ hành quốc tế", "International travel licence"),
                List.of(new IssuedResult.Line("Số định danh", "079199001234"), new IssuedResult.Line("Tên doanh nghiệp", "Hoa Sen")),
                now.get(), validUntil, sha(file), signer, IssuedResult.Status.VALID, null, null, null);
        results.store(r, file);
        if (status == IssuedResult.Status.REVOKED) {
            IssuedResult revoked = r.revoked("cấp nhầm", now.get());
            results.update(revoked, IssuedResult.Status.VALID);
            return revoked;
        }
        return r;
    }

    @Test
    void theVerificationPageShowsTheFaceWithTheIdentificationNumberMaskedAndTheStateToday() throws Exception {
        byte[] file = ("%PDF-1.7 licence" + FakeSignatures.SIGNATURE).getBytes(StandardCharsets.ISO_8859_1);
        result("r-1", file, "CN=Test unit", IssuedResult.Status.VALID, LocalDate.of(2026, 3, 1));
        PublicDesk.VerifyPage page = desk.verify("a", "r-1").orElseThrow();
        assertEquals("EXPIRED", page.state(), "valid until yesterday");
        assertEquals("••••••••1234", page.face().get(0).value());
        assertEquals("Hoa Sen", page.face().get(1).value());
        assertFalse(page.issuer().isBlank());
        assertTrue(desk.verify("a", "r-unknown").isEmpty());
    }

    @Test
    void aPresentedFileIsGenuineOnlyWhenItIsTheOriginalAndItsSignatureVerifies() throws Exception {
        byte[] file = ("%PDF-1.7 licence" + FakeSignatures.SIGNATURE).getBytes(StandardCharsets.ISO_8859_1);
        result("r-2", file, "CN=Test unit", IssuedResult.Status.VALID, null);
        PublicDesk.FileCheck ok = desk.check("a", "r-2", file);
        assertTrue(ok.genuine() && ok.matchesRecord() && ok.signatureValid());
        assertEquals("VALID", ok.state());
        assertTrue(ok.message().en().startsWith("GENUINE"), ok.message().en());

        byte[] appended = ("%PDF-1.7 licence" + FakeSignatures.SIGNATURE + " appended").getBytes(StandardCharsets.ISO_8859_1);
        PublicDesk.FileCheck bad = desk.check("a", "r-2", appended);
        assertFalse(bad.genuine());
        assertFalse(bad.matchesRecord());
        assertFalse(bad.signatureValid());
        assertTrue(bad.message().en().contains("signature is not valid"), bad.message().en());

        // an unsigned receipt is its record's hash, nothing more
        byte[] receipt = "%PDF-1.7 receipt".getBytes(StandardCharsets.ISO_8859_1);
        result("rc-1", receipt, null, IssuedResult.Status.REVOKED, null);
        PublicDesk.FileCheck r = desk.check("a", "rc-1", receipt);
        assertTrue(r.genuine());
        assertEquals("REVOKED", r.state());
        assertTrue(r.message().en().contains("no longer valid"), r.message().en());

        assertEquals("result-not-found", assertThrows(DomainException.class, () -> desk.check("a", "nothing", new byte[0])).problem(),
                "an unknown id is said before the file is looked at");
        RequestRefused empty = assertThrows(RequestRefused.class, () -> desk.check("a", "r-2", new byte[0]));
        assertEquals("invalid-file", empty.problem());
        assertEquals(RequestRefused.Why.MALFORMED, empty.why());
        assertEquals("invalid-file", assertThrows(RequestRefused.class, () -> desk.check("a", "r-2", new byte[PublicDesk.MAX_FILE + 1])).problem());
    }

    @Test
    void theThirtyFirstVerificationOfAnAddressInAMinuteIsRefused() {
        for (int i = 0; i < PublicDesk.CHECKS_PER_MINUTE; i++) assertTrue(desk.verify("192.0.2.9", "none").isEmpty());
        RequestRefused refused = assertThrows(RequestRefused.class, () -> desk.check("192.0.2.9", "none", new byte[1]));
        assertEquals("too-many-verifications", refused.problem());
        assertEquals(RequestRefused.Why.TOO_MANY, refused.why());
    }

    @Test
    void theCatalogueAndTheCalendarRefuseWhatIsOutOfBoundsAndAnswerTheRest() {
        assertEquals("query-too-long", assertThrows(RequestRefused.class, () -> desk.catalogue("x".repeat(201), null, null, null, 1, 20)).problem());
        assertEquals("page-out-of-range", assertThrows(RequestRefused.class, () -> desk.catalogue(null, null, null, null, 0, 20)).problem());
        assertEquals("year-out-of-range", assertThrows(RequestRefused.class, () -> desk.calendar(1899)).problem());
        assertEquals("procedure-not-found", assertThrows(DomainException.class, () -> desk.procedure("NO-SUCH")).problem());

        PublicDesk.CataloguePage found = desk.catalogue("giay phep lu hanh", null, null, null, 1, 20);
        assertTrue(found.page().total() > 0);
        assertTrue(found.page().items().stream().allMatch(p -> desk.procedure(p.code()).procedure().code().equals(p.code())));
        assertFalse(found.fields().isEmpty());

        PublicDesk.Expected e = desk.appointment("BVHTTDL-DL-001", null);
        assertEquals(now.get(), e.at(), "no moment given: now");
        assertTrue(e.appointment().dueDate().isAfter(LocalDate.of(2026, 3, 2)));
    }
}

package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySyncMarkers;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingNationalPortal;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The national portal's synchronisation of one dossier event: the record as it stood at that version and the
 * progress entry of the move, in the portal's codes; once per event whatever the deliveries.
 */
class SyncToNationalPortalTest {
    static final String CODE = "000.00.12.G17-260302-0001";
    final Procedure licence = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
    final Applicant person = new Applicant("Nguyễn Văn An", "001099012345", null, "Hà Nội", "0912000111", "an@example.vn");
    final Actor desk = Actor.official("o1", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("o2", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor leader = Actor.official("o3", "CDLQG", "LUHANH", Post.LEADER);
    final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");

    InMemoryDossiers dossiers;
    InMemoryPayments payments;
    InMemoryResults results;
    RecordingNationalPortal portal;
    InMemorySyncMarkers markers;
    SyncToNationalPortal sync;
    Dossier d;
    Instant at;

    @BeforeEach
    void setUp() {
        dossiers = new InMemoryDossiers();
        payments = new InMemoryPayments(dossiers);
        results = new InMemoryResults();
        portal = new RecordingNationalPortal();
        markers = new InMemorySyncMarkers();
        sync = new SyncToNationalPortal(dossiers, dossiers, payments, results, new FakeFileLinks(), new BundledRules(), portal, markers);
    }

    private void start(String id) {
        at = t0;
        Dossier.Change c = Dossier.draft(id, licence, "u1", person, Map.of(), at, new Facts.Intake(Facts.Origin.MINISTRY_PORTAL, Facts.VNEID));
        dossiers.create(c);
        d = c.dossier();
    }

    private void then(Command c, Actor who) {
        at = at.plusSeconds(3600);
        Dossier.Change ch = d.handle(c, who, at);
        dossiers.save(ch);
        d = ch.dossier();
    }

    /** Submission → supplement → receipt → processing → approval (paid, a result issued) → return: versions 1..9. */
    private void walk(String id) {
        start(id);
        then(new Command.Submit("{}", 1), Actor.citizen("u1"));                                        // v2
        dossiers.addFile(new Attachment(id, "dossiers/" + id + "/DON/u-1", "DON", "don.pdf", "application/pdf", 100,
                Attachment.Status.ACCEPTED, null, "application/pdf", "ab", 1, at, at.plusSeconds(5)));
        then(new Command.RequestSupplement(List.of("Bản sao giấy phép")), Actor.system("validation")); // v3
        then(new Command.Resubmit("{}", 2), Actor.citizen("u1"));                                      // v4
        then(new Command.Receive(CODE, LocalDate.of(2026, 3, 16), "reception", "MOTCUA", null), Actor.system("validation")); // v5
        then(new Command.StartProcessing("appraisal", "LUHANH", LocalDate.of(2026, 3, 12)), desk);    // v6
        payments.create(new Payment("P1", id, CODE, "u1", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định", "Appraisal fee", null), 3_000_000, null)), 3_000_000,
                Payment.Status.PAID, at.plusSeconds(60), at.plusSeconds(960), "T1", at.plusSeconds(120), null, null, null, 1));
        then(new Command.Approve("đạt"), leader);                                                       // v7
        IssuedResult r = new IssuedResult("rid-1", CODE + "-KQ1", 1, id, CODE, licence.code(), licence.version(), "CDLQG",
                new Text("Giấy phép", "Licence", null), List.of(), at.plusSeconds(60), null, "sha", "signer", IssuedResult.Status.VALID,
                null, null, null);
        results.store(r, new byte[]{1});
        then(new Command.IssueResult(r.number(), r.id()), leader);                                      // v8
        then(new Command.ReturnResult("online"), Actor.citizen("u1"));                                  // v9
    }

    @Test
    void aDossierSubmittedOnTheNationalPortalIsSyncedUnderThePortalsCodeAsSubmittedThere() {
        at = t0;
        Dossier.Change c = Dossier.draft("n1", licence, "unclaimed#001099012345", person, Map.of(), at,
                Facts.Intake.nationalPortal("000.00.00.G22-260302-0007", Facts.VNEID));
        dossiers.create(c);
        d = c.dossier();
        then(new Command.Submit("{}", 0), Actor.citizen("unclaimed#001099012345"));                    // v2
        then(new Command.Receive(CODE, LocalDate.of(2026, 3, 16), "reception", "MOTCUA", null), Actor.system("validation")); // v3
        then(new Command.Claim("sub-an"), Actor.system("national-inbox-claim"));                         // v4
        for (long v = 1; v <= 4; v++) sync.handle("n1", v);
        List<RecordingNationalPortal.Call> calls = portal.taken();
        assertTrue(calls.stream().allMatch(x -> "000.00.00.G22-260302-0007".equals(x.body().get("MaHoSo"))),
                "the portal's own dossier, updated under its code: " + calls.stream().map(x -> x.body().get("MaHoSo")).toList());
        Map<String, Object> first = calls.getFirst().body();
        assertEquals("1", first.get("NoiNopHoSo"), "submitted on the national portal");
        assertEquals("2", first.get("KenhThucHien"), "online");
        assertEquals(List.of("progress n1#2", "progress n1#3"), calls.stream().filter(x -> x.kind().equals("progress"))
                .map(x -> x.kind() + " " + x.key()).toList(), "the claim sends the record, no progress entry");
        assertTrue(calls.stream().anyMatch(x -> x.key().equals("n1#4")), "the record after the claim");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) { return (List<Map<String, Object>>) o; }

    @Test
    void aWalkedDossierSendsOneRecordAndOneProgressEntryPerEventInOrderWithTheStateAtEachVersion() {
        walk("d1");
        for (long v = 1; v <= 9; v++) sync.handle("d1", v);

        List<RecordingNationalPortal.Call> calls = portal.taken();
        // the draft (v1) sends nothing; then per event: the record (created first; then the portal has it, and it
        // is updated) and its progress entry, each under the event's key
        assertEquals("d1#1 SKIPPED", markers.log.getFirst());
        List<String> expected = new java.util.ArrayList<>(List.of("sync d1#2", "progress d1#2"));
        for (int v = 3; v <= 9; v++) expected.addAll(List.of("sync d1#" + v, "update d1#" + v, "progress d1#" + v));
        assertEquals(expected, calls.stream().map(c -> c.kind() + " " + c.key()).toList());
        calls = calls.stream().filter(c -> !c.kind().equals("sync") || c.key().equals("d1#2")).toList();
        List<Object> statuses = calls.stream().filter(c -> c.kind().equals("progress")).map(c -> c.body().get("TrangThai")).toList();
        assertEquals(List.of("1", "5", "1", "2", "4", "9", "9", "10"), statuses);

        // the record at the supplement request (v3): status 5, one open request, nothing received yet
        Map<String, Object> v3 = calls.get(2).body();
        assertEquals("5", v3.get("TrangThaiHoSo"));
        assertEquals(CODE, v3.get("MaHoSo"), "known by the code it got at receipt");
        assertEquals("", v3.get("NgayTiepNhan"));
        List<Map<String, Object>> sup = list(v3.get("DanhSachHoSoBoSung"));
        assertEquals(1, sup.size());
        assertEquals("Bản sao giấy phép", sup.getFirst().get("NoiDungBoSung"));
        assertEquals("", sup.getFirst().get("NgayTiepNhanBoSung"));
        assertEquals("0", sup.getFirst().get("TrangThaiBoSung"));

        // the record at receipt (v5): received, its appointment, no fee, no result yet
        Map<String, Object> v5 = calls.get(6).body();
        assertEquals("2", v5.get("TrangThaiHoSo"));
        assertEquals("20260302130000", v5.get("NgayTiepNhan"), "06:00Z is 13:00 in Vietnam");
        assertEquals("20260316170000", v5.get("NgayHenTra"));
        assertEquals("0", v5.get("DuocThanhToanTrucTuyen"));
        assertEquals(List.of(), v5.get("DanhSachGiayToKetQua"));
        assertEquals("", v5.get("NgayTra"));

        // the last record (v9): every fact
        Map<String, Object> last = calls.get(14).body();
        assertEquals("10", last.get("TrangThaiHoSo"));
        assertEquals("2", last.get("KenhThucHien"));
        assertEquals("1", last.get("LoaiDoiTuong"));
        assertEquals("001099012345", last.get("SoGiayToChuHoSo"));
        assertEquals(List.of(Map.of("LoaiDinhDanh", "1", "SoDinhDanh", "001099012345")), last.get("DinhDanhCHS"));
        assertEquals("1", last.get("TaiKhoanDuocXacThucVoiVNeID"));
        assertEquals("20260302100000", last.get("NgayNopHoSo"), "the first submission, not the resubmission");
        assertEquals("20260302150000", last.get("NgayKetThucXuLy"));
        assertEquals("20260302170000", last.get("NgayTra"));
        assertEquals("", last.get("NgayTuChoi"));
        assertEquals("1", last.get("DuocThanhToanTrucTuyen"));
        Map<String, Object> fee = list(last.get("DanhSachLePhi")).getFirst();
        assertEquals("3000000", fee.get("Gia"));
        assertEquals("1", fee.get("HinhThucThu"));
        Map<String, Object> file = list(last.get("TaiLieuNop")).getFirst();
        assertEquals("DON", file.get("MaThanhPhanHoSo"));
        assertTrue(String.valueOf(file.get("DuongDanTaiTepTin")).contains("dossiers/d1/DON/u-1"));
        Map<String, Object> result = list(last.get("DanhSachGiayToKetQua")).getFirst();
        assertEquals(CODE + "-KQ1", result.get("GiayToId"));
        assertTrue(String.valueOf(result.get("DuongDanTepTinKetQua")).contains("results/rid-1/"));
        Map<String, Object> answered = list(last.get("DanhSachHoSoBoSung")).getFirst();
        assertEquals("20260302120000", answered.get("NgayTiepNhanBoSung"));
        assertEquals("1", answered.get("TrangThaiBoSung"));

        // the progress of the start of processing: the post and the unit, the step's start and deadline
        Map<String, Object> started = calls.get(9).body();
        assertEquals("4", started.get("TrangThai"));
        assertEquals("20260302140000", started.get("ThoiDiemXuLy"));
        assertEquals("20260302140000", started.get("NgayBatDau"));
        assertEquals("20260312170000", started.get("NgayKetThucTheoQuyDinh"));
        assertFalse(String.valueOf(started.get("NguoiXuLy")).isBlank());
        assertEquals(started.get("NguoiXuLy"), started.get("ChucDanh"), "an official is named by the post held");
        assertNotEquals("", started.get("PhongBanXuLy"));
        // no progress entry carries the applicant's or an official's identity
        for (var c : calls) {
            if (!c.kind().equals("progress")) continue;
            for (Object v : c.body().values()) {
                String s = String.valueOf(v);
                assertFalse(s.contains("Nguyễn Văn An") || s.contains("001099012345") || s.equals("u1") || s.equals("o1"), s);
            }
        }
    }

    @Test
    void aRedeliveredEventOrASecondConsumerSendsNothingTwice() {
        walk("d2");
        assertEquals(SyncToNationalPortal.Outcome.SENT, sync.handle("d2", 5).outcome());
        int sent = portal.calls.size();
        assertEquals(SyncToNationalPortal.Outcome.ALREADY, sync.handle("d2", 5).outcome());
        var second = new SyncToNationalPortal(dossiers, dossiers, payments, results, new FakeFileLinks(), new BundledRules(), portal, markers);
        assertEquals(SyncToNationalPortal.Outcome.ALREADY, second.handle("d2", 5).outcome());
        assertEquals(sent, portal.calls.size());
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsSkipped() {
        walk("d3");
        sync.handle("d3", 6);
        int sent = portal.calls.size();
        assertEquals(SyncToNationalPortal.Outcome.ALREADY, sync.handle("d3", 5).outcome());
        assertEquals(sent, portal.calls.size());
        assertEquals(6, markers.last("d3"));
    }

    @Test
    void aTransientFailureLeavesTheMarkerAndTheRetrySendsUnderTheSameKey() {
        walk("d4");
        portal.answerNext(new NationalPortal.Answer(NationalPortal.Outcome.TRANSIENT, "HTTP 503"));
        assertThrows(SyncToNationalPortal.Unavailable.class, () -> sync.handle("d4", 2));
        assertEquals(0, markers.last("d4"));
        // the crash window: the record went, the progress entry did not
        portal.answerNext(NationalPortal.Answer.done());
        portal.answerNext(new NationalPortal.Answer(NationalPortal.Outcome.TRANSIENT, "timeout"));
        assertThrows(SyncToNationalPortal.Unavailable.class, () -> sync.handle("d4", 2));
        assertEquals(SyncToNationalPortal.Outcome.SENT, sync.handle("d4", 2).outcome());
        assertTrue(portal.calls.stream().allMatch(c -> c.key().equals("d4#2")), "every attempt carries the event's key");
        assertEquals(2, markers.last("d4"));
    }

    @Test
    void aRefusalIsPermanent() {
        walk("d5");
        portal.answerNext(new NationalPortal.Answer(NationalPortal.Outcome.REFUSED, "HTTP 400 MaTTHC không hợp lệ"));
        DomainException e = assertThrows(DomainException.class, () -> sync.handle("d5", 2));
        assertEquals("national-portal-refused", e.problem());
        assertFalse(e.race());
        assertTrue(e.getMessage().contains("MaTTHC"), e.getMessage());
        assertEquals(0, markers.last("d5"));
    }

    @Test
    void aRefusalAtReceptionIsNotReceivedAndADraftsEditSendsNothing() {
        start("d6");
        then(new Command.Submit("{}", 1), Actor.citizen("u1"));
        then(new Command.Refuse("Không thuộc thẩm quyền"), desk);
        assertEquals(SyncToNationalPortal.Outcome.SKIPPED, sync.handle("d6", 1).outcome());
        assertEquals(SyncToNationalPortal.Outcome.SENT, sync.handle("d6", 2).outcome());
        assertEquals(SyncToNationalPortal.Outcome.SENT, sync.handle("d6", 3).outcome());
        List<RecordingNationalPortal.Call> calls = portal.taken();
        assertEquals("d6", calls.getFirst().body().get("MaHoSo"), "refused without a code: known by its id");
        Map<String, Object> refused = calls.get(2).body();
        assertEquals("3", refused.get("TrangThaiHoSo"));
        assertNotEquals("", refused.get("NgayTuChoi"));
    }

    @Test
    void anEventBeforeReceiptWaitsForTheDossiersCode() {
        start("d7");
        then(new Command.Submit("{}", 1), Actor.citizen("u1"));
        assertThrows(SyncToNationalPortal.Unavailable.class, () -> sync.handle("d7", 2));
        assertTrue(portal.calls.isEmpty());
        then(new Command.Receive(CODE.replace("0001", "0007"), LocalDate.of(2026, 3, 16), "reception", "MOTCUA", null), Actor.system("validation"));
        sync.handle("d7", 2);
        assertEquals(CODE.replace("0001", "0007"), portal.taken().getFirst().body().get("MaHoSo"));
    }

    @Test
    void anUnknownDossierIsPermanentAVersionNotYetReadableIsNot() {
        assertThrows(DomainException.class, () -> sync.handle("nope", 2));
        assertThrows(DomainException.class, () -> sync.handle("", 2));
        walk("d8");
        // a version the dossier has not reached yet (a read behind the stream): delivered again later
        assertThrows(SyncToNationalPortal.Unavailable.class, () -> sync.handle("d8", 42));
    }
}

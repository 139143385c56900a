package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** rules/national-portal.json read as data: the status rules, the codes, the dates, the answers. */
class NationalPortalRulesTest {
    final NationalPortalRules r = NationalPortalRules.standard();

    @Test
    void everyStatusHasAnEntryAndDraftAndClosedSendNothing() {
        assertTrue(r.status(null, DossierStatus.DRAFT).isEmpty());
        assertTrue(r.status(DossierStatus.RESULT_RETURNED, DossierStatus.CLOSED).isEmpty());
        assertEquals("1", r.status(DossierStatus.DRAFT, DossierStatus.SUBMITTED).orElseThrow().code());
        assertEquals("2", r.status(DossierStatus.SUBMITTED, DossierStatus.RECEIVED).orElseThrow().code());
        assertEquals("10", r.status(DossierStatus.RESULT_READY, DossierStatus.RESULT_RETURNED).orElseThrow().code());
    }

    @Test
    void aRefusalBeforeReceiptIsNotReceivedAndAfterItIsHandled() {
        assertEquals("3", r.status(DossierStatus.SUBMITTED, DossierStatus.REFUSED).orElseThrow().code());
        assertEquals("3", r.status(DossierStatus.AWAITING_SUPPLEMENT, DossierStatus.REFUSED).orElseThrow().code());
        NationalPortalRules.Code after = r.status(DossierStatus.IN_PROCESSING, DossierStatus.REFUSED).orElseThrow();
        assertEquals("9", after.code());
        assertFalse(after.confirmed(), "assumed, and said so");
    }

    @Test
    void datesAreWrittenInVietnamTime() {
        assertEquals("20261201100000", r.date(Instant.parse("2026-12-01T03:00:00Z")));
        assertEquals("", r.date((Instant) null));
        assertEquals("20261208170000", r.date(LocalDate.of(2026, 12, 8)));
    }

    @Test
    void ownerCodesFollowTheIdentifier() {
        var person = Facts.OwnerId.of(new Applicant("A", "001099000654", null, null, null, null));
        var firm = Facts.OwnerId.of(new Applicant("A", "001099000654", "0101234567", null, null, null));
        assertEquals("1", r.ownerKind(person));
        assertEquals("1", r.identifierType(person));
        assertEquals("2", r.ownerKind(firm));
        assertEquals("2", r.identifierType(firm));
        assertEquals("2", r.identifierType(Facts.OwnerId.of(new Applicant("A", "123456789", null, null, null, null))));
        assertEquals("2", r.channel(Facts.Channel.ONLINE));
        assertEquals("1", r.channel(Facts.Channel.DIRECT));
        assertEquals("3", r.channel(Facts.Channel.POSTAL));
    }

    @Test
    void fieldsFlagsAndAnswers() {
        assertEquals("TrangThaiHoSo", r.field(NationalPortalRules.DOSSIER, "status"));
        assertEquals("NgayKetThucTheoQuyDinh", r.field(NationalPortalRules.PROGRESS, "stepDeadline"));
        assertEquals("1", r.flag("verifiedWithVNeID", "true"));
        assertEquals("3", r.flag("paidOnline", "unpaid"));
        assertEquals(NationalPortalRules.Meaning.DONE, r.meaning("0", "Đồng bộ thành công"));
        assertEquals(NationalPortalRules.Meaning.DONE, r.meaning("00", null));
        assertEquals(NationalPortalRules.Meaning.EXISTS, r.meaning("-3", "Hồ sơ đã tồn tại"));
        assertEquals(NationalPortalRules.Meaning.OTHER, r.meaning("1", "Sai mã"));
        assertFalse(r.progressSent("mark-deadline"));
        assertTrue(r.progressSent("receive"));
    }

    @Test
    void aConfirmedEntryWithoutSourceIsRefused() {
        Map<String, Object> m = Json.obj(Json.resource("/rules/national-portal.json"));
        String text = Json.write(m).replace("\"source\":[\"TH_CHANNEL\",\"TH_SYNC\"]", "\"source\":[]");
        assertThrows(IllegalArgumentException.class, () -> NationalPortalRules.read(Json.obj(Json.parse(text))));
    }
}

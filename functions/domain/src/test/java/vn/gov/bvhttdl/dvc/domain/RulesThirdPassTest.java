package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue #21, third pass over the rules (the survey and the catalogue; the calendar is pinned elsewhere): each value
 * changed, with the document and article the data now cites for it.
 */
class RulesThirdPassTest {
    final ProcedureCatalogue cat = ProcedureCatalogue.load();
    final LocalDate today = LocalDate.of(2026, 12, 1);
    final Map<String, Object> root = Json.obj(Json.resource("/catalogue/procedures.json"));

    static Citation cited(List<Citation> basis, String document) {
        return basis.stream().filter(c -> c.document().equals(document)).findFirst().orElseThrow(() -> new AssertionError("no " + document + " in " + basis));
    }

    Map<String, Object> notInCatalogue(String code) {
        return Json.list(root.get("notInCatalogue")).stream().map(Json::obj).filter(m -> code.equals(m.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " is not listed as taken out"));
    }

    // ---- the quality survey

    @Test
    void theSurveyScoresThePerDossierIndicatorsOfCircular01Of2018Article14() {
        List<String> codes = Survey.rules().criteria().stream().map(Survey.Criterion::code).toList();
        assertEquals(List.of("total-time", "unit-time", "completion-contacts", "contacted-bodies", "publicity", "conduct"), codes);
        Map<String, Object> raw = Json.obj(Json.resource("/rules/survey.json"));
        List<Object> indicators = Json.list(raw.get("criteria")).stream().map(Json::obj).map(c -> c.get("indicator")).map(n -> (Object) ((Number) n).intValue()).toList();
        assertEquals(List.of(1, 2, 3, 4, 6, 7), indicators);
        Survey.Criterion bodies = Survey.rules().criteria().get(3);
        assertTrue(bodies.scores().get("1").contains("only the one-stop desk"), bodies.scores().toString());
        assertTrue(bodies.scores().get("0").contains("more than one"), bodies.scores().toString());
        // the agency-level rates of Decision 766 are indicators for the dashboards, not per-dossier scores
        List<Map<String, Object>> agency = Json.list(raw.get("agencyIndicators")).stream().map(Json::obj).toList();
        assertEquals(List.of("online-payment", "electronic-result"), agency.stream().map(m -> m.get("code")).toList());
        agency.forEach(m -> assertEquals(false, m.get("scoredPerDossier")));
        assertFalse(codes.contains("online-payment") || codes.contains("electronic-result") || codes.contains("contacts") || codes.contains("agencies"));
    }

    @Test
    void theSurveyCitesDecree61Article31Clause1AndCircular01Articles12To14AsTheLastKnownBasisUnconfirmed() {
        Citation decree = cited(Survey.rules().basis(), "Nghị định 61/2018/NĐ-CP");
        assertEquals("Điều 31 khoản 1", decree.article());
        assertFalse(decree.confirmed(), "Decree 118/2025's article on the evaluation was not found");
        assertTrue(decree.note().contains("118/2025"));
        Citation circular = cited(Survey.rules().basis(), "Thông tư 01/2018/TT-VPCP");
        assertEquals("Điều 12–14", circular.article());
        assertFalse(circular.confirmed());
    }

    @Test
    void theSurveyOpensAtTheReceiptTheSupplementRequestTheRefusalAndTheResultUnderCircular01Article12Clause2Unconfirmed() {
        List<String> moves = Survey.rules().opensAt().stream().map(Survey.Moment::move).toList();
        assertTrue(moves.containsAll(List.of("receive", "request-supplement", "refuse", "return-result")), moves.toString());
        Citation basis = Survey.rules().opensAtBasis();
        assertEquals("Thông tư 01/2018/TT-VPCP", basis.document());
        assertEquals("Điều 12 khoản 2", basis.article());
        assertFalse(basis.confirmed(), "the article was not found in a stored copy");
    }

    @Test
    void indicator3CountsOnlyContactsTheAgencyCausedNotTheApplicantsFault() {
        Survey.Criterion k = Survey.rules().criteria().stream().filter(c -> c.code().equals("completion-contacts")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("AGENCY"), k.countsFaults());
        assertEquals("APPLICANT", k.faultWhenNotRecorded());
        assertEquals("APPLICANT", new Command.RequestSupplement(List.of("x")).details().get("fault"), "the default: the dossier lacked something");
    }

    // ---- the supplement window and the Ministry's units

    @Test
    void anOnlineSupplementRequestIsDueWithin8WorkingHoursUnderResolution66Point7Article8Clause1Until28February2027() {
        SupplementWindow.Rule r = SupplementWindow.standard().rules().getFirst();
        assertEquals(java.time.Duration.ofHours(8), r.workingHours());
        assertEquals(Facts.Channel.ONLINE, r.channel());
        assertEquals(LocalDate.of(2026, 1, 1), r.validFrom());
        assertEquals(LocalDate.of(2027, 2, 28), r.validTo());
        assertEquals("Nghị quyết 66.7/2025/NQ-CP ngày 15/11/2025", r.basis().document());
        assertEquals("Điều 8 khoản 1; Điều 10 khoản 1", r.basis().article());
        assertFalse(r.basis().confirmed(), "a repository copy, not the gazette");
        assertEquals(2, WorkingCalendar.standard().officeSessions().size(), "morning and afternoon (hours unconfirmed)");
    }

    @Test
    void theMinistrysUnitsCiteDecree298Of2026UnreadSoNoAgencyChanged() {
        Citation c = Organisation.standard().unitsBasis();
        assertEquals("Nghị định 298/2026/NĐ-CP ngày 27/7/2026", c.document());
        assertFalse(c.confirmed(), "its text was not found");
        assertTrue(c.note().contains("left unchanged"), c.note());
        assertEquals(10, Organisation.standard().agencies().size(), "no agency added or removed on an unread text");
    }

    // ---- the catalogue

    @Test
    void replacementAndReissueUseForm05AndReplacementIsFiveWorkingDaysUnderArticle35() {
        Procedure dl2 = cat.inForce("BVHTTDL-DL-002", today).orElseThrow();
        Procedure dl3 = cat.inForce("BVHTTDL-DL-003", today).orElseThrow();
        for (Procedure p : List.of(dl2, dl3)) {
            assertEquals("Mẫu số 05 Phụ lục II Thông tư 06/2017/TT-BVHTTDL", p.components().getFirst().template(), p.code());
        }
        assertEquals(Period.workingDays(5), dl2.timeLimit());
        Citation art35 = cited(dl2.legalBasis(), "Luật Du lịch số 09/2017/QH14");
        assertEquals("Điều 35", art35.article());
        assertTrue(art35.confirmed(), "read in the codification");
    }

    @Test
    void theForeignTourismOfficeIsTourismLawArticle69ThirtyDaysThenThePrimeMinisterDecidesOutsideTheMinistry() {
        Procedure p = cat.inForce("BVHTTDL-DL-005", today).orElseThrow();
        assertEquals(Period.calendarDays(30), p.timeLimit());
        assertEquals("Điều 69", cited(p.legalBasis(), "Luật Du lịch số 09/2017/QH14").article());
        assertEquals("Mẫu số 14 Phụ lục II Thông tư 06/2017/TT-BVHTTDL", p.components().getFirst().template());
        // the Ministry's own steps fill its 30 days; the Prime Minister's step is outside them, then the notice
        int ministry = p.steps().stream().filter(s -> s.budget().unit() == Period.Unit.CALENDAR_DAYS).mapToInt(s -> s.budget().days()).sum();
        assertEquals(30, ministry);
        Procedure.Step pm = p.steps().get(2);
        assertEquals("inter-agency", pm.code());
        assertEquals("Thủ tướng Chính phủ xem xét, quyết định (ngoài Bộ)", pm.name().vi());
        assertEquals(Period.Unit.WORKING_DAYS, pm.budget().unit(), "not counted in the Ministry's 30 days");
        Procedure.Step notice = p.steps().getLast();
        assertEquals("signing", notice.code());
        assertEquals(Period.workingDays(5), notice.budget(), "Art 69(3)(c): notified within 5 working days of the Prime Minister's opinion");
        assertEquals(List.of(Period.calendarDays(30)), cat.history("BVHTTDL-DL-005").stream().map(Procedure::timeLimit).distinct().toList(),
                "a corrected value, not a new version: the article is unchanged since 2018 (version 2 is its e-form only)");
    }

    @Test
    void competitionsAndFestivalsAreDecree144Article13() {
        Procedure p = cat.inForce("BVHTTDL-NT-002", today).orElseThrow();
        Citation c = cited(p.legalBasis(), "Nghị định 144/2020/NĐ-CP");
        assertEquals("Điều 13", c.article());
        assertTrue(c.confirmed());
        assertEquals(Period.workingDays(15), p.timeLimit());
    }

    @Test
    void filmClassificationIsFifteenCalendarDaysWithItsFeeUnderCircular289Article4Clause1() {
        Procedure p = cat.inForce("BVHTTDL-DA-001", today).orElseThrow();
        assertEquals(Period.calendarDays(15), p.timeLimit());
        assertEquals("Thông tư 289/2016/TT-BTC", p.fees().getFirst().basis().document());
        assertEquals("Điều 4 khoản 1", p.fees().getFirst().basis().article());
        assertEquals(List.of(Period.calendarDays(15)), cat.history("BVHTTDL-DA-001").stream().map(Procedure::timeLimit).distinct().toList(),
                "corrected in place: the Cinema Law said 15 days from 1 Jan 2023 (version 2 is its e-form only)");
    }

    @Test
    void filmingServicesAreCinemaLawArticle13TwentyCalendarDaysWithTheFeesOfCircular289Article4Clause2() {
        Procedure p = cat.inForce("BVHTTDL-DA-002", today).orElseThrow();
        assertTrue(p.name().vi().contains("dịch vụ quay phim sử dụng bối cảnh tại Việt Nam"), p.name().vi());
        assertEquals("Điều 13", cited(p.legalBasis(), "Luật Điện ảnh số 05/2022/QH15").article());
        assertEquals(Period.calendarDays(20), p.timeLimit());
        assertEquals(20, p.steps().stream().mapToInt(s -> s.budget().days()).sum());
        assertTrue(p.components().stream().anyMatch(c -> c.code().equals("CAMKET")), "Art 13(3)(d): the undertaking on Art 9");
        Procedure.Fee fee = p.fees().getFirst();
        assertEquals("Điều 4 khoản 2", fee.basis().article());
        assertTrue(fee.rule().vi().contains("5.000.000") && fee.rule().vi().contains("2.400.000"), fee.rule().vi());
    }

    @Test
    void copyrightRegistrationChargesArePhiUnderCircular211() {
        for (String code : List.of("BVHTTDL-BQ-001", "BVHTTDL-BQ-002")) {
            Procedure.Fee fee = cat.inForce(code, today).orElseThrow().fees().getFirst();
            assertTrue(fee.name().vi().startsWith("Phí đăng ký"), code + ": " + fee.name().vi());
            assertEquals("Thông tư 211/2016/TT-BTC", fee.basis().document());
            assertTrue(fee.basis().article().startsWith("Điều 4 khoản 1"), code);
            assertTrue(fee.basis().confirmed(), code);
        }
    }

    @Test
    void thePrintPressLicenceFollowsPressLaw126Of2025AndCircular20Of2026FromJuly2026() {
        Procedure before = cat.inForce("BVHTTDL-BC-001", LocalDate.of(2026, 6, 30)).orElseThrow();
        Procedure after = cat.inForce("BVHTTDL-BC-001", LocalDate.of(2026, 7, 1)).orElseThrow();
        assertEquals(1, before.version());
        assertEquals(2, after.version());
        assertEquals(LocalDate.of(2026, 7, 1), after.effectiveFrom());
        assertEquals(Period.calendarDays(45), after.timeLimit(), "Circular 20/2026 Art 4(2): 45 days from official receipt");
        assertEquals("Điều 18", cited(after.legalBasis(), "Luật Báo chí số 126/2025/QH15").article());
        assertEquals("Điều 3, Điều 4", cited(after.legalBasis(), "Thông tư 20/2026/TT-BVHTTDL").article());
        assertEquals("Mẫu số 01 Phụ lục I Thông tư 20/2026/TT-BVHTTDL", after.components().getFirst().template());
        Map<String, Object> v2 = Json.obj(Json.list(Json.list(root.get("procedures")).stream().map(Json::obj)
                .filter(m -> "BVHTTDL-BC-001".equals(m.get("code"))).findFirst().orElseThrow().get("versions")).get(1));
        Map<String, Object> check = Json.obj(v2.get("receptionCheck"));
        assertEquals(7, ((Number) check.get("days")).intValue(), "Art 3(2): 7 working days to check the dossier");
        assertEquals(true, check.get("silenceMeansReceived"), "Art 3(4)");
    }

    @Test
    void theProvincialSportsCertificateAndTheMonumentLicenceAreTakenOutOfTheMinistrysCatalogue() {
        assertTrue(cat.history("BVHTTDL-TT-001").isEmpty());
        assertTrue(cat.history("BVHTTDL-MT-002").isEmpty());
        Map<String, Object> sports = notInCatalogue("BVHTTDL-TT-001");
        assertEquals("Điều 20 khoản 1", Citation.of(Json.obj(sports.get("basis"))).article());
        assertTrue(Json.text(sports, "reason").vi().contains("Ủy ban nhân dân cấp tỉnh"));
        Map<String, Object> monument = notInCatalogue("BVHTTDL-MT-002");
        Citation c = Citation.of(Json.obj(monument.get("basis")));
        assertEquals("Nghị định 113/2013/NĐ-CP", c.document());
        assertEquals("Điều 27", c.article());
        assertTrue(Json.text(monument, "reason").vi().contains("20 ngày"));
        assertEquals("BVHTTDL-NT-001", Json.obj(Json.list(root.get("notInCatalogue")).getFirst()).get("code"), "the earlier entry stays first");
    }

    @Test
    void theHalvingOfCircular64Of2025IsUnconfirmedForTheInternationalLicenceAndEndsWith2026() {
        for (String code : List.of("BVHTTDL-DL-002", "BVHTTDL-DL-003")) {
            Procedure.Fee fee = cat.inForce(code, today).orElseThrow().fees().getFirst();
            Procedure.Rate half = fee.rates().getFirst();
            assertEquals("Thông tư 64/2025/TT-BTC", half.basis().document());
            assertFalse(half.basis().confirmed(), code);
            assertEquals(LocalDate.of(2026, 12, 31), half.until());
            assertEquals(fee.amountVnd(), fee.amountOn(LocalDate.of(2027, 1, 1)), code + ": the full rate from 2027");
        }
    }

    @Test
    void notificationsCiteDecree45Article11WithDecree118Article17Clause2() {
        Map<String, Object> n = Json.obj(Json.resource("/rules/notifications.json"));
        List<Citation> basis = Json.list(n.get("basis")).stream().map(Json::obj).map(Citation::of).toList();
        assertEquals("Điều 11", cited(basis, "Nghị định 45/2020/NĐ-CP").article());
        assertTrue(cited(basis, "Nghị định 45/2020/NĐ-CP").note().contains("amended (not replaced)"));
        assertEquals("Điều 17 khoản 2", cited(basis, "Nghị định 118/2025/NĐ-CP").article());
    }

    @Test
    void theInternationalTravelLicenceIsTenCalendarDaysUnderTourismLawArticle33WithForm04AndFromJanuary2026TheRegistrationFromTheNationalDatabase() {
        Procedure v2 = cat.version("BVHTTDL-DL-001", 2).orElseThrow();
        Procedure v3 = cat.inForce("BVHTTDL-DL-001", today).orElseThrow();
        for (Procedure p : List.of(v2, v3)) {
            assertEquals(Period.calendarDays(10), p.timeLimit(), "Art 33(2)(b): 10 days of a valid dossier");
            assertEquals(10, p.steps().stream().mapToInt(s -> s.budget().days()).sum());
            Citation law = cited(p.legalBasis(), "Luật Du lịch số 09/2017/QH14");
            assertEquals("Điều 31, Điều 33", law.article());
            assertTrue(law.confirmed() && law.note().contains("Điều 41.5.LQ.33"), "read in the codification");
            assertEquals("Mẫu số 04 Phụ lục II Thông tư 06/2017/TT-BVHTTDL", p.components().getFirst().template());
            Citation circular = cited(p.legalBasis(), "Thông tư 06/2017/TT-BVHTTDL");
            assertEquals("Điều 18", circular.article());
            assertTrue(circular.note().contains("Form 02 of Annex III is the international licence"));
        }
        assertEquals(3, v3.version());
        assertEquals(LocalDate.of(2026, 1, 1), v3.effectiveFrom());
        assertEquals("amended", v3.change());
        assertFalse(v3.decision().confirmed(), "Decision 4508/QĐ-BVHTTDL was not found");
        Procedure.Component dkdn = v3.components().get(1);
        assertEquals("DKDN", dkdn.code());
        assertEquals("enterprise-registration", dkdn.nationalData().database());
        Citation resolution = cited(dkdn.nationalData().basis(), "Nghị quyết 66.7/2025/NQ-CP");
        assertTrue(resolution.confirmed());
        assertTrue(resolution.article().contains("Điều 2 khoản 2") && resolution.article().contains("Điều 4 khoản 5 điểm a")
                && resolution.article().contains("Phụ lục I mục 545"), resolution.article());
        assertFalse(cited(dkdn.nationalData().basis(), "Quyết định 4508/QĐ-BVHTTDL").confirmed());
        assertEquals(resolution, cited(v3.legalBasis(), "Nghị quyết 66.7/2025/NQ-CP"));
        assertNull(v2.components().get(1).nationalData(), "asked for until 31 Dec 2025");
    }
}

package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.CompareProcedureCodes.Kind;
import vn.gov.bvhttdl.dvc.application.CompareProcedureCodes.Line;
import vn.gov.bvhttdl.dvc.application.NationalCatalogue.NationalProcedure;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeNationalCatalogue;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The catalogue against a fake national database made from the catalogue itself with one difference of each kind:
 * each lands in its group with both sides' values, the rest match, and a national database that cannot be read
 * gives no report at all.
 */
class CompareProcedureCodesTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
    final BundledRules rules = new BundledRules();
    final List<Procedure> ours = rules.catalogue().all(LocalDate.of(2026, 12, 6)).stream().filter(p -> !p.repealed()).toList();

    static NationalProcedure same(Procedure p) {
        return new NationalProcedure(p.code(), p.name().vi(), Integer.toString(p.serviceLevel()), p.agencyName().vi(), "QĐ công bố");
    }

    Line line(CompareProcedureCodes.Report r, String code) {
        return r.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no line " + code));
    }

    @Test
    void everyKindOfDifferenceLandsInItsGroupWithBothSides() {
        assertTrue(ours.size() >= 6, "the catalogue has enough procedures for the test");
        Procedure missing = ours.get(0), renamed = ours.get(1), moved = ours.get(2), leveled = ours.get(3), spaced = ours.get(4);
        FakeNationalCatalogue national = new FakeNationalCatalogue();
        for (Procedure p : ours.subList(5, ours.size())) national.add(same(p));
        national.add(new NationalProcedure(renamed.code(), renamed.name().vi() + " (sửa đổi)", Integer.toString(renamed.serviceLevel()), renamed.agencyName().vi(), "QĐ 1"));
        national.add(new NationalProcedure(moved.code(), moved.name().vi(), Integer.toString(moved.serviceLevel()), "Vụ Pháp chế", ""));
        national.add(new NationalProcedure(leveled.code(), leveled.name().vi(), leveled.serviceLevel() == 4 ? "3" : "4", leveled.agencyName().vi(), ""));
        // the same text with other spacing and case is the same name
        national.add(new NationalProcedure(spaced.code(), "  " + spaced.name().vi().toUpperCase().replace(" ", "   ") + " ", Integer.toString(spaced.serviceLevel()),
                spaced.agencyName().vi(), ""));
        national.add(new NationalProcedure("1.000001", "Thủ tục chỉ có ở cơ sở dữ liệu quốc gia", "2", "Cục Di sản văn hóa", "QĐ 99"));

        CompareProcedureCodes.Report r = new CompareProcedureCodes(rules, national, clock).report();

        assertEquals(1, national.reads(), "one read of the national database");
        assertEquals(Instant.parse("2026-12-06T03:00:00Z"), r.at());
        Line m = line(r, missing.code());
        assertEquals(Kind.MISSING_NATIONALLY, m.kind());
        assertNull(m.national());
        assertEquals(missing.name().vi(), m.catalogue().name());

        Line there = line(r, "1.000001");
        assertEquals(Kind.MISSING_HERE, there.kind());
        assertNull(there.catalogue());
        assertEquals("Cục Di sản văn hóa", there.national().agency());
        assertEquals("QĐ 99", there.national().decision());

        Line n = line(r, renamed.code());
        assertEquals(Kind.DIFFERENT, n.kind());
        assertEquals(List.of("name"), n.differences());
        assertEquals(renamed.name().vi(), n.catalogue().name());
        assertEquals(renamed.name().vi() + " (sửa đổi)", n.national().name());

        Line a = line(r, moved.code());
        assertEquals(List.of("agency"), a.differences());
        assertEquals(moved.agencyName().vi(), a.catalogue().agency());
        assertEquals("Vụ Pháp chế", a.national().agency());

        Line l = line(r, leveled.code());
        assertEquals(List.of("level"), l.differences());
        assertEquals(Integer.toString(leveled.serviceLevel()), l.catalogue().level());
        assertNotEquals(l.catalogue().level(), l.national().level());

        assertEquals(Kind.MATCHING, line(r, spaced.code()).kind());
        for (Procedure p : ours.subList(5, ours.size())) assertEquals(Kind.MATCHING, line(r, p.code()).kind(), p.code());

        assertEquals(Map.of(Kind.MISSING_NATIONALLY, 1, Kind.MISSING_HERE, 1, Kind.DIFFERENT, 3, Kind.MATCHING, ours.size() - 4), r.counts());
        assertEquals(ours.size() + 1, r.lines().size(), "every procedure of either side once");
        // differences first: the groups in their order
        List<Kind> order = r.lines().stream().map(Line::kind).toList();
        assertEquals(order.stream().sorted().toList(), order);
    }

    @Test
    void aNationalCodeListedTwiceIsOneLineAndABlankCodeIsIgnored() {
        FakeNationalCatalogue national = new FakeNationalCatalogue();
        ours.forEach(p -> national.add(same(p)));
        national.add(same(ours.get(0)));
        national.add(new NationalProcedure(" ", "Không mã", "3", "", ""));
        CompareProcedureCodes.Report r = new CompareProcedureCodes(rules, national, clock).report();
        assertEquals(ours.size(), r.lines().size());
        assertEquals(ours.size(), r.counts().get(Kind.MATCHING));
        assertEquals(0, r.counts().get(Kind.MISSING_HERE) + r.counts().get(Kind.MISSING_NATIONALLY) + r.counts().get(Kind.DIFFERENT));
    }

    @Test
    void aNationalDatabaseThatCannotBeReadGivesNoReport() {
        for (NationalCatalogue.Unavailable.Reason reason : NationalCatalogue.Unavailable.Reason.values()) {
            var national = new FakeNationalCatalogue().down(reason);
            var e = assertThrows(NationalCatalogue.Unavailable.class, () -> new CompareProcedureCodes(rules, national, clock).report());
            assertEquals(reason, e.reason());
        }
    }
}

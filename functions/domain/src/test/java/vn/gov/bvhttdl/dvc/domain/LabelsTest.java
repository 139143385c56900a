package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 24: codes read as words (labels of fields, options, documents, units, posts); signing on behalf; letters' addresses. */
class LabelsTest {
    final ProcedureCatalogue cat = ProcedureCatalogue.load();

    @Test
    void aDossierOfAnOlderVersionIsReadWithTheCatalogueLabels() {
        Procedure v1 = cat.version("BVHTTDL-DL-003", 1).orElseThrow();
        assertTrue(v1.formFields().isEmpty(), "version 1 had a free-text request");
        var lines = v1.formLines(Map.of("companyName", "Công ty Hoa Sen", "reason", "lost", "licenceIssuedOn", "2024-05-02"));
        assertEquals(List.of("Tên doanh nghiệp (viết bằng tiếng Việt)", "Ngày cấp giấy phép", "Lý do cấp lại"),
                lines.stream().map(l -> l.label().vi()).toList());
        assertEquals("Giấy phép bị mất", lines.get(2).value().vi());
        assertEquals("The licence was lost", lines.get(2).value().en());
        assertEquals("02/05/2024", lines.get(1).value().vi());
        assertEquals("Nội dung đề nghị", v1.formLines(Map.of("note", "Xin cấp")).get(0).label().vi(), "the free text keeps its label");
        assertEquals("unknownKey", v1.formLines(Map.of("unknownKey", "x")).get(0).label().vi(), "what no version defines stays as it is");
    }

    @Test
    void theResultFaceOfAnOlderVersionPrintsTheOptionLabel() {
        Procedure v1 = cat.version("BVHTTDL-DL-003", 1).orElseThrow();
        Dossier d = Dossier.draft("d", v1, "o", new Applicant("A", "079199001234", "0101234567", "Hà Nội", "0987000111", null),
                Map.of("companyName", "Công ty Hoa Sen", "reason", "damaged"), Instant.parse("2026-03-02T03:00:00Z")).dossier();
        var face = IssuedResult.face(v1, d);
        assertTrue(face.contains(new IssuedResult.Line("Lý do cấp lại", "Giấy phép bị hư hỏng")), face.toString());
        // a result stored with the code before the labels were printed reads in words on the verification page
        Procedure dl1 = cat.find("BVHTTDL-DL-001").orElseThrow();
        IssuedResult stored = new IssuedResult("id", "n", 1, "d", "c", dl1.code(), dl1.version(), "CDLQG", dl1.resultType(),
                List.of(new IssuedResult.Line("Phạm vi kinh doanh", "inbound"), new IssuedResult.Line("Tên doanh nghiệp", "inbound")),
                Instant.now(), null, null, "CN=Cuc Du lich Quoc gia Viet Nam (dev),O=Bo Van hoa The thao va Du lich (dev),C=VN",
                IssuedResult.Status.VALID, null, null, null);
        assertEquals(List.of(new IssuedResult.Line("Phạm vi kinh doanh", "Khách du lịch quốc tế đến Việt Nam"),
                new IssuedResult.Line("Tên doanh nghiệp", "inbound")), stored.faceInWords(dl1), "only a choice's line is relabelled");
        assertEquals("Cuc Du lich Quoc gia Viet Nam (dev) — Bo Van hoa The thao va Du lich (dev)", stored.signerName());
        assertEquals("Cục A, phòng B", IssuedResult.signerName("CN=Cục A\\, phòng B,C=VN"));
        assertEquals("not a DN", IssuedResult.signerName("not a DN"));
        assertNull(IssuedResult.signerName(null));
    }

    @Test
    void unitsPostsAndDocumentsByName() {
        assertEquals("Bộ phận Một cửa", Labels.unit("CDLQG", "MOTCUA").vi());
        assertEquals("Phòng Lữ hành", Labels.unit("CDLQG", "LUHANH").vi());
        assertNull(Labels.unit("CDLQG", "NOPE"));
        assertEquals("Cục Du lịch Quốc gia Việt Nam", Labels.agency("CDLQG").vi());
        assertEquals(Organisation.standard().label(Post.ONE_STOP), Labels.post("ONE_STOP"));
        Procedure p = cat.find("BVHTTDL-DL-001").orElseThrow();
        assertEquals("Đơn đề nghị cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế", Labels.component(p, "DON").vi());
        assertNull(Labels.component(p, "NOPE"));
    }

    @Test
    void signingOnBehalfOfASuperiorIsKtOrTlWithBothNames() {
        assertEquals("Cục trưởng", Signature.headTitle("CDLQG").vi());
        Actor deputy = Actor.official("s", "CDLQG", "LUHANH", Post.LEADER)
                .named("Trần Thị Phó", Actor.Delegation.parse("kt.", "Nguyễn Văn Trưởng", "Phó Cục trưởng"));
        Signature kt = Signature.of(deputy, "CDLQG", new Text("Thủ trưởng đơn vị", "Head"));
        assertEquals(List.of("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "(Ký số)", "Trần Thị Phó", "(ký thay Cục trưởng Nguyễn Văn Trưởng)"), kt.lines("(Ký số)"));
        Actor unitHead = Actor.official("t", "CDLQG", "LUHANH", Post.LEADER).named("Đỗ Văn Phòng", Actor.Delegation.parse("TL", "Nguyễn Văn Trưởng", "Trưởng phòng Lữ hành"));
        assertEquals("TL. CỤC TRƯỞNG", Signature.of(unitHead, "CDLQG", null).lines(null).get(0));
        Actor own = Actor.official("h", "CDLQG", "LUHANH", Post.LEADER).named("Nguyễn Văn Trưởng", null);
        assertEquals(List.of("THỦ TRƯỞNG ĐƠN VỊ", "(Ký số)", "Nguyễn Văn Trưởng"), Signature.of(own, "CDLQG", new Text("Thủ trưởng đơn vị", "Head")).lines("(Ký số)"));
        assertNull(Actor.Delegation.parse("XYZ", "a", "b"), "an unknown mode is no delegation");
        assertTrue(Signature.basis().get(0).confirmed() && !Signature.basis().get(1).confirmed(), "Art 13 read, Appendix I not");

        // the trail records the delegation, so that a letter rebuilt later prints the same block
        Procedure p = cat.find("BVHTTDL-DL-001").orElseThrow();
        Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
        Dossier d = Dossier.draft("d", p, "o", new Applicant("A", "079199001234", null, "Hà Nội", "0987000111", null), Map.of(), t0).dossier();
        d = d.handle(new Command.Submit("{}", 0), Actor.citizen("o"), t0).dossier();
        d = d.handle(new Command.Receive("C-1", LocalDate.of(2026, 3, 16), "reception", "MOTCUA", LocalDate.of(2026, 3, 3)), Actor.system("v"), t0).dossier();
        var stop = d.handle(new Command.Stop("Dừng"), deputy, t0.plusSeconds(60));
        assertEquals("KT", stop.event().details().get("signMode"));
        assertEquals("Nguyễn Văn Trưởng", stop.event().details().get("signForName"));
        assertEquals("Trần Thị Phó", stop.event().details().get("actorName"));
        assertEquals(kt, Signature.of(stop.event().details(), "CDLQG", new Text("Thủ trưởng đơn vị", "Head")));
        assertEquals(Map.of("05", stop.event()), Letters.issued(List.of(stop.event())));
        assertEquals("letters/d/05/" + t0.plusSeconds(60).getEpochSecond(), Letters.verifyPath("d", "05", stop.event().at()));
        assertTrue(Letters.issuedAt(List.of(stop.event()), "05", t0.plusSeconds(60).getEpochSecond()).isPresent());
        assertTrue(Letters.issuedAt(List.of(stop.event()), "05", t0.getEpochSecond()).isEmpty(), "another second: not this letter");
    }
}

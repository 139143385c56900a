package vn.gov.bvhttdl.dvc.validation;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.documents.PdfAValidation;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The receipt (form 01) is a PDF/A-2b file, and still says what it says. */
class ReceiptPdfATest {
    @Test
    void theReceiptIsPdfA() throws Exception {
        Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
        Dossier d = Dossier.draft("d-1", p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", null, "51 Ngô Quyền", "0987000111", null),
                Map.of(), t0).dossier();
        d = d.handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0).dossier();
        d = d.handle(new Command.Receive("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 16), "reception", "MOTCUA", LocalDate.of(2026, 3, 3)),
                Actor.system("v"), t0).dossier();
        byte[] pdf = ReceiptPdf.render(d, p, List.of(), t0, LocalDate.of(2026, 3, 16), t0, "ABCD1234", "http://127.0.0.1:3000/verify/r1");
        assertEquals(List.of(), PdfAValidation.problems(pdf));
        String text = Receipts.text(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("000.00.12.G17-260302-0001") && text.contains("Phạm Thị Hoa"), text);
    }
}

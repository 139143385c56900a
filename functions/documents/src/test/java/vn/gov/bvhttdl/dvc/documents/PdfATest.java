package vn.gov.bvhttdl.dvc.documents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Each kind of document the system issues is a PDF/A-2b file: the forms (receipt and letters), the result and the e-receipt, before and after signing. */
class PdfATest {
    @TempDir
    Path dir;

    @Test
    void everyFormTheLettersTheControlSlipAndTheBookIsPdfA() throws Exception { // the receipt (form 01): validation's ReceiptPdfATest
        java.time.Instant t0 = java.time.Instant.parse("2026-03-02T03:00:00Z");
        for (String n : List.of("02", "03", "04", "05", "06", "07")) {
            assertTrue(FormPdf.has(n), "form " + n);
            var rows = List.of(List.of("1", "000.00.12.G17-260302-0001", "Phạm Thị Hoa", "Hồ sơ đủ điều kiện"));
            byte[] pdf = FormPdf.render(new FormPdf.Content(n, "Cục Du lịch Quốc gia Việt Nam", "Bộ phận Một cửa",
                    java.util.Map.of("code", "000.00.12.G17-260302-0001", "applicantName", "Phạm Thị Hoa"), rows,
                    "http://127.0.0.1:3000/verify/letter-" + n, t0));
            assertEquals(List.of(), PdfAValidation.problems(pdf), "form " + n);
        }
    }

    @Test
    void aResultSignedForTheLongTermIsStillPdfA() throws Exception {
        SignedResultTest t = new SignedResultTest();
        var r = t.result();
        LocalKeySigner signer = LocalKeySigner.in(dir);
        byte[] signed = new ResultPdf(signer, Pades.LongTerm.archival(signer.tsa(java.time.Clock.systemUTC()), signer.revocation()))
                .render(r, t.p, "http://127.0.0.1:3000/verify/" + r.id(), null).pdf();
        assertEquals(List.of(), PdfAValidation.problems(signed));
        assertEquals("B-LTA", SignatureCheck.check(signed, signer.chain().get(1)).level());
    }

    @Test
    void aResultIsPdfABeforeAndAfterItsSignature() throws Exception {
        SignedResultTest t = new SignedResultTest();
        var r = t.result();
        byte[] drawn = ResultPdf.draw(r, t.p, "http://127.0.0.1:3000/verify/" + r.id(), null);
        assertEquals(List.of(), PdfAValidation.problems(drawn));
        byte[] signed = new ResultPdf(LocalKeySigner.in(dir)).render(r, t.p, "http://127.0.0.1:3000/verify/" + r.id(), null).pdf();
        assertEquals(List.of(), PdfAValidation.problems(signed));
    }
}

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
    void aResultIsPdfABeforeAndAfterItsSignature() throws Exception {
        SignedResultTest t = new SignedResultTest();
        var r = t.result();
        byte[] drawn = ResultPdf.draw(r, t.p, "http://127.0.0.1:3000/verify/" + r.id(), "Đủ điều kiện");
        assertEquals(List.of(), PdfAValidation.problems(drawn));
        byte[] signed = new ResultPdf(LocalKeySigner.in(dir)).render(r, t.p, "http://127.0.0.1:3000/verify/" + r.id(), "Đủ điều kiện").pdf();
        assertEquals(List.of(), PdfAValidation.problems(signed));
    }
}

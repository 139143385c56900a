package vn.gov.bvhttdl.dvc.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import vn.gov.bvhttdl.dvc.application.Rules;
import vn.gov.bvhttdl.dvc.documents.FormPdf;
import vn.gov.bvhttdl.dvc.documents.IssuedForms;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.List;

/**
 * The forms of Circular 03/2025 as HTTP answers: a PDF shown inline, named after the form and the dossier; each QR
 * code holds the document's verification address on the portal ({@link SharedBeans#letterUrl}).
 */
public final class Forms {
    private Forms() {}

    public static HttpResponse<byte[]> letter(Dossier d, String number, Rules rules, List<AuditEvent> history) {
        if (!IssuedForms.LETTERS.contains(number)) throw noForm(number);
        Procedure p = procedure(d, rules);
        FormPdf.Content c = IssuedForms.letter(number, d, p, history, SharedBeans::letterUrl).orElseThrow(() -> noForm(number));
        return pdf(FormPdf.render(c), "mau-" + number + "-" + d.code() + ".pdf");
    }

    /** A letter (02–05) as issued, drawn with the procedure {@code p} the dossier was created under. */
    public static HttpResponse<byte[]> letter(Dossier d, String number, Procedure p, List<AuditEvent> history) {
        if (!IssuedForms.LETTERS.contains(number)) throw noForm(number);
        FormPdf.Content c = IssuedForms.letter(number, d, present(p), history, SharedBeans::letterUrl).orElseThrow(() -> noForm(number));
        return pdf(FormPdf.render(c), "mau-" + number + "-" + d.code() + ".pdf");
    }

    public static Procedure procedure(Dossier d, Rules rules) {
        return present(rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null));
    }

    /** {@code p}, or REFUSED {@code procedure-not-in-catalogue} when the catalogue no longer has the dossier's procedure. */
    public static Procedure present(Procedure p) {
        if (p != null) return p;
        throw DomainException.of("procedure-not-in-catalogue");
    }

    public static HttpResponse<byte[]> pdf(byte[] bytes, String fileName) {
        return HttpResponse.ok(bytes).contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .header("Cache-Control", "private, no-store");
    }

    public static DomainException noForm(String number) {
        return new DomainException(DomainException.Kind.NOT_FOUND, "form-not-issued",
                new Text("Hồ sơ không có văn bản mẫu số " + Limits.clip(number) + ".", "The dossier has no form " + Limits.clip(number) + "."));
    }
}

package vn.gov.bvhttdl.dvc.api.pub;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.PublicDesk;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The public verification page of an issued result, at the address its QR code holds: drawn on the server (it works
 * without JavaScript, on any phone's scanner), no sign-in, only what is printed on the document's face. A presented
 * file (POSTed as application/pdf, at most 10 MiB) is genuine when its hash is the record's and its signature
 * verifies under the signing CA. Rate-limited per address ({@link PublicDesk#verify}, {@link PublicDesk#check}).
 */
@Controller("/verify")
final class VerifyController {
    private final PublicDesk desk;

    VerifyController(PublicDesk desk) {
        this.desk = desk;
    }

    // HTML whatever the Accept header says (a phone's scanner, a browser, a script asking for JSON)
    @Get(value = "/{id}", produces = {"text/html;charset=utf-8", "application/json", "*/*"})
    @Operation(summary = "Trang kiểm tra tính xác thực của kết quả (HTML) / the public verification page of a result")
    HttpResponse<String> page(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Optional<PublicDesk.VerifyPage> found = desk.verify(PublicViews.address(event), id);
        if (found.isEmpty()) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND).contentType("text/html;charset=utf-8")
                    .body(html("Không tìm thấy văn bản / Not found", "<p class=\"verdict bad\" id=\"verdict\">KHÔNG TÌM THẤY — không có văn bản nào "
                            + "được cấp với mã này. Văn bản có thể không phải do hệ thống cấp.</p><p lang=\"en\">Not found: no document was "
                            + "issued with this code. It may not have been issued by this system.</p>"));
        }
        PublicDesk.VerifyPage page = found.get();
        IssuedResult r = page.result();
        ZoneId zone = page.zone();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String verdict = switch (page.state()) {
            case "VALID" -> "<p class=\"verdict good\" id=\"verdict\" data-state=\"VALID\">XÁC THỰC — CÒN HIỆU LỰC. <span lang=\"en\">Genuine and valid.</span></p>";
            case "REVOKED" -> "<p class=\"verdict bad\" id=\"verdict\" data-state=\"REVOKED\">ĐÃ BỊ THU HỒI ngày " + day.format(r.revokedAt().atZone(zone))
                    + ". Lý do: " + esc(r.revokedReason()) + ". <span lang=\"en\">Revoked.</span></p>";
            case "REPLACED" -> "<p class=\"verdict bad\" id=\"verdict\" data-state=\"REPLACED\">ĐÃ ĐƯỢC THAY THẾ bởi văn bản số " + esc(r.replacedBy())
                    + ". Lý do: " + esc(r.revokedReason()) + ". <span lang=\"en\">Replaced by " + esc(r.replacedBy()) + ".</span></p>";
            default -> "<p class=\"verdict bad\" id=\"verdict\" data-state=\"EXPIRED\">HẾT HIỆU LỰC. <span lang=\"en\">Expired.</span></p>";
        };
        StringBuilder face = new StringBuilder();
        for (IssuedResult.Line l : page.face()) {
            face.append("<dt>").append(esc(l.label())).append("</dt><dd>").append(esc(l.value())).append("</dd>");
        }
        String body = verdict
                + "<dl class=\"summary\">"
                + "<dt>Văn bản / Document</dt><dd id=\"doc-type\">" + esc(r.type().vi()) + "</dd>"
                + "<dt>Số / Number</dt><dd id=\"doc-number\">" + esc(r.number()) + "</dd>"
                + "<dt>Cơ quan cấp / Issuer</dt><dd>" + esc(page.issuer()) + "</dd>"
                + (r.signer() == null ? "" : "<dt>Ký số bởi / Signed by</dt><dd id=\"doc-signer\">" + esc(r.signerName()) + "</dd>")
                + "<dt>Ngày cấp / Issued</dt><dd>" + day.format(r.issuedAt().atZone(zone)) + "</dd>"
                + "<dt>Hiệu lực / Valid</dt><dd>" + (r.validUntil() == null ? "không thời hạn / no end date" : "đến / until " + day.format(r.validUntil())) + "</dd>"
                + face + "</dl>"
                + "<h2>Kiểm tra tệp bạn có / Check the file you hold</h2>"
                + "<p>Chọn tệp PDF để so với bản gốc đã lưu và kiểm tra chữ ký số. Tệp không được gửi đi đâu khác. / Choose the PDF "
                + "to compare it with the stored original and check its signature.</p>"
                + "<form id=\"check-form\" data-id=\"" + esc(r.id()) + "\"><label for=\"file\">Tệp PDF / PDF file</label> "
                + "<input type=\"file\" id=\"file\" accept=\"application/pdf\" required> <button type=\"submit\" id=\"check\">Kiểm tra / Check</button></form>"
                + "<p id=\"file-verdict\" role=\"status\"></p><script src=\"/verify.js\" defer></script>";
        return HttpResponse.ok(html(r.type().vi() + " " + r.number(), body)).contentType("text/html;charset=utf-8")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }

    /**
     * A letter's verification page (forms 02–06, the address its QR code holds): which letter of which dossier was
     * issued when and by whom (KT./TL. with both names), the dossier's status now; no personal data but initials.
     */
    @Get(value = "/letters/{id}/{form}/{at}", produces = {"text/html;charset=utf-8", "application/json", "*/*"})
    @Operation(summary = "Trang kiểm tra văn bản mẫu 02–06 (HTML) / the verification page of a letter")
    HttpResponse<String> letter(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                                @PathVariable String form, @PathVariable String at) {
        Optional<PublicDesk.LetterPage> found = desk.verifyLetter(PublicViews.address(event), id, form, at);
        if (found.isEmpty()) return notFound();
        PublicDesk.LetterPage l = found.get();
        DateTimeFormatter moment = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
        var s = l.signature();
        String signed = s == null || (s.signerName() == null && !s.onBehalf()) ? ""
                : "<dt>Người ký / Signed by</dt><dd id=\"letter-signer\">" + (s.onBehalf() ? esc(s.prefix() + " " + s.forTitle().vi()
                + (s.forName() == null ? "" : " " + s.forName())) + "<br>" : "") + esc(s.signerTitle().vi()) + (s.signerName() == null ? "" : " " + esc(s.signerName())) + "</dd>";
        String body = "<p class=\"verdict good\" id=\"verdict\" data-state=\"ISSUED\">VĂN BẢN DO HỆ THỐNG CẤP. <span lang=\"en\">Issued by this system.</span></p>"
                + "<dl class=\"summary\">"
                + "<dt>Văn bản / Document</dt><dd id=\"doc-type\">" + esc(l.form().title().vi()) + "</dd>"
                + "<dt>Mã hồ sơ / Dossier</dt><dd id=\"doc-number\">" + esc(l.dossierCode()) + "</dd>"
                + (l.procedureName() == null ? "" : "<dt>Thủ tục / Procedure</dt><dd>" + esc(l.procedureName().vi()) + "</dd>")
                + "<dt>Cơ quan / Issuer</dt><dd>" + esc(l.agencyName()) + (l.unitName() == null ? "" : " — " + esc(l.unitName())) + "</dd>"
                + "<dt>" + (l.form().number().equals("06") ? "Lập lúc / Drawn at" : "Ban hành lúc / Issued at") + "</dt><dd>" + moment.format(l.issuedAt().atZone(l.zone())) + "</dd>"
                + signed
                + (l.applicantInitials().isEmpty() ? "" : "<dt>Người nộp / Applicant</dt><dd>" + esc(l.applicantInitials()) + "</dd>")
                + "<dt>Trạng thái hồ sơ hiện nay / Status now</dt><dd id=\"doc-status\">" + esc(l.status().vi()) + " <span lang=\"en\">/ " + esc(l.status().en()) + "</span></dd>"
                + "</dl>";
        return HttpResponse.ok(html(l.form().name().vi() + " " + l.dossierCode(), body)).contentType("text/html;charset=utf-8")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }

    /** A tracking book's verification page (form 07): the unit and the period it covers, when it was drawn. */
    @Get(value = "/books/{agency}/{unit}/{from}/{to}/{at}", produces = {"text/html;charset=utf-8", "application/json", "*/*"})
    @Operation(summary = "Trang kiểm tra sổ theo dõi hồ sơ (HTML) / the verification page of a tracking book")
    HttpResponse<String> book(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String agency, @PathVariable String unit,
                              @PathVariable String from, @PathVariable String to, @PathVariable String at) {
        Optional<PublicDesk.BookPage> found = desk.verifyBook(PublicViews.address(event), agency, unit, from, to, at);
        if (found.isEmpty()) return notFound();
        PublicDesk.BookPage b = found.get();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String body = "<p class=\"verdict good\" id=\"verdict\" data-state=\"ISSUED\">SỔ THEO DÕI HỒ SƠ DO HỆ THỐNG LẬP. <span lang=\"en\">A tracking book drawn by this system.</span></p>"
                + "<dl class=\"summary\"><dt>Đơn vị / Unit</dt><dd>" + esc(b.unitName()) + " — " + esc(b.agencyName()) + "</dd>"
                + "<dt>Thời kỳ / Period</dt><dd>" + day.format(b.from()) + " – " + day.format(b.to()) + "</dd>"
                + "<dt>Lập lúc / Drawn at</dt><dd>" + DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(b.drawnAt().atZone(b.zone())) + "</dd></dl>"
                + "<p>Sổ là tài liệu nội bộ của đơn vị; nội dung đầy đủ xem trong trang làm việc của công chức. <span lang=\"en\">The book is internal; "
                + "its content is in the officials' workspace.</span></p>";
        return HttpResponse.ok(html("Sổ theo dõi hồ sơ", body)).contentType("text/html;charset=utf-8")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }

    private static HttpResponse<String> notFound() {
        return HttpResponse.<String>status(HttpStatus.NOT_FOUND).contentType("text/html;charset=utf-8")
                .body(html("Không tìm thấy văn bản / Not found", "<p class=\"verdict bad\" id=\"verdict\">KHÔNG TÌM THẤY — không có văn bản nào "
                        + "được cấp với địa chỉ này. Văn bản có thể không phải do hệ thống cấp.</p><p lang=\"en\">Not found: no document was "
                        + "issued at this address. It may not have been issued by this system.</p>"));
    }

    @Post(value = "/{id}", consumes = "application/pdf")
    @Consumes("application/pdf")
    @Operation(summary = "Kiểm tra một tệp với bản gốc và chữ ký số / check a file against the original and its signature")
    PublicViews.FileVerdict check(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @Body byte[] file) {
        return PublicViews.verdict(desk.check(PublicViews.address(event), id, file));
    }

    static String html(String title, String body) {
        return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc(title) + " – Kiểm tra văn bản</title><link rel=\"stylesheet\" href=\"/styles.css\"></head><body><main class=\"narrow\" id=\"main\">"
                + "<p class=\"muted\">Bộ Văn hóa, Thể thao và Du lịch — Cổng Dịch vụ công</p><h1>Kiểm tra văn bản điện tử <span lang=\"en\">/ Verify a document</span></h1>"
                + body + "</main></body></html>";
    }

    static String esc(String s) { return vn.gov.bvhttdl.dvc.domain.Html.escape(s); }
}

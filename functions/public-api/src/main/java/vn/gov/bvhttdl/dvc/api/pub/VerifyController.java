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
                + (r.signer() == null ? "" : "<dt>Ký số bởi / Signed by</dt><dd>" + esc(r.signer()) + "</dd>")
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

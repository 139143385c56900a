package vn.gov.bvhttdl.dvc.api.pub;

import vn.gov.bvhttdl.dvc.api.*;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.ResultStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.documents.SignatureCheck;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The public verification page of an issued result, at the address its QR code holds: drawn on the server (it works
 * without JavaScript, on any phone's scanner), no sign-in, only what is printed on the document's face. A presented
 * file (POSTed as application/pdf, at most 10 MiB) is genuine when its hash is the record's and its signature
 * verifies under the signing CA. Rate-limited per address.
 */
@Controller("/verify")
final class VerifyController {
    static final int PER_MINUTE = 30;
    static final int MAX_FILE = 10 * 1024 * 1024;

    private final ResultStore results;
    private final DossierStore store;
    private final RulesStore rules;
    private final vn.gov.bvhttdl.dvc.signing.TrustRoot trust;
    private final vn.gov.bvhttdl.dvc.adapters.RequestCounter counter;
    private final Clock clock;

    VerifyController(ResultStore results, DossierStore store, RulesStore rules, vn.gov.bvhttdl.dvc.signing.TrustRoot trust,
                     vn.gov.bvhttdl.dvc.adapters.RequestCounter counter, Clock clock) {
        this.results = results;
        this.store = store;
        this.rules = rules;
        this.trust = trust;
        this.counter = counter;
        this.clock = clock;
    }

    private void limit(APIGatewayV2HTTPEvent event) {
        String ip = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "unknown" : String.valueOf(event.getRequestContext().getHttp().getSourceIp());
        long minute = clock.instant().getEpochSecond() / 60;
        if (counter.count("verify#" + ip + "#" + minute, (minute + 2) * 60) > PER_MINUTE) {
            throw new DomainException(DomainException.Kind.TOO_MANY, "too-many-verifications",
                    new Text("Quá " + PER_MINUTE + " lần kiểm tra trong một phút. Vui lòng thử lại sau.", "More than " + PER_MINUTE + " checks in a minute. Please try again later."));
        }
    }

    private LocalDate today() { return clock.instant().atZone(rules.calendar().zone()).toLocalDate(); }

    // HTML whatever the Accept header says (a phone's scanner, a browser, a script asking for JSON)
    @Get(value = "/{id}", produces = {"text/html;charset=utf-8", "application/json", "*/*"})
    @Operation(summary = "Trang kiểm tra tính xác thực của kết quả (HTML) / the public verification page of a result")
    HttpResponse<String> page(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        limit(event);
        Optional<IssuedResult> found = results.find(id);
        if (found.isEmpty()) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND).contentType("text/html;charset=utf-8")
                    .body(html("Không tìm thấy văn bản / Not found", "<p class=\"verdict bad\" id=\"verdict\">KHÔNG TÌM THẤY — không có văn bản nào "
                            + "được cấp với mã này. Văn bản có thể không phải do hệ thống cấp.</p><p lang=\"en\">Not found: no document was "
                            + "issued with this code. It may not have been issued by this system.</p>"));
        }
        IssuedResult r = found.get();
        String state = r.state(today());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String verdict = switch (state) {
            case "VALID" -> "<p class=\"verdict good\" id=\"verdict\" data-state=\"VALID\">XÁC THỰC — CÒN HIỆU LỰC. <span lang=\"en\">Genuine and valid.</span></p>";
            case "REVOKED" -> "<p class=\"verdict bad\" id=\"verdict\" data-state=\"REVOKED\">ĐÃ BỊ THU HỒI ngày " + day.format(r.revokedAt().atZone(rules.calendar().zone()))
                    + ". Lý do: " + esc(r.revokedReason()) + ". <span lang=\"en\">Revoked.</span></p>";
            case "REPLACED" -> "<p class=\"verdict bad\" id=\"verdict\" data-state=\"REPLACED\">ĐÃ ĐƯỢC THAY THẾ bởi văn bản số " + esc(r.replacedBy())
                    + ". Lý do: " + esc(r.revokedReason()) + ". <span lang=\"en\">Replaced by " + esc(r.replacedBy()) + ".</span></p>";
            default -> "<p class=\"verdict bad\" id=\"verdict\" data-state=\"EXPIRED\">HẾT HIỆU LỰC. <span lang=\"en\">Expired.</span></p>";
        };
        StringBuilder face = new StringBuilder();
        // what the face prints; a personal identification number (12 digits) shows only its last four (the paper has it whole)
        for (IssuedResult.Line l : r.face()) {
            String v = l.value().matches("\\d{12}") ? "•".repeat(l.value().length() - 4) + l.value().substring(l.value().length() - 4) : l.value();
            face.append("<dt>").append(esc(l.label())).append("</dt><dd>").append(esc(v)).append("</dd>");
        }
        String body = verdict
                + "<dl class=\"summary\">"
                + "<dt>Văn bản / Document</dt><dd id=\"doc-type\">" + esc(r.type().vi()) + "</dd>"
                + "<dt>Số / Number</dt><dd id=\"doc-number\">" + esc(r.number()) + "</dd>"
                + "<dt>Cơ quan cấp / Issuer</dt><dd>" + esc(rules.catalogue().version(r.procedureCode(), r.procedureVersion())
                        .map(p -> p.agencyName().vi()).orElse(r.agencyCode())) + "</dd>"
                + (r.signer() == null ? "" : "<dt>Ký số bởi / Signed by</dt><dd>" + esc(r.signer()) + "</dd>")
                + "<dt>Ngày cấp / Issued</dt><dd>" + day.format(r.issuedAt().atZone(rules.calendar().zone())) + "</dd>"
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
    Views.FileVerdict check(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @Body byte[] file) {
        limit(event);
        IssuedResult r = results.find(id).orElseThrow(() -> DomainException.of("result-not-found", "ref", id));
        if (file == null || file.length == 0 || file.length > MAX_FILE) {
            throw new DomainException(DomainException.Kind.MALFORMED, "invalid-file", new Text("Gửi một tệp PDF, tối đa 10 MB.", "Send one PDF file, 10 MB at most."));
        }
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        boolean matches = sha.equals(r.sha256());
        // a signed result: the hash and the signature; an unsigned document (a receipt): its hash is the record's
        boolean signed = r.signer() != null;
        SignatureCheck.Verdict v = signed ? SignatureCheck.check(file, trust.get()) : new SignatureCheck.Verdict(matches, "unsigned", null, null);
        String state = r.state(today());
        boolean genuine = matches && v.valid();
        Text message = !genuine ? new Text("KHÔNG XÁC THỰC: tệp không phải bản gốc đã cấp" + (v.valid() ? "." : " (chữ ký số không hợp lệ)."),
                "NOT GENUINE: the file is not the original issued" + (v.valid() ? "." : " (the signature is not valid)."))
                : state.equals("VALID") ? new Text("XÁC THỰC: tệp đúng là bản gốc, chữ ký số hợp lệ, văn bản còn hiệu lực.",
                "GENUINE: the file is the original, its signature is valid, the document is valid.")
                : new Text("Tệp đúng là bản gốc nhưng văn bản không còn hiệu lực (" + state + ").", "The file is the original but the document is no longer valid (" + state + ").");
        return new Views.FileVerdict(genuine, matches, v.valid(), state, Views.I18n.of(message));
    }

    static String html(String title, String body) {
        return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc(title) + " – Kiểm tra văn bản</title><link rel=\"stylesheet\" href=\"/styles.css\"></head><body><main class=\"narrow\" id=\"main\">"
                + "<p class=\"muted\">Bộ Văn hóa, Thể thao và Du lịch — Cổng Dịch vụ công</p><h1>Kiểm tra văn bản điện tử <span lang=\"en\">/ Verify a document</span></h1>"
                + body + "</main></body></html>";
    }

    static String esc(String s) { return vn.gov.bvhttdl.dvc.domain.Html.escape(s); }

    /** Keeps MediaType imported for the binary body. */
    static final MediaType PDF = MediaType.of("application/pdf");
}

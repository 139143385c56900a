package vn.gov.bvhttdl.dvc.api.official;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.BodyText;
import vn.gov.bvhttdl.dvc.api.OfficialCaller;
import vn.gov.bvhttdl.dvc.application.Digitisation;
import vn.gov.bvhttdl.dvc.application.PastResultsBatch;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Digitisation at the desk and the batch import of past results (issue #25 item 3), signed in two phases: each
 * {@code …/prepare} answers the digests the official's device signs ({@link DigitisationViews.StartedView}), and
 * {@code /sessions/{id}/complete} brings the signatures back with the certificate chain. JSON bodies; a file is base64
 * ({@code file}: the scan, {@code package}: the ZIP), {@code chain}: the certificates, signer first, base64 DER or PEM.
 */
@Controller("/api/official/digitisation")
@SecurityRequirement(name = "cognito")
final class DigitisationController {
    private final Digitisation digitisation;

    DigitisationController(Digitisation digitisation) { this.digitisation = digitisation; }

    @Post("/components/prepare")
    @Operation(summary = "Số hóa một thành phần hồ sơ giấy: chuẩn bị ký / digitise a paper component of a dossier: prepare the signature")
    DigitisationViews.StartedView component(@Parameter(hidden = true) OfficialCaller me, @Parameter(hidden = true) BodyText body) {
        Map<String, Object> m = json(body);
        return DigitisationViews.started(digitisation.startComponent(me.actor(), str(m, "dossierId"), str(m, "component"), str(m, "fileName"),
                bytes(m, "file"), Digitisation.certificates(strings(m, "chain"))));
    }

    @Post("/results/prepare")
    @Operation(summary = "Số hóa kết quả giải quyết TTHC bằng giấy còn hiệu lực: chuẩn bị ký / digitise a still-valid paper result: prepare the signature")
    DigitisationViews.StartedView result(@Parameter(hidden = true) OfficialCaller me, @Parameter(hidden = true) BodyText body) {
        Map<String, Object> m = json(body);
        var paper = new Digitisation.PaperResult(str(m, "ownerId"), str(m, "name"), str(m, "numberAndSymbol"), str(m, "issuedOn"),
                str(m, "validUntil"), str(m, "scope"), str(m, "issuer"), str(m, "summary"));
        return DigitisationViews.started(digitisation.startResult(me.actor(), paper, bytes(m, "file"), Digitisation.certificates(strings(m, "chain"))));
    }

    @Post("/imports/prepare")
    @Operation(summary = "Nhập lô kết quả cũ (ZIP: results.csv và các tệp PDF): kiểm tra từng dòng, chuẩn bị ký / import past results (ZIP of results.csv and PDFs): check each row, prepare the signatures")
    DigitisationViews.StartedView importBatch(@Parameter(hidden = true) OfficialCaller me, @Parameter(hidden = true) BodyText body) {
        Map<String, Object> m = json(body);
        var chain = Digitisation.certificates(strings(m, "chain"));
        return DigitisationViews.started(digitisation.startImport(me.actor(), PastResultsBatch.fromZip(bytes(m, "package")), chain));
    }

    @Post("/sessions/{id}/complete")
    @Operation(summary = "Gửi chữ ký số của cán bộ, lưu các tệp đã ký / send the official's signatures and file the signed documents")
    DigitisationViews.CompletedView complete(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Parameter(hidden = true) BodyText body) {
        Map<String, Object> m = json(body);
        Map<String, byte[]> signatures = new LinkedHashMap<>();
        Object s = m.get("signatures");
        if (!(s instanceof Map<?, ?> map) || map.size() > PastResultsBatch.MAX_ROWS) throw malformed("signatures");
        for (var e : map.entrySet()) {
            if (!(e.getValue() instanceof String v)) throw malformed("signatures");
            signatures.put(String.valueOf(e.getKey()), decode(v, "signatures"));
        }
        return DigitisationViews.completed(digitisation.complete(me.actor(), id, Digitisation.certificates(strings(m, "chain")), signatures));
    }

    private static Map<String, Object> json(BodyText body) {
        if (body == null || body.text() == null || body.text().isBlank()) throw DomainException.of("malformed-body");
        try {
            return Json.obj(Json.parse(body.text()));
        } catch (RuntimeException e) {
            throw DomainException.of("malformed-body");
        }
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v != null && !(v instanceof String)) throw malformed(k);
        return (String) v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) throw malformed(k);
        return (List<String>) l;
    }

    private static byte[] bytes(Map<String, Object> m, String k) {
        String v = str(m, k);
        return v == null ? null : decode(v, k);
    }

    private static byte[] decode(String v, String field) {
        try {
            String b = v.startsWith("data:") && v.contains(",") ? v.substring(v.indexOf(',') + 1) : v;
            return Base64.getDecoder().decode(b);
        } catch (IllegalArgumentException e) {
            throw malformed(field);
        }
    }

    private static DomainException malformed(String field) {
        Text t = new Text("Trường \"" + field + "\" không đúng định dạng.", "The field \"" + field + "\" is malformed.").at(field);
        return new DomainException(DomainException.Kind.MALFORMED, "malformed-body", t, List.of(t));
    }
}

package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.AdminCaller;
import vn.gov.bvhttdl.dvc.application.ArchiveRecords;
import vn.gov.bvhttdl.dvc.application.BuildHandover;
import vn.gov.bvhttdl.dvc.application.DestroyRecords;
import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.DestructionDecision;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The archive's administration (docs/archive.md), administrators only ({@link AdminCaller}): the hand-over package of
 * an agency's past year on demand; the fixed-term records past their action date; the appraisal council's decision
 * recorded; the destruction it approved carried out, with its certificate. Each route one use case; every refusal a
 * problem+json (vi+en): no decision, a permanent record, a record not expired.
 */
@Controller("/api/admin/archive")
@SecurityRequirement(name = "cognito")
final class ArchiveController {
    private final Later<BuildHandover> handover; // made at its first request, not at the cold start (bench/README.md, issue #28)
    private final Later<DestroyRecords> destroy;

    ArchiveController(Later<BuildHandover> handover, Later<DestroyRecords> destroy) {
        this.handover = handover;
        this.destroy = destroy;
    }

    static HttpResponse<String> json(Object o) {
        return HttpResponse.ok(Json.write(o)).contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "private, no-store");
    }

    @Post("/handover/{agency}/{year}")
    @Operation(summary = "Lập gói nộp lưu hồ sơ của một năm đã qua / build an agency's hand-over package of a past year")
    HttpResponse<String> handover(@Parameter(hidden = true) AdminCaller admin, @PathVariable String agency, @PathVariable int year) {
        BuildHandover.Result r = handover.get().run(agency, year, admin.subject());
        return json(Map.of("agency", r.agency(), "year", r.year(), "records", r.records(), "files", r.files(), "key", r.key(),
                "manifestSha256", r.manifestSha256()));
    }

    @Get("/expired")
    @Operation(summary = "Hồ sơ có thời hạn đã hết thời hạn bảo quản / fixed-term records past their retention period")
    HttpResponse<String> expired(@Parameter(hidden = true) AdminCaller admin, @QueryValue @Nullable String agency, @QueryValue @Nullable Integer from) {
        if (agency == null || agency.isBlank()) throw DomainException.of("unknown-agency.none");
        List<Object> out = destroy.get().expired(agency.strip(), from == null ? 2020 : from).stream().map(r -> (Object) summary(r)).toList();
        return json(Map.of("agency", agency.strip(), "records", out));
    }

    static Map<String, Object> summary(ArchiveRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("archiveCode", r.archiveCode());
        m.put("title", r.title());
        m.put("end", r.end().toString());
        m.put("retentionYears", r.retentionYears());
        m.put("actionDate", r.actionDate() == null ? null : r.actionDate().toString());
        m.put("documentCount", r.documentCount());
        return m;
    }

    /** {@code {"agency", "members": [..], "minutes": "BB-01/2032", "decidedOn": "2032-01-04", "archiveCodes": [..]}} */
    @Post("/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ghi nhận quyết định hủy tài liệu của hội đồng xác định giá trị tài liệu / record the appraisal council's destruction decision")
    HttpResponse<String> decide(@Parameter(hidden = true) AdminCaller admin, @Body String body) {
        Map<String, Object> b = object(body);
        LocalDate on;
        try {
            on = b.get("decidedOn") == null ? null : LocalDate.parse(b.get("decidedOn").toString());
        } catch (DateTimeParseException e) {
            throw DomainException.of("invalid-date.decision");
        }
        DestructionDecision d = destroy.get().recordDecision(str(b.get("agency")), strings(b.get("members")), str(b.get("minutes")), on,
                strings(b.get("archiveCodes")), admin.subject());
        return HttpResponse.created(Json.write(Map.of("id", d.id(), "agency", d.agencyCode(), "archiveCodes", d.archiveCodes(),
                "decidedOn", d.decidedOn().toString()))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post("/decisions/{id}/destroy")
    @Operation(summary = "Hủy các hồ sơ quyết định đã duyệt, lập biên bản hủy / destroy the records a decision approved, with the certificate")
    HttpResponse<String> destroy(@Parameter(hidden = true) AdminCaller admin, @PathVariable String id) {
        ArchiveRecords.Certificate c = destroy.get().destroy(id, admin.subject());
        return json(Map.of("decision", c.decisionId(), "agency", c.agencyCode(), "destroyed", c.destroyed(), "destroyedBy", c.destroyedBy(),
                "destroyedAt", c.destroyedAt().toString()));
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    private static List<String> strings(Object o) {
        if (o == null) return List.of();
        if (!(o instanceof List<?> l)) throw DomainException.of("malformed-body");
        return l.stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> object(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw DomainException.of("malformed-body");
        }
        if (!(parsed instanceof Map<?, ?>)) throw DomainException.of("malformed-body");
        return Json.obj(parsed);
    }
}

package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.SignedIn;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.PeriodicReport;
import vn.gov.bvhttdl.dvc.application.Scorecard;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.ReportII06a;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The periodic report of form II.06a ({@code GET /api/admin/reports/ii06a?period=2026-11|2026-Q4|2026&agency=CDLQG&format=json|xlsx|pdf}):
 * HTTP in, one {@link PeriodicReport} call, the page as JSON (the default) or as a file to download. Who may read it
 * is who may read the scorecard; a format other than json, xlsx or pdf 400 {@code invalid-format}.
 */
@Controller("/api/admin")
@SecurityRequirement(name = "cognito")
final class ReportController {
    private final Later<PeriodicReport> report; // made at its first request, not at the cold start (bench/README.md, issue #28)
    private final Clock clock;

    ReportController(Later<PeriodicReport> report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @Get("/reports/ii06a")
    @Operation(summary = "Báo cáo định kỳ biểu II.06a của một cơ quan theo tháng, quý, năm (JSON, XLSX, PDF) / the periodic report of form II.06a of an agency (JSON, XLSX, PDF)")
    HttpResponse<?> ii06a(@Parameter(hidden = true) SignedIn me, @QueryValue @Nullable String period, @QueryValue @Nullable String agency,
                          @QueryValue @Nullable String format) {
        String f = format == null || format.isBlank() ? "json" : format.strip();
        if (!List.of("json", "xlsx", "pdf").contains(f)) throw DomainException.of("invalid-format.report");
        PeriodicReport.Page p = report.get().of(new Scorecard.Viewer(me.identity().admin(), me.actor()), period, agency);
        return switch (f) {
            case "xlsx" -> file(ReportFiles.xlsx(p), ReportFiles.XLSX, ReportFiles.fileName(p, "xlsx"));
            case "pdf" -> file(ReportFiles.pdf(p, clock.instant()), "application/pdf", ReportFiles.fileName(p, "pdf"));
            default -> HttpResponse.ok(Page.of(p)).header("Cache-Control", "private, no-store");
        };
    }

    static HttpResponse<byte[]> file(byte[] bytes, String type, String name) {
        return HttpResponse.ok(bytes).contentType(MediaType.of(type))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").header("Cache-Control", "private, no-store");
    }

    /** A column of the form: its key in the rows' values, its group, its name. */
    @Serdeable
    public record Column(String key, @Nullable String group, Views.I18n name) {
        static Column of(ReportII06a.Column c) { return new Column(c.key(), c.group(), Views.I18n.of(c.name())); }
    }

    /** A row: a field, a procedure or the total; values by column key. */
    @Serdeable
    public record Row(String kind, String code, Views.I18n name, Map<String, Long> values) {
        static Row of(PeriodicReport.Row r) { return new Row(r.kind(), r.code(), Views.I18n.of(r.name()), r.values()); }
    }

    @Serdeable
    public record Field(Row row, List<Row> procedures) {
        static Field of(PeriodicReport.Field f) { return new Field(Row.of(f.row()), f.procedures().stream().map(Row::of).toList()); }
    }

    @Serdeable
    public record CutOff(Views.I18n rule, Views.CitationView basis) {}

    /** The page: {@code running} while the period has not ended (its figures may still change). */
    @Serdeable
    public record Page(String form, String period, String from, String to, boolean running, String agency, Views.I18n agencyName,
                       List<Column> columns, List<Column> extraColumns, List<Field> fields, Row total, CutOff cutOff, Views.CitationView basis) {
        static Page of(PeriodicReport.Page p) {
            return new Page("II.06a", p.period(), p.from().toString(), p.to().toString(), p.running(), p.agency(), Views.I18n.of(p.agencyName()),
                    p.columns().stream().map(Column::of).toList(), p.extraColumns().stream().map(Column::of).toList(),
                    p.fields().stream().map(Field::of).toList(), Row.of(p.total()),
                    new CutOff(Views.I18n.of(p.cutOffRule()), Views.CitationView.of(p.cutOffBasis())), Views.CitationView.of(p.basis()));
        }
    }
}

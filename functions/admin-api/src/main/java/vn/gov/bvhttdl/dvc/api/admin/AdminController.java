package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.AdminCaller;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.api.Moments;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.AdminDesk;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.List;
import java.util.Map;

/**
 * Administrators publish catalogue and calendar changes without a deploy: HTTP in, one {@link AdminDesk} call, a view
 * out. The caller is bound once as an {@link AdminCaller} (members of the {@code admins} group; 403 {@code admin-only}
 * for anyone else); everything published is kept with who published it and when.
 */
@Controller("/api/admin")
@SecurityRequirement(name = "cognito")
final class AdminController {
    private final AdminDesk desk;

    AdminController(AdminDesk desk) {
        this.desk = desk;
    }

    @Post("/procedures/{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Công bố phiên bản mới của thủ tục (ban hành, sửa đổi, thay thế, bãi bỏ) / publish a procedure version")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AdminViews.ProcedureVersionInput.class)))
    HttpResponse<Views.VersionView> publishVersion(@Parameter(hidden = true) AdminCaller admin, @PathVariable String code, @Body String body) {
        return HttpResponse.created(Views.VersionView.of(desk.publishVersion(admin.subject(), code, object(body))));
    }

    /**
     * What publishing the body as the next version would change, checked as publishing checks it (the same
     * problems: basis, unchanged, numbering, the catalogue's rules); nothing is stored. Version 1 of a code the
     * catalogue does not hold is a new procedure.
     */
    @Post("/procedures/{code}/versions/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Xem trước những gì phiên bản sẽ thay đổi (chưa công bố) / what a version would change, not published")
    AdminViews.VersionChangesView previewVersion(@Parameter(hidden = true) AdminCaller admin, @PathVariable String code, @Body String body) {
        return AdminViews.VersionChangesView.of(desk.versionChanges(code, object(body)));
    }

    @Get("/procedures/{code}")
    @Operation(summary = "Thủ tục đang có hiệu lực kèm ghi chú dữ liệu nội bộ / the procedure in force with the internal data note")
    Views.ProcedureView procedure(@Parameter(hidden = true) AdminCaller admin, @PathVariable String code) {
        AdminDesk.ProcedurePage p = desk.procedure(code);
        return Views.ProcedureView.forAdministrators(p.procedure(), p.today());
    }

    @Put("/calendar/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Công bố lịch nghỉ lễ, Tết và ngày làm bù của một năm / publish a year's announced days off and swaps")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AdminViews.CalendarInput.class)))
    Views.CalendarView publishCalendar(@Parameter(hidden = true) AdminCaller admin, @PathVariable int year, @Body String body) {
        AdminDesk.CalendarYear y = desk.publishCalendar(admin.subject(), year, object(body));
        return Views.CalendarView.of(y.calendar(), y.year());
    }

    /**
     * What a year's schedule would change before it is published: an appointment computed with the calendar as it
     * is and with the draft ({@code {"schedule": {...}, "at": "2027-02-03T10:00", "days": 10, "unit": "WORKING_DAYS"}}).
     */
    @Post("/calendar/{year}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Xem trước ảnh hưởng của lịch nghỉ tới ngày hẹn trả / preview a schedule's effect on an appointment")
    AdminViews.CalendarPreview previewCalendar(@Parameter(hidden = true) AdminCaller admin, @PathVariable int year, @Body String body) {
        Map<String, Object> data = object(body);
        Object at = data.get("at");
        AdminDesk.Preview p = desk.preview(year, data.get("schedule"), Moments.parse(at == null ? year + "-01-02T09:00" : at.toString()),
                data.get("days"), data.get("unit"));
        return new AdminViews.CalendarPreview(Views.AppointmentView.of("preview", p.now()), Views.AppointmentView.of("preview", p.withDraft()));
    }

    /**
     * What publishing the body as the year's announcement would change (days off, swapped days, the open dossiers
     * whose due date moves), checked as publishing checks it (basis, empty, unchanged); nothing is stored.
     */
    @Post("/calendar/{year}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Xem trước thay đổi của lịch năm (chưa công bố) / what publishing a year would change, not published")
    AdminViews.CalendarChangesView calendarChanges(@Parameter(hidden = true) AdminCaller admin, @PathVariable int year, @Body String body) {
        return AdminViews.CalendarChangesView.of(desk.calendarChanges(year, object(body)));
    }

    @Get("/publications")
    @Operation(summary = "Mọi nội dung đã công bố, ai công bố, khi nào / every publication, by whom and when")
    List<AdminViews.Published> publications(@Parameter(hidden = true) AdminCaller admin) {
        return desk.publications().stream().map(p -> new AdminViews.Published(p.kind().name(), p.key(), p.publishedBy())).toList();
    }

    /**
     * The catalogue's procedure codes compared with the national database of administrative procedures: what is
     * missing on either side and what differs, with both sides' values. A national database that is not configured
     * or cannot be read is answered by {@link NationalCatalogueProblems} (503 / 502).
     */
    @Get("/national/procedure-codes")
    @Operation(summary = "Đối chiếu mã thủ tục của danh mục với Cơ sở dữ liệu quốc gia về TTHC / the catalogue's procedure codes against the national database")
    AdminViews.ProcedureCodes procedureCodes(@Parameter(hidden = true) AdminCaller admin) {
        return AdminViews.ProcedureCodes.of(desk.procedureCodes());
    }

    /** The body as a JSON object (400 {@code malformed-body} otherwise). */
    private static Map<String, Object> object(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw DomainException.of("malformed-body");
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw DomainException.of("malformed-body");
        }
        return Json.obj(parsed);
    }
}

package vn.gov.bvhttdl.dvc.api.admin;

import vn.gov.bvhttdl.dvc.api.*;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
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
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Administrators publish catalogue and calendar changes without a deploy. Only members of the {@code admins}
 * group may; everything published is kept with who published it and when.
 */
@Controller("/api/admin")
@SecurityRequirement(name = "cognito")
final class AdminController {
    private final RulesStore rules;

    AdminController(RulesStore rules) {
        this.rules = rules;
    }

    @Post("/procedures/{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Công bố phiên bản mới của thủ tục (ban hành, sửa đổi, thay thế, bãi bỏ) / publish a procedure version")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Views.ProcedureVersionInput.class)))
    HttpResponse<Views.VersionView> publishVersion(@Parameter(hidden = true) APIGatewayV2HTTPEvent event,
                                                   @PathVariable String code, @Body String body) {
        Identity admin = requireAdmin(event);
        Map<String, Object> data = object(body);
        if (!code.equals(data.get("code"))) {
            throw new DomainException(DomainException.Kind.INVALID, "code-mismatch",
                    new Text("Mã thủ tục trong nội dung phải là \"" + code + "\".", "The procedure code in the body must be \"" + code + "\"."));
        }
        Procedure p = rules.publishProcedureVersion(data, admin.subject());
        return HttpResponse.created(Views.VersionView.of(p));
    }

    @Get("/procedures/{code}")
    @Operation(summary = "Thủ tục đang có hiệu lực kèm ghi chú dữ liệu nội bộ / the procedure in force with the internal data note")
    Views.ProcedureView procedure(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String code) {
        requireAdmin(event);
        java.time.LocalDate today = vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue.today();
        Procedure p = rules.catalogue().inForce(code, today).orElseThrow(() -> DomainException.of("procedure-not-found", "ref", code));
        return Views.ProcedureView.forAdministrators(p, today);
    }

    @Put("/calendar/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Công bố lịch nghỉ lễ, Tết và ngày làm bù của một năm / publish a year's announced days off and swaps")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Views.CalendarInput.class)))
    Views.CalendarView publishCalendar(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable int year,
                                       @Body String body) {
        Identity admin = requireAdmin(event);
        Map<String, Object> data = object(body);
        Object y = data.get("year");
        if (!(y instanceof Number n) || n.intValue() != year) {
            throw new DomainException(DomainException.Kind.INVALID, "year-mismatch",
                    new Text("Năm trong nội dung phải là " + year + ".", "The year in the body must be " + year + "."));
        }
        WorkingCalendar.YearSchedule s = rules.publishCalendar(data, admin.subject());
        return Views.CalendarView.of(rules.calendar(), s.year());
    }

    /**
     * What a year's schedule would change before it is published: an appointment computed with the calendar as it
     * is and with the draft ({@code {"schedule": {...}, "at": "2027-02-03T10:00", "days": 10, "unit": "WORKING_DAYS"}}).
     */
    @Post("/calendar/{year}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Xem trước ảnh hưởng của lịch nghỉ tới ngày hẹn trả / preview a schedule's effect on an appointment")
    Views.CalendarPreview previewCalendar(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable int year, @Body String body) {
        requireAdmin(event);
        Map<String, Object> data = object(body);
        Object schedule = data.get("schedule");
        if (!(schedule instanceof Map<?, ?>)) {
            throw new DomainException(DomainException.Kind.INVALID, "schedule-required",
                    new Text("Cần lịch nghỉ của năm (schedule).", "The year's schedule is required (schedule)."));
        }
        @SuppressWarnings("unchecked")
        WorkingCalendar.YearSchedule s = WorkingCalendar.schedule((Map<String, Object>) schedule);
        if (s.year() != year) {
            throw new DomainException(DomainException.Kind.INVALID, "year-mismatch",
                    new Text("Năm trong nội dung phải là " + year + ".", "The year in the body must be " + year + "."));
        }
        Object at = data.get("at");
        java.time.Instant when = Moments.parse(at == null ? year + "-01-02T09:00" : at.toString());
        int days = data.get("days") instanceof Number n ? n.intValue() : 10;
        vn.gov.bvhttdl.dvc.domain.Period period;
        try {
            period = new vn.gov.bvhttdl.dvc.domain.Period(days, vn.gov.bvhttdl.dvc.domain.Period.Unit.valueOf(
                    data.get("unit") == null ? "WORKING_DAYS" : data.get("unit").toString()));
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-period",
                    new Text("Thời hạn phải từ 0 đến 3650 ngày, đơn vị WORKING_DAYS hoặc CALENDAR_DAYS.", "The period must be 0–3650 days, unit WORKING_DAYS or CALENDAR_DAYS."));
        }
        WorkingCalendar cal = rules.calendar();
        return new Views.CalendarPreview(Views.AppointmentView.of("preview", cal.appointment(when, period, List.of())),
                Views.AppointmentView.of("preview", cal.withSchedules(List.of(s)).appointment(when, period, List.of())));
    }

    @Get("/publications")
    @Operation(summary = "Mọi nội dung đã công bố, ai công bố, khi nào / every publication, by whom and when")
    List<Views.Published> publications(@Parameter(hidden = true) APIGatewayV2HTTPEvent event) {
        requireAdmin(event);
        return Stream.of("CATALOGUE", "CALENDAR").flatMap(kind -> rules.publications(kind).stream()
                .map(p -> new Views.Published(kind, p.key(), p.publishedBy()))).toList();
    }

    private static Identity requireAdmin(APIGatewayV2HTTPEvent event) {
        Identity me = Identity.of(event);
        if (!me.admin()) {
            throw DomainException.of("admin-only");
        }
        return me;
    }

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

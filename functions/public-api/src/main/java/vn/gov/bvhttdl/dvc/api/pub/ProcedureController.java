package vn.gov.bvhttdl.dvc.api.pub;

import vn.gov.bvhttdl.dvc.api.*;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public catalogue of procedures and the expected completion date (no sign-in). */
@Controller("/api")
final class ProcedureController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProcedureController.class);

    private final RulesStore rules;
    private final Clock clock;

    ProcedureController(RulesStore rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Get("/procedures{?q,field,agency,level,page,size}")
    @Operation(summary = "Tìm thủ tục / search the catalogue (diacritics ignored), filter by field, agency, level; paged")
    Views.ProcedurePage list(@QueryValue @Nullable String q, @QueryValue @Nullable String field,
                             @QueryValue @Nullable String agency, @QueryValue @Nullable Integer level,
                             @QueryValue(defaultValue = "1") int page, @QueryValue(defaultValue = "20") int size) {
        if (q != null && q.length() > Limits.MAX_QUERY_TEXT) {
            throw new DomainException(DomainException.Kind.MALFORMED, "query-too-long",
                    new Text("Từ khóa tìm kiếm quá dài (tối đa " + Limits.MAX_QUERY_TEXT + " ký tự).",
                            "The search text is too long (" + Limits.MAX_QUERY_TEXT + " characters at most)."));
        }
        if (page < 1 || page > Limits.MAX_PAGE || size < 1 || size > Limits.MAX_PAGE_SIZE) {
            throw new DomainException(DomainException.Kind.MALFORMED, "page-out-of-range",
                    new Text("Trang phải từ 1 đến " + Limits.MAX_PAGE + ", cỡ trang từ 1 đến " + Limits.MAX_PAGE_SIZE + ".",
                            "The page must be 1–" + Limits.MAX_PAGE + " and the page size 1–" + Limits.MAX_PAGE_SIZE + "."));
        }
        ProcedureCatalogue cat = rules.catalogue();
        ProcedureCatalogue.Page p = cat.search(new ProcedureCatalogue.Query(q, field, agency, level, page, size), today());
        Map<String, Views.I18n> fields = new LinkedHashMap<>();
        cat.fields().forEach((k, v) -> fields.put(k, Views.I18n.of(v)));
        return new Views.ProcedurePage(p.items().stream().map(p2 -> Views.ProcedureSummary.of(p2, today())).toList(), p.total(), p.page(), p.size(), fields);
    }

    @Get("/procedures/{code}")
    @Operation(summary = "Chi tiết thủ tục đang có hiệu lực, kèm lịch sử phiên bản / procedure in force, with its versions")
    Views.ProcedureView get(@PathVariable String code) {
        ProcedureCatalogue cat = rules.catalogue();
        Procedure p = inForce(cat, code);
        return Views.ProcedureView.of(p, cat.fields().get(p.field()), cat.history(code), today());
    }

    @Get("/procedures/{code}/appointment{?at}")
    @Operation(summary = "Ngày hẹn trả dự kiến nếu nộp vào thời điểm 'at' (mặc định: bây giờ) / expected completion date")
    Views.AppointmentView appointment(@PathVariable String code, @QueryValue @Nullable String at) {
        Procedure p = inForce(rules.catalogue(), code);
        Instant when = at == null || at.isBlank() ? clock.instant() : Moments.parse(at);
        WorkingCalendar.Appointment a = rules.calendar().appointment(when, p.timeLimit(), List.of());
        if (a.provisional()) LOG.warn("appointment of {} for {} rests on years without an announced schedule: {}", p.code(), when, a.provisionalYears());
        return Views.AppointmentView.of(p.code(), a);
    }

    @Get("/calendar/{year}")
    @Operation(summary = "Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù của một năm / a year's days off and swapped working days")
    Views.CalendarView calendar(@PathVariable int year) {
        if (year < 1900 || year > 2199) {
            throw new DomainException(DomainException.Kind.MALFORMED, "year-out-of-range",
                    new Text("Năm phải trong khoảng 1900–2199.", "The year must be between 1900 and 2199."));
        }
        WorkingCalendar cal = rules.calendar();
        if (cal.provisional(year)) LOG.warn("calendar {} has no announced schedule: statutory defaults only (provisional)", year);
        return Views.CalendarView.of(cal, year);
    }

    private LocalDate today() {
        return clock.instant().atZone(rules.calendar().zone()).toLocalDate();
    }

    private Procedure inForce(ProcedureCatalogue cat, String code) {
        return cat.inForce(code, today()).orElseThrow(() -> DomainException.of("procedure-not-found", "ref", code));
    }

}

package vn.gov.bvhttdl.dvc.api.pub;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import vn.gov.bvhttdl.dvc.api.Moments;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.PublicDesk;

/** The public catalogue of procedures and the expected completion date (no sign-in): HTTP in, one {@link PublicDesk} call, a view out. */
@Controller("/api")
final class ProcedureController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProcedureController.class);

    private final PublicDesk desk;

    ProcedureController(PublicDesk desk) {
        this.desk = desk;
    }

    @Get("/procedures{?q,field,agency,level,page,size}")
    @Operation(summary = "Tìm thủ tục / search the catalogue (diacritics ignored), filter by field, agency, level; paged")
    PublicViews.ProcedurePage list(@QueryValue @Nullable String q, @QueryValue @Nullable String field,
                             @QueryValue @Nullable String agency, @QueryValue @Nullable Integer level,
                             @QueryValue(defaultValue = "1") int page, @QueryValue(defaultValue = "20") int size) {
        return PublicViews.catalogue(desk.catalogue(q, field, agency, level, page, size));
    }

    @Get("/procedures/{code}")
    @Operation(summary = "Chi tiết thủ tục đang có hiệu lực, kèm lịch sử phiên bản / procedure in force, with its versions")
    Views.ProcedureView get(@PathVariable String code) {
        PublicDesk.ProcedurePage p = desk.procedure(code);
        return Views.ProcedureView.of(p.procedure(), p.fieldName(), p.history(), p.today());
    }

    @Get("/procedures/{code}/appointment{?at}")
    @Operation(summary = "Ngày hẹn trả dự kiến nếu nộp vào thời điểm 'at' (mặc định: bây giờ) / expected completion date")
    Views.AppointmentView appointment(@PathVariable String code, @QueryValue @Nullable String at) {
        PublicDesk.Expected e = desk.appointment(code, at == null || at.isBlank() ? null : Moments.parse(at));
        if (e.appointment().provisional()) {
            LOG.warn("appointment of {} for {} rests on years not announced in full: {}", e.procedure().code(), e.at(), e.appointment().provisionalYears());
        }
        return Views.AppointmentView.of(e.procedure().code(), e.appointment());
    }

    @Get("/calendar/{year}")
    @Operation(summary = "Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù của một năm / a year's days off and swapped working days")
    Views.CalendarView calendar(@PathVariable int year) {
        PublicDesk.CalendarYear y = desk.calendar(year);
        if (y.calendar().provisional(y.year())) LOG.warn("calendar {} is not announced in full: statutory defaults for what is not (provisional)", y.year());
        return Views.CalendarView.of(y.calendar(), y.year());
    }
}

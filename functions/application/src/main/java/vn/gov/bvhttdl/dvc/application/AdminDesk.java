package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Period;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What administrators do, one method per page or publication: a procedure with its internal data note, a new version
 * of it, a year's announced days off and swapped days, the effect of a draft year on an appointment date, the
 * list of everything published, and the catalogue's procedure codes against the national database's. A publication
 * is checked against the catalogue's and the calendar's rules before it is stored, and never overwrites one before
 * it; the caller is an administrator (the API checks the sign-in's group).
 */
public final class AdminDesk {
    /** A procedure in force as administrators see it (with its data note), and the day it is in force on. */
    public record ProcedurePage(Procedure procedure, LocalDate today) {}

    /** A year of the calendar in force, after a publication. */
    public record CalendarYear(WorkingCalendar calendar, int year) {}

    /** An appointment computed with the calendar as it is, and with a draft year's schedule added. */
    public record Preview(WorkingCalendar.Appointment now, WorkingCalendar.Appointment withDraft) {}

    private final Rules rules;
    private final Publications publications;
    private final Clock clock;

    private final CompareProcedureCodes procedureCodes;

    /** A desk without the national procedure database (its report answers that it is not configured). */
    public AdminDesk(Rules rules, Publications publications, Clock clock) {
        this(rules, publications, clock, () -> {
            throw new NationalCatalogue.Unavailable(NationalCatalogue.Unavailable.Reason.NOT_CONFIGURED, "no national catalogue");
        });
    }

    public AdminDesk(Rules rules, Publications publications, Clock clock, NationalCatalogue national) {
        this.rules = rules;
        this.publications = publications;
        this.clock = clock;
        this.procedureCodes = new CompareProcedureCodes(rules, national, clock);
    }

    /**
     * The catalogue's procedure codes compared with the national database's ({@link CompareProcedureCodes}).
     * @throws NationalCatalogue.Unavailable when the national database is not configured or cannot be read
     */
    public CompareProcedureCodes.Report procedureCodes() { return procedureCodes.report(); }

    /** The procedure {@code code} in force today, its data note included; NOT_FOUND {@code procedure-not-found} otherwise. */
    public ProcedurePage procedure(String code) {
        LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        Procedure p = rules.catalogue().inForce(code, today).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "procedure-not-found", new Text("Không có thủ tục mã \"" + Limits.clip(code) + "\" đang có hiệu lực.",
                "No procedure with code \"" + Limits.clip(code) + "\" is in force.")));
        return new ProcedurePage(p, today);
    }

    /**
     * Publishes {@code data} as the next version of procedure {@code code}: the body names the same code, the number
     * is the next one, and the catalogue with it still holds (it takes effect no earlier than the version before it;
     * the catalogue's rules check the rest).
     */
    public Procedure publishVersion(String administrator, String code, Map<String, Object> data) {
        if (!code.equals(data.get("code"))) {
            throw new DomainException(DomainException.Kind.INVALID, "code-mismatch",
                    new Text("Mã thủ tục trong nội dung phải là \"" + code + "\".", "The procedure code in the body must be \"" + code + "\"."));
        }
        ProcedureCatalogue current = rules.catalogue();
        Procedure p = Procedure.of(data);
        int expected = current.nextVersion(p.code());
        if (p.version() != expected) {
            Text why = new Text("Phiên bản tiếp theo của thủ tục " + p.code() + " phải là " + expected + ".",
                    "The next version of procedure " + p.code() + " must be " + expected + ".").at("version");
            throw new DomainException(DomainException.Kind.REFUSED, "wrong-version-number", why, List.of(why));
        }
        try {
            current.with(List.of(p));
        } catch (IllegalArgumentException e) {
            Text why = new Text("Phiên bản không hợp lệ: " + e.getMessage(), "Invalid version: " + e.getMessage()).at("effectiveFrom");
            throw new DomainException(DomainException.Kind.INVALID, "invalid-procedure-version", why, List.of(why));
        }
        publications.publish(Publications.Kind.CATALOGUE, "PROC#" + p.code() + "#V#" + String.format("%04d", p.version()), data, administrator);
        return p;
    }

    /**
     * Publishes (or republishes) year {@code year}'s announcement: the body names the same year and its holidays are
     * ones the calendar knows. The latest publication of a year applies.
     */
    public CalendarYear publishCalendar(String administrator, int year, Map<String, Object> data) {
        if (!(data.get("year") instanceof Number n) || n.intValue() != year) throw yearMismatch(year);
        WorkingCalendar.YearSchedule s = WorkingCalendar.schedule(data);
        rules.calendar().withSchedules(List.of(s)); // validates the holiday names
        String prefix = "YEAR#" + s.year() + "#";
        long next = publications.list(Publications.Kind.CALENDAR).stream().filter(p -> p.key().startsWith(prefix)).count() + 1;
        publications.publish(Publications.Kind.CALENDAR, prefix + "V#" + String.format("%04d", next), data, administrator);
        return new CalendarYear(rules.calendar(), s.year());
    }

    /**
     * What the draft {@code schedule} of {@code year} would change: the appointment of a submission at {@code at} with
     * a time limit of {@code days} (default 10) in {@code unit} (default working days), with the calendar as it is and
     * with the draft.
     */
    public Preview preview(int year, Object schedule, Instant at, Object days, Object unit) {
        if (!(schedule instanceof Map<?, ?>)) {
            throw new DomainException(DomainException.Kind.INVALID, "schedule-required",
                    new Text("Cần lịch nghỉ của năm (schedule).", "The year's schedule is required (schedule)."));
        }
        @SuppressWarnings("unchecked")
        WorkingCalendar.YearSchedule s = WorkingCalendar.schedule((Map<String, Object>) schedule);
        if (s.year() != year) throw yearMismatch(year);
        Period period;
        try {
            period = new Period(days instanceof Number n ? n.intValue() : 10, Period.Unit.valueOf(unit == null ? "WORKING_DAYS" : unit.toString()));
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-period",
                    new Text("Thời hạn phải từ 0 đến 3650 ngày, đơn vị WORKING_DAYS hoặc CALENDAR_DAYS.",
                            "The period must be 0–3650 days, unit WORKING_DAYS or CALENDAR_DAYS."));
        }
        WorkingCalendar cal = rules.calendar();
        return new Preview(cal.appointment(at, period, List.of()), cal.withSchedules(List.of(s)).appointment(at, period, List.of()));
    }

    /** Every publication, the catalogue's then the calendar's, each oldest key first. */
    public List<Publications.Publication> publications() {
        return Stream.of(Publications.Kind.CATALOGUE, Publications.Kind.CALENDAR).flatMap(k -> publications.list(k).stream()).toList();
    }

    private static DomainException yearMismatch(int year) {
        return new DomainException(DomainException.Kind.INVALID, "year-mismatch",
                new Text("Năm trong nội dung phải là " + year + ".", "The year in the body must be " + year + "."));
    }
}

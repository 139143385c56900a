package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
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
import java.util.ArrayList;
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

    /**
     * An open dossier whose due date the draft calendar counts differently: its code, procedure, the due date it
     * holds, and the one the same count gives with the draft (received on, time limit and pauses as recorded).
     */
    public record MovedDue(String code, String procedureCode, LocalDate recorded, LocalDate withDraft) {}

    /**
     * What publishing a year would change: the days off added and removed, the swapped working days added and
     * removed, the holidays left pending (still provisional), and the open dossiers whose due date moves.
     */
    public record CalendarChanges(int year, List<LocalDate> daysOffAdded, List<LocalDate> daysOffRemoved,
                                  List<LocalDate> workingAdded, List<LocalDate> workingRemoved, List<String> pending,
                                  List<MovedDue> moved, boolean movedTruncated) {}

    /** One value of a procedure version that changes: what (a slug the page labels), its label, before, after. */
    public record Difference(String what, Text label, String before, String after) {}

    /** What publishing a procedure version would change against the version in force (none before a new procedure). */
    public record VersionChanges(String code, int version, boolean newProcedure, LocalDate effectiveFrom, List<Difference> differences) {}

    /** The statuses of a dossier whose due date runs (received and not yet decided). */
    static final List<DossierStatus> OPEN = List.of(DossierStatus.RECEIVED, DossierStatus.IN_PROCESSING,
            DossierStatus.AWAITING_SUPPLEMENT, DossierStatus.PAUSED, DossierStatus.AWAITING_PAYMENT);
    /** At most this many open dossiers per agency and status are counted again for a preview. */
    static final int OPEN_LIMIT = 500;

    private final Rules rules;
    private final Publications publications;
    private final Clock clock;
    private final WorkQueues queues;
    private final Dossiers dossiers;

    private final CompareProcedureCodes procedureCodes;

    /** A desk without the national procedure database (its report answers that it is not configured). */
    public AdminDesk(Rules rules, Publications publications, Clock clock) {
        this(rules, publications, clock, () -> {
            throw new NationalCatalogue.Unavailable(NationalCatalogue.Unavailable.Reason.NOT_CONFIGURED, "no national catalogue");
        });
    }

    public AdminDesk(Rules rules, Publications publications, Clock clock, NationalCatalogue national) {
        this(rules, publications, clock, national, null, null);
    }

    /**
     * A desk that also reads the open dossiers ({@code queues}, {@code dossiers}: their due dates in a calendar's
     * preview); without them the preview lists none.
     */
    public AdminDesk(Rules rules, Publications publications, Clock clock, NationalCatalogue national, WorkQueues queues, Dossiers dossiers) {
        this.rules = rules;
        this.publications = publications;
        this.clock = clock;
        this.queues = queues;
        this.dossiers = dossiers;
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
     * Publishes {@code data} as the next version of procedure {@code code} (version 1: a new procedure) after
     * {@link #versionChanges} has checked it; stored with who published it.
     */
    public Procedure publishVersion(String administrator, String code, Map<String, Object> data) {
        Procedure p = checkedVersion(code, data);
        publications.publish(Publications.Kind.CATALOGUE, "PROC#" + p.code() + "#V#" + String.format("%04d", p.version()), data, administrator);
        return p;
    }

    /**
     * What publishing {@code data} as the next version of {@code code} would change, checked as publishing checks
     * it: the body names the same code, the number is the next one, the decision that makes the change (its
     * document) is given, the version changes something against the one in force, and the catalogue with it still
     * holds (it takes effect no earlier than the version before it; the catalogue's rules check the rest).
     */
    public VersionChanges versionChanges(String code, Map<String, Object> data) {
        Procedure p = checkedVersion(code, data);
        Procedure before = latest(p.code());
        return new VersionChanges(p.code(), p.version(), before == null, p.effectiveFrom(), before == null ? List.of() : differences(before, p));
    }

    private Procedure checkedVersion(String code, Map<String, Object> data) {
        if (!code.equals(data.get("code"))) {
            throw new DomainException(DomainException.Kind.INVALID, "code-mismatch",
                    new Text("Mã thủ tục trong nội dung phải là \"" + Limits.clip(code) + "\".", "The procedure code in the body must be \"" + Limits.clip(code) + "\"."));
        }
        ProcedureCatalogue current = rules.catalogue();
        Procedure p = Procedure.of(data);
        int expected = current.nextVersion(p.code());
        if (p.version() != expected) {
            Text why = new Text("Phiên bản tiếp theo của thủ tục " + p.code() + " phải là " + expected + ".",
                    "The next version of procedure " + p.code() + " must be " + expected + ".").at("version");
            throw new DomainException(DomainException.Kind.REFUSED, "wrong-version-number", why, List.of(why));
        }
        if (p.decision() == null || p.decision().document() == null || p.decision().document().isBlank()) {
            throw fieldProblem(DomainException.Kind.INVALID, "basis-required", "decision.document",
                    "Cần văn bản làm căn cứ công bố (quyết định công bố thủ tục): số, ký hiệu và tên văn bản.",
                    "The document the publication rests on (the decision announcing the procedure) is required: its number and title.");
        }
        try {
            current.with(List.of(p));
        } catch (IllegalArgumentException e) {
            Text why = new Text("Phiên bản không hợp lệ: ngày có hiệu lực phải từ ngày có hiệu lực của phiên bản trước trở đi.",
                    "Invalid version: it must take effect no earlier than the version before it.").at("effectiveFrom");
            throw new DomainException(DomainException.Kind.INVALID, "invalid-procedure-version", why, List.of(why));
        }
        Procedure before = latest(p.code());
        if (before != null && differences(before, p).isEmpty() && !p.repealed()) {
            throw fieldProblem(DomainException.Kind.REFUSED, "version-unchanged", "change",
                    "Phiên bản này không thay đổi gì so với phiên bản " + before.version() + " nên không công bố.",
                    "This version changes nothing against version " + before.version() + ", so it is not published.");
        }
        return p;
    }

    /** The latest version of {@code code} published (in force or not yet), or null for a procedure not in the catalogue. */
    private Procedure latest(String code) {
        List<Procedure> h = rules.catalogue().history(code);
        return h.isEmpty() ? null : h.stream().max(java.util.Comparator.comparingInt(Procedure::version)).orElseThrow();
    }

    /** The values a version may change, before and after, in words (what the preview shows). */
    static List<Difference> differences(Procedure a, Procedure b) {
        List<Difference> out = new ArrayList<>();
        diff(out, "name", new Text("Tên thủ tục", "Name"), text(a.name()), text(b.name()));
        diff(out, "agency", new Text("Cơ quan", "Agency"), a.agencyCode() + " " + text(a.agencyName()), b.agencyCode() + " " + text(b.agencyName()));
        diff(out, "receivingUnit", new Text("Bộ phận tiếp nhận", "Receiving unit"), a.receivingUnitCode(), b.receivingUnitCode());
        diff(out, "serviceLevel", new Text("Mức độ dịch vụ", "Service level"), a.serviceLevel() + (a.fullProcess() ? " (toàn trình)" : ""), b.serviceLevel() + (b.fullProcess() ? " (toàn trình)" : ""));
        diff(out, "timeLimit", new Text("Thời hạn giải quyết", "Time limit"), period(a.timeLimit()), period(b.timeLimit()));
        diff(out, "steps", new Text("Các bước xử lý", "Steps"), join(a.steps().stream().map(x -> x.code() + " " + period(x.budget()))),
                join(b.steps().stream().map(x -> x.code() + " " + period(x.budget()))));
        diff(out, "components", new Text("Thành phần hồ sơ", "Dossier components"), join(a.components().stream().map(c -> c.code() + (c.mandatory() ? "*" : "") + " " + text(c.name()))),
                join(b.components().stream().map(c -> c.code() + (c.mandatory() ? "*" : "") + " " + text(c.name()))));
        diff(out, "components.detail", new Text("Định dạng, dung lượng, mẫu đơn", "Formats, sizes, templates"),
                join(a.components().stream().map(c -> c.code() + " " + c.formats() + " " + c.maxSizeMb() + " MB " + (c.template() == null ? "" : c.template()))),
                join(b.components().stream().map(c -> c.code() + " " + c.formats() + " " + c.maxSizeMb() + " MB " + (c.template() == null ? "" : c.template()))));
        diff(out, "fees", new Text("Phí, lệ phí", "Fees"), fees(a), fees(b));
        diff(out, "legalBasis", new Text("Căn cứ pháp lý", "Legal basis"), join(a.legalBasis().stream().map(AdminDesk::citation)), join(b.legalBasis().stream().map(AdminDesk::citation)));
        diff(out, "formFields", new Text("Biểu mẫu điện tử", "E-form"), join(a.formFields().stream().map(AdminDesk::field)), join(b.formFields().stream().map(AdminDesk::field)));
        diff(out, "resultType", new Text("Kết quả", "Result"), text(a.resultType()), text(b.resultType()));
        diff(out, "dataNote", new Text("Ghi chú dữ liệu nội bộ", "Internal data note"), text(a.dataNote()), text(b.dataNote()));
        return out;
    }

    private static void diff(List<Difference> out, String what, Text label, String before, String after) {
        if (!java.util.Objects.equals(before, after)) out.add(new Difference(what, label, before, after));
    }

    private static String text(Text t) { return t == null ? "" : t.vi() + (t.en() == null ? "" : " / " + t.en()); }

    private static String period(Period p) { return p == null ? "" : p.days() + (p.unit() == Period.Unit.WORKING_DAYS ? " ngày làm việc" : " ngày"); }

    private static String join(Stream<String> s) { return String.join("; ", s.toList()); }

    private static String citation(vn.gov.bvhttdl.dvc.domain.Citation c) {
        return c.document() + (c.article() == null ? "" : ", " + c.article());
    }

    private static String field(vn.gov.bvhttdl.dvc.domain.FormField f) {
        return f.name() + ":" + f.type() + (f.required() ? "*" : "") + " " + text(f.label())
                + (f.pattern() == null ? "" : " /" + f.pattern() + "/")
                + (f.options().isEmpty() ? "" : " [" + String.join(", ", f.options().stream().map(o -> o.value() + "=" + text(o.label())).toList()) + "]");
    }

    private static String fees(Procedure p) {
        return join(p.fees().stream().map(f -> text(f.name()) + ": " + (f.amountVnd() == null ? "—" : money(f.amountVnd()))
                + String.join("", f.rates().stream().map(r -> " (" + money(r.amountVnd()) + " " + r.from() + "→" + (r.until() == null ? "" : r.until()) + ")").toList())));
    }

    private static String money(long n) { return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.') + " ₫"; }

    /**
     * Publishes (or republishes) year {@code year}'s announcement after {@link #calendarChanges} has checked it. The
     * latest publication of a year applies.
     */
    public CalendarYear publishCalendar(String administrator, int year, Map<String, Object> data) {
        WorkingCalendar.YearSchedule s = checkedSchedule(year, data);
        String prefix = "YEAR#" + s.year() + "#";
        long next = publications.list(Publications.Kind.CALENDAR).stream().filter(p -> p.key().startsWith(prefix)).count() + 1;
        publications.publish(Publications.Kind.CALENDAR, prefix + "V#" + String.format("%04d", next), data, administrator);
        return new CalendarYear(rules.calendar(), s.year());
    }

    /**
     * What publishing {@code data} as year {@code year}'s announcement would change, checked as publishing checks
     * it: the body names the same year, it rests on a document (the basis), it announces something (days off or
     * swapped working days: an empty year is the statutory defaults, which stay provisional), it differs from the
     * year as published, and its holidays are ones the calendar knows.
     */
    public CalendarChanges calendarChanges(int year, Map<String, Object> data) {
        WorkingCalendar.YearSchedule s = checkedSchedule(year, data);
        WorkingCalendar now = rules.calendar();
        WorkingCalendar draft = now.withSchedules(List.of(s));
        var before = now.daysOff(year).keySet();
        var after = draft.daysOff(year).keySet();
        WorkingCalendar.YearSchedule old = now.schedule(year);
        List<LocalDate> oldWorking = old == null ? List.of() : old.workingWeekendDays();
        List<MovedDue> moved = new ArrayList<>();
        boolean truncated = movedDueDates(now, draft, moved);
        return new CalendarChanges(year, after.stream().filter(d -> !before.contains(d)).sorted().toList(),
                before.stream().filter(d -> !after.contains(d)).sorted().toList(),
                s.workingWeekendDays().stream().filter(d -> !oldWorking.contains(d)).sorted().toList(),
                oldWorking.stream().filter(d -> !s.workingWeekendDays().contains(d)).sorted().toList(),
                s.pending(), moved, truncated);
    }

    private WorkingCalendar.YearSchedule checkedSchedule(int year, Map<String, Object> data) {
        if (!(data.get("year") instanceof Number n) || n.intValue() != year) throw yearMismatch(year);
        WorkingCalendar.YearSchedule s = WorkingCalendar.schedule(data);
        if (s.basis() == null || s.basis().document() == null || s.basis().document().isBlank()) {
            throw fieldProblem(DomainException.Kind.INVALID, "basis-required", "basis.document",
                    "Cần văn bản làm căn cứ (thông báo nghỉ lễ, Tết của năm): số, ký hiệu và tên văn bản.",
                    "The document the year rests on (the announcement of the year's holidays) is required: its number and title.");
        }
        if (s.holidays().stream().allMatch(b -> b.days().isEmpty()) && s.workingWeekendDays().isEmpty()) {
            throw fieldProblem(DomainException.Kind.INVALID, "calendar-empty", "blocks.0.days",
                    "Lịch năm " + year + " chưa có ngày nghỉ hay ngày làm bù nào nên không công bố; năm chưa công bố vẫn tính theo ngày nghỉ luật định và ngày hẹn trả là dự kiến.",
                    "The " + year + " calendar has no day off and no working day, so it is not published; a year not published keeps the statutory days off and its due dates stay provisional.");
        }
        WorkingCalendar.YearSchedule old = rules.calendar().schedule(year);
        if (old != null && same(old, s)) {
            throw fieldProblem(DomainException.Kind.REFUSED, "calendar-unchanged", "blocks.0.days",
                    "Lịch năm " + year + " không thay đổi gì so với lịch đã công bố nên không công bố lại.",
                    "The " + year + " calendar changes nothing against the one published, so it is not published again.");
        }
        rules.calendar().withSchedules(List.of(s)); // validates the holiday names
        return s;
    }

    /** The same days off, swapped days, pending holidays and basis document (the order of the lists aside). */
    private static boolean same(WorkingCalendar.YearSchedule a, WorkingCalendar.YearSchedule b) {
        java.util.function.Function<WorkingCalendar.YearSchedule, java.util.Set<String>> blocks = y -> y.holidays().stream()
                .map(x -> new java.util.TreeSet<>(x.replaces()) + "=" + new java.util.TreeSet<>(x.days())).collect(java.util.stream.Collectors.toSet());
        return blocks.apply(a).equals(blocks.apply(b))
                && new java.util.HashSet<>(a.workingWeekendDays()).equals(new java.util.HashSet<>(b.workingWeekendDays()))
                && new java.util.HashSet<>(a.pending()).equals(new java.util.HashSet<>(b.pending()))
                && java.util.Objects.equals(a.basis() == null ? null : a.basis().document(), b.basis() == null ? null : b.basis().document());
    }

    /**
     * The open dossiers (of every agency of the catalogue) whose due date the draft counts differently from the
     * calendar in force, counted the same way reception counted it (received at, time limit of the version kept,
     * pauses of the trail); true when the count stopped at {@link #OPEN_LIMIT} for some agency and status.
     */
    private boolean movedDueDates(WorkingCalendar now, WorkingCalendar draft, List<MovedDue> out) {
        if (queues == null) return false;
        boolean truncated = false;
        for (String agency : rules.catalogue().agencyCodes()) {
            for (DossierStatus status : OPEN) {
                List<Dossier> open = queues.byAgencyStatus(agency, status, OPEN_LIMIT);
                truncated |= open.size() >= OPEN_LIMIT;
                for (Dossier d : open) {
                    if (d.receivedAt() == null || d.dueDate() == null) continue;
                    Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
                    if (p == null || p.timeLimit() == null) continue;
                    List<WorkingCalendar.Pause> pauses = dossiers == null ? List.of() : Dossier.pauses(dossiers.history(d.id()));
                    LocalDate before = now.appointment(d.receivedAt(), p.timeLimit(), pauses).dueDate();
                    LocalDate after = draft.appointment(d.receivedAt(), p.timeLimit(), pauses).dueDate();
                    if (!before.equals(after)) out.add(new MovedDue(d.code(), d.procedureCode(), d.dueDate(), after));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(MovedDue::recorded).thenComparing(MovedDue::code));
        return truncated;
    }

    private static DomainException fieldProblem(DomainException.Kind kind, String slug, String field, String vi, String en) {
        Text why = new Text(vi, en).at(field);
        return new DomainException(kind, slug, why, List.of(why));
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

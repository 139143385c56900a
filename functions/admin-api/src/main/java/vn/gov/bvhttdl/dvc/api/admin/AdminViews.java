package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.bvhttdl.dvc.api.Views;

import vn.gov.bvhttdl.dvc.application.CompareProcedureCodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the administrators' API alone sends and accepts: a draft schedule's preview, the publications, the procedure
 * codes' report against the national database, and the shapes
 * of a procedure version and a calendar as posted (documented in the OpenAPI; the bodies are read as JSON objects).
 */
final class AdminViews {
    private AdminViews() {}

    /** The effect of a draft schedule: the same appointment with the calendar as it is and as it would be. */
    @Serdeable
    public record CalendarPreview(Views.AppointmentView now, Views.AppointmentView withDraft) {}

    /** An open dossier whose due date the draft calendar moves. */
    @Serdeable
    public record MovedDueView(String code, String procedureCode, String recorded, String withDraft) {}

    /** What publishing a year would change (the page shows it before asking to confirm). */
    @Serdeable
    public record CalendarChangesView(int year, List<String> daysOffAdded, List<String> daysOffRemoved, List<String> workingAdded,
                                      List<String> workingRemoved, List<String> pending, List<MovedDueView> moved, boolean movedTruncated) {
        static CalendarChangesView of(vn.gov.bvhttdl.dvc.application.AdminDesk.CalendarChanges c) {
            return new CalendarChangesView(c.year(), days(c.daysOffAdded()), days(c.daysOffRemoved()), days(c.workingAdded()), days(c.workingRemoved()),
                    c.pending(), c.moved().stream().map(m -> new MovedDueView(m.code(), m.procedureCode(), m.recorded().toString(), m.withDraft().toString())).toList(),
                    c.movedTruncated());
        }

        private static List<String> days(List<java.time.LocalDate> d) { return d.stream().map(java.time.LocalDate::toString).toList(); }
    }

    /** One value a procedure version changes. */
    @Serdeable
    public record DifferenceView(String what, Views.I18n label, String before, String after) {}

    /** What publishing a procedure version would change against the latest version (none for a new procedure). */
    @Serdeable
    public record VersionChangesView(String code, int version, boolean newProcedure, String effectiveFrom, List<DifferenceView> differences) {
        static VersionChangesView of(vn.gov.bvhttdl.dvc.application.AdminDesk.VersionChanges c) {
            return new VersionChangesView(c.code(), c.version(), c.newProcedure(), c.effectiveFrom().toString(),
                    c.differences().stream().map(d -> new DifferenceView(d.what(), Views.I18n.of(d.label()), d.before(), d.after())).toList());
        }
    }

    @Serdeable
    public record Published(String kind, String key, String publishedBy) {}

    @Serdeable
    public record TextInput(String vi, @Nullable String en) {}

    @Serdeable
    public record CitationInput(String document, @Nullable String article, @Nullable Boolean confirmed, @Nullable String note) {}

    @Serdeable
    public record PeriodInput(int days, String unit) {}

    @Serdeable
    public record RateInput(long amountVnd, String from, @Nullable String until, CitationInput basis) {}

    @Serdeable
    public record FeeInput(TextInput name, @Nullable Long amountVnd, @Nullable TextInput rule, @Nullable CitationInput basis,
                           @Nullable List<RateInput> rates) {}

    @Serdeable
    public record ComponentInput(String code, TextInput name, boolean mandatory, @Nullable TextInput condition, List<String> formats,
                                 @Nullable Integer maxSizeMb, @Nullable Integer copies, @Nullable String template) {}

    @Serdeable
    public record StepInput(String code, TextInput name, PeriodInput budget) {}

    @Serdeable
    public record OptionInput(String value, TextInput label) {}

    @Serdeable
    public record FormFieldInput(String name, String type, TextInput label, @Nullable Boolean required, @Nullable String pattern,
                                 @Nullable TextInput patternHint, @Nullable List<OptionInput> options, @Nullable TextInput help,
                                 @Nullable Integer maxLength) {}

    /** A new version of a procedure: what its decision says (change: issued, amended, replaced, repealed). */
    @Serdeable
    public record ProcedureVersionInput(String code, int version, String change, String effectiveFrom, @Nullable CitationInput decision,
                                        TextInput name, String field, String agencyCode, TextInput agencyName,
                                        String receivingUnitCode, int serviceLevel, boolean fullProcess, PeriodInput timeLimit,
                                        @Nullable List<StepInput> steps, List<ComponentInput> components, @Nullable List<FeeInput> fees,
                                        @Nullable TextInput resultType, List<CitationInput> legalBasis, @Nullable TextInput dataNote,
                                        @Nullable List<FormFieldInput> formFields, @Nullable CitationInput formSource) {}

    @Serdeable
    public record HolidayBlockInput(List<String> replaces, List<String> days) {}

    /** A year's announced days off and swapped working days, with the letter that announced them. */
    @Serdeable
    public record CalendarInput(int year, @Nullable CitationInput basis, List<HolidayBlockInput> holidays, List<String> workingWeekendDays,
                                @Nullable List<String> pending) {}

    /** One side's values of a procedure in the procedure codes' report. */
    @Serdeable
    public record CodeSide(String code, String name, String level, String agency, String decision) {
        static CodeSide of(CompareProcedureCodes.Side s) {
            return s == null ? null : new CodeSide(s.code(), s.name(), s.level(), s.agency(), s.decision());
        }
    }

    /** One line: its group ({@code missing-nationally}, {@code missing-here}, {@code different}, {@code matching}), what differs, both sides. */
    @Serdeable
    public record CodeLine(String code, String kind, List<String> differences, @Nullable CodeSide catalogue, @Nullable CodeSide national) {}

    /** The catalogue's procedure codes against the national database's: when, the count of each group, the lines. */
    @Serdeable
    public record ProcedureCodes(String at, Map<String, Integer> counts, List<CodeLine> lines) {
        static ProcedureCodes of(CompareProcedureCodes.Report r) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            r.counts().forEach((k, n) -> counts.put(kind(k), n));
            return new ProcedureCodes(r.at().toString(), counts, r.lines().stream().map(l -> new CodeLine(l.code(), kind(l.kind()), l.differences(),
                    CodeSide.of(l.catalogue()), CodeSide.of(l.national()))).toList());
        }

        private static String kind(CompareProcedureCodes.Kind k) { return k.name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }
}

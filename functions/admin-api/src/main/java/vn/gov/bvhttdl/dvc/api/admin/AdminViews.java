package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.bvhttdl.dvc.api.Views;

import java.util.List;

/**
 * What the administrators' API alone sends and accepts: a draft schedule's preview, the publications, and the shapes
 * of a procedure version and a calendar as posted (documented in the OpenAPI; the bodies are read as JSON objects).
 */
final class AdminViews {
    private AdminViews() {}

    /** The effect of a draft schedule: the same appointment with the calendar as it is and as it would be. */
    @Serdeable
    public record CalendarPreview(Views.AppointmentView now, Views.AppointmentView withDraft) {}

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
                                        @Nullable TextInput resultType, List<CitationInput> legalBasis, @Nullable String dataNote,
                                        @Nullable List<FormFieldInput> formFields) {}

    @Serdeable
    public record HolidayBlockInput(List<String> replaces, List<String> days) {}

    /** A year's announced days off and swapped working days, with the letter that announced them. */
    @Serdeable
    public record CalendarInput(int year, @Nullable CitationInput basis, List<HolidayBlockInput> holidays, List<String> workingWeekendDays,
                                @Nullable List<String> pending) {}
}

package vn.gov.bvhttdl.dvc.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Labels;
import vn.gov.bvhttdl.dvc.domain.Period;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.Workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the API sends and accepts. Domain objects stay plain; these are their JSON shapes. */
public final class Views {
    private Views() {}

    @Serdeable
    public record I18n(String vi, String en) {
        public static I18n of(Text t) { return t == null ? null : new I18n(t.vi(), t.en()); }
    }

    @Serdeable
    public record CitationView(String document, @Nullable String article, boolean confirmed, @Nullable String note) {
        public static CitationView of(Citation c) {
            return c == null ? null : new CitationView(c.document(), c.article(), c.confirmed(), c.note());
        }
    }

    /** A time limit or step budget: {@code days}, {@code unit} WORKING_DAYS or CALENDAR_DAYS, and how to say it. */
    @Serdeable
    public record PeriodView(int days, String unit, I18n label) {
        public static PeriodView of(Period p) { return new PeriodView(p.days(), p.unit().name(), I18n.of(p.label())); }
    }

    @Serdeable
    /** {@code nationalDatabase}: the national database the component is taken from when it can be retrieved (else null). */
    public record ComponentView(String code, I18n name, boolean mandatory, @Nullable I18n condition, List<String> formats,
                                int maxSizeMb, int copies, @Nullable String template, @Nullable I18n nationalDatabase) {}

    /** A temporary rate of a fee: its amount, its period (until inclusive) and its basis. */
    @Serdeable
    public record RateView(long amountVnd, String from, @Nullable String until, CitationView basis) {
        public static RateView of(Procedure.Rate r) {
            return new RateView(r.amountVnd(), r.from().toString(), r.until() == null ? null : r.until().toString(), CitationView.of(r.basis()));
        }
    }

    /**
     * @param amountVnd         what is charged for a dossier submitted on the day the view is for
     * @param standardAmountVnd the amount without a temporary rate
     * @param rateInForce       the temporary rate applied, if any, with its basis
     */
    @Serdeable
    public record FeeView(I18n name, @Nullable Long amountVnd, @Nullable Long standardAmountVnd, @Nullable I18n rule,
                          @Nullable CitationView basis, @Nullable RateView rateInForce, List<RateView> rates) {
        public static FeeView of(Procedure.Fee f, LocalDate day) {
            return new FeeView(I18n.of(f.name()), f.amountOn(day), f.amountVnd(), I18n.of(f.rule()), CitationView.of(f.basis()),
                    f.rateOn(day).map(RateView::of).orElse(null), f.rates().stream().map(RateView::of).toList());
        }
    }

    @Serdeable
    public record StepView(String code, I18n name, PeriodView budget) {}

    @Serdeable
    public record OptionView(String value, I18n label) {}

    /** A field of the procedure's e-form: the browser builds the form from these, the server checks the same. */
    @Serdeable
    public record FormFieldView(String name, String type, I18n label, boolean required, @Nullable String pattern,
                                @Nullable I18n patternHint, List<OptionView> options, @Nullable I18n help, int maxLength) {
        public static FormFieldView of(vn.gov.bvhttdl.dvc.domain.FormField f) {
            return new FormFieldView(f.name(), f.type(), I18n.of(f.label()), f.required(), f.pattern(), I18n.of(f.patternHint()),
                    f.options().stream().map(o -> new OptionView(o.value(), I18n.of(o.label()))).toList(), I18n.of(f.help()), f.maxLength());
        }
    }

    /** A filled field of the dossier's e-form as a person reads it: its label and the value in words. */
    @Serdeable
    public record FormLineView(String name, I18n label, I18n value) {
        public static FormLineView of(vn.gov.bvhttdl.dvc.domain.FormField.Line l) {
            return new FormLineView(l.name(), I18n.of(l.label()), I18n.of(l.value()));
        }
    }

    @Serdeable
    public record VersionView(int version, String change, String effectiveFrom, @Nullable CitationView decision) {
        public static VersionView of(Procedure p) {
            return new VersionView(p.version(), p.change(), p.effectiveFrom().toString(), CitationView.of(p.decision()));
        }
    }

    @Serdeable
    public record ProcedureView(String code, int version, String effectiveFrom, I18n name, String field,
                                @Nullable I18n fieldName, String agencyCode, I18n agencyName, String receivingUnitCode,
                                int serviceLevel, boolean fullProcess, PeriodView timeLimit, List<StepView> steps,
                                List<ComponentView> components, List<FeeView> fees, @Nullable I18n resultType,
                                List<CitationView> legalBasis, @Nullable I18n dataNote, @Nullable List<VersionView> history,
                                List<FormFieldView> formFields, @Nullable CitationView formSource) {
        /**
         * The public view on {@code day} (fees in force then). {@code dataNote} (administrators' working notes on
         * the data) is left out: only {@link #forAdministrators} carries it.
         */
        public static ProcedureView of(Procedure p, vn.gov.bvhttdl.dvc.domain.Text fieldName, List<Procedure> history, LocalDate day) {
            return of(p, fieldName, history, day, false);
        }

        public static ProcedureView forAdministrators(Procedure p, LocalDate day) {
            return of(p, null, null, day, true);
        }

        private static ProcedureView of(Procedure p, vn.gov.bvhttdl.dvc.domain.Text fieldName, List<Procedure> history,
                                        LocalDate day, boolean admin) {
            return new ProcedureView(p.code(), p.version(), p.effectiveFrom().toString(), I18n.of(p.name()), p.field(),
                    I18n.of(fieldName), p.agencyCode(), I18n.of(p.agencyName()), p.receivingUnitCode(), p.serviceLevel(),
                    p.fullProcess(), PeriodView.of(p.timeLimit()),
                    p.steps().stream().map(s -> new StepView(s.code(), I18n.of(s.name()), PeriodView.of(s.budget()))).toList(),
                    p.components().stream().map(c -> new ComponentView(c.code(), I18n.of(c.name()), c.mandatory(),
                            I18n.of(c.condition()), c.formats(), c.maxSizeMb(), c.copies(), c.template(),
                            c.nationalData() == null ? null : I18n.of(c.nationalData().name()))).toList(),
                    p.fees().stream().map(f -> FeeView.of(f, day)).toList(),
                    I18n.of(p.resultType()), p.legalBasis().stream().map(CitationView::of).toList(), admin ? I18n.of(p.dataNote()) : null,
                    history == null ? null : history.stream().map(VersionView::of).toList(),
                    p.formFields().stream().map(FormFieldView::of).toList(), CitationView.of(p.formSource()));
        }
    }

    @Serdeable
    public record DayOffView(String date, I18n reason) {}

    /**
     * When a dossier submitted at {@code submittedAt} would be received and due; {@code provisional} when a year
     * in between has no announced schedule (the date is then "dự kiến", with the reason).
     */
    @Serdeable
    public record AppointmentView(String procedureCode, PeriodView timeLimit, String submittedAt, String receivedOn,
                                  String dueDate, List<DayOffView> holidaysSkipped, boolean provisional,
                                  @Nullable I18n provisionalReason) {
        public static AppointmentView of(String code, vn.gov.bvhttdl.dvc.domain.WorkingCalendar.Appointment a) {
            return new AppointmentView(code, PeriodView.of(a.period()), a.submittedAt().toString(), a.receivedOn().toString(),
                    a.dueDate().toString(), a.holidaysSkipped().stream()
                    .map(d -> new DayOffView(d.date().toString(), I18n.of(d.reason()))).toList(),
                    a.provisional(), I18n.of(a.provisionalReason()));
        }
    }

    @Serdeable
    public record HolidayRuleView(String id, I18n name, CitationView basis) {}

    @Serdeable
    public record BlockView(List<String> replaces, List<String> days) {}

    /**
     * A year's days off; {@code provisional} when the government has not announced the year (statutory defaults).
     * {@code blocks} are the announced blocks as published (what the administrators' editor starts from), and
     * {@code holidayRules} the statutory holidays a block may replace; {@code pending} the holidays a partly announced
     * year has not announced yet (statutory defaults).
     */
    @Serdeable
    public record CalendarView(int year, List<DayOffView> daysOff, List<String> workingWeekendDays,
                               @Nullable CitationView announcement, String officeHours, boolean provisional,
                               @Nullable I18n provisionalReason, List<BlockView> blocks, List<HolidayRuleView> holidayRules,
                               List<String> pending) {
        public static CalendarView of(vn.gov.bvhttdl.dvc.domain.WorkingCalendar cal, int year) {
            var s = cal.schedule(year);
            boolean provisional = cal.provisional(year);
            return new CalendarView(year, cal.daysOff(year).entrySet().stream()
                    .map(e -> new DayOffView(e.getKey().toString(), I18n.of(e.getValue()))).toList(),
                    s == null ? List.of() : s.workingWeekendDays().stream().map(LocalDate::toString).toList(),
                    s == null ? null : CitationView.of(s.basis()), cal.officeOpens() + "–" + cal.officeCloses(), provisional,
                    provisional ? I18n.of(vn.gov.bvhttdl.dvc.domain.WorkingCalendar.provisionalReason(List.of(year))) : null,
                    s == null ? List.of() : s.holidays().stream().map(b -> new BlockView(b.replaces(), b.days().stream().map(LocalDate::toString).toList())).toList(),
                    cal.rules().stream().map(r -> new HolidayRuleView(r.id(), I18n.of(r.name()), CitationView.of(r.basis()))).toList(),
                    s == null ? List.of() : s.pending());
        }
    }

    // ---- the shapes administrators publish (read by the domain from the JSON; typed here for the OpenAPI document)

    /** Whether the dossier's due date rests on a year without an announced schedule (the calendar as it is now). */
    public static boolean provisionalDue(Dossier d, vn.gov.bvhttdl.dvc.domain.WorkingCalendar cal) {
        if (d.dueDate() == null) return false;
        return cal.provisional(d.receivedAt() == null ? d.dueDate() : d.receivedAt().atZone(cal.zone()).toLocalDate(), d.dueDate());
    }

    /** A step of the dossier's process: the unit that holds it there and its budget. */
    @Serdeable
    public record StageView(String code, I18n name, String unit, @Nullable I18n unitName, I18n budget) {}

    /** A line of the processing-control slip (form 06): a step or a consultation, its time used against its budget. */
    @Serdeable
    public record SlipLine(String kind, @Nullable String step, I18n name, @Nullable String agency, @Nullable String unit,
                           @Nullable I18n unitName, @Nullable I18n agencyName, I18n budget,
                           String arrived, @Nullable String left, @Nullable String due, int usedWorkingDays, boolean late,
                           List<String> handlers) {
        /** {@code kind}: step, consultation or pause (the wait for the applicant's supplement, not counted). */
        public static SlipLine of(vn.gov.bvhttdl.dvc.domain.ControlSlip.Line l) {
            return new SlipLine(l.kind(), l.step(), I18n.of(l.name()), l.agency(), l.unit(),
                    I18n.of(Labels.unit(l.agency(), l.unit())), I18n.of(Labels.agency(l.agency())), I18n.of(l.budget().label()),
                    l.arrived().toString(), l.left() == null ? null : l.left().toString(), l.due() == null ? null : l.due().toString(),
                    l.usedWorkingDays(), l.late(), l.handlers());
        }
    }

    /** The question sent to another agency or unit, the files shared with it, and its answer. */
    @Serdeable
    public record ConsultationView(String agency, String unit, @Nullable I18n agencyName, @Nullable I18n unitName, String question,
                                   List<String> files, String askedAt,
                                   @Nullable String due, @Nullable String answer, @Nullable String answeredAt, boolean open) {
        public static ConsultationView of(vn.gov.bvhttdl.dvc.domain.Processing.Consultation c) {
            return c == null ? null : new ConsultationView(c.agency(), c.unit(), I18n.of(Labels.agency(c.agency())),
                    I18n.of(Labels.unit(c.agency(), c.unit())), c.question(), c.files(), c.askedAt().toString(),
                    c.due() == null ? null : c.due().toString(), c.answer(), c.answeredAt() == null ? null : c.answeredAt().toString(), c.open());
        }
    }

    /**
     * Where the dossier is in its process. Officials get all of it; the applicant gets the step, its name and the
     * steps (no assignee, no consultation, no control slip).
     */
    @Serdeable
    public record ProcessingView(@Nullable String step, @Nullable I18n stepName, @Nullable String unit, @Nullable I18n unitName, @Nullable String stepDue,
                                 @Nullable String assignee, @Nullable String assigneeName, @Nullable ConsultationView consultation,
                                 @Nullable String deadline, List<StageView> stages, @Nullable List<SlipLine> controlSlip,
                                 boolean defaultProcess) {
        /** {@code controlSlip}: the slip as the read model drew it (officials' only; views do not read the clock). */
        public static ProcessingView of(Dossier d, vn.gov.bvhttdl.dvc.domain.Process process,
                                        List<vn.gov.bvhttdl.dvc.domain.ControlSlip.Line> controlSlip, boolean official) {
            if (process == null) return null;
            var at = process.current(d);
            var p = d.processing();
            List<StageView> stages = process.stages().stream().map(s -> new StageView(s.code(), I18n.of(s.name()), s.unit(),
                    I18n.of(Labels.unit(d.agencyCode(), s.unit())), I18n.of(s.budget().label()))).toList();
            return new ProcessingView(at.map(vn.gov.bvhttdl.dvc.domain.Process.Stage::code).orElse(null),
                    at.map(s -> I18n.of(s.name())).orElse(null), at.map(vn.gov.bvhttdl.dvc.domain.Process.Stage::unit).orElse(null),
                    at.map(s -> I18n.of(Labels.unit(d.agencyCode(), s.unit()))).orElse(null),
                    p == null || p.stepDue() == null || at.isEmpty() ? null : p.stepDue().toString(),
                    official && p != null ? p.assignee() : null, official && p != null ? p.assigneeName() : null,
                    official && p != null ? ConsultationView.of(p.consultation()) : null, official && p != null ? p.deadline() : null,
                    stages, official && controlSlip != null ? controlSlip.stream().map(SlipLine::of).toList() : null, process.defaulted());
        }
    }

    /** An issued result: its number, type, dates, state today and the address of its public verification page. */
    @Serdeable
    public record ResultView(String id, String number, I18n type, String issuedAt, @Nullable String validUntil, String state,
                             String verifyUrl, @Nullable String revokedReason) {
        public static ResultView of(vn.gov.bvhttdl.dvc.domain.IssuedResult r, java.time.LocalDate today, String verifyUrl) {
            return new ResultView(r.id(), r.number(), I18n.of(r.type()), r.issuedAt().toString(),
                    r.validUntil() == null ? null : r.validUntil().toString(), r.state(today), verifyUrl, r.revokedReason());
        }
    }

    @Serdeable
    public record ApplicantInput(@Nullable String fullName, @Nullable String idNumber, @Nullable String enterpriseCode,
                                 @Nullable String address, @Nullable String phone, @Nullable String email) {
        public Applicant toDomain() {
            return new Applicant(trim(fullName), trim(idNumber), trim(enterpriseCode), trim(address), trim(phone), trim(email));
        }

        public static ApplicantInput of(Applicant a) {
            return a == null ? null : new ApplicantInput(a.fullName(), a.idNumber(), a.enterpriseCode(), a.address(), a.phone(), a.email());
        }

        private static String trim(String s) { return s == null ? null : s.strip(); }
    }

    @Serdeable
    public record EventView(String at, String action, @Nullable String from, @Nullable String to,
                            @Nullable I18n toLabel, String role, @Nullable String reason, Map<String, String> details,
                            @Nullable I18n unitName, @Nullable I18n postLabel, @Nullable List<FormLineView> submitted) {
        /**
         * {@code unitName}, {@code postLabel}: where the actor acted, in words (the details keep the codes);
         * {@code submitted}: the form as submitted (a submission's {@code details.form}), labelled and in words by
         * {@code p}'s e-form.
         */
        public static EventView of(AuditEvent e, @Nullable String agency, @Nullable Procedure p) {
            return new EventView(e.at().toString(), e.action(), e.from() == null ? null : e.from().name(),
                    e.to() == null ? null : e.to().name(), e.to() == null ? null : I18n.of(Workflow.standard().label(e.to())),
                    e.role().name(), e.reason(), e.details(), I18n.of(Labels.unit(agency, e.details().get("unit"))),
                    I18n.of(Labels.post(e.details().get("post"))), submitted(e, p));
        }

        public static EventView of(AuditEvent e) { return of(e, null, null); }

        private static List<FormLineView> submitted(AuditEvent e, Procedure p) {
            String form = e.details().get("form");
            if (p == null || form == null || !form.startsWith("{")) return null;
            try {
                Map<String, String> values = new java.util.LinkedHashMap<>();
                vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(form)).forEach((k, v) -> values.put(k, v == null ? null : v.toString()));
                return p.formLines(values).stream().map(FormLineView::of).toList();
            } catch (RuntimeException notJson) {
                return null;
            }
        }
    }

    @Serdeable
    public record AttachmentView(String id, String key, String componentCode, @Nullable I18n componentName, String fileName, long size, String status,
                                 @Nullable I18n reason, @Nullable String detectedType, @Nullable String sha256,
                                 @Nullable Integer pages, String createdAt, boolean expired,
                                 String origin, @Nullable String database, @Nullable String retrievedAt,
                                 boolean fromWarehouse, @Nullable String resultCode) {
        /**
         * {@code origin}: UPLOADED, DIGITISED, REUSED, WAREHOUSE or NATIONAL_DATABASE; for the last, the database's code
         * and when the data was retrieved (there is no file of the applicant's behind it); {@code fromWarehouse} for a
         * document taken by reference from a data warehouse ({@code database} {@code warehouse}: this system's,
         * {@code national-warehouse}: the national portal's), with when and, for a result, its {@code resultCode}.
         */
        public static AttachmentView of(vn.gov.bvhttdl.dvc.domain.Attachment a) { return of(a, null); }

        /** {@code p}: the dossier's procedure version, whose component names the file (its document's name). */
        public static AttachmentView of(vn.gov.bvhttdl.dvc.domain.Attachment a, @Nullable Procedure p) {
            return new AttachmentView(a.uploadId(), a.key(), a.componentCode(), I18n.of(Labels.component(p, a.componentCode())), a.fileName(), a.declaredSize(), a.status().name(),
                    I18n.of(a.reason()), a.detectedType(), a.sha256(), a.pages(), a.createdAt().toString(),
                    a.expired(java.time.Instant.now()), a.origin().name(), a.provenance().database(),
                    a.provenance().retrievedAt() == null ? null : a.provenance().retrievedAt().toString(),
                    a.fromWarehouse(), a.fromWarehouse() ? a.provenance().resultCode() : null);
        }
    }

    @Serdeable
    public record DossierView(String id, @Nullable String code, String procedureCode, int procedureVersion,
                              @Nullable I18n procedureName, @Nullable Integer serviceLevel, String status, I18n statusLabel, @Nullable String statusReason,
                              ApplicantInput applicant, Map<String, String> form, String createdAt, String updatedAt,
                              @Nullable String submittedAt, @Nullable String receivedAt, @Nullable String dueDate,
                              boolean dueDateProvisional, long version,
                              @Nullable List<EventView> history, @Nullable List<AttachmentView> attachments,
                              List<String> allowedActions, @Nullable String lookupKey, @Nullable ProcessingView processing,
                              @Nullable List<FormLineView> formLines) {
        /**
         * {@code cal}: the calendar now, which tells whether the due date still rests on a year without announcement;
         * {@code role}: whose view it is ({@code allowedActions} are what that caller may do now).
         */
        public static DossierView of(Dossier d, Procedure p, List<AuditEvent> history, List<vn.gov.bvhttdl.dvc.domain.Attachment> files,
                              vn.gov.bvhttdl.dvc.domain.WorkingCalendar cal, vn.gov.bvhttdl.dvc.domain.Role role) {
            return of(d, p, history, files, cal, role, null);
        }

        /** {@code lookupKey}: the key printed on the receipt, shown to the applicant (who may pass it on). */
        public static DossierView of(Dossier d, Procedure p, List<AuditEvent> history, List<vn.gov.bvhttdl.dvc.domain.Attachment> files,
                              vn.gov.bvhttdl.dvc.domain.WorkingCalendar cal, vn.gov.bvhttdl.dvc.domain.Role role, String lookupKey) {
            return of(d, p, history, files, cal, lookupKey, d.allowedActions(role));
        }

        /** With the caller's actions given (an official's: the moves the officials' API offers, in scope). */
        public static DossierView of(Dossier d, Procedure p, List<AuditEvent> history, List<vn.gov.bvhttdl.dvc.domain.Attachment> files,
                              vn.gov.bvhttdl.dvc.domain.WorkingCalendar cal, String lookupKey, List<String> actions) {
            ProcessingView processing = null;
            try {
                processing = p == null ? null : ProcessingView.of(d, vn.gov.bvhttdl.dvc.domain.Process.of(p), null, false);
            } catch (IllegalStateException noUnits) { // an agency the organisation data does not list: no steps to show
            }
            return of(d, p, history, files, cal, lookupKey, actions, processing);
        }

        public static DossierView of(Dossier d, Procedure p, List<AuditEvent> history, List<vn.gov.bvhttdl.dvc.domain.Attachment> files,
                              vn.gov.bvhttdl.dvc.domain.WorkingCalendar cal, String lookupKey, List<String> actions, ProcessingView processing) {
            boolean provisional = provisionalDue(d, cal);
            return new DossierView(d.id(), d.code(), d.procedureCode(), d.procedureVersion(), p == null ? null : I18n.of(p.name()),
                    p == null ? null : p.serviceLevel(),
                    d.status().name(), I18n.of(Workflow.standard().label(d.status())), d.statusReason(),
                    ApplicantInput.of(d.applicant()), d.sortedForm(), d.createdAt().toString(), d.updatedAt().toString(),
                    d.submittedAt() == null ? null : d.submittedAt().toString(),
                    d.receivedAt() == null ? null : d.receivedAt().toString(),
                    d.dueDate() == null ? null : d.dueDate().toString(), provisional, d.version(),
                    history == null ? null : history.stream().map(e -> EventView.of(e, d.agencyCode(), p)).toList(),
                    files == null ? null : files.stream().map(a -> AttachmentView.of(a, p)).toList(), actions, lookupKey, processing,
                    p == null ? null : p.formLines(d.form()).stream().map(FormLineView::of).toList());
        }
    }

    @Serdeable
    /**
     * A payment as the ledger holds it (requested, paid, failed, refunded), for the applicant and the officials.
     * {@code receipt}: its signed e-receipt can be downloaded; {@code receiptIssuing}: credited, its e-receipt is still
     * being drawn and signed (offered once it is); {@code eReceipt}: once credited, the e-receipt's symbols and number
     * (given with the credit, before the PDF is signed).
     */
    public record PaymentView(String reference, String provider, long amountVnd, String status, String createdAt, String expiresAt,
                       @Nullable String settledAt, @Nullable String transaction, boolean receipt, boolean receiptIssuing, @Nullable String refundStatus,
                       @Nullable String refundReason, @Nullable String refundedAt, @Nullable EReceiptView eReceipt) {
        /** {@code l}: the payment, where its e-receipt stands and its data. */
        public static PaymentView of(vn.gov.bvhttdl.dvc.application.PaymentLine l) {
            vn.gov.bvhttdl.dvc.domain.Payment p = l.payment();
            var state = l.receipt();
            String refund = switch (p.status()) {
                case REFUND_DUE -> "DUE";
                case REFUNDING -> "REQUESTED";
                case REFUNDED -> "DONE";
                default -> null;
            };
            return new PaymentView(p.reference(), p.provider(), p.amountVnd(), p.status().name(), p.createdAt().toString(), p.expiresAt().toString(),
                    p.settledAt() == null ? null : p.settledAt().toString(), p.transaction(), state == vn.gov.bvhttdl.dvc.application.PaymentReceipts.ReceiptState.ISSUED,
                    state == vn.gov.bvhttdl.dvc.application.PaymentReceipts.ReceiptState.ISSUING, refund, p.refund() == null ? null : p.refund().reason(),
                    p.refund() == null || p.refund().doneAt() == null ? null : p.refund().doneAt().toString(),
                    l.eReceipt() == null ? null : EReceiptView.of(l.eReceipt()));
        }
    }

    /**
     * An e-receipt's symbols and number as a payment line shows them (Decree 254/2026/NĐ-CP Art 23(2)): the form symbol
     * ({@code EBL01}), the receipt symbol ({@code 26TDL}), the number (8 digits), the collector and its tax code, the
     * total in words, the date of issue.
     */
    @Serdeable
    public record EReceiptView(String formSymbol, String receiptSymbol, String number, String collector, String taxCode, String totalInWords,
                               String date) {
        static EReceiptView of(vn.gov.bvhttdl.dvc.domain.ElectronicReceipt e) {
            return new EReceiptView(e.formSymbol(), e.receiptSymbol(), e.numberText(), e.collectorName().vi(), e.collectorTaxCode(), e.totalInWords(),
                    e.date().toString());
        }
    }

    /** The quality survey of the dossier as the applicant sees it: the computed criteria, the rating, the total. */
    @Serdeable
    public record SurveyView(String dossierId, @Nullable String dossierCode, boolean open, @Nullable String openedAt, @Nullable String editableUntil,
                      boolean editable, List<Criterion> criteria, int computed, int max, @Nullable AnswerView answer, @Nullable Integer total,
                      List<RatingView> ratings) {
        @Serdeable
        public record Criterion(String code, I18n name, int score, String because) {}

        @Serdeable
        public record AnswerView(String rating, @Nullable String comment, String at) {}

        @Serdeable
        public record RatingView(String code, int score, I18n label) {}

        public static SurveyView of(vn.gov.bvhttdl.dvc.application.RateService.View v) {
            var a = v.answer();
            return new SurveyView(v.dossierId(), v.dossierCode(), v.open(), v.openedAt() == null ? null : v.openedAt().toString(),
                    v.editableUntil() == null ? null : v.editableUntil().toString(), v.editable(),
                    v.criteria().stream().map(s -> new Criterion(s.code(), I18n.of(s.name()), s.score(), s.because())).toList(),
                    v.computed(), v.max(), a == null ? null : new AnswerView(a.rating(), a.comment(), a.at().toString()),
                    a == null ? null : v.computed() + vn.gov.bvhttdl.dvc.domain.Survey.rules().ratings().get(a.rating()).score(),
                    v.ratings().stream().map(r -> new RatingView(r.code(), r.score(), I18n.of(r.label()))).toList());
        }
    }

}

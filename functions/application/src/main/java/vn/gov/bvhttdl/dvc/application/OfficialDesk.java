package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.ControlSlip;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.SupplementWindow;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the officials' function does, one method per page or move: the work queue, one dossier's page (everything the
 * official's screen shows, read once here: the dossier, its procedure and process, history, files, payments, notices,
 * results, the quality survey, and the moves this official may make now with what they need), a move answered with
 * the page it leaves, the consultation sent to a unit, files, forms' sources, the tracking book, counts and quality.
 * Every read goes through {@link Access}: an official sees what reached their unit, a consulted unit what was sent to it.
 * Every read of a dossier's personal data (its page, a file, a form, its payments, notices, results, the extension draft,
 * a consultation) is recorded in the {@link ReadLog} before it is answered ({@link RecordReads}: unrecorded, refused).
 * Each such method takes the official's display name as the token gives it ({@code name}); the forms without it record
 * the read with no name. Queues, counts and the tracking book are lists of the unit's work, not recorded per dossier.
 */
public final class OfficialDesk {
    /** An agency's unit that can be consulted. */
    public record UnitLine(String agency, Text agencyName, String unit, Text name, String kind) {}

    /**
     * One dossier's page for an official. {@code procedure} and {@code process} are those of the version the dossier
     * was created under (absent when the catalogue no longer has it); {@code controlSlip} the control slip (form 06)
     * as it stands {@code now} (absent without a process or a code); {@code survey} only once the survey has opened;
     * {@code units} only when {@code consult} is offered, {@code extensionDraft} only when {@code extend} is;
     * {@code supplementWindow} the deadline to ask for a supplement while the dossier waits at reception and a rule
     * sets one ({@link SupplementWindow}), else null; {@code warnings} what the move just made should make the official
     * think again about (a supplement asking for what the applicant's warehouse already holds valid), empty on a read.
     */
    public record DossierPage(Dossier dossier, Procedure procedure, Process process, List<AuditEvent> history, List<Attachment> files,
                              List<String> moves, List<PaymentLine> payments, List<NoticeStore.Delivery> notices, List<ResultLine> results,
                              RateService.View survey, List<UnitLine> units, OfficialMoves.ExtensionDraft extensionDraft,
                              List<ControlSlip.Line> controlSlip, WorkingCalendar calendar, LocalDate today, Instant now,
                              SupplementWindow.Window supplementWindow, List<Text> warnings) {
        public DossierPage {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** The same page with {@code more} warnings. */
        public DossierPage warned(List<Text> more) {
            return new DossierPage(dossier, procedure, process, history, files, moves, payments, notices, results, survey, units,
                    extensionDraft, controlSlip, calendar, today, now, supplementWindow, more);
        }
    }

    /** What a consulted unit sees: the dossier's code and procedure, the question, the files shared with it, its move. */
    public record ConsultedPage(Dossier dossier, Procedure procedure, List<Attachment> files, List<String> moves) {}

    /**
     * Which queue: the unit's dossiers in a status, those assigned to the caller, those waiting for the unit's answer,
     * the unit's finished dossiers (in one of {@link #FINISHED}).
     */
    public enum Scope { UNIT, MINE, CONSULTATIONS, FINISHED }

    /** The statuses of the unit's work, one tab each (the order the workspace shows them). */
    public static final List<DossierStatus> WORK = List.of(DossierStatus.SUBMITTED, DossierStatus.RECEIVED, DossierStatus.IN_PROCESSING,
            DossierStatus.AWAITING_SUPPLEMENT, DossierStatus.AWAITING_PAYMENT, DossierStatus.RESULT_READY, DossierStatus.PAUSED);

    /** The statuses of the "finished" tab: nothing is left to do but to look a dossier up. */
    public static final List<DossierStatus> FINISHED = List.of(DossierStatus.RESULT_RETURNED, DossierStatus.REFUSED, DossierStatus.STOPPED,
            DossierStatus.WITHDRAWN, DossierStatus.CLOSED);

    /** A tab of the workspace: a scope, and for the unit's and the finished tabs a status. */
    public record Tab(Scope scope, DossierStatus status) {}

    /**
     * Where each post's work is, in the order a post lands on it (the first of them holding a dossier, else the first):
     * the desk receives, asks for supplements and hands results over; a specialist works what is assigned to them;
     * a leader decides at the unit.
     */
    static final Map<vn.gov.bvhttdl.dvc.domain.Post, List<Tab>> LANDING = Map.of(
            vn.gov.bvhttdl.dvc.domain.Post.ONE_STOP, List.of(new Tab(Scope.UNIT, DossierStatus.RECEIVED), new Tab(Scope.UNIT, DossierStatus.AWAITING_SUPPLEMENT),
                    new Tab(Scope.UNIT, DossierStatus.RESULT_READY), new Tab(Scope.UNIT, DossierStatus.AWAITING_PAYMENT), new Tab(Scope.UNIT, DossierStatus.SUBMITTED)),
            vn.gov.bvhttdl.dvc.domain.Post.SPECIALIST, List.of(new Tab(Scope.MINE, null), new Tab(Scope.UNIT, DossierStatus.IN_PROCESSING),
                    new Tab(Scope.CONSULTATIONS, null)),
            vn.gov.bvhttdl.dvc.domain.Post.LEADER, List.of(new Tab(Scope.UNIT, DossierStatus.IN_PROCESSING), new Tab(Scope.MINE, null),
                    new Tab(Scope.CONSULTATIONS, null)));

    /** At most this many dossiers of each status of the agency are looked through by a search by name or ID number. */
    public static final int SEARCH_WINDOW = 500;
    /** At most this many dossiers a search answers. */
    public static final int SEARCH_RESULTS = 20;

    /** What a search found in the caller's scope; {@code more}: there were more than {@link #SEARCH_RESULTS}. */
    public record Found(String query, List<QueueLine> lines, boolean more) {}

    /** A line of a work queue, with the step the dossier is at and how its deadlines stand today. */
    public record QueueLine(Dossier dossier, Procedure procedure, Process.Stage stage, LocalDate stepDue,
                            boolean overdue, boolean dueSoon, boolean stepOverdue) {}

    /**
     * One page of a work queue, with the unit's counts per status and the count of every tab ({@code tabs}: each status
     * of {@link #WORK} by name, {@code finished}, {@code mine}, {@code consultations}; the last two counted up to a page
     * of {@link Limits#MAX_PAGE_SIZE}); {@code next} the cursor of the next page; {@code landed}: the tab was chosen for
     * the caller's post (nothing was asked).
     */
    public record WorkQueue(DossierStatus status, Scope scope, String unit, Map<String, Long> counts, int size, List<QueueLine> lines, String next,
                            Map<String, Long> tabs, boolean landed) {
        public WorkQueue(DossierStatus status, Scope scope, String unit, Map<String, Long> counts, int size, List<QueueLine> lines, String next) {
            this(status, scope, unit, counts, size, lines, next, Map.of(), false);
        }
    }

    /** The dossiers the unit received or that reached it, by date of receipt (form 07's lines are drawn from them). */
    public record Book(String agency, String unit, LocalDate from, LocalDate to, List<Dossier> received, Instant now) {}

    /** A tracking book's period, both days included. */
    public record BookPeriod(LocalDate from, LocalDate to) {}

    /** What a dossier's forms are drawn from (the letters as issued, the control slip as it stands now). */
    public record FormSource(Dossier dossier, Procedure procedure, Process process, List<AuditEvent> history, WorkingCalendar calendar, Instant now) {}

    /** An official's move, as asked: the use cases add what the rules compute (steps, units, dates). */
    public sealed interface Move {
        record StartProcessing() implements Move {}
        /** {@code assignee} absent: the caller takes it, under {@code assigneeName}. */
        record Assign(String assignee, String assigneeName) implements Move {}
        record Forward(String note) implements Move {}
        record Return(String reason) implements Move {}
        record Consult(String agency, String unit, String question, List<String> files, Integer days) implements Move {}
        record Extend(String reason, LocalDate newDue) implements Move {}
        record Stop(String reason) implements Move {}
        record Approve(String note) implements Move {}
        record Refuse(String reason) implements Move {}
        record IssueResult() implements Move {}
        record ReturnResult(String channel) implements Move {}
        /** {@code fault}: "APPLICANT" (the default: the dossier lacked something) or "AGENCY". */
        record RequestSupplement(List<String> items, String fault) implements Move {
            public RequestSupplement(List<String> items) { this(items, null); }
        }
    }

    /** At most this many dossiers of one status are read for a tracking book. */
    public static final int BOOK_WINDOW = 2000;

    private final Dossiers dossiers;
    private final Attachments attachments;
    private final WorkQueues queues;
    private final Rules rules;
    private final Payments payments;
    private final Results results;
    private final NoticeStore notices;
    private final FileLinks files;
    private final OfficialMoves moves;
    private final RequestSupplement supplement;
    private final PaymentReceipts receipts;
    private final RateService rate;
    private final RecordReads reads;
    private final Function<String, String> verifyUrl;
    private final Clock clock;
    private final Warehouse warehouse;
    private final ReuseFromWarehouse reuse;

    public OfficialDesk(Dossiers dossiers, Attachments attachments, WorkQueues queues, Rules rules, Payments payments, Results results, NoticeStore notices,
                        SurveyAnswers surveys, FileLinks files, IssueResult issueResult, ReadLog readLog, Clock clock) {
        this(dossiers, attachments, queues, rules, payments, results, notices, surveys, files, issueResult, readLog, clock, null, WarehouseMatching.NONE);
    }

    /**
     * The desk with the applicants' data {@code warehouse} (null: none): the files taken from it open from where the
     * warehouse keeps them, and a supplement asking for what it already holds valid is answered with a warning.
     */
    public OfficialDesk(Dossiers dossiers, Attachments attachments, WorkQueues queues, Rules rules, Payments payments, Results results, NoticeStore notices,
                        SurveyAnswers surveys, FileLinks files, IssueResult issueResult, ReadLog readLog, Clock clock,
                        Warehouse warehouse, WarehouseMatching matching) {
        this.warehouse = warehouse;
        this.reuse = warehouse == null ? null : new ReuseFromWarehouse(dossiers, attachments, rules, warehouse, matching, clock);
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.queues = queues;
        this.rules = rules;
        this.payments = payments;
        this.results = results;
        this.notices = notices;
        this.files = files;
        this.clock = clock;
        this.moves = new OfficialMoves(dossiers, attachments, rules, clock, issueResult, results);
        this.supplement = new RequestSupplement(dossiers, rules, clock);
        this.receipts = new PaymentReceipts(dossiers, payments, results);
        this.rate = new RateService(dossiers, rules, surveys, clock);
        this.verifyUrl = issueResult::verifyUrl;
        this.reads = new RecordReads(readLog, clock);
    }

    // ---- the dossier's page

    /** The page of dossier {@code id} if it reached the official's unit; else the same NOT_FOUND as no dossier. */
    public DossierPage dossier(Actor official, String id) {
        return dossier(official, null, id);
    }

    /** The page of dossier {@code id}, its read recorded under the official's {@code name}. */
    public DossierPage dossier(Actor official, String name, String id) {
        Dossier d = Access.inScope(dossiers, rules, official, id);
        reads.record(official, name, d, RecordReads.VIEW_DOSSIER, null);
        return page(official, d);
    }

    /** The page of the dossier with {@code code}, for an official it reached. */
    public DossierPage byCode(Actor official, String code) {
        return byCode(official, null, code);
    }

    /** The page of the dossier with {@code code}, its read recorded under the official's {@code name}. */
    public DossierPage byCode(Actor official, String name, String code) {
        Dossier d = queues.findByCode(code).filter(x -> Access.inScope(rules, official, x)).orElseThrow(() -> DomainException.of("dossier-not-found", "ref", code));
        reads.record(official, name, d, RecordReads.VIEW_DOSSIER, null);
        return page(official, d);
    }

    /** Makes {@code move} on dossier {@code id} and answers the page it leaves (the moves offered now, the new step...). */
    public DossierPage act(Actor official, String id, Move move) {
        Dossier after = switch (move) {
            case Move.StartProcessing m -> moves.startProcessing(official, id);
            case Move.Assign m -> moves.assign(official, id, m.assignee(), m.assigneeName());
            case Move.Forward m -> moves.forward(official, id, m.note());
            case Move.Return m -> moves.returnToPrevious(official, id, m.reason());
            case Move.Consult m -> moves.consult(official, id, m.agency(), m.unit(), m.question(), m.files(), m.days());
            case Move.Extend m -> moves.extend(official, id, m.reason(), m.newDue());
            case Move.Stop m -> moves.stop(official, id, m.reason());
            case Move.Approve m -> moves.approve(official, id, m.note());
            case Move.Refuse m -> moves.refuse(official, id, m.reason());
            case Move.IssueResult m -> moves.issueResult(official, id);
            case Move.ReturnResult m -> moves.returnResult(official, id, m.channel());
            case Move.RequestSupplement m -> supplement.request(official, id, m.items(), m.fault());
        };
        // the units a dossier reached stay reached: the official who moved it still sees it (with the moves left to them)
        DossierPage page = page(official, after);
        // a supplement asking for what the applicant's warehouse already holds valid: done, and the official is told
        if (move instanceof Move.RequestSupplement m && reuse != null) return page.warned(reuse.heldAlready(after, m.items()));
        return page;
    }

    /** The page, each of its parts read once: the trail, payments and results also make the survey. */
    private DossierPage page(Actor official, Dossier d) {
        List<AuditEvent> history = dossiers.history(d.id());
        Optional<Procedure> procedure = rules.catalogue().version(d.procedureCode(), d.procedureVersion());
        Process process = Access.process(rules, d).orElse(null);
        List<String> offered = moves.offered(d, official);
        Instant now = clock.instant();
        LocalDate today = now.atZone(rules.calendar().zone()).toLocalDate();
        List<Payment> paid = payments.ofDossier(d.id());
        List<IssuedResult> issued = results.ofDossier(d.id());
        List<ControlSlip.Line> slip = process == null ? null : ControlSlip.of(process, d, history, rules.calendar(), now);
        return new DossierPage(d, procedure.orElse(null), process, history, attachments.attachments(d.id()), offered,
                paid.stream().map(p -> receipts.line(p)).toList(),
                notices.deliveries(d.id()), issued.stream().map(r -> new ResultLine(r, verifyUrl.apply(r.id()))).toList(),
                rate.openView(d, history, slip == null ? List.of() : slip, now),
                offered.contains("consult") ? units() : List.of(),
                offered.contains("extend") ? moves.extensionDraft(official, d.id()) : null,
                d.code() == null ? null : slip, rules.calendar(), today, now,
                SupplementWindow.standard().of(d, now, rules.calendar()).orElse(null), List.of());
    }

    private List<ResultLine> resultLines(Dossier d) {
        return results.ofDossier(d.id()).stream().map(r -> new ResultLine(r, verifyUrl.apply(r.id()))).toList();
    }

    /** The notices sent to the applicant about dossier {@code id}: each event's channels, sent, skipped or failed. */
    public List<NoticeStore.Delivery> notices(Actor official, String id) {
        return notices(official, null, id);
    }

    public List<NoticeStore.Delivery> notices(Actor official, String name, String id) {
        Dossier d = Access.inScope(dossiers, rules, official, id);
        reads.record(official, name, d, RecordReads.VIEW_NOTICES, null);
        return notices.deliveries(d.id());
    }

    /** The dossier's payments as the ledger holds them, with where each e-receipt stands. */
    public List<PaymentLine> payments(Actor official, String id) {
        return payments(official, null, id);
    }

    public List<PaymentLine> payments(Actor official, String name, String id) {
        Dossier d = Access.inScope(dossiers, rules, official, id);
        reads.record(official, name, d, RecordReads.VIEW_PAYMENTS, null);
        return payments.ofDossier(d.id()).stream().map(p -> receipts.line(p)).toList();
    }

    /** The dossier's issued results, each with its verification page. */
    public List<ResultLine> results(Actor official, String id) {
        return results(official, null, id);
    }

    public List<ResultLine> results(Actor official, String name, String id) {
        Dossier d = Access.inScope(dossiers, rules, official, id);
        reads.record(official, name, d, RecordReads.VIEW_RESULTS, null);
        return resultLines(d);
    }

    /** The draft apology and extension (form 04) the official starts from. */
    public OfficialMoves.ExtensionDraft extensionDraft(Actor official, String id) {
        return extensionDraft(official, null, id);
    }

    public OfficialMoves.ExtensionDraft extensionDraft(Actor official, String name, String id) {
        OfficialMoves.ExtensionDraft draft = moves.extensionDraft(official, id);
        reads.record(official, name, Access.inScope(dossiers, rules, official, id), RecordReads.VIEW_EXTENSION_DRAFT, null);
        return draft;
    }

    /** The signing unit's leader revokes the valid result {@code number}, with the reason. */
    public ResultLine revoke(Actor official, String id, String number, String reason) {
        IssuedResult r = moves.revokeResult(official, id, number, reason);
        return new ResultLine(r, verifyUrl.apply(r.id()));
    }

    /** A correction: the next number is issued and result {@code number} marked replaced by it. */
    public ResultLine correct(Actor official, String id, String number, String reason) {
        IssuedResult r = moves.correctResult(official, id, number, reason);
        return new ResultLine(r, verifyUrl.apply(r.id()));
    }

    /** Today in the calendar's zone (what the results' states are judged on). */
    public LocalDate today() {
        return clock.instant().atZone(rules.calendar().zone()).toLocalDate();
    }

    // ---- consultations

    /** What was sent to the consulted unit of dossier {@code id}. */
    public ConsultedPage consultation(Actor official, String id) {
        return consultation(official, null, id);
    }

    public ConsultedPage consultation(Actor official, String name, String id) {
        Dossier d = Access.consulted(dossiers, official, id);
        reads.record(official, name, d, RecordReads.VIEW_CONSULTATION, null);
        return consulted(official, d);
    }

    /** The consulted unit answers; the page it leaves. */
    public ConsultedPage answer(Actor official, String id, String answer) {
        return consulted(official, moves.answer(official, id, answer));
    }

    private ConsultedPage consulted(Actor official, Dossier d) {
        var c = d.processing().consultation();
        List<Attachment> shared = attachments.attachments(d.id()).stream()
                .filter(a -> c.files().contains(a.uploadId()) && a.status() == Attachment.Status.ACCEPTED).toList();
        return new ConsultedPage(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null), shared,
                OfficialMoves.offered(rules, d, official).stream().filter("answer-consultation"::equals).toList());
    }

    // ---- files and forms

    /**
     * A link to one accepted file of the dossier: the dossier's officials open every accepted file, a consulted unit
     * those shared with it; anything else is NOT_FOUND.
     */
    public URI file(Actor official, String id, String uploadId) {
        return file(official, null, id, uploadId);
    }

    /** The link to one accepted file, its read recorded (the file's name and component) under the official's {@code name}. */
    public URI file(Actor official, String name, String id, String uploadId) {
        Dossier d = dossiers.find(id).filter(x -> Access.inScope(rules, official, x) || Access.consulted(official, x))
                .orElseThrow(() -> Access.noSuch(id));
        boolean all = Access.inScope(rules, official, d);
        Attachment a = attachments.attachments(d.id()).stream()
                .filter(x -> x.uploadId().equals(uploadId) && x.status() == Attachment.Status.ACCEPTED)
                .filter(x -> !x.fromNationalDatabase()) // data from a national database: no file behind it (its trail entry says what was read)
                .filter(x -> all || d.processing().consultation().files().contains(x.uploadId())).findFirst()
                .orElseThrow(() -> DomainException.of("attachment-not-found", "ref", uploadId));
        reads.record(official, name, d, RecordReads.DOWNLOAD_FILE, a.fileName() + " (" + a.componentCode() + ")");
        return a.fromWarehouse() ? fromWarehouse(a) : files.open(a);
    }

    /**
     * The file of a document taken from this system's warehouse, where the warehouse keeps it: a result's signed PDF
     * from the results store, any other document's object at the version its entry names. The entry is read even when
     * revoked since (the official sees what was submitted); a document of the national portal's list has no file here.
     */
    private URI fromWarehouse(Attachment a) {
        return WarehouseFiles.link(a, warehouse, results, files)
                .orElseThrow(() -> DomainException.of("attachment-not-found", "ref", a.uploadId()));
    }

    /** What the dossier's forms are drawn from. */
    public FormSource forms(Actor official, String id) {
        return form(official, null, id, null);
    }

    /** What form {@code number} of the dossier is drawn from, its read recorded under the official's {@code name}. */
    public FormSource form(Actor official, String name, String id, String number) {
        Dossier d = Access.inScope(dossiers, rules, official, id);
        reads.record(official, name, d, RecordReads.DOWNLOAD_FORM, number);
        return formSource(d);
    }

    private FormSource formSource(Dossier d) {
        return new FormSource(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null),
                Access.process(rules, d).orElse(null), dossiers.history(d.id()), rules.calendar(), clock.instant());
    }

    // ---- the unit's books and figures

    /**
     * A page of the unit's work queue, earliest due first (overdue first), only what the official may see, with the
     * unit's counts per status and per tab. Neither {@code status} nor {@code scope} asked: the tab where the caller's
     * post has work ({@link #LANDING}). The finished tab takes a status of {@link #FINISHED} (default: the first
     * holding a dossier). An official of no agency or unit has an empty queue.
     */
    public WorkQueue queue(Actor official, DossierStatus status, Scope scope, int size, String after) {
        if (size < 1 || size > Limits.MAX_PAGE_SIZE || (after != null && after.length() > 100)) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-page",
                    new Text("Mỗi trang 1–" + Limits.MAX_PAGE_SIZE + " hồ sơ.", "1–" + Limits.MAX_PAGE_SIZE + " dossiers a page."));
        }
        if (official.agency() == null || official.unit() == null) {
            return new WorkQueue(status == null ? DossierStatus.RECEIVED : status, scope == null ? Scope.UNIT : scope,
                    official.unit() == null ? "" : official.unit(), Map.of(), size, List.of(), null, Map.of(), false);
        }
        Map<String, Long> counts = queues.unitCounts(official.agency(), official.unit());
        Map<String, Long> tabs = tabs(official, counts);
        Tab tab = tab(official, status, scope, counts, tabs);
        WorkQueues.Page page = switch (tab.scope()) {
            case MINE -> queues.byAssignee(official.subject(), size, after);
            case CONSULTATIONS -> queues.byConsulted(official.agency(), official.unit(), size, after);
            case UNIT, FINISHED -> queues.byHolder(official.agency(), official.unit(), tab.status(), size, after);
        };
        LocalDate today = today();
        LocalDate soon = rules.calendar().nextWorkingDay(today);
        List<QueueLine> lines = page.items().stream()
                .filter(d -> tab.scope() == Scope.CONSULTATIONS ? Access.consulted(official, d) : Access.inScope(rules, official, d))
                .map(d -> line(d, today, soon)).toList();
        return new WorkQueue(tab.status() == null ? DossierStatus.RECEIVED : tab.status(), tab.scope(), official.unit(), counts, size, lines, page.next(),
                tabs, status == null && scope == null);
    }

    /** The tab asked, or the caller's landing tab when nothing was. */
    private Tab tab(Actor official, DossierStatus status, Scope scope, Map<String, Long> counts, Map<String, Long> tabs) {
        if (status == null && scope == null) {
            List<Tab> order = LANDING.getOrDefault(official.post(), List.of(new Tab(Scope.UNIT, DossierStatus.RECEIVED)));
            return order.stream().filter(t -> tabs.getOrDefault(key(t), 0L) > 0).findFirst().orElse(order.get(0));
        }
        Scope sc = scope == null ? Scope.UNIT : scope;
        if (sc == Scope.FINISHED) {
            if (status != null && !FINISHED.contains(status)) throw DomainException.of("unknown-status", "status", status.name());
            return new Tab(sc, status != null ? status
                    : FINISHED.stream().filter(st -> counts.getOrDefault(st.name(), 0L) > 0).findFirst().orElse(FINISHED.get(0)));
        }
        return new Tab(sc, sc == Scope.UNIT ? (status == null ? DossierStatus.RECEIVED : status) : null);
    }

    private static String key(Tab t) {
        return t.scope() == Scope.UNIT ? t.status().name() : t.scope().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every tab's count in one answer: the unit's statuses from the counters, mine and consultations read (one page at most). */
    private Map<String, Long> tabs(Actor official, Map<String, Long> counts) {
        Map<String, Long> tabs = new java.util.LinkedHashMap<>();
        for (DossierStatus st : WORK) tabs.put(st.name(), counts.getOrDefault(st.name(), 0L));
        tabs.put("finished", FINISHED.stream().mapToLong(st -> counts.getOrDefault(st.name(), 0L)).sum());
        tabs.put("mine", queues.byAssignee(official.subject(), Limits.MAX_PAGE_SIZE, null).items().stream()
                .filter(d -> Access.inScope(rules, official, d)).count());
        tabs.put("consultations", queues.byConsulted(official.agency(), official.unit(), Limits.MAX_PAGE_SIZE, null).items().stream()
                .filter(d -> Access.consulted(official, d)).count());
        return tabs;
    }

    /**
     * The dossiers in the caller's scope ({@link Access#inScope}: what reached their unit, never another unit's or
     * agency's) whose code is {@code query}, or whose applicant's ID number is it, or whose applicant's name holds it
     * (case and diacritics ignored); a code is found through its index, a name or ID number among the agency's latest
     * {@link #SEARCH_WINDOW} dossiers of each status. MALFORMED {@code invalid-search} unless 3–64 characters.
     */
    public Found search(Actor official, String query) {
        String q = query == null ? "" : query.strip();
        if (q.length() < 3 || q.length() > 64 || q.chars().anyMatch(Character::isISOControl)) throw DomainException.of("invalid-search");
        if (official.agency() == null || official.unit() == null) return new Found(q, List.of(), false);
        LocalDate today = today();
        LocalDate soon = rules.calendar().nextWorkingDay(today);
        var byCode = queues.findByCode(q).filter(d -> Access.inScope(rules, official, d));
        if (byCode.isPresent()) return new Found(q, List.of(line(byCode.get(), today, soon)), false);
        String needle = fold(q);
        String digits = q.replaceAll("\\s", "");
        List<Dossier> hits = new ArrayList<>();
        for (DossierStatus st : DossierStatus.values()) {
            if (st == DossierStatus.DRAFT) continue;
            for (Dossier d : queues.byAgencyStatus(official.agency(), st, SEARCH_WINDOW)) {
                if (!Access.inScope(rules, official, d)) continue;
                var a = d.applicant();
                boolean match = (d.code() != null && fold(d.code()).contains(needle))
                        || (a != null && a.idNumber() != null && a.idNumber().equals(digits))
                        || (a != null && a.fullName() != null && fold(a.fullName()).contains(needle));
                if (match) hits.add(d);
            }
        }
        hits.sort(java.util.Comparator.comparing((Dossier d) -> d.dueDate() == null ? LocalDate.MAX : d.dueDate()).thenComparing(Dossier::id));
        return new Found(q, hits.stream().limit(SEARCH_RESULTS).map(d -> line(d, today, soon)).toList(), hits.size() > SEARCH_RESULTS);
    }

    /** Lower case without diacritics (đ as d): "Phạm Thị Hoa" and "pham thi hoa" are the same name to a search. */
    static String fold(String s) {
        String n = java.text.Normalizer.normalize(s.toLowerCase(java.util.Locale.ROOT).replace('đ', 'd'), java.text.Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
    }

    private QueueLine line(Dossier d, LocalDate today, LocalDate soon) {
        Optional<Process.Stage> stage = Access.process(rules, d).flatMap(p -> p.current(d));
        var pr = d.processing();
        LocalDate stepDue = pr == null || stage.isEmpty() ? null : pr.stepDue();
        LocalDate due = d.dueDate();
        return new QueueLine(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null), stage.orElse(null), stepDue,
                due != null && due.isBefore(today), due != null && !due.isBefore(today) && !due.isAfter(soon),
                stepDue != null && stepDue.isBefore(today));
    }

    /**
     * The tracking book (form 07) of the official's unit: the dossiers it received (the desk) or that reached it, by
     * date of receipt in {@code period} (a period of at most a year, {@link #bookPeriod}). FORBIDDEN for an
     * account of no unit.
     */
    public Book trackingBook(Actor official, BookPeriod period) {
        if (official.role() != Role.OFFICIAL || official.agency() == null || official.unit() == null
                || !Organisation.standard().hasUnit(official.agency(), official.unit())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "no-unit", new Text("Tài khoản chưa gắn với đơn vị.", "The account belongs to no unit."));
        }
        LocalDate f = period.from(), t = period.to();
        var zone = rules.calendar().zone();
        List<Dossier> received = new ArrayList<>();
        for (DossierStatus st : DossierStatus.values()) {
            if (st == DossierStatus.DRAFT || st == DossierStatus.SUBMITTED) continue;
            for (Dossier d : queues.byAgencyStatus(official.agency(), st, BOOK_WINDOW)) {
                if (d.receivedAt() == null) continue;
                LocalDate on = d.receivedAt().atZone(zone).toLocalDate();
                if (!on.isBefore(f) && !on.isAfter(t) && Access.inScope(rules, official, d)) received.add(d);
            }
        }
        return new Book(official.agency(), official.unit(), f, t, received, clock.instant());
    }

    /**
     * The tracking book's period from what was asked: by default from the first of this month to today; empty when
     * {@code to} is before {@code from} or more than a year after it.
     */
    public Optional<BookPeriod> bookPeriod(LocalDate from, LocalDate to) {
        LocalDate today = today();
        LocalDate f = from == null ? today.withDayOfMonth(1) : from;
        LocalDate t = to == null ? today : to;
        return t.isBefore(f) || f.plusYears(1).isBefore(t) ? Optional.empty() : Optional.of(new BookPeriod(f, t));
    }

    /** The procedure's name in Vietnamese for a book's line (the code when the catalogue no longer has it). */
    public String procedureName(Dossier d) {
        return rules.catalogue().version(d.procedureCode(), d.procedureVersion()).map(x -> x.name().vi()).orElse(d.procedureCode());
    }

    /** How many dossiers the official's agency has in each status (none for an account of no agency). */
    public Map<String, Map<String, Long>> counts(Actor official) {
        if (official.agency() == null) return Map.of();
        return Map.of(official.agency(), queues.agencyCounts(official.agency()));
    }

    /** The agency's quality of service month by month (yyyy-MM); default the last three months. */
    public List<SurveyAnswers.Quality> quality(Actor official, String fromMonth, String toMonth) {
        LocalDate today = today();
        return rate.quality(official, fromMonth == null ? today.minusMonths(2).toString().substring(0, 7) : fromMonth,
                toMonth == null ? today.toString().substring(0, 7) : toMonth);
    }

    /** The agencies and units that can be consulted (rules/organisation.json). */
    public List<UnitLine> units() {
        List<UnitLine> out = new ArrayList<>();
        for (var a : Organisation.standard().agencies().values()) {
            for (var u : a.units()) out.add(new UnitLine(a.code(), a.name(), u.code(), u.name(), u.kind()));
        }
        return out;
    }
}

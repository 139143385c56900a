package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Completeness;
import vn.gov.bvhttdl.dvc.domain.ControlSlip;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.PaymentRules;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the citizens' function does with a citizen's own dossiers, one method per page or move: the list, one
 * dossier's page (everything the applicant's screen shows, read once here: the dossier with the public part of its
 * trail, the files, the checklist while it can change, the procedure version it keeps, the fees and payments, the
 * results and the survey), each move answered with the page it leaves, and links to the files addressed to them.
 * A dossier of someone else answers exactly like none.
 */
public final class CitizenDesk {
    /**
     * The fees of a dossier and its payments: {@code due} while it waits for payment; each line with its legal basis;
     * the providers to choose from.
     */
    public record Fees(boolean due, List<Payment.Line> lines, long totalVnd, List<PaymentRules.Provider> providers, List<PaymentLine> payments,
                       List<Citation> basis, List<PaymentRules.TariffItem> tariff, Text how) {}

    /**
     * One dossier's page for its applicant. {@code procedure} is the version the dossier keeps (with {@code versions},
     * its code's history, and {@code fieldName}); {@code checklist} only while files can be added or the form edited;
     * {@code lookupKey} once the dossier has a code; {@code reads} the latest officials' reads of the dossier
     * ({@link #READS_ON_PAGE} at most, newest first; the rest through {@link #reads}); {@code fromWarehouse} with the
     * checklist: per component still to fill, the applicant's valid warehouse documents that satisfy it.
     */
    public record DossierPage(Dossier dossier, Procedure procedure, List<Procedure> versions, Text fieldName, List<AuditEvent> history,
                              List<Attachment> files, String lookupKey, List<String> actions, Completeness.Result checklist,
                              Fees fees, List<ResultLine> results, RateService.View survey, WorkingCalendar calendar, LocalDate today,
                              ReadLog.Page reads, List<ReuseFromWarehouse.Offer> fromWarehouse) {}

    /** How many of the officials' latest reads the dossier's page shows. */
    public static final int READS_ON_PAGE = 5;

    /** A desk made without a read log (tests of other pages): no reads to show. */
    private static final ReadLog NO_READS = new ReadLog() {
        @Override public void record(Read read) { throw new UnsupportedOperationException("the citizens' desk records no reads"); }
        @Override public Page reads(String dossierId, int size, String after) { return Page.EMPTY; }
    };

    private final Dossiers dossiers;
    private final Attachments attachments;
    private final LookupKeys lookupKeys;
    private final WorkQueues lists;
    private final Rules rules;
    private final Payments payments;
    private final Results results;
    private final FileLinks links;
    private final Clock clock;
    private final Function<String, String> verifyUrl;
    private final CreateDossier create;
    private final EditDossier edit;
    private final SubmitDossier submit;
    private final WithdrawDossier withdraw;
    private final AttachFile attach;
    private final RemoveFile remove;
    private final ReturnOnline returnOnline;
    private final PaymentReceipts receipts;
    private final RateService rate;
    private final StartPayment startPayment;
    private final ReadLog readLog;
    private final ReuseFromWarehouse reuse;

    public CitizenDesk(Dossiers dossiers, Attachments attachments, LookupKeys lookupKeys, WorkQueues lists, Rules rules, SubmissionQueue submissions, UploadLinks uploads, FileLinks links,
                       NoticeStore notices, Payments payments, Map<String, PaymentGateway> gateways, Results results, SurveyAnswers surveys,
                       Clock clock, Function<String, String> verifyUrl) {
        this(dossiers, attachments, lookupKeys, lists, rules, submissions, uploads, links, notices, payments, gateways, results, surveys,
                clock, verifyUrl, EnterpriseRegistry.NONE);
    }

    /** @param enterprises the national enterprise database, for the components it fills at submission */
    public CitizenDesk(Dossiers dossiers, Attachments attachments, LookupKeys lookupKeys, WorkQueues lists, Rules rules, SubmissionQueue submissions, UploadLinks uploads, FileLinks links,
                       NoticeStore notices, Payments payments, Map<String, PaymentGateway> gateways, Results results, SurveyAnswers surveys,
                       Clock clock, Function<String, String> verifyUrl, EnterpriseRegistry enterprises) {
        this(dossiers, attachments, lookupKeys, lists, rules, submissions, uploads, links, notices, payments, gateways, results, surveys,
                clock, verifyUrl, enterprises, NO_READS);
    }

    /** The desk with the officials' {@code readLog}, which the applicant reads on their dossier's page. */
    public CitizenDesk(Dossiers dossiers, Attachments attachments, LookupKeys lookupKeys, WorkQueues lists, Rules rules, SubmissionQueue submissions, UploadLinks uploads, FileLinks links,
                       NoticeStore notices, Payments payments, Map<String, PaymentGateway> gateways, Results results, SurveyAnswers surveys,
                       Clock clock, Function<String, String> verifyUrl, EnterpriseRegistry enterprises, ReadLog readLog) {
        this(dossiers, attachments, lookupKeys, lists, rules, submissions, uploads, links, notices, payments, gateways, results, surveys,
                clock, verifyUrl, enterprises, readLog, null, WarehouseMatching.NONE);
    }

    /**
     * The desk with the applicants' data {@code warehouse} (null: none) and the rules of which of its documents satisfy
     * which component ({@code matching}): the checklist offers them, one click attaches one by reference.
     */
    public CitizenDesk(Dossiers dossiers, Attachments attachments, LookupKeys lookupKeys, WorkQueues lists, Rules rules, SubmissionQueue submissions, UploadLinks uploads, FileLinks links,
                       NoticeStore notices, Payments payments, Map<String, PaymentGateway> gateways, Results results, SurveyAnswers surveys,
                       Clock clock, Function<String, String> verifyUrl, EnterpriseRegistry enterprises, ReadLog readLog,
                       Warehouse warehouse, WarehouseMatching matching) {
        this(dossiers, attachments, lookupKeys, lists, rules, submissions, uploads, links, notices, payments, gateways, results, surveys,
                clock, verifyUrl, enterprises, readLog, warehouse, matching, DocumentList.NONE);
    }

    /** The desk whose checklist also offers the applicant's results on the national portal's document list ({@code national}). */
    public CitizenDesk(Dossiers dossiers, Attachments attachments, LookupKeys lookupKeys, WorkQueues lists, Rules rules, SubmissionQueue submissions, UploadLinks uploads, FileLinks links,
                       NoticeStore notices, Payments payments, Map<String, PaymentGateway> gateways, Results results, SurveyAnswers surveys,
                       Clock clock, Function<String, String> verifyUrl, EnterpriseRegistry enterprises, ReadLog readLog,
                       Warehouse warehouse, WarehouseMatching matching, DocumentList national) {
        this.reuse = warehouse == null ? null : new ReuseFromWarehouse(dossiers, attachments, rules, warehouse, matching, clock, national);
        this.readLog = readLog;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.lookupKeys = lookupKeys;
        this.lists = lists;
        this.rules = rules;
        this.payments = payments;
        this.results = results;
        this.links = links;
        this.clock = clock;
        this.verifyUrl = verifyUrl;
        this.create = new CreateDossier(dossiers, rules, notices, clock);
        this.edit = new EditDossier(dossiers, rules, clock);
        this.submit = new SubmitDossier(dossiers, attachments, rules, submissions, clock, enterprises, reuse);
        this.withdraw = new WithdrawDossier(dossiers, clock);
        this.attach = new AttachFile(dossiers, attachments, rules, uploads, clock);
        this.remove = new RemoveFile(dossiers, attachments, clock);
        this.returnOnline = new ReturnOnline(dossiers, results, clock);
        this.receipts = new PaymentReceipts(dossiers, payments, results);
        this.rate = new RateService(dossiers, rules, surveys, clock);
        this.startPayment = new StartPayment(dossiers, payments, gateways, rules, clock);
    }

    // ---- reading

    /** A dossier in the applicant's list, with the procedure version it keeps (absent when the catalogue no longer has it). */
    public record Listed(Dossier dossier, Procedure procedure) {}

    /** The applicant's list, with the calendar its due dates are read against. */
    public record Mine(List<Listed> items, WorkingCalendar calendar) {}

    /** The applicant's dossiers, newest first (at most 100). */
    public Mine mine(Actor applicant) {
        return mine(applicant, null);
    }

    /**
     * The applicant's dossiers, newest first (at most 100), after taking into the account those its VNeID identity
     * submitted on the national portal ({@link ClaimInboundDossiers}; they are listed at once, the index may lag).
     */
    public Mine mine(Actor applicant, VerifiedIdentity identity) {
        List<Dossier> claimed = new ClaimInboundDossiers(dossiers, lists, clock).claim(applicant, identity);
        List<Dossier> all = new java.util.ArrayList<>(lists.byOwner(applicant.subject(), 100));
        for (Dossier d : claimed) {
            all.removeIf(x -> x.id().equals(d.id()));
            all.add(d);
        }
        all.sort(java.util.Comparator.comparing(Dossier::createdAt).reversed());
        return new Mine(all.stream().limit(100)
                .map(d -> new Listed(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null))).toList(), rules.calendar());
    }

    /** The page of the applicant's dossier {@code id}. */
    public DossierPage dossier(Actor applicant, String id) {
        return page(Access.owned(dossiers, applicant, id));
    }

    /** The page of the applicant's dossier with {@code code}. */
    public DossierPage byCode(Actor applicant, String code) {
        Dossier d = lists.findByCode(code).filter(x -> x.ownerId().equals(applicant.subject())).orElseThrow(() -> Access.noSuch(code));
        return page(d);
    }

    /**
     * The officials' reads of the applicant's dossier {@code id}, newest first, {@code size} (1–50) a page from the
     * cursor {@code after}: who, unit, post, when, what. Someone else's dossier is the same NOT_FOUND as none.
     */
    public ReadLog.Page reads(Actor applicant, String id, int size, String after) {
        if (size < 1 || size > 50 || (after != null && after.length() > 100)) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-page",
                    new Text("Mỗi trang 1–50 dòng.", "1–50 lines a page."));
        }
        Dossier d = Access.owned(dossiers, applicant, id);
        return readLog.reads(d.id(), size, after);
    }

    /** The completeness checklist of the applicant's dossier, as it stands now. */
    public Completeness.Result checklist(Actor applicant, String id) {
        Dossier d = Access.owned(dossiers, applicant, id);
        return Completeness.check(procedureOf(d), d, attachments.attachments(d.id()), clock.instant());
    }

    /** The results issued for the applicant's dossier, each with its verification page. */
    public List<ResultLine> results(Actor applicant, String id) {
        return resultLines(Access.owned(dossiers, applicant, id));
    }

    // ---- moves: each answers the page it leaves

    /** A draft of the procedure in force; the same request again (same key and content) answers the dossier it created. */
    public CreateDossier.Result create(Actor applicant, VerifiedIdentity identity, String procedureCode, Applicant typed, Map<String, String> form,
                                       String idempotencyKey, String fingerprint) {
        return create.create(applicant, identity, procedureCode, typed, form, idempotencyKey, fingerprint);
    }

    public DossierPage edit(Actor applicant, VerifiedIdentity identity, String id, Applicant typed, Map<String, String> form) {
        return page(edit.edit(applicant, identity, id, typed, form));
    }

    public DossierPage submit(Actor applicant, String id) {
        return page(submit.submit(applicant, id).dossier());
    }

    public DossierPage withdraw(Actor applicant, String id, String reason) {
        return page(withdraw.withdraw(applicant, id, reason));
    }

    /** Authorises one file for one component: a link the browser sends the bytes to; the file stays PENDING until scanned. */
    public AttachFile.Result attach(Actor applicant, String id, String componentCode, String fileName, Long size) {
        return attach.attach(applicant, id, componentCode, fileName, size);
    }

    /**
     * Attaches document {@code documentId} of the applicant's warehouse to component {@code componentCode} by reference
     * (accepted at once, nothing uploaded); NOT_FOUND {@code warehouse-document-not-found} for a document not theirs.
     */
    public DossierPage attachFromWarehouse(Actor applicant, String id, String componentCode, String documentId) {
        if (reuse == null) throw DomainException.of("warehouse-document-not-found", "ref", documentId);
        reuse.attach(applicant, id, componentCode, documentId);
        return page(Access.owned(dossiers, applicant, id));
    }

    public DossierPage removeFile(Actor applicant, String id, String uploadId) {
        return page(remove.remove(applicant, id, uploadId));
    }

    // ---- fees and payments

    /** The fees of the applicant's dossier with their basis, the providers, the payments made. */
    public Fees fees(Actor applicant, String id) {
        Dossier d = Access.owned(dossiers, applicant, id);
        return fees(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null), payments.ofDossier(d.id()));
    }

    /** A new payment request to {@code provider}: the provider's page to send the citizen to. */
    public StartPayment.Started pay(Actor applicant, String id, String provider, String ip, Function<String, String> returnUrl, String ipnUrl) {
        return pay(applicant, id, provider, null, ip, returnUrl, ipnUrl);
    }

    /** {@code item}: the tariff item chosen when the procedure's fee depends on the case (rules/payments.json). */
    public StartPayment.Started pay(Actor applicant, String id, String provider, String item, String ip, Function<String, String> returnUrl, String ipnUrl) {
        return startPayment.start(applicant, id, provider, item, ip, returnUrl, ipnUrl);
    }

    /** The signed e-receipt of a credited payment; NOT_FOUND {@code receipt-pending} while it is being issued. */
    public URI paymentReceipt(Actor applicant, String id, String reference) {
        IssuedResult r = receipts.receipt(applicant, id, reference);
        return links.result(r, "bien-lai-" + r.number() + ".pdf");
    }

    // ---- files addressed to the applicant

    /** The receipt and appointment slip (form 01); REFUSED before the dossier is received. */
    public URI receipt(Actor applicant, String id) {
        Dossier d = Access.owned(dossiers, applicant, id);
        if (d.code() == null) {
            throw new DomainException(DomainException.Kind.REFUSED, "no-receipt-yet",
                    new Text("Hồ sơ chưa được tiếp nhận nên chưa có giấy hẹn.", "The dossier has not been received yet: no receipt."));
        }
        return links.receipt(d.code());
    }

    /** The signed result {@code number}: the first download returns the result (the dossier moves to "result returned"). */
    public URI result(Actor applicant, String id, String number) {
        IssuedResult r = returnOnline.take(applicant, id, number);
        return links.result(r, "ket-qua-" + r.number() + ".pdf");
    }

    /** What the applicant's letters (forms 02–05) are drawn from: the dossier, the procedure it keeps, its trail. */
    public record Letters(Dossier dossier, Procedure procedure, List<AuditEvent> history) {}

    public Letters letters(Actor applicant, String id) {
        Dossier d = Access.owned(dossiers, applicant, id);
        return new Letters(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null), dossiers.history(d.id()));
    }

    // ---- the page

    private DossierPage page(Dossier d) {
        var procedure = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        List<String> actions = d.allowedActions(Role.CITIZEN);
        List<Attachment> files = attachments.attachments(d.id());
        boolean changing = actions.contains("attach") || actions.contains("edit");
        LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        // the survey once it has opened (rules/survey.json opensAt: from the receipt on); a draft has nothing to rate
        boolean surveyed = d.code() != null || d.status() == DossierStatus.AWAITING_SUPPLEMENT;
        // each part read once: the trail, payments and results also make the survey
        List<AuditEvent> history = dossiers.history(d.id());
        List<Payment> paid = payments.ofDossier(d.id());
        List<IssuedResult> issued = results.ofDossier(d.id());
        Instant now = clock.instant();
        return new DossierPage(d, procedure, procedure == null ? List.of() : rules.catalogue().history(d.procedureCode()),
                procedure == null ? null : rules.catalogue().fields().get(procedure.field()),
                // the applicant reads the public part of the trail: statuses, steps, dates, the reasons addressed to them
                history.stream().map(AuditEvent::publicPart).toList(), files,
                d.code() == null ? null : lookupKeys.lookupKey(d.code()).orElse(null), actions,
                changing && procedure != null ? Completeness.check(procedure, d, files, now) : null,
                fees(d, procedure, paid), issued.stream().map(r -> new ResultLine(r, verifyUrl.apply(r.id()))).toList(),
                surveyed ? rate.openView(d, history,
                        Access.process(rules, d).map(p -> ControlSlip.of(p, d, history, rules.calendar(), now)).orElse(List.of()), now) : null,
                rules.calendar(), today, d.status() == DossierStatus.DRAFT ? ReadLog.Page.EMPTY : readLog.reads(d.id(), READS_ON_PAGE, null),
                reuse != null && changing && actions.contains("attach") && procedure != null ? reuse.offers(d, procedure, files) : List.of());
    }

    private Fees fees(Dossier d, Procedure procedure, List<Payment> paid) {
        PaymentRules pr = PaymentRules.standard();
        List<Payment.Line> lines = procedure == null ? List.of() : pr.linesFor(procedure, StartPayment.day(d));
        List<PaymentRules.TariffItem> tariff = procedure == null ? List.of() : pr.tariff(procedure);
        Instant now = clock.instant();
        return new Fees(d.status() == DossierStatus.AWAITING_PAYMENT && (!lines.isEmpty() || !tariff.isEmpty()), lines,
                lines.stream().mapToLong(Payment.Line::amountVnd).sum(),
                List.copyOf(pr.providers().values()),
                // an abandoned attempt (never paid, past its window) leaves the applicant's list; the ledger keeps it
                paid.stream().filter(p -> !abandoned(p, pr, now)).map(p -> receipts.line(p)).toList(),
                pr.basis(), tariff, procedure == null ? null : pr.how(procedure));
    }

    /**
     * An attempt never paid: expired by reconciliation, or still pending past its expiry and the reconciliation's
     * margin (the provider's notice of a last-second payment has had its time; reconciliation expires it next).
     */
    static boolean abandoned(Payment p, PaymentRules pr, Instant now) {
        return p.status() == Payment.Status.EXPIRED
                || p.status() == Payment.Status.PENDING && !now.isBefore(p.createdAt().plus(pr.reconcileAfter()));
    }

    private List<ResultLine> resultLines(Dossier d) {
        return results.ofDossier(d.id()).stream().map(r -> new ResultLine(r, verifyUrl.apply(r.id()))).toList();
    }

    private Procedure procedureOf(Dossier d) {
        return rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> new DomainException(DomainException.Kind.INVALID,
                "unknown-procedure", new Text("Không có thủ tục mã \"" + Limits.clip(d.procedureCode()) + "\" đang có hiệu lực.",
                "No procedure with code \"" + Limits.clip(d.procedureCode()) + "\" is in force.")));
    }
}

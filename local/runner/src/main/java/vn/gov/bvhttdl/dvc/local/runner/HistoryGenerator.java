package vn.gov.bvhttdl.dvc.local.runner;

import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.CreateDossier;
import vn.gov.bvhttdl.dvc.application.IssueResult;
import vn.gov.bvhttdl.dvc.application.OfficialMoves;
import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.application.RateService;
import vn.gov.bvhttdl.dvc.application.ReceivePaymentCallback;
import vn.gov.bvhttdl.dvc.application.RequestSupplement;
import vn.gov.bvhttdl.dvc.application.ReturnOnline;
import vn.gov.bvhttdl.dvc.application.Rules;
import vn.gov.bvhttdl.dvc.application.StartPayment;
import vn.gov.bvhttdl.dvc.application.SubmitDossier;
import vn.gov.bvhttdl.dvc.application.VerifiedIdentity;
import vn.gov.bvhttdl.dvc.application.WithdrawDossier;
import vn.gov.bvhttdl.dvc.documents.ResultPdf;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.FormField;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;
import vn.gov.bvhttdl.dvc.payments.Gateways;
import vn.gov.bvhttdl.dvc.payments.ProviderSettings;
import vn.gov.bvhttdl.dvc.signing.Signers;
import vn.gov.bvhttdl.dvc.validation.Validator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The history generator (issue #23 item 7): plays a {@link HistoryPlan} through the application's use cases — create,
 * submit, reception (the validation function's {@link Validator}), payment (start, then the provider's signed notice
 * through {@link ReceivePaymentCallback}), supplement request and resubmission, the officials' moves up to approval,
 * refusal or stop, the result's issue and return, withdrawal, the survey's answer — over the functions' own adapters
 * on the offline stack's table ({@link Table#fromSettings()}), with a {@link Clock} it moves itself: every move is
 * stored at the moment of the past the plan gives it, and the table's stream feeds the counters, the scorecard and the
 * other consumers as it does for a move made now.
 *
 * <p>What the generator plays that no use case does: the submission queue (it hands the dossier to reception at
 * once, at the controlled clock, as SQS would hand it to the validation function), the upload scan (each component's
 * file is recorded as uploaded and accepted through the {@code Attachments} port; no bytes are stored), the intake of
 * a dossier brought to the desk, sent by post or received from the national portal (the draft is made with that
 * origin by {@link Dossier#draft} and stored through the {@code Dossiers} port, then submitted by the use case), and the
 * payment provider's notice (signed with the sandbox's development secret, as the sandbox would sign it). The metrics
 * the use cases would print are not emitted (their timestamps would be now); the stream consumers emit theirs.
 */
public final class HistoryGenerator {
    /** What was generated: the dossiers in the plan's order, and the moves that could not be made (none expected). */
    public record Report(HistoryPlan plan, List<String> dossierIds, List<String> problems) {
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", plan.seed());
            m.put("dossiers", dossierIds.size());
            Map<String, Long> outcomes = new TreeMap<>();
            for (HistoryPlan.Item i : plan.items()) outcomes.merge(i.outcome().name(), 1L, Long::sum);
            m.put("outcomes", outcomes);
            m.put("ids", dossierIds);
            m.put("problems", problems);
            return m;
        }
    }

    /** A clock the generator sets: never ahead of the real one. */
    static final class MovableClock extends Clock {
        private volatile Instant now;
        private final Clock real;

        MovableClock(Instant start, Clock real) {
            this.now = start;
            this.real = real;
        }

        void set(Instant at) {
            if (!at.isBefore(real.instant().minusSeconds(60))) throw new IllegalStateException("the history would reach the present: " + at);
            now = at;
        }

        @Override public ZoneId getZone() { return java.time.ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    static final List<Applicant> CITIZENS = List.of(
            new Applicant("Nguyễn Văn An", "001099012345", null, "12 Tràng Tiền, Hoàn Kiếm, Hà Nội", "0912345678", "an@example.vn"),
            new Applicant("Trần Thị Bình", "001199023456", null, "5 Lê Lợi, Quận 1, TP Hồ Chí Minh", "0912000222", "binh@example.vn"),
            new Applicant("Lê Văn Cường", "031098034567", null, "20 Trần Phú, Hải Châu, Đà Nẵng", "0912000333", "cuong@example.vn"),
            new Applicant("Phạm Thị Dung", "036197045678", null, "8 Nguyễn Du, Huế", "0912000444", "dung@example.vn"),
            new Applicant("Hoàng Văn Em", "040096056789", null, "3 Hùng Vương, Vinh, Nghệ An", "0912000555", "em@example.vn"),
            new Applicant("Vũ Thị Giang", "026195067890", null, "15 Hai Bà Trưng, Việt Trì, Phú Thọ", "0912000666", "giang@example.vn"));

    private static final DateTimeFormatter VNPAY_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Table table;
    private final MovableClock clock;
    private final Rules rules;
    private final WorkingCalendar calendar;
    private final CreateDossier create;
    private final SubmitDossier submit;
    private final Validator reception;
    private final RequestSupplement supplement;
    private final OfficialMoves moves;
    private final WithdrawDossier withdraw;
    private final StartPayment startPayment;
    private final ReceivePaymentCallback callbacks;
    private final ReturnOnline returnOnline;
    private final RateService rate;
    private final Map<String, String> vnpay;

    /** Over the table of the functions' settings (the runner sets them as system properties). */
    public static HistoryGenerator fromSettings() { return new HistoryGenerator(Table.fromSettings(), Clock.systemUTC()); }

    HistoryGenerator(Table table, Clock real) {
        this.table = table;
        this.clock = new MovableClock(real.instant().minus(Duration.ofDays(365)), real);
        this.rules = table.rules();
        this.calendar = rules.calendar();
        this.create = new CreateDossier(table.dossiers(), rules, clock);
        this.reception = new Validator(table, clock, AwsClients.s3(), Settings.require("DOCUMENTS_BUCKET"));
        // the submission queue: the dossier goes to reception at once, a minute later, as SQS hands it to the validation function
        this.submit = new SubmitDossier(table.dossiers(), table.attachments(), rules, (id, version) -> {
            clock.set(clock.instant().plusSeconds(60));
            reception.handle(Json.write(Map.of("dossierId", id, "version", version)));
        }, clock);
        this.supplement = new RequestSupplement(table.dossiers(), rules, clock);
        IssueResult issue = new IssueResult(table.dossiers(), table.sequences(), table.results(), new ResultPdf(new Signers()), rules, clock,
                () -> Settings.require("PUBLIC_BASE_URL"), table.warehouse());
        this.moves = new OfficialMoves(table.dossiers(), table.attachments(), rules, clock, issue, table.results());
        this.withdraw = new WithdrawDossier(table.dossiers(), clock);
        Map<String, PaymentGateway> gateways = Gateways.of(ProviderSettings.fromEnvironment(), clock);
        this.startPayment = new StartPayment(table.dossiers(), table.payments(), gateways, rules, clock);
        this.callbacks = new ReceivePaymentCallback(table.payments(), table.dossiers(), table.workQueues(), gateways, clock);
        this.returnOnline = new ReturnOnline(table.dossiers(), table.results(), clock);
        this.rate = new RateService(table.dossiers(), rules, table.surveys(), clock);
        this.vnpay = sandboxSecrets("vnpay");
    }

    private static Map<String, String> sandboxSecrets(String provider) {
        try {
            Object all = Json.parse(Files.readString(Path.of(Settings.require("PAYMENT_SECRETS_FILE"))));
            Map<String, String> m = new LinkedHashMap<>();
            Json.obj(Json.obj(all).get(provider)).forEach((k, v) -> m.put(k, String.valueOf(v)));
            return m;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the payment sandboxes' settings", e);
        }
    }

    /** Plays {@code plan}; a dossier whose moves fail is reported and the next one goes on. */
    public Report run(HistoryPlan plan) {
        List<String> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (HistoryPlan.Item item : plan.items()) {
            try {
                ids.add(play(item, problems));
            } catch (RuntimeException e) {
                problems.add("#" + item.index() + " " + item.procedure() + " " + item.outcome() + ": " + e);
            }
        }
        return new Report(plan, List.copyOf(ids), List.copyOf(problems));
    }

    private Instant at(LocalDate day, LocalTime time) { return day.atTime(time).atZone(calendar.zone()).toInstant(); }

    private LocalDate day(Instant at) { return at.atZone(calendar.zone()).toLocalDate(); }

    /** The {@code n}-th working day after {@code from} (n ≥ 1), or {@code from} itself if n is 0 and it is a working day. */
    LocalDate workingDaysAfter(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0 || !calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) left--;
        }
        return d;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(String idNumber) {
        try {
            return "dev-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(idNumber.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String play(HistoryPlan.Item item, List<String> problems) {
        Applicant applicant = CITIZENS.get(item.citizen() % CITIZENS.size());
        Actor owner = Actor.citizen(subject(applicant.idNumber()));
        Instant t = at(item.day(), item.time());
        clock.set(t);
        Procedure p = rules.catalogue().inForce(item.procedure(), item.day()).orElse(null);
        // a year's history before the catalogue's first version of the procedure (the catalogue begins in 2021) is
        // played under that first version, the draft made as for a dossier brought to the desk (the create use case
        // offers only a version in force): test data for the archive's periods, not a claim about the past
        boolean beforeCatalogue = p == null && !rules.catalogue().history(item.procedure()).isEmpty()
                && item.day().isBefore(rules.catalogue().history(item.procedure()).getFirst().effectiveFrom());
        if (p == null && !beforeCatalogue) throw new IllegalStateException(item.procedure() + " not in force on " + item.day());
        if (beforeCatalogue) p = rules.catalogue().history(item.procedure()).getFirst();
        Map<String, String> form = form(p);
        String id;
        if (item.origin() == Facts.Origin.MINISTRY_PORTAL && !beforeCatalogue) {
            VerifiedIdentity who = new VerifiedIdentity(applicant.fullName(), applicant.idNumber(), applicant.email(),
                    VerifiedIdentity.AccountType.CITIZEN, null, null, VerifiedIdentity.VerifiedBy.VNEID);
            id = create.create(owner, who, p.code(), applicant, form, null, null).dossier().id();
        } else {
            // brought to the desk, sent by post or received from the national portal: the draft with that origin
            Facts.Intake intake = item.origin() == Facts.Origin.NATIONAL_PORTAL
                    ? Facts.Intake.nationalPortal("G22.99-" + item.day().format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + UUID.randomUUID().toString().substring(0, 6), Facts.VNEID)
                    : new Facts.Intake(item.origin(), null);
            Dossier.Change draft = Dossier.draft(UUID.randomUUID().toString(), p, owner.subject(), applicant, form, t, intake);
            table.dossiers().create(draft);
            id = draft.dossier().id();
        }
        clock.set(t.plusSeconds(180));
        attachAll(p, id);
        clock.set(t.plusSeconds(480));
        submit.submit(owner, id);
        Dossier d = find(id);
        if (d.code() == null) throw new IllegalStateException("not received: " + d.status());

        Instant cursor = clock.instant();
        if (d.status() == DossierStatus.AWAITING_PAYMENT && item.outcome() == HistoryPlan.Outcome.WITHDRAWN) {
            // asked to pay and never paid: withdrawn the next day
            clock.set(cursor.plus(Duration.ofDays(1)));
            withdraw.withdraw(owner, id, "Không còn nhu cầu");
            return id;
        }
        if (d.status() == DossierStatus.AWAITING_PAYMENT) {
            cursor = cursor.plus(Duration.ofMinutes(25));
            pay(owner, id, cursor);
            cursor = clock.instant();
        }
        cursor = at(workingDaysAfter(day(cursor), 1), LocalTime.of(9, 0));

        for (int k = 0; k < item.supplements(); k++) {
            Dossier now = find(id);
            Actor desk = official(now.agencyCode(), now.processing().unit(), Post.ONE_STOP);
            clock.set(cursor);
            supplement.request(desk, id, List.of("Bổ sung bản sao giấy tờ còn thiếu (lần " + (k + 1) + ")"));
            // the applicant answers two days later
            Instant back = at(day(cursor).plusDays(2), LocalTime.of(10, 30));
            clock.set(back);
            submit.submit(owner, id);
            if (find(id).status() == DossierStatus.AWAITING_SUPPLEMENT) throw new IllegalStateException("resubmission not received");
            cursor = at(workingDaysAfter(day(back), 1), LocalTime.of(9, 0));
        }

        switch (item.outcome()) {
            case WITHDRAWN -> {
                clock.set(cursor);
                withdraw.withdraw(owner, id, "Không còn nhu cầu");
                return id;
            }
            case OPEN_OVERDUE -> {
                clock.set(cursor);
                Dossier now = find(id);
                moves.startProcessing(official(now.agencyCode(), now.processing().unit(), Post.ONE_STOP), id);
                return id;
            }
            default -> { }
        }

        LocalDate due = find(id).dueDate();
        LocalDate endDay = switch (item.outcome()) {
            case LATE -> workingDaysAfter(due, item.lateDays());
            // on time: on the appointment day itself for every third, else a working day before it
            default -> item.index() % 3 == 0 ? due : previousWorkingDay(due);
        };
        if (endDay.isBefore(day(cursor))) endDay = day(cursor);
        Instant end = at(endDay, LocalTime.of(15, 0));
        String last = switch (item.outcome()) {
            case REFUSED -> "refuse";
            case STOPPED -> "stop";
            default -> "approve";
        };
        Dossier ended = driveTo(id, last, cursor, end);
        Instant after = clock.instant();
        if (last.equals("approve")) after = returnResult(item, owner, ended, after, problems);
        if (item.rating() != null) {
            clock.set(after.plus(Duration.ofHours(2)));
            try {
                rate.answer(owner, id, item.rating(), item.rating().equals("DISSATISFIED") ? "Thời gian xử lý dài" : null);
            } catch (RuntimeException e) {
                problems.add("#" + item.index() + " survey: " + e.getMessage());
            }
        }
        return id;
    }

    private LocalDate previousWorkingDay(LocalDate d) {
        LocalDate x = d.minusDays(1);
        while (!calendar.isWorkingDay(x)) x = x.minusDays(1);
        return x;
    }

    private Dossier find(String id) { return table.dossiers().find(id).orElseThrow(); }

    /** The officials' moves up to {@code last}: whoever the process offers a move to makes it, 20 minutes apart; the last at {@code end}. */
    private Dossier driveTo(String id, String last, Instant cursor, Instant end) {
        Instant t = cursor;
        for (int step = 0; step < 20; step++) {
            Dossier d = find(id);
            if (d.processing() == null) throw new IllegalStateException("no step to move from: " + d.status());
            String unit = d.processing().unit();
            Actor progress = null;
            String move = null;
            for (String wanted : List.of(last, "forward", "start-processing", "assign")) {
                for (Post post : List.of(Post.ONE_STOP, Post.SPECIALIST, Post.LEADER)) {
                    Actor a = official(d.agencyCode(), unit, post);
                    if (moves.offered(d, a).contains(wanted)) {
                        progress = a;
                        move = wanted;
                        break;
                    }
                }
                if (move != null) break;
            }
            if (move == null) throw new IllegalStateException("nobody is offered a move at step " + d.processing().step() + " (" + unit + ")");
            if (move.equals(last)) {
                clock.set(end.isAfter(t) ? end : t.plus(Duration.ofMinutes(20)));
                return switch (last) {
                    case "refuse" -> moves.refuse(progress, id, "Hồ sơ không đáp ứng điều kiện theo quy định");
                    case "stop" -> moves.stop(progress, id, "Người nộp đề nghị dừng giải quyết");
                    default -> moves.approve(progress, id, "Đủ điều kiện");
                };
            }
            t = t.plus(Duration.ofMinutes(20));
            clock.set(t);
            switch (move) {
                case "forward" -> moves.forward(progress, id, "Chuyển bước tiếp theo");
                case "start-processing" -> moves.startProcessing(progress, id);
                default -> moves.assign(progress, id, null, null);
            }
        }
        throw new IllegalStateException("no end after 20 moves");
    }

    /** The result: level 4 online (issued with the approval, taken by the applicant), level 3 issued by the leader and returned at the counter or by post. */
    private Instant returnResult(HistoryPlan.Item item, Actor owner, Dossier approved, Instant after, List<String> problems) {
        try {
            Instant t = after.plus(Duration.ofHours(1));
            List<IssuedResult> issued = table.results().ofDossier(approved.id());
            if (issued.isEmpty() && !item.withoutElectronicResult()) {
                Actor leader = offeredTo(find(approved.id()), "issue-result");
                if (leader != null) {
                    clock.set(t);
                    moves.issueResult(leader, approved.id());
                    issued = table.results().ofDossier(approved.id());
                }
            }
            if (item.origin().channel() == Facts.Channel.ONLINE && !issued.isEmpty()) {
                t = t.plus(Duration.ofHours(3));
                clock.set(t);
                returnOnline.take(owner, approved.id(), issued.getFirst().number());
            } else {
                t = at(workingDaysAfter(day(t), 1), LocalTime.of(9, 30));
                Actor desk = offeredTo(find(approved.id()), "return-result");
                if (desk == null) throw new IllegalStateException("nobody is offered return-result");
                clock.set(t);
                moves.returnResult(desk, approved.id(), item.origin() == Facts.Origin.POST ? "post" : "counter");
            }
            return t;
        } catch (RuntimeException e) {
            problems.add("#" + item.index() + " return: " + e);
            return clock.instant();
        }
    }

    /** An official of one of the process's units offered {@code move} on {@code d} now, or null. */
    private Actor offeredTo(Dossier d, String move) {
        var p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow();
        for (var stage : vn.gov.bvhttdl.dvc.domain.Process.of(p).stages()) {
            for (Post post : List.of(Post.ONE_STOP, Post.SPECIALIST, Post.LEADER)) {
                Actor a = official(d.agencyCode(), stage.unit(), post);
                if (moves.offered(d, a).contains(move)) return a;
            }
        }
        return null;
    }

    private static Actor official(String agency, String unit, Post post) {
        return Actor.official("hist-" + unit.toLowerCase(java.util.Locale.ROOT) + "-" + post.name().toLowerCase(java.util.Locale.ROOT), agency, unit, post);
    }

    /** Pays the fee online: VNPay's payment started by the applicant, then VNPay's signed notice three minutes later. */
    private void pay(Actor owner, String id, Instant at) {
        clock.set(at);
        String base = Settings.get("PUBLIC_BASE_URL").orElse("http://127.0.0.1:3000");
        StartPayment.Started s = startPayment.start(owner, id, "vnpay", "127.0.0.1", ref -> base + "/#/dossiers/" + id, vnpay.get("ipnUrl"));
        Instant paid = at.plus(Duration.ofMinutes(3));
        clock.set(paid);
        Map<String, String> q = new TreeMap<>();
        q.put("vnp_Amount", Long.toString(s.payment().amountVnd() * 100));
        q.put("vnp_BankCode", "NCB");
        q.put("vnp_CardType", "ATM");
        q.put("vnp_OrderInfo", "Thanh toan phi ho so");
        q.put("vnp_PayDate", VNPAY_STAMP.format(paid));
        q.put("vnp_ResponseCode", "00");
        q.put("vnp_TmnCode", vnpay.get("tmnCode"));
        q.put("vnp_TransactionNo", Long.toString(10_000_000L + Math.floorMod(s.payment().reference().hashCode(), 89_999_999L)));
        q.put("vnp_TransactionStatus", "00");
        q.put("vnp_TxnRef", s.payment().reference());
        q.put("vnp_SecureHash", hmacSha512(vnpay.get("hashSecret"), PaymentSandboxes.vnpayCanonical(q)));
        String raw = PaymentSandboxes.query(q);
        PaymentGateway.Answer answer = callbacks.handle("vnpay", new PaymentGateway.Request("GET", q, null), raw);
        if (answer == null || answer.status() != 200 || find(id).status() == DossierStatus.AWAITING_PAYMENT) {
            throw new IllegalStateException("payment not credited: " + (answer == null ? null : answer.body()));
        }
    }

    private static String hmacSha512(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One file per component, recorded as uploaded and accepted by the scan; its bytes (a short text naming it) are
     * put in the uploads bucket, so that the archive's package of the dossier has its files.
     */
    private void attachAll(Procedure p, String id) {
        for (Procedure.Component c : p.components()) {
            String ext = c.formats().isEmpty() ? "pdf" : c.formats().getFirst();
            String key = "dossiers/" + id + "/" + c.code() + "/" + UUID.randomUUID();
            String type = Attachment.MIME.getOrDefault(ext, "application/pdf");
            byte[] bytes = ("history file " + id + " " + c.code() + "\n").getBytes(StandardCharsets.UTF_8);
            // recorded (authorised and accepted, its hash kept) before the bytes are written: the scan that the write
            // sets off finds the file judged and the same bytes, never an upload nobody authorised (which it quarantines)
            Attachment pending = new Attachment(id, key, c.code(), c.code().toLowerCase(java.util.Locale.ROOT) + "." + ext, type, bytes.length,
                    Attachment.Status.PENDING, null, null, null, null, clock.instant(), null, null, null);
            table.attachments().authoriseUpload(pending);
            table.attachments().recordVerdict(pending.scanned(Attachment.Status.ACCEPTED, null, type,
                    sha256(bytes), ext.equals("pdf") ? 2 : null, clock.instant().plusSeconds(5)));
            AwsClients.s3().putObject(b -> b.bucket(Settings.require("UPLOADS_BUCKET")).key(key).contentType(type),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
        }
    }

    /** A complete form of the version: each field with a value it accepts (none for a version without an e-form). */
    static Map<String, String> form(Procedure p) {
        Map<String, String> form = new LinkedHashMap<>();
        for (FormField f : p.formFields()) form.put(f.name(), sample(f));
        return form;
    }

    static String sample(FormField f) {
        return switch (f.type()) {
            case "select", "checkboxes" -> f.options().getFirst().value();
            case "date" -> "2026-06-15";
            case "email" -> "lien.he@example.vn";
            case "tel" -> "0912345678";
            default -> Stream.of("12", "2025", "0101234567", "001099012345", "B1234567", "01-123/2019/TCDL-GP LHQT", "Nội dung mẫu")
                    .filter(v -> FormField.problems(List.of(f), Map.of(f.name(), v), true).isEmpty())
                    .findFirst().orElse("Nội dung mẫu");
        };
    }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.NationalPortalRules;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.Workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.gov.bvhttdl.dvc.domain.NationalPortalRules.COMPONENT;
import static vn.gov.bvhttdl.dvc.domain.NationalPortalRules.DOSSIER;
import static vn.gov.bvhttdl.dvc.domain.NationalPortalRules.IDENTIFIER;
import static vn.gov.bvhttdl.dvc.domain.NationalPortalRules.PROGRESS;
import static vn.gov.bvhttdl.dvc.domain.NationalPortalRules.RESULT;
import static vn.gov.bvhttdl.dvc.domain.NationalPortalRules.SUPPLEMENT;

/**
 * One dossier event (the move that produced version {@code v}) sent to the National Public Service Portal: the
 * dossier's record as it stood at {@code v} ({@code DongBoHoSoMC}: create, or update when the portal has it) and the
 * progress entry of that move ({@code CapNhatTienDoHoSoMC}), in the portal's codes and field names
 * ({@link NationalPortalRules}).
 *
 * <p>The state at {@code v} is read from the audit trail's prefix up to that move: its national status from the
 * move's {@code to} (and its {@code from} where that decides), the dates and facts from {@link Facts#fromTrail};
 * the files, fees and results are those that existed at the move's time. A draft and a move with no national status
 * send nothing (recorded as skipped).
 *
 * <p><b>Exactly once per event</b>: a per-dossier marker of the last version handled ({@link SyncMarkers}, moved by a
 * conditional write after sending) makes a redelivery, a second consumer or an older version arriving after a newer
 * one send nothing; the calls carry the idempotency key {@code <dossier id>#<version>} so that the portal can drop
 * the one resend possible: a crash (or a concurrent consumer) between sending and marking.
 *
 * <p>Failures: the portal unreachable or answering 5xx/timeouts → {@link Unavailable} (the queue delivers the event
 * again, with backoff); a refusal → {@code DomainException} {@code national-portal-refused} (permanent: the
 * dead-letter queue, with the portal's reason).
 */
public final class SyncToNationalPortal {
    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Payments payments;
    private final Results results;
    private final FileLinks links;
    private final Rules rules;
    private final NationalPortal portal;
    private final SyncMarkers markers;
    private final Warehouse warehouse;
    private final NationalPortalRules codes = NationalPortalRules.standard();

    public SyncToNationalPortal(Dossiers dossiers, Attachments attachments, Payments payments, Results results, FileLinks links, Rules rules,
                                NationalPortal portal, SyncMarkers markers) {
        this(dossiers, attachments, payments, results, links, rules, portal, markers, null);
    }

    /** @param warehouse where a component taken from this system's warehouse has its file (null: none) */
    public SyncToNationalPortal(Dossiers dossiers, Attachments attachments, Payments payments, Results results, FileLinks links, Rules rules,
                                NationalPortal portal, SyncMarkers markers, Warehouse warehouse) {
        this.warehouse = warehouse;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.payments = payments;
        this.results = results;
        this.links = links;
        this.rules = rules;
        this.portal = portal;
        this.markers = markers;
    }

    /** The portal cannot be reached now, or the event's state is not readable yet: deliver the event again later. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) { super(message); }
    }

    /** What became of one event. */
    public enum Outcome {
        /** The record and the progress entry were sent. */
        SENT,
        /** Nothing to send for this version (a draft, a move with no national status); recorded as handled. */
        SKIPPED,
        /** This version, or a later one, was handled already (a redelivery, a second consumer, an older event late). */
        ALREADY
    }

    public record Result(Outcome outcome, String status, String why) {}

    /** The idempotency key of the event that produced {@code version} of {@code dossierId}. */
    public static String key(String dossierId, long version) { return dossierId + "#" + version; }

    public Result handle(String dossierId, long version) {
        if (dossierId == null || dossierId.isBlank() || version < 1) {
            throw DomainException.of("unreadable-message", "why", "no dossier id or version");
        }
        long last = markers.last(dossierId);
        if (last >= version) return new Result(Outcome.ALREADY, null, "handled up to version " + last);
        Dossier d = dossiers.find(dossierId).orElseThrow(() -> DomainException.of("dossier-not-found", "ref", dossierId));
        List<AuditEvent> trail = moves(dossiers.history(dossierId));
        // a version not reached yet, or a trail read behind its write (a query is eventually consistent): later
        if (trail.size() < version) throw new Unavailable("version " + version + " of " + dossierId + " is not readable yet");
        List<AuditEvent> prefix = trail.subList(0, (int) version);
        AuditEvent event = prefix.getLast();
        var status = codes.status(event.from(), event.to());
        if (status.isEmpty()) {
            markers.advance(dossierId, last, version, "SKIPPED");
            return new Result(Outcome.SKIPPED, null, "no national status for " + event.to());
        }
        String key = key(dossierId, version);
        String code = codeAt(d, prefix, version);
        NationalPortal.DossierRecord record = new NationalPortal.DossierRecord(dossierId, version,
                record(d, prefix, code, status.get().code()));
        NationalPortal.Answer a = portal.sync(record, key);
        if (a.outcome() == NationalPortal.Outcome.EXISTS) a = portal.update(record, key);
        check(a, "DongBoHoSoMC");
        if (codes.progressSent(event.action())) {
            check(portal.progress(new NationalPortal.ProgressEntry(dossierId, version,
                    progress(d, prefix, code, status.get().code(), version)), key), "CapNhatTienDoHoSoMC");
        }
        // a concurrent consumer that marked first sent the same (the portal drops the resend by its key)
        markers.advance(dossierId, last, version, "SENT");
        return new Result(Outcome.SENT, status.get().code(), null);
    }

    private static void check(NationalPortal.Answer a, String service) {
        switch (a.outcome()) {
            case DONE -> { }
            case TRANSIENT -> throw new Unavailable(service + ": " + a.detail());
            case REFUSED, EXISTS -> throw DomainException.of("national-portal-refused", "why", service + ": " + a.detail());
        }
    }

    /**
     * The entries of a trail that produced a version (each has the status it led to: the creation, every move, a
     * draft's edit), oldest first; a file's verdict or cancellation (no status) is not one: the n-th is version n.
     */
    static List<AuditEvent> moves(List<AuditEvent> history) {
        return history.stream().filter(e -> e.to() != null).toList();
    }

    /**
     * The dossier code the portal knows it by: the portal's own ({@code MaHoSo}) for a dossier submitted there, else the one given at receipt. An event before receipt is sent once the
     * dossier has its code (validation gives it within seconds): while the dossier still stands submitted at that
     * version without one, the event waits; one that never got a code (refused at validation) is sent under its id [assumed].
     */
    private static String codeAt(Dossier d, List<AuditEvent> prefix, long version) {
        // a dossier submitted on the national portal is the portal's own: it is updated under the portal's code [assumed]
        String national = Facts.fromTrail(prefix).nationalCode();
        if (national != null) return national;
        for (AuditEvent e : prefix) if (e.details().get("code") != null) return e.details().get("code");
        if (d.code() != null) return d.code();
        if (d.version() == version && d.status() == vn.gov.bvhttdl.dvc.domain.DossierStatus.SUBMITTED) {
            throw new Unavailable("dossier " + d.id() + " has no code yet");
        }
        return d.id();
    }

    // ------------------------------------------------------------------------------------------------ the record

    Map<String, Object> record(Dossier d, List<AuditEvent> prefix, String code, String status) {
        AuditEvent event = prefix.getLast();
        Instant at = event.at();
        Facts facts = Facts.fromTrail(prefix);
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion())
                .or(() -> rules.catalogue().inForce(d.procedureCode(), LocalDate.now()))
                .orElse(null);
        Facts.OwnerId owner = d.ownerIdentifier();
        Applicant a = d.applicant();
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "code", code);
        put(m, "procedureCode", d.procedureCode());
        put(m, "procedureName", p == null ? "" : vi(p.name()));
        put(m, "fieldCode", p == null || p.field() == null ? "" : p.field());
        put(m, "fieldName", p == null || p.field() == null ? "" : vi(rules.catalogue().fields().get(p.field())));
        put(m, "channel", codes.channel(facts.channel()));
        put(m, "ownerName", ownerName(d));
        put(m, "ownerIdNumber", nz(owner.value()));
        put(m, "ownerKind", codes.ownerKind(owner));
        // the owner's DVCQG account id (the SSO's TechID): not known until the national sign-in records it [assumed ""]
        put(m, "ownerAccountId", "");
        List<Map<String, Object>> ids = new ArrayList<>();
        if (owner.value() != null) {
            Map<String, Object> id = new LinkedHashMap<>();
            id.put(codes.field(IDENTIFIER, "type"), codes.identifierType(owner));
            id.put(codes.field(IDENTIFIER, "number"), owner.value());
            ids.add(id);
        }
        put(m, "ownerIdentifiers", ids);
        put(m, "otherInfo", "");
        put(m, "email", a == null ? "" : nz(a.email()));
        put(m, "fax", "");
        put(m, "phone", a == null ? "" : nz(a.phone()));
        put(m, "summary", clip(p == null ? d.procedureCode() : vi(p.name()), 1000));
        put(m, "submittedAt", codes.date(facts.submittedAt()));
        put(m, "receivedAt", codes.date(receivedAt(prefix)));
        put(m, "appointmentAt", codes.date(appointment(prefix, prefix.size())));
        put(m, "returnedAt", codes.date(facts.returnedAt()));
        put(m, "handledAt", codes.date(facts.endedAt()));
        put(m, "refusedAt", codes.date(facts.refusedAt()));
        put(m, "status", status);
        put(m, "returnInfo", "");
        put(m, "returnForm", codes.returnForm(facts.returnChannel()));
        put(m, "unitName", agencyName(d.agencyCode()));
        put(m, "note", "");
        put(m, "submissionPlace", codes.submissionPlaces().get(
                facts.origin() == Facts.Origin.NATIONAL_PORTAL ? "nationalPortal" : "ownSystem").code());
        // digitised at the desk: a dossier handed in on paper or by post has its components scanned there
        boolean digitised = facts.origin() == Facts.Origin.ONE_STOP_DESK || facts.origin() == Facts.Origin.POST;
        List<Attachment> accepted = attachments.attachments(d.id()).stream()
                .filter(f -> f.status() == Attachment.Status.ACCEPTED && f.createdAt() != null && !f.createdAt().isAfter(at)).toList();
        List<Map<String, Object>> components = components(accepted, digitised);
        put(m, "hasDigitisedComponent", codes.flag("hasDigitisedComponent", Boolean.toString(digitised && !components.isEmpty())));
        put(m, "verifiedWithVNeID", codes.flag("verifiedWithVNeID", Boolean.toString(facts.identityVerified())));
        List<Payment> paid = payments.ofDossier(d.id()).stream().filter(x -> !x.createdAt().isAfter(at)).toList();
        put(m, "paidOnline", codes.flag("paidOnline", paid.isEmpty() ? "noFee"
                : paid.stream().anyMatch(x -> x.status().received() && x.settledAt() != null && !x.settledAt().isAfter(at)) ? "paid" : "unpaid"));
        put(m, "components", components);
        put(m, "fees", fees(paid, at, facts));
        put(m, "otherPapers", List.of());
        put(m, "supplements", supplements(d, prefix, facts));
        put(m, "results", results(d, at));
        put(m, "nationalDatabases", nationalDatabases(accepted));
        return m;
    }

    private void put(Map<String, Object> m, String fact, Object value) { m.put(codes.field(DOSSIER, fact), value); }

    private static String ownerName(Dossier d) {
        Applicant a = d.applicant();
        boolean enterprise = a != null && a.enterpriseCode() != null && !a.enterpriseCode().isBlank();
        String company = d.form().get("companyName");
        return enterprise && company != null && !company.isBlank() ? company : a == null ? "" : nz(a.fullName());
    }

    /** The accepted components by then, each with its origin (uploaded, digitised, reused, from the warehouse or a national database). */
    private List<Map<String, Object>> components(List<Attachment> accepted, boolean digitised) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Attachment f : accepted) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put(codes.field(COMPONENT, "id"), f.uploadId());
            c.put(codes.field(COMPONENT, "name"), f.fileName());
            c.put(codes.field(COMPONENT, "deleted"), "False");
            c.put(codes.field(COMPONENT, "componentCode"), f.componentCode());
            // a component filled from a national database has no file of ours behind it: the portal reads DSKetNoiCSDL
            // a document taken from this system's warehouse: its file where the warehouse keeps it (the dossier's key has none)
            c.put(codes.field(COMPONENT, "url"), f.fromNationalDatabase() ? "" : f.fromWarehouse()
                    ? WarehouseFiles.link(f, warehouse, results, links).map(URI::toString).orElse("") : links.open(f).toString());
            c.put(codes.field(COMPONENT, "digitised"), codes.flag("componentDigitised",
                    Boolean.toString(f.origin() == Attachment.Origin.DIGITISED || digitised && f.origin() == Attachment.Origin.UPLOADED)));
            c.put(codes.field(COMPONENT, "reused"), codes.flag("componentReused", f.origin() == Attachment.Origin.REUSED ? "reused" : "no"));
            c.put(codes.field(COMPONENT, "fromWarehouse"), codes.flag("componentFromWarehouse", Boolean.toString(f.origin() == Attachment.Origin.WAREHOUSE)));
            c.put(codes.field(COMPONENT, "replacedByResultCode"), "");
            out.add(c);
        }
        return out;
    }

    /** The national databases the components were filled from, each once ({@code DSKetNoiCSDL[].MaCSDL}). */
    private List<Map<String, Object>> nationalDatabases(List<Attachment> accepted) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (Attachment f : accepted) {
            if (f.fromNationalDatabase() && f.provenance().database() != null) seen.add(f.provenance().database());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String db : seen) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put(codes.field(NationalPortalRules.NATIONAL_DATABASE, "code"), codes.flag("nationalDatabaseUsed", db));
            out.add(e);
        }
        return out;
    }

    /** The fee lines of the payment requests made by then: collected at receipt, or at return when asked after the decision [assumed]. */
    private List<Map<String, Object>> fees(List<Payment> paid, Instant at, Facts facts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Payment x : paid) {
            boolean atReturn = facts.endedAt() != null && !x.createdAt().isBefore(facts.endedAt());
            for (Payment.Line l : x.lines()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put(codes.feeFields().get("name"), vi(l.name()));
                f.put(codes.feeFields().get("code"), "");
                f.put(codes.feeFields().get("collectionForm"), codes.collectionForms().get(atReturn ? "atReturn" : "atReceipt").code());
                f.put(codes.feeFields().get("amount"), Long.toString(l.amountVnd()));
                f.put(codes.feeFields().get("kind"), codes.feeKinds().get("ordinary").code());
                out.add(f);
            }
        }
        return out;
    }

    /** Every supplement request made by then: who asked (the post and unit, never a name), what, when, when answered. */
    private List<Map<String, Object>> supplements(Dossier d, List<AuditEvent> prefix, Facts facts) {
        List<Map<String, Object>> out = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < prefix.size(); i++) {
            AuditEvent e = prefix.get(i);
            if (!e.action().equals("request-supplement")) continue;
            Facts.Supplement s = n < facts.supplements().size() ? facts.supplements().get(n) : null;
            n++;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(codes.field(SUPPLEMENT, "id"), d.id() + "-BS" + n);
            m.put(codes.field(SUPPLEMENT, "requestedBy"), who(e));
            m.put(codes.field(SUPPLEMENT, "content"), clip(nz(e.reason()), 2000));
            m.put(codes.field(SUPPLEMENT, "requestedAt"), codes.date(e.at()));
            m.put(codes.field(SUPPLEMENT, "receivedBy"), "");
            m.put(codes.field(SUPPLEMENT, "receiptInfo"), "");
            m.put(codes.field(SUPPLEMENT, "receivedAt"), codes.date(s == null ? null : s.answeredAt()));
            // [assumed] 1 answered, 0 open
            m.put(codes.field(SUPPLEMENT, "done"), s != null && s.answeredAt() != null ? "1" : "0");
            m.put(codes.field(SUPPLEMENT, "papers"), List.of());
            m.put(codes.field(SUPPLEMENT, "fees"), List.of());
            m.put(codes.field(SUPPLEMENT, "appointmentBefore"), codes.date(appointment(prefix, i)));
            LocalDate after = null;
            for (int j = i + 1; j < prefix.size(); j++) {
                if (prefix.get(j).action().equals("receive-supplement")) {
                    after = day(prefix.get(j).details().get("dueDate"));
                    break;
                }
            }
            m.put(codes.field(SUPPLEMENT, "appointmentAfter"), codes.date(after));
            out.add(m);
        }
        return out;
    }

    /** The results issued by then and not revoked by then: number, national result code, link. */
    private List<Map<String, Object>> results(Dossier d, Instant at) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (IssuedResult r : results.ofDossier(d.id())) {
            if (r.issuedAt() == null || r.issuedAt().isAfter(at) || r.number() == null) continue;
            if (r.revokedAt() != null && !r.revokedAt().isAfter(at)) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(codes.field(RESULT, "name"), vi(r.type()));
            m.put(codes.field(RESULT, "componentCode"), "");
            m.put(codes.field(RESULT, "id"), r.number());
            m.put(codes.field(RESULT, "url"), links.result(r, r.number() + ".pdf").toString());
            m.put(codes.field(RESULT, "resultCode"), codes.resultCode(d.procedureCode()));
            out.add(m);
        }
        return out;
    }

    private static Instant receivedAt(List<AuditEvent> prefix) {
        for (AuditEvent e : prefix) if (e.action().equals("receive")) return e.at();
        return null;
    }

    /** The appointment in force before entry {@code upTo} of the prefix (receipt, a supplement's receipt, an extension). */
    private static LocalDate appointment(List<AuditEvent> prefix, int upTo) {
        LocalDate due = null;
        for (int i = 0; i < upTo; i++) {
            String v = prefix.get(i).details().get("dueDate");
            if (v != null) due = day(v);
        }
        return due;
    }

    // ------------------------------------------------------------------------------------------------ progress

    Map<String, Object> progress(Dossier d, List<AuditEvent> prefix, String code, String status, long version) {
        AuditEvent e = prefix.getLast();
        Instant stepStart = null;
        LocalDate stepDue = null;
        for (AuditEvent x : prefix) {
            if (x.details().get("toStep") != null) {
                stepStart = x.at();
                stepDue = day(x.details().get("stepDue"));
            }
        }
        // the reception's step deadline is not in the trail: the dossier's own while it is still at this version
        if (stepDue == null && stepStart != null && d.version() == version && d.processing() != null) stepDue = d.processing().stepDue();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(codes.field(PROGRESS, "code"), code);
        m.put(codes.field(PROGRESS, "who"), clip(who(e), codes.whoLimit()));
        m.put(codes.field(PROGRESS, "position"), position(e));
        m.put(codes.field(PROGRESS, "unit"), unitName(d.agencyCode(), e.details().get("unit")));
        m.put(codes.field(PROGRESS, "when"), codes.date(e.at()));
        m.put(codes.field(PROGRESS, "content"), content(e));
        m.put(codes.field(PROGRESS, "status"), status);
        m.put(codes.field(PROGRESS, "stepStart"), codes.date(stepStart));
        m.put(codes.field(PROGRESS, "stepDeadline"), codes.date(stepDue));
        return m;
    }

    /**
     * Who made the move, as the portal's {@code NguoiXuLy}: the post an official holds, "the applicant" or "the
     * system" — a role, as TH_SYNC defaults to, never a person's name or identifier.
     */
    private static String who(AuditEvent e) {
        if (e.role() == Role.CITIZEN) return "Người nộp hồ sơ";
        if (e.role() == Role.OFFICIAL) {
            String post = position(e);
            return post.isEmpty() ? "Cán bộ" : post;
        }
        return "Hệ thống";
    }

    private static String position(AuditEvent e) {
        Post post = Post.parse(e.details().get("post"));
        Text label = post == null ? null : Organisation.standard().label(post);
        return label == null ? "" : label.vi();
    }

    /** What was done: the move's name, then the reason when it is addressed to the applicant (an internal note is not sent). */
    private static String content(AuditEvent e) {
        Workflow.Transition t = Workflow.standard().move(e.action()).orElse(null);
        String name = t == null || t.label() == null ? e.action() : t.label().vi();
        String reason = e.publicPart().reason();
        return clip(reason == null || reason.isBlank() ? name : name + " - " + reason, 2000);
    }

    private static String agencyName(String agency) {
        return Organisation.standard().agency(agency).map(a -> vi(a.name())).orElse(nz(agency));
    }

    private static String unitName(String agency, String unit) {
        var a = Organisation.standard().agency(agency);
        if (unit != null && a.isPresent()) {
            var u = a.get().unit(unit);
            if (u.isPresent()) return vi(u.get().name());
        }
        return agencyName(agency);
    }

    private static LocalDate day(String iso) {
        try {
            return iso == null ? null : LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String vi(Text t) { return t == null ? "" : nz(t.vi()); }

    private static String nz(String s) { return s == null ? "" : s; }

    private static String clip(String s, int max) { return s.length() <= max ? s : s.substring(0, max); }
}

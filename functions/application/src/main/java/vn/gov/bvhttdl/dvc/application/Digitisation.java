package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Digitisation at the one-stop desk (Circular 01/2023/TT-VPCP; issue #25 item 3), signed with the official's own
 * certificate in two phases ({@link DeferredSigning}): the official's scan of a paper component of a dossier of their
 * unit joins the dossier as a DIGITISED component (and the owner's warehouse); a still-valid paper result, with its
 * metadata, enters its owner's warehouse as a DIGITISED_RESULT with a verification page ({@code /verify/<id>}, the
 * results' page); a batch of past results ({@link PastResultsBatch}) does the same row by row. Each start prepares the
 * files and answers the digests for the official's device; {@link #complete} embeds the signatures and files them.
 *
 * <p>Idempotent: a digitised result's id is derived from its owner, number and the scan's SHA-256, and a result
 * already in the owner's warehouse with the same number is not taken again — running the same import twice changes
 * nothing. Per row nothing is half done: the signed file and its verification record are written first (written
 * once: a retry finds them), the warehouse entry last; a row that failed in between is completed by the next run.
 */
public final class Digitisation {
    /** How long a prepared signature waits for the official's device. */
    public static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);
    /** The largest scan accepted in one request (the API's body limit leaves room for the rest). */
    public static final int MAX_SCAN_BYTES = 4 * 1024 * 1024;

    /** A paper result's metadata as the official enters it (or as a batch row gives it). */
    public record PaperResult(String ownerId, String name, String numberAndSymbol, String issuedOn, String validUntil,
                              String scope, String issuer, String summary) {}

    /** What the device must sign: per file its ref and the digest (base64), and the rows refused before any signing. */
    public record Started(String sessionId, Instant expiresAt, String purpose, List<ToSign> toSign, List<Row> refused) {}

    public record ToSign(String ref, String digest) {}

    /** One row's (or file's) outcome: TAKEN, UNCHANGED (there already) or REFUSED with the reason and the field. */
    public record Row(String ref, String outcome, Text reason, String documentId, String verificationId) {
        public static Row refused(String ref, Text why) { return new Row(ref, "REFUSED", why, null, null); }
    }

    public record Completed(String purpose, List<Row> rows) {
        public long count(String outcome) { return rows.stream().filter(r -> r.outcome().equals(outcome)).count(); }
    }

    private final Dossiers dossiers;
    private final Attachments attachments;
    private final InboundFiles files;
    private final Results results;
    private final Warehouse warehouse;
    private final SigningSessions sessions;
    private final DeferredSigning signing;
    private final OfficialCertificates certificates;
    private final Rules rules;
    private final Clock clock;

    public Digitisation(Dossiers dossiers, Attachments attachments, InboundFiles files, Results results, Warehouse warehouse,
                        SigningSessions sessions, DeferredSigning signing, OfficialCertificates certificates, Rules rules, Clock clock) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.files = files;
        this.results = results;
        this.warehouse = warehouse;
        this.sessions = sessions;
        this.signing = signing;
        this.certificates = certificates;
        this.rules = rules;
        this.clock = clock;
    }

    // ---- phase 1: prepare

    /** An official's scan of the paper of component {@code componentCode} of dossier {@code dossierId}. */
    public Started startComponent(Actor official, String dossierId, String componentCode, String fileName, byte[] scan, List<X509Certificate> chain) {
        requireOfficial(official);
        // only an official of a unit the dossier reached (the one rule of every officials' read and move); any other
        // official gets the same "no such dossier" as for none at all: another unit of the agency learns nothing of it
        Dossier d = Access.inScope(dossiers, rules, official, dossierId);
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> DomainException.of("procedure-not-in-catalogue"));
        Procedure.Component c = p.components().stream().filter(x -> x.code().equals(componentCode)).findFirst()
                .orElseThrow(() -> invalid("unknown-component", new Text("Thủ tục không có thành phần hồ sơ \"" + Limits.clip(componentCode) + "\".",
                        "The procedure has no component \"" + Limits.clip(componentCode) + "\".").at("component")));
        if (!c.formats().contains("pdf")) throw invalid("format-not-accepted", new Text("\"" + c.name().vi() + "\" không nhận tệp PDF.",
                "\"" + c.name().en() + "\" does not accept PDF files.").at("component"));
        requireScan(scan, null);
        Instant now = clock.instant();
        requireOwnCertificate(official, chain, now);
        String name = Attachment.cleanFileName(fileName == null || fileName.isBlank() ? c.code() + ".pdf" : fileName);
        if (!Attachment.extension(name).equals("pdf")) name = name + ".pdf";
        DeferredSigning.Prepared prepared = signing.prepare(scan, chain, signerName(official, chain), now, "Số hóa từ bản giấy");
        Map<String, String> data = Map.of("dossierId", d.id(), "component", c.code(), "fileName", name);
        return open(official, "COMPONENT", chain, now, List.of(new SigningSessions.Item("1", prepared.pdf(), prepared.digest(), data)), Map.of());
    }

    /** An official's scan of a still-valid paper result, with its metadata (no dossier). */
    public Started startResult(Actor official, PaperResult paper, byte[] scan, List<X509Certificate> chain) {
        requireOfficial(official);
        Instant now = clock.instant();
        List<Text> problems = new ArrayList<>(problems(paper));
        if (!problems.isEmpty()) throw new DomainException(DomainException.Kind.INVALID, slugOf(problems.get(0)),
                problems.get(0), problems);
        requireScan(scan, null);
        requireOwnCertificate(official, chain, now);
        String owner = owner(paper.ownerId());
        String id = resultId(owner, paper.numberAndSymbol().strip(), sha256Hex(scan));
        var existing = alreadyThere(owner, paper.numberAndSymbol().strip());
        if (existing != null) throw new DomainException(DomainException.Kind.REFUSED, "already-digitised",
                new Text("Kết quả số " + Limits.clip(paper.numberAndSymbol()) + " của chủ sở hữu này đã có trong kho dữ liệu.",
                        "Result " + Limits.clip(paper.numberAndSymbol()) + " of this owner is already in the warehouse."));
        DeferredSigning.Prepared prepared = signing.prepare(scan, chain, signerName(official, chain), now, "Số hóa kết quả giải quyết TTHC bằng giấy");
        return open(official, "RESULT", chain, now, List.of(new SigningSessions.Item("1", prepared.pdf(), prepared.digest(), resultData(paper, owner, id))), Map.of());
    }

    /**
     * A batch of past results: every row checked (ID number, required fields, dates, the PDF, duplicates in the batch),
     * those already in their owner's warehouse reported UNCHANGED, the others prepared for one signing session.
     */
    public Started startImport(Actor official, PastResultsBatch batch, List<X509Certificate> chain) {
        requireOfficial(official);
        Instant now = clock.instant();
        requireOwnCertificate(official, chain, now);
        Map<String, String> refused = new LinkedHashMap<>();
        List<SigningSessions.Item> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        String signer = signerName(official, chain);
        for (PastResultsBatch.Entry e : batch.rows()) {
            if (e.problem() != null) {
                refused.put(e.ref(), encode(e.problem()));
                continue;
            }
            PaperResult paper = e.paper();
            List<Text> problems = problems(paper);
            if (!problems.isEmpty()) {
                refused.put(e.ref(), encode(problems.get(0)));
                continue;
            }
            if (e.file() == null) {
                refused.put(e.ref(), encode(new Text("Không có tệp \"" + Limits.clip(e.fileName()) + "\" trong gói.",
                        "No file \"" + Limits.clip(e.fileName()) + "\" in the package.").at("file")));
                continue;
            }
            if (!signing.isPdf(e.file())) {
                refused.put(e.ref(), encode(notPdf()));
                continue;
            }
            String owner = owner(paper.ownerId());
            String number = paper.numberAndSymbol().strip();
            String first = seen.putIfAbsent(owner + "\n" + number, e.ref());
            if (first != null) {
                refused.put(e.ref(), encode(new Text("Trùng với dòng " + first + " (cùng chủ sở hữu và số, ký hiệu).",
                        "A duplicate of row " + first + " (the same owner and number).").at("numberAndSymbol")));
                continue;
            }
            String id = resultId(owner, number, sha256Hex(e.file()));
            WarehouseDocument there = alreadyThere(owner, number);
            if (there != null) {
                refused.put(e.ref(), there.id().equals(id) ? "UNCHANGED\n" + there.id()
                        : encode(new Text("Kết quả số " + Limits.clip(number) + " của chủ sở hữu này đã có trong kho dữ liệu (tệp khác).",
                        "Result " + Limits.clip(number) + " of this owner is already in the warehouse (another file).").at("numberAndSymbol")));
                continue;
            }
            DeferredSigning.Prepared prepared = signing.prepare(e.file(), chain, signer, now, "Số hóa kết quả giải quyết TTHC bằng giấy");
            items.add(new SigningSessions.Item(e.ref(), prepared.pdf(), prepared.digest(), resultData(paper, owner, id)));
        }
        return open(official, "IMPORT", chain, now, items, refused);
    }

    // ---- phase 2: the signatures come back

    /**
     * Embeds the device's signatures ({@code ref} → signature) made with {@code chain}, and files every signed
     * document. The session must be the official's and not expired; every signature must verify over its digest with
     * the certificate the files were prepared for, or nothing of the session is filed.
     */
    public Completed complete(Actor official, String sessionId, List<X509Certificate> chain, Map<String, byte[]> signatures) {
        requireOfficial(official);
        Instant now = clock.instant();
        SigningSessions.Session s = sessions.find(sessionId).filter(x -> x.official().equals(official.subject()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "signing-session-not-found",
                        new Text("Không có phiên ký số này (đã hoàn tất hoặc không phải của bạn).", "No such signing session (completed, or not yours).")));
        if (!now.isBefore(s.expiresAt())) {
            sessions.close(s.id());
            throw new DomainException(DomainException.Kind.REFUSED, "signing-session-expired",
                    new Text("Phiên ký số đã hết hạn; vui lòng thực hiện lại.", "The signing session has expired; please start again."));
        }
        if (chain == null || chain.isEmpty() || !java.util.Arrays.equals(der(chain.get(0)), s.chain().get(0))) throw mismatch();
        requireOwnCertificate(official, chain, now);
        // every signature first: a wrong one files nothing
        Map<String, byte[]> signed = new LinkedHashMap<>();
        for (SigningSessions.Item item : s.items()) {
            byte[] sig = signatures == null ? null : signatures.get(item.ref());
            if (sig == null) throw invalid("signature-missing", new Text("Thiếu chữ ký của tệp " + Limits.clip(item.ref()) + ".",
                    "The signature of file " + Limits.clip(item.ref()) + " is missing.").at("signatures"));
            signed.put(item.ref(), signing.complete(item.prepared(), chain, sig, item.digest()));
        }
        if (!sessions.close(s.id())) throw new ConcurrentChange("signing session " + s.id() + " completed meanwhile");
        List<Row> rows = new ArrayList<>();
        for (var r : s.refused().entrySet()) rows.add(decode(r.getKey(), r.getValue()));
        for (SigningSessions.Item item : s.items()) {
            byte[] pdf = signed.get(item.ref());
            try {
                rows.add(switch (s.purpose()) {
                    case "COMPONENT" -> fileComponent(official, item, pdf, now);
                    default -> fileResult(official, item, pdf, chain.get(0), now);
                });
            } catch (RuntimeException e) {
                rows.add(Row.refused(item.ref(), new Text("Chưa lưu được; chạy lại để hoàn tất dòng này.", "Could not be stored; run again to complete this row.")));
            }
        }
        rows.sort(java.util.Comparator.comparing(Row::ref, PastResultsBatch.REF_ORDER));
        return new Completed(s.purpose(), rows);
    }

    private Row fileComponent(Actor official, SigningSessions.Item item, byte[] pdf, Instant now) {
        Map<String, String> data = item.data();
        Dossier d = dossiers.find(data.get("dossierId")).orElseThrow(() -> DomainException.of("dossier-not-found", "ref", data.get("dossierId")));
        String key = "dossiers/" + d.id() + "/" + data.get("component") + "/" + UUID.randomUUID();
        attachments.authoriseUpload(new Attachment(d.id(), key, data.get("component"), data.get("fileName"), "application/pdf", pdf.length,
                Attachment.Status.PENDING, null, null, null, null, now, null, null,
                new Attachment.Provenance(Attachment.Origin.DIGITISED, null, now, official.subject())));
        files.put(key, "application/pdf", pdf);
        String owner = WarehouseDocument.ownerOf(vn.gov.bvhttdl.dvc.domain.Facts.OwnerId.of(d.applicant()));
        String docId = null;
        if (owner != null) {
            Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
            Text name = p == null ? new Text(data.get("component"), data.get("component"))
                    : p.components().stream().filter(c -> c.code().equals(data.get("component"))).findFirst().map(Procedure.Component::name)
                    .orElse(new Text(data.get("component"), data.get("component")));
            docId = IssueResult.newId();
            warehouse.add(new WarehouseDocument(owner, docId, WarehouseDocument.Kind.DIGITISED, data.get("component"), name, null, null, null, null,
                    now.atZone(rules.calendar().zone()).toLocalDate(), null, null, d.agencyCode(), key, null, sha256Hex(pdf), null,
                    WarehouseDocument.Status.VALID, null, null, d.id(), data.get("component"), now, official.subject()));
        }
        return new Row(item.ref(), "TAKEN", null, docId, null);
    }

    private Row fileResult(Actor official, SigningSessions.Item item, byte[] pdf, X509Certificate cert, Instant now) {
        Map<String, String> m = item.data();
        String id = m.get("id"), owner = m.get("owner");
        if (warehouse.find(owner, id).isPresent()) return new Row(item.ref(), "UNCHANGED", null, id, id);
        var zone = rules.calendar().zone();
        LocalDate issuedOn = LocalDate.parse(m.get("issuedOn"));
        LocalDate validUntil = m.get("validUntil").isEmpty() ? null : LocalDate.parse(m.get("validUntil"));
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<IssuedResult.Line> face = new ArrayList<>();
        face.add(new IssuedResult.Line("Số, ký hiệu", m.get("number")));
        face.add(new IssuedResult.Line("Cơ quan cấp", m.get("issuer")));
        face.add(new IssuedResult.Line("Ngày cấp", dmy.format(issuedOn)));
        face.add(new IssuedResult.Line("Hiệu lực đến", validUntil == null ? "Không thời hạn" : dmy.format(validUntil)));
        if (!m.get("scope").isEmpty()) face.add(new IssuedResult.Line("Phạm vi hiệu lực", m.get("scope")));
        if (!m.get("summary").isEmpty()) face.add(new IssuedResult.Line("Trích yếu", m.get("summary")));
        face.add(new IssuedResult.Line("Chủ sở hữu", m.get("ownerId")));
        face.add(new IssuedResult.Line("Bản số hóa", "Số hóa từ bản giấy ngày " + dmy.format(now.atZone(zone).toLocalDate())
                + ", ký số bởi " + IssuedResult.signerName(cert.getSubjectX500Principal().getName())));
        IssuedResult record = new IssuedResult(id, m.get("number"), 0, null, null, null, 0, m.get("issuer"), new Text(m.get("name"), m.get("name")),
                face, issuedOn.atStartOfDay(zone).toInstant(), validUntil, sha256Hex(pdf), cert.getSubjectX500Principal().getName(),
                IssuedResult.Status.VALID, null, null, null);
        String sha = record.sha256();
        try {
            results.storeDocument(record, pdf);
        } catch (ConcurrentChange stored) {
            // filed by an earlier run that stopped before the warehouse entry: that file and record stand
            sha = results.find(id).map(IssuedResult::sha256).orElseThrow(() -> stored);
        }
        boolean added = warehouse.add(new WarehouseDocument(owner, id, WarehouseDocument.Kind.DIGITISED_RESULT, "digitised-result",
                new Text(m.get("name"), m.get("name")), null, null, m.get("number"), blankToNull(m.get("summary")), issuedOn, validUntil,
                blankToNull(m.get("scope")), m.get("issuer"), id, null, sha, id, WarehouseDocument.Status.VALID, null, null, null, null, now,
                official.subject()));
        return new Row(item.ref(), added ? "TAKEN" : "UNCHANGED", null, id, id);
    }

    // ---- checks

    /** Everything wrong with a paper result's metadata, the first problem first (each names its field). */
    public List<Text> problems(PaperResult p) {
        List<Text> out = new ArrayList<>();
        if (p == null) return List.of(missing("ownerId", "số định danh của chủ sở hữu", "the owner's ID number"));
        if (blank(p.ownerId())) out.add(missing("ownerId", "số định danh của chủ sở hữu", "the owner's ID number"));
        else if (owner(p.ownerId()) == null) out.add(new Text("Số định danh \"" + Limits.clip(p.ownerId())
                + "\" không hợp lệ: số định danh cá nhân có 12 chữ số, mã số doanh nghiệp có 10 chữ số (chi nhánh: thêm 3 chữ số).",
                "ID number \"" + Limits.clip(p.ownerId()) + "\" is not valid: a personal ID has 12 digits, an enterprise code 10 (a branch: 3 more).").at("ownerId"));
        if (blank(p.name())) out.add(missing("name", "tên giấy tờ", "the document's name"));
        if (blank(p.numberAndSymbol())) out.add(missing("numberAndSymbol", "số, ký hiệu", "the number and symbol"));
        if (blank(p.issuer())) out.add(missing("issuer", "cơ quan cấp", "the issuing body"));
        LocalDate issued = null, until = null;
        if (blank(p.issuedOn())) out.add(missing("issuedOn", "ngày cấp", "the issue date"));
        else if ((issued = date(p.issuedOn())) == null) out.add(badDate("issuedOn", p.issuedOn()));
        if (!blank(p.validUntil()) && (until = date(p.validUntil())) == null) out.add(badDate("validUntil", p.validUntil()));
        LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        if (issued != null && issued.isAfter(today)) out.add(new Text("Ngày cấp ở tương lai.", "The issue date is in the future.").at("issuedOn"));
        if (issued != null && until != null && until.isBefore(issued)) out.add(new Text("Ngày hết hiệu lực trước ngày cấp.", "The end of validity is before the issue date.").at("validUntil"));
        else if (until != null && until.isBefore(today)) out.add(new Text("Kết quả đã hết hiệu lực: chỉ số hóa kết quả còn hiệu lực.",
                "The result has expired: only results still valid are digitised.").at("validUntil"));
        for (String[] f : new String[][]{{"name", p.name()}, {"numberAndSymbol", p.numberAndSymbol()}, {"issuer", p.issuer()}, {"scope", p.scope()}, {"summary", p.summary()}}) {
            int max = f[0].equals("summary") ? 1000 : 300;
            if (f[1] != null && f[1].length() > max) out.add(new Text("Quá " + max + " ký tự.", "More than " + max + " characters.").at(f[0]));
        }
        return out;
    }

    /** The owner key of an ID number as typed: 12 digits a person, an enterprise code an enterprise; null if neither. */
    static String owner(String id) {
        if (id == null) return null;
        String v = id.strip();
        if (Limits.PERSONAL_ID.matcher(v).matches()) return WarehouseDocument.personal(v);
        if (Limits.ENTERPRISE_CODE.matcher(v).matches()) return WarehouseDocument.enterprise(v.length() == 13 ? v.substring(0, 10) + "-" + v.substring(10) : v);
        return null;
    }

    /** A date typed as yyyy-mm-dd or dd/mm/yyyy; null when it is neither. */
    static LocalDate date(String s) {
        String v = s.strip();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(v);
            if (v.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) return LocalDate.parse(v, DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The id of a digitised result: from its owner, its number and the scan (the same row imported again: the same id). */
    static String resultId(String owner, String number, String scanSha) {
        byte[] h = sha256(("digitised-result\n" + owner + "\n" + number + "\n" + scanSha).getBytes(StandardCharsets.UTF_8));
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder(26);
        for (int i = 0; i < 26; i++) b.append(alphabet.charAt(h[i] & 31));
        return b.toString();
    }

    private WarehouseDocument alreadyThere(String owner, String number) {
        return warehouse.of(owner).stream().filter(w -> w.kind() == WarehouseDocument.Kind.DIGITISED_RESULT && number.equals(w.numberAndSymbol()))
                .findFirst().orElse(null);
    }

    private Map<String, String> resultData(PaperResult p, String owner, String id) {
        Map<String, String> m = new HashMap<>();
        m.put("id", id);
        m.put("owner", owner);
        m.put("ownerId", p.ownerId().strip());
        m.put("name", p.name().strip());
        m.put("number", p.numberAndSymbol().strip());
        m.put("issuedOn", date(p.issuedOn()).toString());
        m.put("validUntil", blank(p.validUntil()) ? "" : date(p.validUntil()).toString());
        m.put("scope", blank(p.scope()) ? "" : p.scope().strip());
        m.put("issuer", p.issuer().strip());
        m.put("summary", blank(p.summary()) ? "" : p.summary().strip());
        return m;
    }

    private Started open(Actor official, String purpose, List<X509Certificate> chain, Instant now, List<SigningSessions.Item> items, Map<String, String> refused) {
        String id = IssueResult.newId();
        Instant expires = now.plus(SESSION_LIFETIME);
        if (!items.isEmpty()) sessions.open(new SigningSessions.Session(id, official.subject(), purpose, now, expires, chain.stream().map(Digitisation::der).toList(), items, refused));
        List<Row> early = new ArrayList<>();
        for (var r : refused.entrySet()) early.add(decode(r.getKey(), r.getValue()));
        early.sort(java.util.Comparator.comparing(Row::ref, PastResultsBatch.REF_ORDER));
        return new Started(items.isEmpty() ? null : id, expires, purpose,
                items.stream().map(i -> new ToSign(i.ref(), Base64.getEncoder().encodeToString(i.digest()))).toList(), early);
    }

    private static String encode(Text t) { return "REFUSED\n" + (t.field() == null ? "" : t.field()) + "\n" + t.vi() + "\n" + t.en(); }

    private static Row decode(String ref, String v) {
        String[] p = v.split("\n", 4);
        if (p[0].equals("UNCHANGED")) return new Row(ref, "UNCHANGED", null, p[1], p[1]);
        Text t = new Text(p[2], p[3]);
        return Row.refused(ref, p[1].isEmpty() ? t : t.at(p[1]));
    }

    private void requireScan(byte[] scan, String ref) {
        if (scan == null || scan.length == 0) throw invalid("file-missing", new Text("Chưa có tệp quét.", "No scanned file.").at("file"));
        if (scan.length > MAX_SCAN_BYTES) throw new DomainException(DomainException.Kind.TOO_LARGE, "file-too-large",
                new Text("Tệp quét quá " + MAX_SCAN_BYTES / 1048576 + " MB.", "The scan is larger than " + MAX_SCAN_BYTES / 1048576 + " MB.").at("file"));
        if (!signing.isPdf(scan)) throw new DomainException(DomainException.Kind.INVALID, "not-a-pdf", notPdf(), List.of(notPdf()));
    }

    private void requireOwnCertificate(Actor official, List<X509Certificate> chain, Instant now) {
        String why = certificates.refusal(official, chain, now);
        if (why != null) throw new DomainException(DomainException.Kind.INVALID, "certificate-not-yours",
                new Text("Chứng thư số không dùng được để ký: không phải của cán bộ đang đăng nhập, không do tổ chức được tin cậy cấp hoặc đã hết hạn.",
                        "The certificate cannot sign here: it is not the signed-in official's, not issued by a trusted CA, or not valid now (" + why + ").").at("certificate"));
    }

    private static void requireOfficial(Actor a) {
        if (a == null || a.role() != Role.OFFICIAL) throw new DomainException(DomainException.Kind.FORBIDDEN, "officials-only",
                new Text("Chỉ cán bộ được số hóa giấy tờ.", "Only officials digitise papers."));
    }

    private static String signerName(Actor official, List<X509Certificate> chain) {
        if (official.name() != null && !official.name().isBlank()) return official.name();
        return IssuedResult.signerName(chain.get(0).getSubjectX500Principal().getName());
    }

    static Text notPdf() { return new Text("Tệp không phải là PDF đọc được.", "The file is not a readable PDF.").at("file"); }

    private static Text missing(String field, String vi, String en) {
        return new Text("Thiếu " + vi + ".", "Missing " + en + ".").at(field);
    }

    private static Text badDate(String field, String v) {
        return new Text("Ngày \"" + Limits.clip(v) + "\" không hợp lệ (dd/mm/yyyy).", "Date \"" + Limits.clip(v) + "\" is not valid (dd/mm/yyyy).").at(field);
    }

    private static String slugOf(Text t) {
        return "ownerId".equals(t.field()) ? "invalid-id-number" : "invalid-metadata";
    }

    private static DomainException invalid(String slug, Text why) {
        return new DomainException(DomainException.Kind.INVALID, slug, why, List.of(why));
    }

    private static DomainException mismatch() {
        Text t = new Text("Chữ ký số không khớp với tài liệu đã chuẩn bị hoặc với chứng thư số của cán bộ.",
                "The digital signature does not match the document prepared or the official's certificate.").at("signature");
        return new DomainException(DomainException.Kind.INVALID, "signature-mismatch", t, List.of(t));
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static String blankToNull(String s) { return s == null || s.isEmpty() ? null : s; }

    static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificates of a chain sent as base64 DER (or PEM) strings; a malformed one is 400. */
    public static List<X509Certificate> certificates(List<String> encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.size() > 5) throw new RequestRefused(RequestRefused.Why.MALFORMED, "malformed-certificate", new Text("Chuỗi chứng thư số không đọc được.", "The certificate chain cannot be read.").at("chain"));
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (String s : encoded) {
                String b64 = s == null ? "" : s.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                out.add((X509Certificate) f.generateCertificate(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(b64))));
            }
            return out;
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw new RequestRefused(RequestRefused.Why.MALFORMED, "malformed-certificate", new Text("Chuỗi chứng thư số không đọc được.", "The certificate chain cannot be read.").at("chain"));
        }
    }

    static String sha256Hex(byte[] b) { return HexFormat.of().formatHex(sha256(b)); }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.PersonalData;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The citizen's own data (issue #25 item 4; Personal Data Protection Law 91/2025/QH15, {@code rules/personal-data.json}):
 * one archive of everything the system holds about them, who looked at their dossiers across all of them, deleting
 * their drafts and the documents they added to their warehouse. "Theirs" is what their sign-in owns: the dossiers they
 * created (an enterprise's dossiers only those this person submitted), the notices sent to them, and the warehouse of
 * their personal ID number — of an enterprise's warehouse only the entries that came from their own dossiers.
 */
public final class MyData {
    /** How many of each kind the archive holds. */
    public record Counts(int dossiers, int files, int results, int payments, int receipts, int messages, int surveys, int warehouse, int reads) {}

    /** The archive made: its link, until when it lives, its file name, what it holds, the basis. */
    public record Export(java.net.URI link, Instant expiresAt, String fileName, Counts counts, List<Citation> basis) {}

    /** One official's read of one of the owner's dossiers. */
    public record ReadLine(String dossierId, String dossierCode, String procedureCode, ReadLog.Read read) {}

    /** One page of the reads across the owner's dossiers, newest first; {@code next} the cursor, null at the end. */
    public record ReadsPage(List<ReadLine> reads, String next) {}

    /** A draft the owner may delete. */
    public record Draft(String id, String procedureCode, Instant createdAt, Instant updatedAt, int files) {}

    /** A warehouse entry with whether its owner may delete it (else it stays: issued or signed by the Ministry). */
    public record Kept(WarehouseDocument document, boolean deletable) {}

    /** What the "my data" page shows besides the reads: the drafts, the warehouse, the deletions made, the basis. */
    public record Overview(List<Draft> drafts, List<Kept> warehouse, List<OwnData.Erasure> deletions, Map<String, List<Citation>> basis,
                           int maxDossiers, long maxBytes) {}

    private final Dossiers dossiers;
    private final WorkQueues lists;
    private final Attachments attachments;
    private final Payments payments;
    private final Results results;
    private final NoticeStore notices;
    private final SurveyAnswers surveys;
    private final ReadLog readLog;
    private final Warehouse warehouse;
    private final OwnData own;
    private final PersonalData rules;
    private final Clock clock;

    public MyData(Dossiers dossiers, WorkQueues lists, Attachments attachments, Payments payments, Results results, NoticeStore notices,
                  SurveyAnswers surveys, ReadLog readLog, Warehouse warehouse, OwnData own, PersonalData rules, Clock clock) {
        this.dossiers = dossiers;
        this.lists = lists;
        this.attachments = attachments;
        this.payments = payments;
        this.results = results;
        this.notices = notices;
        this.surveys = surveys;
        this.readLog = readLog;
        this.warehouse = warehouse;
        this.own = own;
        this.rules = rules;
        this.clock = clock;
    }

    /** The warehouse owners a signed-in person reaches: their personal ID number's, and their enterprise's (filtered). */
    public static List<String> owners(VerifiedIdentity identity) {
        List<String> out = new ArrayList<>();
        if (identity == null) return out;
        String personal = WarehouseDocument.personal(identity.idNumber());
        if (personal != null) out.add(personal);
        String enterprise = WarehouseDocument.enterprise(identity.enterpriseCode());
        if (enterprise != null) out.add(enterprise);
        return out;
    }

    // ---- the page

    public Overview overview(Actor me, List<String> owners) {
        List<Dossier> mine = mine(me);
        List<Draft> drafts = mine.stream().filter(d -> d.status() == DossierStatus.DRAFT)
                .map(d -> new Draft(d.id(), d.procedureCode(), d.createdAt(), d.updatedAt(),
                        (int) attachments.attachments(d.id()).stream().filter(a -> a.status() != Attachment.Status.CANCELLED).count())).toList();
        List<Kept> kept = warehouseOf(owners, ids(mine)).stream().map(w -> new Kept(w, w.ownerMayDelete())).toList();
        return new Overview(drafts, kept, own.erasures(me.subject(), 50), rules.basis(), rules.maxDossiers(), rules.maxBytes());
    }

    // ---- who looked at my dossiers

    /**
     * The officials' reads of all the owner's dossiers (the newest {@link PersonalData#maxDossiers()}), newest first,
     * {@code size} a page from the cursor {@code after}: merged from each dossier's read log, no second record.
     */
    public ReadsPage reads(Actor me, int size, String after) {
        if (size < 1 || size > rules.maxReadPage()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-page",
                    new Text("Mỗi trang 1–" + rules.maxReadPage() + " dòng.", "1–" + rules.maxReadPage() + " lines a page."));
        }
        Instant upTo;
        int skip;
        if (after == null) {
            upTo = clock.instant().plusSeconds(3600); // anything recorded so far (a clock a little behind the store's included)
            skip = 0;
        } else {
            int tilde = after.indexOf('~');
            try {
                if (after.length() > 60 || tilde < 0) throw new IllegalArgumentException();
                upTo = Instant.parse(after.substring(0, tilde));
                skip = Integer.parseInt(after.substring(tilde + 1));
                if (skip < 0 || skip > 10_000) throw new IllegalArgumentException();
            } catch (DateTimeParseException | IllegalArgumentException bad) {
                throw new DomainException(DomainException.Kind.INVALID, "invalid-cursor", new Text("Con trỏ trang không hợp lệ.", "Invalid page cursor."));
            }
        }
        // each dossier's reads at or before the cursor's moment, in one order: newest first, then by dossier, then as stored
        List<ReadLine> merged = new ArrayList<>();
        for (Dossier d : mine(me)) {
            if (d.status() == DossierStatus.DRAFT) continue; // no official opens a draft
            for (ReadLog.Read r : readLog.readsUpTo(d.id(), upTo, size + skip + 1)) merged.add(new ReadLine(d.id(), d.code(), d.procedureCode(), r));
        }
        merged.sort(Comparator.comparing((ReadLine l) -> l.read().at()).reversed().thenComparing(ReadLine::dossierId));
        // those at the cursor's very moment that the previous pages showed
        int from = 0;
        while (from < merged.size() && from < skip && merged.get(from).read().at().equals(upTo)) from++;
        int to = Math.min(merged.size(), from + size);
        List<ReadLine> page = List.copyOf(merged.subList(from, to));
        String next = null;
        if (to < merged.size() && !page.isEmpty()) {
            Instant last = page.get(page.size() - 1).read().at();
            int same = 0;
            for (int i = 0; i < to; i++) if (merged.get(i).read().at().equals(last)) same++;
            next = last + "~" + same;
        }
        return new ReadsPage(page, next);
    }

    // ---- deletions

    /** What a deletion answers: the kind, the id, the counts erased, when. */
    public record Deleted(String what, String ref, Map<String, Object> erased, Instant at) {}

    /**
     * Deletes the owner's draft {@code id} (never submitted) with its uploads; recorded on the owner's trail. Someone
     * else's dossier is the NOT_FOUND of none; a submitted one is REFUSED {@code my-data-not-a-draft}.
     */
    public Deleted deleteDraft(Actor me, String id) {
        Dossier d = Access.owned(dossiers, me, id);
        if (d.status() != DossierStatus.DRAFT || d.code() != null || d.submittedAt() != null) throw DomainException.of("my-data-not-a-draft", "ref", id);
        Map<String, Object> erased = own.eraseDraft(d);
        Instant at = clock.instant();
        own.recordErasure(new OwnData.Erasure(me.subject(), at, "DRAFT", d.id(), d.procedureCode(), erased));
        return new Deleted("DRAFT", d.id(), erased, at);
    }

    /**
     * Deletes the warehouse document {@code id} the owner added themselves ({@link WarehouseDocument#ownerMayDelete()});
     * a result the Ministry issued or a paper an official digitised stays: REFUSED {@code my-document-kept}. Another
     * owner's document is NOT_FOUND {@code my-document-not-found}, the same as none.
     */
    public Deleted deleteDocument(Actor me, List<String> owners, String id) {
        WarehouseDocument w = warehouseOf(owners, ids(mine(me))).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.of("my-document-not-found", "ref", id));
        if (!w.ownerMayDelete()) throw DomainException.of("my-document-kept", "ref", id);
        warehouse.remove(w.owner(), w.id());
        Instant at = clock.instant();
        Map<String, Object> erased = Map.of("warehouseEntries", 1);
        own.recordErasure(new OwnData.Erasure(me.subject(), at, "WAREHOUSE_DOCUMENT", w.id(), w.name() == null ? w.documentKind() : w.name().vi(), erased));
        return new Deleted("WAREHOUSE_DOCUMENT", w.id(), erased, at);
    }

    // ---- the archive

    /**
     * Builds the archive of everything held about {@code me} and answers a short-lived link to it. Bounded: the newest
     * {@link PersonalData#maxDossiers()} dossiers and {@link PersonalData#maxBytes()} bytes, beyond which it is refused
     * (TOO_LARGE {@code my-data-too-large}), never cut short.
     */
    public Export export(Actor me, List<String> owners) {
        Instant now = clock.instant();
        String name = "du-lieu-cua-toi-" + now.toString().substring(0, 10) + ".zip";
        Counts[] counts = new Counts[1];
        OwnData.Published p;
        try {
            p = own.publish(me.subject(), name, out -> counts[0] = write(me, owners, out), rules.linkMinutes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(p.link(), p.expiresAt(), name, counts[0], rules.basis("access"));
    }

    /** Writes the archive of {@code me} into {@code out} (a zip); answers what it holds. */
    public Counts write(Actor me, List<String> owners, OutputStream out) throws IOException {
        Bounded bounded = new Bounded(out, rules.maxBytes());
        int nDossiers = 0, nFiles = 0, nResults = 0, nPayments = 0, nReceipts = 0, nSurveys = 0, nReads = 0;
        Instant now = clock.instant();
        List<Dossier> mine = mine(me);
        try (ZipOutputStream zip = new ZipOutputStream(bounded, StandardCharsets.UTF_8)) {
            Set<String> names = new HashSet<>();
            for (Dossier d : mine) {
                nDossiers++;
                String dir = "ho-so/" + folder(d, names) + "/";
                List<Attachment> files = attachments.attachments(d.id());
                List<IssuedResult> issued = results.ofDossier(d.id());
                List<Payment> paid = payments.ofDossier(d.id());
                List<ReadLog.Read> reads = d.status() == DossierStatus.DRAFT ? List.of() : allReads(d.id());
                nReads += reads.size();
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("dossier", plain(d));
                doc.put("history", dossiers.history(d.id()).stream().map(AuditEvent::publicPart).map(MyData::plain).toList());
                doc.put("files", files.stream().map(MyData::plain).toList());
                doc.put("results", issued.stream().map(MyData::plain).toList());
                doc.put("payments", paid.stream().map(MyData::plain).toList());
                doc.put("whoLooked", reads.stream().map(MyData::readView).toList());
                var answer = surveys.find(d.id());
                if (answer.isPresent()) {
                    nSurveys++;
                    doc.put("survey", plain(answer.get()));
                }
                entry(zip, dir + "ho-so.json", Json.write(doc).getBytes(StandardCharsets.UTF_8));
                int n = 0;
                for (Attachment a : files) {
                    if (a.status() != Attachment.Status.ACCEPTED || (a.origin() != Attachment.Origin.UPLOADED && a.origin() != Attachment.Origin.DIGITISED)) continue;
                    zip.putNextEntry(new ZipEntry(dir + "tep/" + (++n) + "-" + safe(a.componentCode()) + "-" + Attachment.cleanFileName(a.fileName())));
                    try (InputStream in = own.upload(a)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                    nFiles++;
                }
                for (IssuedResult r : issued) {
                    entry(zip, dir + "ket-qua/" + safe(r.number()) + ".pdf", results.file(r.id()));
                    nResults++;
                }
                for (Payment p : paid) {
                    nPayments++;
                    if (p.receiptId() == null) continue;
                    var receipt = results.find(p.receiptId());
                    if (receipt.isEmpty()) continue; // credited, its receipt still being issued
                    entry(zip, dir + "bien-lai/" + safe(receipt.get().number()) + ".pdf", results.file(receipt.get().id()));
                    nReceipts++;
                }
            }
            List<NoticeStore.InboxMessage> messages = notices.inbox(me.subject(), 1000);
            entry(zip, "thong-bao.json", Json.write(messages.stream().map(MyData::plain).toList()).getBytes(StandardCharsets.UTF_8));
            List<WarehouseDocument> kept = warehouseOf(owners, ids(mine));
            entry(zip, "kho-du-lieu.json", Json.write(kept.stream().map(w -> {
                Map<String, Object> m = plain(w);
                m.put("deletableByOwner", w.ownerMayDelete());
                m.put("state", w.state(now.atZone(vn.gov.bvhttdl.dvc.domain.ArchiveRecord.ZONE).toLocalDate()));
                return m;
            }).toList()).getBytes(StandardCharsets.UTF_8));
            List<OwnData.Erasure> deleted = own.erasures(me.subject(), 1000);
            entry(zip, "da-xoa.json", Json.write(deleted.stream().map(MyData::plain).toList()).getBytes(StandardCharsets.UTF_8));
            Counts counts = new Counts(nDossiers, nFiles, nResults, nPayments, nReceipts, messages.size(), nSurveys, kept.size(), nReads);
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("generatedAt", now.toString());
            about.put("counts", plain(counts));
            about.put("bound", Map.of("newestDossiers", rules.maxDossiers(), "maxBytes", rules.maxBytes()));
            about.put("basis", rules.basis("access").stream().map(MyData::plain).toList());
            entry(zip, "doc-truoc.json", Json.write(about).getBytes(StandardCharsets.UTF_8));
            entry(zip, "README.txt", readme(now, counts).getBytes(StandardCharsets.UTF_8));
            return counts;
        }
    }

    private String readme(Instant now, Counts c) {
        return "Dữ liệu của tôi — Cổng dịch vụ công Bộ Văn hóa, Thể thao và Du lịch / My data — the Ministry's public-service portal\r\n"
                + "Tạo lúc / made at: " + now + "\r\n\r\n"
                + "ho-so/<mã hồ sơ>/ho-so.json: hồ sơ, biểu mẫu, trạng thái, lịch sử xử lý, tệp, kết quả, thanh toán, khảo sát, cán bộ đã xem\r\n"
                + "  / each dossier: form, status, facts, history, files, results, payments, survey, the officials who looked at it\r\n"
                + "ho-so/<mã hồ sơ>/tep/: tệp bạn đã nộp / the files you uploaded (" + c.files() + ")\r\n"
                + "ho-so/<mã hồ sơ>/ket-qua/: kết quả đã ký số / signed results (" + c.results() + ")\r\n"
                + "ho-so/<mã hồ sơ>/bien-lai/: biên lai điện tử / e-receipts (" + c.receipts() + ")\r\n"
                + "thong-bao.json: thông báo đã gửi bạn / the notices sent to you (" + c.messages() + ")\r\n"
                + "kho-du-lieu.json: kho dữ liệu điện tử của bạn / your data warehouse (" + c.warehouse() + ")\r\n"
                + "da-xoa.json: những gì bạn đã xóa / what you deleted\r\n"
                + "Giới hạn / bound: " + rules.maxDossiers() + " hồ sơ mới nhất / newest dossiers.\r\n"
                + "Căn cứ / basis: " + rules.basis("access").stream().map(Citation::toString).reduce((a, b) -> a + "; " + b).orElse("") + "\r\n";
    }

    // ---- helpers

    private List<Dossier> mine(Actor me) {
        return lists.byOwner(me.subject(), rules.maxDossiers()).stream().filter(d -> d.ownerId().equals(me.subject())).toList();
    }

    private static Set<String> ids(List<Dossier> mine) {
        Set<String> out = new HashSet<>();
        for (Dossier d : mine) out.add(d.id());
        return out;
    }

    /** The person's own warehouse, and of an enterprise's only the entries that came from this person's dossiers. */
    private List<WarehouseDocument> warehouseOf(List<String> owners, Set<String> myDossiers) {
        List<WarehouseDocument> out = new ArrayList<>();
        for (String owner : owners) {
            boolean personal = owner.startsWith(vn.gov.bvhttdl.dvc.domain.Facts.IdType.PERSONAL_ID.name() + ":");
            for (WarehouseDocument w : warehouse.of(owner)) {
                if (personal || (w.sourceDossierId() != null && myDossiers.contains(w.sourceDossierId()))) out.add(w);
            }
        }
        return out;
    }

    private List<ReadLog.Read> allReads(String dossierId) {
        List<ReadLog.Read> out = new ArrayList<>();
        String after = null;
        do {
            ReadLog.Page p = readLog.reads(dossierId, 50, after);
            out.addAll(p.reads());
            after = p.next();
        } while (after != null && out.size() < 10_000);
        return out;
    }

    /** A read as its owner sees it: not the official's account id. */
    private static Map<String, Object> readView(ReadLog.Read r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("officialName", r.officialName());
        m.put("agency", r.agency());
        m.put("unit", r.unit());
        m.put("post", r.post());
        m.put("action", r.action());
        m.put("detail", r.detail());
        return m;
    }

    private static String folder(Dossier d, Set<String> used) {
        String base = safe(d.code() != null ? d.code() : "nhap-" + d.id());
        String name = base;
        for (int i = 2; !used.add(name); i++) name = base + "-" + i;
        return name;
    }

    private static String safe(String s) {
        if (s == null || s.isBlank()) return "_";
        String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return t.length() > 80 ? t.substring(0, 80) : t;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A record as plain maps, lists and strings for {@link Json#write}: components by name, times and enums as text. */
    static Map<String, Object> plain(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var c : r.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), value(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        return m;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) return v;
        if (v instanceof Record r) return plain(r);
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, x) -> m.put(String.valueOf(k), value(x)));
            return m;
        }
        if (v instanceof java.util.Collection<?> list) return list.stream().map(MyData::value).toList();
        if (v instanceof byte[]) return null;
        return v.toString(); // instants, dates, enums
    }

    /** Counts what goes out and stops the archive past its bound. */
    private static final class Bounded extends FilterOutputStream {
        private final long max;
        private long written;

        Bounded(OutputStream out, long max) {
            super(out);
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            out.write(b, off, len);
        }

        private void check(int n) {
            written += n;
            if (written > max) throw DomainException.of("my-data-too-large", "limit", (max / (1024 * 1024)) + " MiB");
        }
    }
}

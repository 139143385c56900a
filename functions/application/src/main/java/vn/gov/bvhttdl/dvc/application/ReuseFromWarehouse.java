package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.ProblemTexts;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Search;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reuse-first intake (Decree 45/2020 as amended; issue #25): the checklist offers, per component, the owner's valid
 * documents of their data warehouse that the rules say satisfy it ({@link WarehouseMatching}); choosing one attaches it
 * by reference — no upload, accepted at once (its file was judged when it entered the warehouse), its provenance
 * naming the warehouse, the document and its owner. Validity is checked again when the dossier is submitted and when it
 * is received (revoked, replaced or expired: a problem naming the document), and an official asking in a supplement
 * for what the warehouse already holds valid is warned.
 *
 * <p>The owner is the dossier's applicant as the national portal knows them ({@link WarehouseDocument#ownerOf}): a
 * document of another owner is the same NOT_FOUND as none.
 */
public final class ReuseFromWarehouse {
    /** One document offered for a component: {@code national} when it comes from the national portal's document list. */
    public record Choice(String id, boolean national, WarehouseDocument.Kind kind, Text name, String resultCode,
                         String numberAndSymbol, LocalDate issuedOn, LocalDate validUntil, String issuer) {
        static Choice of(WarehouseDocument d) {
            return new Choice(d.id(), false, d.kind(), d.name(), d.resultCode(), d.numberAndSymbol(), d.issuedOn(),
                    d.validUntil(), d.issuer());
        }
    }

    /** The documents offered for one component still to be filled. */
    public record Offer(String componentCode, List<Choice> choices) {}

    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Rules rules;
    private final Warehouse warehouse;
    private final WarehouseMatching matching;
    private final Clock clock;
    private final DocumentList national;

    public ReuseFromWarehouse(Dossiers dossiers, Attachments attachments, Rules rules, Warehouse warehouse,
                              WarehouseMatching matching, Clock clock) {
        this(dossiers, attachments, rules, warehouse, matching, clock, DocumentList.NONE);
    }

    /**
     * @param national the person's document list on the national portal (issue #25 item 2): its results are offered
     *                 beside this system's, with ids {@link #NATIONAL} + the portal's result code; {@link DocumentList#NONE}: none
     */
    public ReuseFromWarehouse(Dossiers dossiers, Attachments attachments, Rules rules, Warehouse warehouse,
                              WarehouseMatching matching, Clock clock, DocumentList national) {
        this.national = national == null ? DocumentList.NONE : national;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.rules = rules;
        this.warehouse = warehouse;
        this.matching = matching == null ? WarehouseMatching.NONE : matching;
        this.clock = clock;
    }

    /** The prefix of an offered national result's id: {@code national:<MaKetQua>}. */
    public static final String NATIONAL = "national:";

    /** The warehouse of the dossier's applicant; null when the applicant has no identifier yet. */
    public static String owner(Dossier d) {
        return WarehouseDocument.ownerOf(d.ownerIdentifier());
    }

    private LocalDate today() {
        return clock.instant().atZone(rules.calendar().zone()).toLocalDate();
    }

    // ---- the offers of the checklist

    /**
     * Per component with nothing accepted or on its way yet, the owner's documents usable today that match it, newest
     * first; components with nothing to offer are left out.
     */
    public List<Offer> offers(Dossier d, Procedure p, List<Attachment> files) {
        String owner = owner(d);
        if (owner == null || p == null) return List.of();
        Instant now = clock.instant();
        LocalDate today = today();
        List<WarehouseDocument> usable = warehouse.of(owner).stream().filter(x -> x.usable(today)).toList();
        List<Procedure.Component> open = p.components().stream().filter(c -> files.stream().noneMatch(a -> c.code().equals(a.componentCode())
                && !a.expired(now) && (a.status() == Attachment.Status.ACCEPTED || a.status() == Attachment.Status.PENDING))).toList();
        // the national list is asked only when a component still open can take something from a warehouse
        List<NationalResult> fromPortal = open.stream().anyMatch(c -> !matching.documentKindsFor(p.code(), c.code()).isEmpty())
                ? nationalResults(d, p.code()) : List.of();
        if (usable.isEmpty() && fromPortal.isEmpty()) return List.of();
        List<Offer> out = new ArrayList<>();
        for (Procedure.Component c : open) {
            List<Choice> choices = new ArrayList<>(usable.stream().filter(x -> matching.matches(p.code(), c.code(), x)).map(Choice::of).toList());
            java.util.Set<String> kinds = matching.documentKindsFor(p.code(), c.code());
            fromPortal.stream().filter(x -> x.kind() != null && kinds.contains(x.kind())).map(NationalResult::choice).forEach(choices::add);
            if (!choices.isEmpty()) out.add(new Offer(c.code(), choices));
        }
        return out;
    }

    /** A result of the national list with the document kind its name gives (rules/warehouse.json's kinds' names; null: none). */
    record NationalResult(DocumentList.Result result, String kind) {
        Choice choice() {
            return new Choice(NATIONAL + result.code(), true, WarehouseDocument.Kind.RESULT, new Text(result.name(), result.name()),
                    result.code(), result.numberAndSymbol(), null, null, result.issuer());
        }
    }

    /**
     * The applicant's results on the national portal, each with its kind: the list carries no kind of ours, so a result
     * is of the kind whose Vietnamese name (rules/warehouse.json {@code documentKinds}) is its name, case and
     * diacritics ignored [assumed: the national result-type codes, when read, are the better key]. Only a person's
     * list is read (the call is by personal identification number); the portal's failures are no results.
     */
    private List<NationalResult> nationalResults(Dossier d, String procedureCode) {
        Facts.OwnerId id = d.ownerIdentifier();
        if (national == DocumentList.NONE || id == null || id.type() != Facts.IdType.PERSONAL_ID || id.value() == null) return List.of();
        List<DocumentList.Result> found;
        try {
            found = national.find(id.value(), procedureCode);
        } catch (RuntimeException portalFailure) {
            return List.of();
        }
        if (found == null || found.isEmpty()) return List.of();
        vn.gov.bvhttdl.dvc.domain.WarehouseRules rules = vn.gov.bvhttdl.dvc.domain.WarehouseRules.standard();
        List<NationalResult> out = new ArrayList<>();
        for (DocumentList.Result r : found) {
            if (r == null || r.code() == null || r.name() == null) continue;
            String name = Search.fold(r.name());
            String kind = rules.kinds().stream().filter(k -> rules.name(k).map(t -> Search.fold(t.vi()).equals(name)).orElse(false))
                    .findFirst().orElse(null);
            out.add(new NationalResult(r, kind));
        }
        return out;
    }

    // ---- the move

    /**
     * The dossier's owner attaches document {@code documentId} of their warehouse to component {@code componentCode}
     * while the dossier is editable: by reference, ACCEPTED at once.
     *
     * @throws DomainException NOT_FOUND for someone else's dossier or a document not in the applicant's warehouse;
     *                         REFUSED {@code not-editable}; INVALID for an unknown component, a document that does not
     *                         satisfy it or one no longer valid
     */
    public Attachment attach(Actor actor, String dossierId, String componentCode, String documentId) {
        Dossier d = Access.owned(dossiers, actor, dossierId);
        Access.requireEditable(d, new Text("Chỉ bổ sung giấy tờ khi hồ sơ đang soạn hoặc đang chờ bổ sung.",
                "Documents can be added only to a draft or a dossier awaiting a supplement."));
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> new DomainException(
                DomainException.Kind.INVALID, "unknown-procedure", new Text("Không có thủ tục mã \"" + Limits.clip(d.procedureCode()) + "\".",
                "No procedure with code \"" + Limits.clip(d.procedureCode()) + "\".")));
        Procedure.Component c = p.components().stream().filter(x -> x.code().equals(componentCode)).findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "unknown-component", new Text(
                        "Thủ tục không có thành phần hồ sơ \"" + Limits.clip(componentCode) + "\".",
                        "The procedure has no component \"" + Limits.clip(componentCode) + "\".").at("component")));
        if (documentId != null && documentId.startsWith(NATIONAL)) return attachNational(actor, d, p, c, documentId.substring(NATIONAL.length()));
        String owner = owner(d);
        WarehouseDocument doc = (owner == null || documentId == null || documentId.isBlank() || documentId.length() > 100
                ? Optional.<WarehouseDocument>empty() : warehouse.find(owner, documentId))
                .orElseThrow(() -> DomainException.of("warehouse-document-not-found", "ref", documentId));
        if (!doc.usable(today())) throw unusable(List.of(doc));
        if (!matching.matches(p.code(), c.code(), doc)) {
            throw new DomainException(DomainException.Kind.INVALID, "warehouse-document-not-matching",
                    fill("warehouse-document-not-matching", doc, "component", c.name()).at("component." + c.code()));
        }
        Instant now = clock.instant();
        if (attachments.attachments(d.id()).stream().filter(x -> x.status() != Attachment.Status.CANCELLED && !x.expired(now)).count() >= AttachFile.MAX_FILES) {
            throw new DomainException(DomainException.Kind.INVALID, "too-many-files", new Text("Hồ sơ đã có " + AttachFile.MAX_FILES + " tệp, không thể thêm.",
                    "The dossier already has " + AttachFile.MAX_FILES + " files.").at("component." + c.code()));
        }
        Attachment filled = new Attachment(d.id(), "dossiers/" + d.id() + "/" + c.code() + "/" + UUID.randomUUID(), c.code(),
                fileName(doc), "application/pdf", 0, Attachment.Status.ACCEPTED, null, null, doc.sha256(), null, now, now, null,
                Attachment.Provenance.warehouse(false, doc.id(), doc.owner(), doc.resultCode(), now));
        attachments.recordFromWarehouse(filled, actor);
        return filled;
    }

    /**
     * A result of the applicant's national document list attached by reference: read again from the portal (an id
     * not on the list now — or the portal not answering — is NOT_FOUND), ACCEPTED at once, origin
     * {@link Attachment.Origin#WAREHOUSE} (the national portal's DuocLayTuKhoDMQG), the portal's result code as its
     * reference; nothing is uploaded: the file stays on the national portal.
     */
    private Attachment attachNational(Actor actor, Dossier d, Procedure p, Procedure.Component c, String code) {
        NationalResult found = code.isBlank() || code.length() > 100 ? null : nationalResults(d, p.code()).stream()
                .filter(x -> x.result().code().equals(code)).findFirst().orElse(null);
        if (found == null) throw DomainException.of("warehouse-document-not-found", "ref", NATIONAL + code);
        if (found.kind() == null || !matching.documentKindsFor(p.code(), c.code()).contains(found.kind())) {
            throw new DomainException(DomainException.Kind.INVALID, "warehouse-document-not-matching", new Text(
                    "Giấy tờ \"" + clip(found.result().name()) + "\" không dùng được cho thành phần \"" + clip(c.name().vi()) + "\".",
                    "The document \"" + clip(found.result().name()) + "\" cannot be used for component \"" + clip(c.name().en()) + "\".")
                    .at("component." + c.code()));
        }
        Instant now = clock.instant();
        if (attachments.attachments(d.id()).stream().filter(x -> x.status() != Attachment.Status.CANCELLED && !x.expired(now)).count() >= AttachFile.MAX_FILES) {
            throw new DomainException(DomainException.Kind.INVALID, "too-many-files", new Text("Hồ sơ đã có " + AttachFile.MAX_FILES + " tệp, không thể thêm.",
                    "The dossier already has " + AttachFile.MAX_FILES + " files.").at("component." + c.code()));
        }
        DocumentList.Result r = found.result();
        String n = Attachment.cleanFileName(r.name() + (r.numberAndSymbol() == null ? "" : " " + r.numberAndSymbol().replace('/', '-')) + " " + r.code());
        Attachment filled = new Attachment(d.id(), "dossiers/" + d.id() + "/" + c.code() + "/" + UUID.randomUUID(), c.code(),
                n.length() > 110 ? n.substring(0, 110) : n, "application/pdf", 0, Attachment.Status.ACCEPTED, null, null, null, null, now, now, null,
                Attachment.Provenance.warehouse(true, r.code(), owner(d), r.code(), now));
        attachments.recordFromWarehouse(filled, actor);
        return filled;
    }

    /** The name the file is shown under: the document's name and number (a result's PDF, a digitised scan's PDF). */
    static String fileName(WarehouseDocument doc) {
        String n = doc.name().vi() + (doc.numberAndSymbol() == null ? "" : " " + doc.numberAndSymbol().replace('/', '-'))
                + (doc.resultCode() == null ? "" : " " + doc.resultCode());
        String clean = Attachment.cleanFileName(n);
        return clean.length() > 110 ? clean.substring(0, 110) : clean;
    }

    // ---- checked again: at submission and at reception

    /**
     * What can no longer be used among the files taken from this system's warehouse: each document revoked, replaced,
     * expired, gone, or no longer the applicant's (the applicant's identifier changed since), named. Empty: all fine.
     */
    public List<Text> problems(Dossier d, List<Attachment> files) {
        LocalDate today = today();
        String owner = owner(d);
        List<Text> out = new ArrayList<>();
        for (Attachment a : files) {
            if (a.status() != Attachment.Status.ACCEPTED || a.origin() != Attachment.Origin.REUSED || !a.fromWarehouse()) continue;
            Attachment.Provenance from = a.provenance();
            Optional<WarehouseDocument> doc = owner == null || !owner.equals(from.owner()) ? Optional.empty()
                    : warehouse.find(owner, from.reference());
            if (doc.isEmpty()) {
                ProblemTexts.Entry e = ProblemTexts.standard().entry("warehouse-document-unusable");
                out.add(new Text(put(e.vi(), a.fileName(), null, null), put(e.en(), a.fileName(), null, null)).at("component." + a.componentCode()));
            } else if (!doc.get().usable(today)) {
                out.add(text(doc.get(), today).at("component." + a.componentCode()));
            }
        }
        return out;
    }

    /** INVALID {@code warehouse-document-unusable} naming the first document, every one in the errors. */
    DomainException unusable(List<WarehouseDocument> docs) {
        LocalDate today = today();
        List<Text> all = docs.stream().map(x -> text(x, today)).toList();
        return new DomainException(DomainException.Kind.INVALID, "warehouse-document-unusable", all.getFirst(), all);
    }

    /** INVALID {@code warehouse-document-unusable} with the problems of {@link #problems}, unless there are none. */
    public void requireUsable(Dossier d, List<Attachment> files) {
        List<Text> found = problems(d, files);
        if (!found.isEmpty()) throw new DomainException(DomainException.Kind.INVALID, "warehouse-document-unusable", found.getFirst(), found);
    }

    /** The problem's text for {@code doc} in its state on {@code day} (revoked, replaced, expired). */
    static Text text(WarehouseDocument doc, LocalDate day) {
        String state = doc.state(day);
        String key = "warehouse-document-unusable." + state;
        if (!ProblemTexts.standard().entries().containsKey(key)) key = "warehouse-document-unusable";
        return fill(key, doc, null, null);
    }

    /**
     * A problem's texts with the document's name (and a component's) in each language, in full (the problems' own
     * filling clips a value to a few dozen characters: a document's name and number must be read whole).
     */
    private static Text fill(String key, WarehouseDocument doc, String name2, Text value2) {
        ProblemTexts.Entry e = ProblemTexts.standard().entry(key);
        return new Text(put(e.vi(), label(doc, true), name2, value2 == null ? null : value2.vi()),
                put(e.en(), label(doc, false), name2, value2 == null ? null : value2.en()));
    }

    private static String put(String template, String name, String name2, String value2) {
        String s = template.replace("{name}", clip(name));
        return name2 == null ? s : s.replace("{" + name2 + "}", clip(value2));
    }

    private static String clip(String s) {
        if (s == null) return "";
        String clean = s.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 200 ? clean.substring(0, 199) + "…" : clean;
    }

    private static String label(WarehouseDocument doc, boolean vi) {
        String n = vi ? doc.name().vi() : doc.name().en();
        if (doc.numberAndSymbol() != null) n += (vi ? " số " : " no. ") + doc.numberAndSymbol();
        else if (doc.resultCode() != null) n += " (" + doc.resultCode() + ")";
        return n;
    }

    // ---- the official's supplement request

    /**
     * The warnings for a supplement request listing {@code items}: each component an item names (by its name or code,
     * case and diacritics ignored) for which the applicant's warehouse holds a valid matching document. The official
     * may still go on.
     */
    public List<Text> heldAlready(Dossier d, List<String> items) {
        String owner = owner(d);
        Optional<Procedure> p = rules.catalogue().version(d.procedureCode(), d.procedureVersion());
        if (owner == null || p.isEmpty() || items == null || items.isEmpty()) return List.of();
        List<String> asked = items.stream().filter(x -> x != null).map(Search::fold).toList();
        LocalDate today = today();
        List<WarehouseDocument> usable = warehouse.of(owner).stream().filter(x -> x.usable(today)).toList();
        List<Text> out = new ArrayList<>();
        for (Procedure.Component c : p.get().components()) {
            String code = Search.fold(c.code()), vi = Search.fold(c.name().vi()), en = Search.fold(c.name().en());
            boolean named = asked.stream().anyMatch(x -> x.contains(code) || !vi.isBlank() && x.contains(vi) || !en.isBlank() && x.contains(en));
            if (!named) continue;
            usable.stream().filter(x -> matching.matches(p.get().code(), c.code(), x)).findFirst().ifPresent(doc -> out.add(new Text(
                    "Kho dữ liệu của người nộp đã có giấy tờ còn hiệu lực cho thành phần \"" + c.name().vi() + "\": "
                            + label(doc, true) + ". Người nộp có thể dùng lại giấy tờ này thay vì nộp lại.",
                    "The applicant's data warehouse already holds a valid document for component \"" + c.name().en() + "\": "
                            + label(doc, false) + ". The applicant can reuse it instead of submitting it again.")));
        }
        return out;
    }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Retention;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;
import vn.gov.bvhttdl.dvc.domain.WarehouseRules;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The signed-in person's electronic data warehouse (issue #25): the page (one read model: every entry of every
 * warehouse they own, with its state today), keeping an accepted document of one of their finished dossiers, and
 * downloading an entry's file.
 *
 * <p>Whose warehouses a person sees: their own (their verified personal ID number), the enterprise they sign in for
 * (an organisation's account), and the enterprises they applied for in dossiers the one-stop desk received (the
 * desk checked the applicant's papers then; an enterprise code typed into a draft opens nothing).
 */
public final class CitizenWarehouse {
    private final Dossiers dossiers;
    private final Attachments attachments;
    private final WorkQueues lists;
    private final Warehouse warehouse;
    private final Results results;
    private final FileLinks links;
    private final Rules rules;
    private final Clock clock;
    private final WarehouseRules kinds = WarehouseRules.standard();

    public CitizenWarehouse(Dossiers dossiers, Attachments attachments, WorkQueues lists, Warehouse warehouse, Results results,
                            FileLinks links, Rules rules, Clock clock) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.lists = lists;
        this.warehouse = warehouse;
        this.results = results;
        this.links = links;
        this.rules = rules;
        this.clock = clock;
    }

    /** One warehouse the person sees: its owner key, whether it is theirs or an enterprise's, and the code. */
    public record Owner(String key, boolean enterprise, String code) {}

    /**
     * One line of the page.
     *
     * @param state       VALID, REPLACED, REVOKED or EXPIRED today
     * @param kindName    the name of the document kind, null when the rules name none
     * @param dossierCode the code of the dossier it came from, when known
     * @param verifiable  whether it has a public verification page ({@code /verify/<verificationId>})
     */
    public record Line(WarehouseDocument document, String state, Text kindName, String dossierCode, boolean verifiable) {}

    /**
     * A document the person may keep: an accepted file of one of their finished dossiers, not kept yet.
     *
     * @param component the component's name in the procedure version the dossier follows
     */
    public record Keepable(String dossierId, String dossierCode, Text procedure, String uploadId, String fileName, Text component) {}

    /** The page: the owners, every entry of theirs newest first, what may still be kept, the day the states are read on. */
    public record Page(List<Owner> owners, List<Line> lines, List<Keepable> keepable, LocalDate today) {}

    /** How many of the person's finished dossiers the page looks into for documents to keep (the newest). */
    static final int KEEPABLE_DOSSIERS = 20;

    /** The owner keys of the warehouses {@code applicant} (signed in as {@code identity}) sees. */
    public List<Owner> owners(Actor applicant, VerifiedIdentity identity) {
        return owners(identity, lists.byOwner(applicant.subject(), 100));
    }

    private static List<Owner> owners(VerifiedIdentity identity, List<Dossier> mine) {
        Set<Owner> out = new LinkedHashSet<>();
        if (identity != null) {
            String personal = WarehouseDocument.personal(identity.idNumber());
            if (personal != null) out.add(new Owner(personal, false, identity.idNumber()));
            if (identity.accountType() == VerifiedIdentity.AccountType.ORGANISATION && identity.enterpriseCode() != null) {
                out.add(new Owner(WarehouseDocument.enterprise(identity.enterpriseCode()), true, identity.enterpriseCode()));
            }
        }
        for (Dossier d : mine) {
            if (d.code() == null || d.applicant() == null) continue; // never received: nothing the desk checked
            String code = d.applicant().enterpriseCode();
            String key = WarehouseDocument.enterprise(code == null ? null : code.replace(" ", ""));
            if (key != null) out.add(new Owner(key, true, code.replace(" ", "")));
        }
        return List.copyOf(out);
    }

    /** The warehouse page: one request, every entry of every warehouse the person sees, and what they may still keep. */
    public Page page(Actor applicant, VerifiedIdentity identity) {
        LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        List<Dossier> mine = lists.byOwner(applicant.subject(), 100);
        List<Owner> owners = owners(identity, mine);
        List<WarehouseDocument> all = new ArrayList<>();
        for (Owner o : owners) all.addAll(warehouse.of(o.key()));
        all.sort(Comparator.comparing(WarehouseDocument::addedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        List<Line> lines = all.stream().map(d -> new Line(d, d.state(today), kinds.name(d.documentKind()).orElse(null), dossierCode(d),
                d.verificationId() != null)).toList();
        Set<String> kept = new java.util.HashSet<>();
        for (WarehouseDocument d : all) if (d.kind() == WarehouseDocument.Kind.KEPT) kept.add(d.fileKey() + "#" + d.versionId());
        List<Keepable> keepable = new ArrayList<>();
        mine.stream().filter(d -> Retention.FINISHED.contains(d.status()) && ResultsInWarehouse.owner(d) != null)
                .sorted(Comparator.comparing(Dossier::createdAt).reversed()).limit(KEEPABLE_DOSSIERS).forEach(d -> {
                    Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
                    for (Attachment a : attachments.attachments(d.id())) {
                        if (!keepable(a) || kept.contains(a.key() + "#" + a.versionId())) continue;
                        keepable.add(new Keepable(d.id(), d.code(), p == null ? null : p.name(), a.uploadId(), a.fileName(), componentName(p, a)));
                    }
                });
        return new Page(owners, lines, keepable, today);
    }

    private static boolean keepable(Attachment a) {
        return a.status() == Attachment.Status.ACCEPTED && !a.fromNationalDatabase() && a.versionId() != null;
    }

    private static Text componentName(Procedure p, Attachment a) {
        return p == null ? null : p.components().stream().filter(c -> c.code().equals(a.componentCode())).map(Procedure.Component::name)
                .findFirst().orElse(null);
    }

    private String dossierCode(WarehouseDocument d) {
        if (d.resultCode() != null && d.resultCode().contains("-KQ")) return d.resultCode().substring(0, d.resultCode().lastIndexOf("-KQ"));
        return null; // a kept document names its dossier by id only; the page does not read every dossier for its code
    }

    /**
     * Keeps the accepted file {@code uploadId} of the applicant's finished dossier {@code dossierId} in the warehouse of
     * the dossier's applicant (kind KEPT): the file stays where it is, the entry names its key and the version the scan
     * judged. Keeping the same file again answers the entry kept before. Someone else's dossier is NOT_FOUND (as no
     * dossier at all); an unfinished one, or a file that is not accepted, is REFUSED.
     */
    public WarehouseDocument keep(Actor applicant, String dossierId, String uploadId) {
        if (dossierId == null || dossierId.isBlank() || dossierId.length() > 100) throw Access.dossier(String.valueOf(dossierId));
        Dossier d = Access.owned(dossiers, applicant, dossierId);
        if (!Retention.FINISHED.contains(d.status())) throw DomainException.of("warehouse-not-finished", "ref", d.code() == null ? d.id() : d.code());
        Attachment a = attachments.attachments(d.id()).stream().filter(x -> uploadId != null && x.uploadId().equals(uploadId)
                        && x.status() != Attachment.Status.CANCELLED).findFirst()
                .orElseThrow(() -> DomainException.of("attachment-not-found", "ref", String.valueOf(uploadId)));
        if (!keepable(a)) {
            throw DomainException.of("warehouse-not-accepted", "ref", a.fileName() == null ? uploadId : a.fileName());
        }
        String owner = ResultsInWarehouse.owner(d);
        if (owner == null) throw DomainException.of("warehouse-no-owner");
        for (WarehouseDocument e : warehouse.of(owner)) {
            if (e.kind() == WarehouseDocument.Kind.KEPT && a.key().equals(e.fileKey()) && a.versionId().equals(e.versionId())) return e;
        }
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        Text name = componentName(p, a);
        if (name == null) name = new Text("Giấy tờ của hồ sơ " + (d.code() == null ? d.id() : d.code()), "A document of dossier " + (d.code() == null ? d.id() : d.code()));
        WarehouseDocument kept = new WarehouseDocument(owner, IssueResult.newId(), WarehouseDocument.Kind.KEPT,
                kinds.of(d.procedureCode(), a.componentCode()), name, null, null, null, a.fileName(), null, null, null, null,
                a.key(), a.versionId(), a.sha256(), null, WarehouseDocument.Status.VALID, null, null, d.id(), a.componentCode(),
                clock.instant(), applicant.subject());
        warehouse.add(kept);
        return kept;
    }

    /**
     * A short-lived link to the file of entry {@code id} of a warehouse the person sees: a result's signed file, or the
     * kept version of a dossier's file. NOT_FOUND for an entry of anyone else's.
     */
    public URI file(Actor applicant, VerifiedIdentity identity, String id) {
        WarehouseDocument d = owners(applicant, identity).stream().map(o -> warehouse.find(o.key(), id)).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow(() -> DomainException.of("warehouse-document-not-found", "ref", String.valueOf(id)));
        if (d.kind() != WarehouseDocument.Kind.KEPT) {
            // a result's file is in the results store under the result's id (a digitised paper signed there too, when so stored)
            var r = results.find(d.fileKey());
            if (r.isPresent()) return links.result(r.get(), (d.kind() == WarehouseDocument.Kind.RESULT ? "ket-qua-" : "so-hoa-") + r.get().number() + ".pdf");
            if (d.kind() == WarehouseDocument.Kind.RESULT) throw DomainException.of("warehouse-document-not-found", "ref", id);
        }
        if (d.sourceDossierId() != null) {
            var a = attachments.attachment(d.sourceDossierId(), d.fileKey());
            if (a.isPresent() && d.versionId() != null && d.versionId().equals(a.get().versionId())) return links.open(a.get());
        }
        // a digitised paper kept elsewhere (issue #25 part 3) is opened where it is stored; not here
        throw DomainException.of("warehouse-document-not-found", "ref", id);
    }
}

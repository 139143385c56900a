package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;
import vn.gov.bvhttdl.dvc.domain.WarehouseRules;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The results in their owners' warehouses (issue #25): each result is pushed when it is issued (the entry's id is
 * the result's, so pushing it twice adds it once), and its entry follows the result when it is replaced by a
 * correction or revoked. Called by the use cases that issue, correct and revoke ({@link IssueResult},
 * {@link OfficialMoves}); an applicant without an identifier (no personal ID number, no enterprise code) has no
 * warehouse, and nothing is pushed.
 */
public final class ResultsInWarehouse {
    /** Who adds an issued result. */
    public static final String SYSTEM = "system";

    private final Warehouse warehouse;
    private final Rules rules;
    private final WarehouseRules kinds;

    public ResultsInWarehouse(Warehouse warehouse, Rules rules) {
        this.warehouse = warehouse;
        this.rules = rules;
        this.kinds = WarehouseRules.standard();
    }

    /** The owner key of {@code d}'s applicant, null when they have none. */
    static String owner(Dossier d) { return WarehouseDocument.ownerOf(d.ownerIdentifier()); }

    /** The entry of result {@code r} of dossier {@code d} (a procedure version {@code p}). */
    public WarehouseDocument entry(IssuedResult r, Dossier d, Procedure p) {
        ZoneId zone = rules.calendar().zone();
        Text name = p == null || p.resultType() == null ? r.type() : p.resultType();
        if (name == null) name = new Text("Kết quả giải quyết thủ tục hành chính", "Result of an administrative procedure");
        String scope = r.face().stream().filter(l -> l.label() != null && l.label().startsWith("Phạm vi")).map(IssuedResult.Line::value)
                .findFirst().orElse(null);
        String summary = p == null ? null : "Kết quả giải quyết thủ tục “" + p.name().vi() + "”, hồ sơ " + r.dossierCode();
        String issuer = p != null && p.agencyName() != null ? p.agencyName().vi() : r.agencyCode();
        WarehouseDocument.Status status = switch (r.status()) {
            case VALID -> WarehouseDocument.Status.VALID;
            case REPLACED -> WarehouseDocument.Status.REPLACED;
            case REVOKED -> WarehouseDocument.Status.REVOKED;
        };
        return new WarehouseDocument(owner(d), r.id(), WarehouseDocument.Kind.RESULT, kinds.documentKindOf(r.procedureCode()), name,
                r.number(), kinds.nationalTypeCode(r.procedureCode()), r.number(), summary, r.issuedAt().atZone(zone).toLocalDate(),
                r.validUntil(), scope, issuer, r.id(), null, r.sha256(), r.id(), status, null,
                r.status() == IssuedResult.Status.VALID ? null : r.revokedReason(), d.id(), null, r.issuedAt(), SYSTEM);
    }

    /** Pushes result {@code r} just issued for {@code d}; false when it was there already or the applicant has no warehouse. */
    public boolean issued(IssuedResult r, Dossier d, Procedure p) {
        if (owner(d) == null) return false;
        return warehouse.add(entry(r, d, p));
    }

    /** The entry of {@code revoked} says REVOKED with its reason (added first if the push was lost). */
    public void revoked(IssuedResult revoked, Dossier d) {
        follow(revoked, d, WarehouseDocument.Status.REVOKED, null, revoked.revokedReason());
    }

    /** The entry of {@code old} says REPLACED by {@code next}'s entry, with the reason. */
    public void replaced(IssuedResult old, IssuedResult next, Dossier d, String reason) {
        follow(old, d, WarehouseDocument.Status.REPLACED, next.id(), reason);
    }

    private void follow(IssuedResult r, Dossier d, WarehouseDocument.Status to, String replacedBy, String reason) {
        String owner = owner(d);
        if (owner == null) return;
        Procedure p = rules.catalogue().version(r.procedureCode(), r.procedureVersion()).orElse(null);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<WarehouseDocument> now = warehouse.find(owner, r.id());
            if (now.isEmpty()) {
                // the push was lost (the store failed after the result was issued): the entry is added as it is now
                if (warehouse.add(entry(r, d, p).withStatus(to, replacedBy, reason))) return;
                continue;
            }
            WarehouseDocument e = now.get();
            if (e.status() == to) return; // done already (a retried move)
            try {
                warehouse.update(e.withStatus(to, replacedBy, reason), e.status());
                return;
            } catch (ConcurrentChange lost) {
                // changed meanwhile: read it again
            }
        }
        throw new ConcurrentChange("warehouse " + r.id());
    }
}

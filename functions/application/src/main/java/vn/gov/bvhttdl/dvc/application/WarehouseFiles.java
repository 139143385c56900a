package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.net.URI;
import java.util.Optional;

/**
 * The file behind a component taken by reference from this system's warehouse ({@link Attachment#fromWarehouse()},
 * origin REUSED): where the warehouse keeps it — a result's signed PDF in the results store, any other document's object
 * at the version its entry names. The entry is read whatever its status now (what was submitted stays readable).
 */
final class WarehouseFiles {
    private WarehouseFiles() {}

    /** The link to {@code a}'s file; empty when it is not one of this system's warehouse or its entry or file is gone. */
    static Optional<URI> link(Attachment a, Warehouse warehouse, Results results, FileLinks links) {
        if (warehouse == null || a.origin() != Attachment.Origin.REUSED || !a.fromWarehouse()) return Optional.empty();
        Attachment.Provenance from = a.provenance();
        Optional<WarehouseDocument> doc = warehouse.find(from.owner(), from.reference());
        if (doc.isEmpty()) return Optional.empty();
        WarehouseDocument d = doc.get();
        if (d.kind() == WarehouseDocument.Kind.RESULT) {
            Optional<IssuedResult> r = results == null ? Optional.empty() : results.find(d.fileKey());
            return r.map(x -> links.result(x, "ket-qua-" + x.number() + ".pdf"));
        }
        return Optional.of(links.open(new Attachment(a.dossierId(), d.fileKey(), a.componentCode(), a.fileName(), a.declaredType(),
                a.declaredSize(), Attachment.Status.ACCEPTED, null, a.detectedType(), d.sha256(), a.pages(), a.createdAt(),
                a.scannedAt(), d.versionId(), a.provenance())));
    }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.util.List;

/**
 * Port: what goes into a finished dossier's package besides its record — its accepted uploads, its signed results,
 * its receipt, its audit trail — read from where they are kept; and, after a recorded destruction, the erasure of the
 * dossier's working data (its table items and uploaded files).
 */
public interface DossierArchiveSources {
    List<ArchiveRecord.Document> documents(Dossier d);

    /** Erases the dossier's items and uploads; answers what was erased (counts by kind), for the certificate. */
    java.util.Map<String, Object> erase(String dossierId);
}

package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import vn.gov.bvhttdl.dvc.application.DossierArchiveSources;
import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a finished dossier's package holds, read where it is kept: its accepted files from the uploads bucket
 * ({@code files/<n>-<component>-<name>}), its signed results from the results bucket ({@code results/<number>.pdf}),
 * its receipt from the documents bucket ({@code receipt.pdf}, when one was issued), and its audit trail
 * ({@code trail.json}). And a destroyed record's erasure: its uploads (every version) and its table items. The results'
 * files stay under the results bucket's own lock (template.yaml, ResultRetentionYears) and go by its rule.
 */
public final class ArchiveSources implements DossierArchiveSources {
    private final Table table;
    private final Supplier<S3Client> s3;
    private final Supplier<String> uploads;
    private final Supplier<String> documentsBucket;
    private final ArchiveStore store;

    public ArchiveSources(Table table, ArchiveStore store, Supplier<S3Client> s3, Supplier<String> uploads, Supplier<String> documentsBucket) {
        this.table = table;
        this.store = store;
        this.s3 = s3;
        this.uploads = uploads;
        this.documentsBucket = documentsBucket;
    }

    /**
     * The package's copy of a component taken from a warehouse: a result's signed PDF from the results store, a kept or
     * digitised document's object at the version its entry names; a document of the national portal's list, or an
     * entry gone, is kept as the reference the dossier holds (JSON).
     */
    private ArchiveRecord.Document fromWarehouse(Attachment a, int n) {
        Attachment.Provenance from = a.provenance();
        var doc = a.origin() == Attachment.Origin.REUSED ? table.warehouse().find(from.owner(), from.reference()) : java.util.Optional.<vn.gov.bvhttdl.dvc.domain.WarehouseDocument>empty();
        String name = "files/" + n + "-" + a.componentCode() + "-";
        if (doc.isPresent()) {
            var w = doc.get();
            byte[] bytes = w.kind() == vn.gov.bvhttdl.dvc.domain.WarehouseDocument.Kind.RESULT ? table.results().file(w.fileKey())
                    : s3.get().getObjectAsBytes(b -> {
                        b.bucket(uploads.get()).key(w.fileKey());
                        if (w.versionId() != null) b.versionId(w.versionId());
                    }).asByteArray();
            if (bytes != null) return new ArchiveRecord.Document(name + Attachment.cleanFileName(a.fileName()) + ".pdf", "warehouse", bytes);
        }
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("component", a.componentCode());
        ref.put("warehouse", from.database());
        ref.put("document", from.reference());
        ref.put("resultCode", from.resultCode());
        ref.put("takenAt", from.retrievedAt() == null ? null : from.retrievedAt().toString());
        return new ArchiveRecord.Document(name + "warehouse-reference.json", "warehouse-reference", Json.write(ref).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<ArchiveRecord.Document> documents(Dossier d) {
        List<ArchiveRecord.Document> out = new ArrayList<>();
        List<AuditEvent> history = table.dossiers().history(d.id());
        int n = 0;
        for (Attachment a : table.attachments().attachments(d.id())) {
            if (a.status() != Attachment.Status.ACCEPTED) continue;
            if (a.origin() == Attachment.Origin.NATIONAL_DATABASE) {
                // filled from a national database: no file of the applicant's behind it; the package keeps what the
                // database answered, as the trail recorded it when the component was filled
                Map<String, Object> retrieved = new LinkedHashMap<>();
                retrieved.put("component", a.componentCode());
                retrieved.put("database", a.provenance().database());
                retrieved.put("reference", a.provenance().reference());
                retrieved.put("retrievedAt", a.provenance().retrievedAt() == null ? null : a.provenance().retrievedAt().toString());
                history.stream().filter(e -> "attachment-retrieved".equals(e.action()) && e.details() != null
                        && a.key().equals(e.details().get("key"))).findFirst().ifPresent(e -> retrieved.put("answer", e.details()));
                out.add(new ArchiveRecord.Document("files/" + (++n) + "-" + a.componentCode() + "-national-database.json", "national-data",
                        Json.write(retrieved).getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            if (a.fromWarehouse()) {
                // taken by reference from a warehouse (issue #25): the file where the warehouse keeps it, else what was referenced
                out.add(fromWarehouse(a, ++n));
                continue;
            }
            byte[] bytes = s3.get().getObjectAsBytes(b -> {
                b.bucket(uploads.get()).key(a.key());
                if (a.versionId() != null) b.versionId(a.versionId());
            }).asByteArray();
            out.add(new ArchiveRecord.Document("files/" + (++n) + "-" + a.componentCode() + "-" + Attachment.cleanFileName(a.fileName()), "upload", bytes));
        }
        for (IssuedResult r : table.results().ofDossier(d.id()))
            out.add(new ArchiveRecord.Document("results/" + r.number() + ".pdf", "result", table.results().file(r.id())));
        if (d.code() != null) {
            try {
                byte[] receipt = s3.get().getObjectAsBytes(b -> b.bucket(documentsBucket.get()).key(Documents.receiptKey(d.code()))).asByteArray();
                out.add(new ArchiveRecord.Document("receipt.pdf", "receipt", receipt));
            } catch (NoSuchKeyException none) {
                // a dossier withdrawn before reception has no receipt
            }
        }
        List<Object> trail = new ArrayList<>();
        for (AuditEvent e : history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at().toString());
            m.put("actor", e.actor());
            m.put("role", e.role() == null ? null : e.role().name());
            m.put("action", e.action());
            m.put("from", e.from() == null ? null : e.from().name());
            m.put("to", e.to() == null ? null : e.to().name());
            m.put("reason", e.reason());
            m.put("details", e.details());
            trail.add(m);
        }
        out.add(new ArchiveRecord.Document("trail.json", "trail", Json.write(trail).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Override
    public Map<String, Object> erase(String dossierId) {
        int uploaded = 0;
        for (Attachment a : table.attachments().attachments(dossierId)) uploaded += S3Versions.deleteAll(s3.get(), uploads.get(), a.key());
        int items = store.eraseItems(dossierId);
        return Map.of("tableItems", items, "uploadVersions", uploaded);
    }
}

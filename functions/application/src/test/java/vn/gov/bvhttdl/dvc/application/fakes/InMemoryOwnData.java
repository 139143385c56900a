package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.OwnData;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link OwnData} port in memory: uploads' bytes by key, drafts erased from an {@link InMemoryDossiers}, archives
 * kept by link (what the test opens), the citizen's erasures.
 */
public final class InMemoryOwnData implements OwnData {
    private final InMemoryDossiers dossiers;
    private final Clock clock;
    /** Upload bytes by object key. */
    public final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    /** Archives published, by link. */
    public final Map<URI, byte[]> published = new ConcurrentHashMap<>();
    private final List<Erasure> erasures = new ArrayList<>();

    public InMemoryOwnData(InMemoryDossiers dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @Override
    public InputStream upload(Attachment a) throws IOException {
        byte[] b = uploads.get(a.key());
        if (b == null) throw new IOException("no object " + a.key());
        return new ByteArrayInputStream(b);
    }

    @Override
    public synchronized Map<String, Object> eraseDraft(Dossier draft) {
        int uploaded = 0;
        for (Attachment a : dossiers.attachments(draft.id())) if (uploads.remove(a.key()) != null) uploaded++;
        int items = dossiers.erase(draft.id(), draft.version());
        if (items < 0) throw new ConcurrentChange("dossier " + draft.id() + " changed");
        return Map.of("tableItems", items, "uploadVersions", uploaded);
    }

    @Override
    public Published publish(String subject, String fileName, Writer writer, int linkMinutes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        URI link = URI.create("https://exports.example/" + subject + "/" + published.size() + "/" + fileName);
        published.put(link, out.toByteArray());
        return new Published(link, clock.instant().plus(Duration.ofMinutes(linkMinutes)));
    }

    @Override
    public synchronized void recordErasure(Erasure e) { erasures.add(e); }

    @Override
    public synchronized List<Erasure> erasures(String subject, int limit) {
        return erasures.stream().filter(e -> e.subject().equals(subject)).sorted(Comparator.comparing(Erasure::at).reversed()).limit(limit).toList();
    }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Port: what the citizen's own-data page needs besides the stores it reads (issue #25 item 4): the bytes of their
 * accepted uploads, the erasure of a draft (its items and its uploads), the place the "download everything" archive is
 * written to and fetched from by a short-lived link, and the trail of what the citizen deleted (it outlives what was
 * deleted: a draft's own trail goes with it).
 */
public interface OwnData {
    /** The bytes of an accepted upload (the version on record). */
    InputStream upload(Attachment a) throws IOException;

    /**
     * Erases the draft {@code draft} — its items (the dossier, its trail, files, markers) and its uploads, every
     * version — only if it is still the draft at {@code draft.version()}; answers what was erased (counts by kind).
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when it changed meanwhile (submitted, edited): nothing erased
     */
    Map<String, Object> eraseDraft(Dossier draft);

    /** Something that writes an archive into the stream it is given. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Where an archive was put: the link to fetch it, and until when the link works. */
    record Published(URI link, Instant expiresAt) {}

    /**
     * Writes an archive through {@code writer} to a new object named for {@code subject} and {@code fileName} and
     * answers a link to it that lives {@code linkMinutes}.
     */
    Published publish(String subject, String fileName, Writer writer, int linkMinutes) throws IOException;

    /**
     * One deletion the citizen made: {@code what} DRAFT or WAREHOUSE_DOCUMENT, {@code ref} the dossier's or the
     * document's id, {@code label} what it was (the procedure's code, the document's name), {@code erased} counts.
     */
    record Erasure(String subject, Instant at, String what, String ref, String label, Map<String, Object> erased) {
        public Erasure {
            erased = erased == null ? Map.of() : Map.copyOf(erased);
        }
    }

    /** Records {@code e} on the subject's own trail (written once, never changed). */
    void recordErasure(Erasure e);

    /** The subject's deletions, newest first, {@code limit} at most. */
    List<Erasure> erasures(String subject, int limit);
}

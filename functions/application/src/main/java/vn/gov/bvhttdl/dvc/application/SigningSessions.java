package vn.gov.bvhttdl.dvc.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the pending two-phase signatures (issue #25 item 3) — what the server prepared and waits to have signed by the
 * official's device: the prepared files, the digests sent out, the certificate they were prepared for, and what to do
 * with each file once signed. A session expires ({@link Session#expiresAt}); it is completed once.
 */
public interface SigningSessions {
    /**
     * One file waiting for its signature.
     *
     * @param ref      what the file is in the request (the row of a batch, or {@code 1})
     * @param prepared the prepared PDF ({@link DeferredSigning.Prepared#pdf()})
     * @param digest   the digest sent to the device
     * @param data     what to do with it once signed (the use case's own fields: the dossier and component, or the
     *                 result's metadata)
     */
    record Item(String ref, byte[] prepared, byte[] digest, Map<String, String> data) {
        public Item {
            data = Map.copyOf(data);
        }
    }

    /**
     * @param official  the subject of the official who must sign
     * @param purpose   COMPONENT, RESULT or IMPORT
     * @param chain     the DER of the certificate chain the files were prepared for, signer first
     * @param refused   for an import: the rows refused when it was prepared (row → reason), reported with the rest
     */
    record Session(String id, String official, String purpose, Instant createdAt, Instant expiresAt, List<byte[]> chain,
                   List<Item> items, Map<String, String> refused) {
        public Session {
            chain = List.copyOf(chain);
            items = List.copyOf(items);
            refused = refused == null ? Map.of() : Map.copyOf(refused);
        }
    }

    /** Keeps a new session (its id is new). */
    void open(Session s);

    /** The session {@code id}, whether expired or not (the use case checks); empty once completed or unknown. */
    Optional<Session> find(String id);

    /** Ends the session: true for the one caller that ended it, false when it had ended already. */
    boolean close(String id);
}

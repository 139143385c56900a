package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.Receipts;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Receipts port that keeps what it would have rendered. */
public final class RecordingReceipts implements Receipts {
    public record Issued(String code, List<String> files, String key) {}

    public final List<Issued> issued = new CopyOnWriteArrayList<>();

    @Override
    public void issue(Dossier received, Procedure procedure, List<Attachment> files, String lookupKey, Instant issuedAt) {
        issued.add(new Issued(received.code(), files.stream().map(Attachment::fileName).toList(), lookupKey));
    }
}

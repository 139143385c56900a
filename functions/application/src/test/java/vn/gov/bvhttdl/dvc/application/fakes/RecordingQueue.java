package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.SubmissionQueue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The SubmissionQueue port that keeps what it was given. */
public final class RecordingQueue implements SubmissionQueue {
    public record Sent(String dossierId, long version) {}

    public final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String dossierId, long version) { sent.add(new Sent(dossierId, version)); }
}

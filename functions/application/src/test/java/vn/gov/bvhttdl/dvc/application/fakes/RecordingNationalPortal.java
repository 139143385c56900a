package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.NationalPortal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The national portal as a recording fake: keeps every call in order (kind, key, body), answers EXISTS to a second
 * create of the same dossier code, and answers what a test scripts next ({@link #answerNext}).
 */
public final class RecordingNationalPortal implements NationalPortal {
    public record Call(String kind, String key, Map<String, Object> body) {}

    public final List<Call> calls = new ArrayList<>();
    private final Set<Object> created = new HashSet<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();

    /** The next call (of any kind) gets {@code a} instead of the ordinary answer. */
    public synchronized void answerNext(Answer a) { scripted.add(a); }

    private synchronized Answer answer(String kind, String key, Map<String, Object> body) {
        if (!scripted.isEmpty()) {
            Answer a = scripted.poll();
            calls.add(new Call(kind + ":" + a.outcome(), key, body));
            return a;
        }
        calls.add(new Call(kind, key, body));
        if (kind.equals("sync") && !created.add(body.get("MaHoSo"))) return new Answer(Outcome.EXISTS, "Hồ sơ đã tồn tại");
        return Answer.done();
    }

    @Override
    public Answer sync(DossierRecord record, String key) { return answer("sync", key, record.body()); }

    @Override
    public Answer update(DossierRecord record, String key) { return answer("update", key, record.body()); }

    @Override
    public Answer progress(ProgressEntry entry, String key) { return answer("progress", key, entry.body()); }

    /** The calls that were taken (not scripted failures). */
    public synchronized List<Call> taken() {
        return calls.stream().filter(c -> !c.kind().contains(":")).toList();
    }
}

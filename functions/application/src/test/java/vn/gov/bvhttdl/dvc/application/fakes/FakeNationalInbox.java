package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.InboundFiles;
import vn.gov.bvhttdl.dvc.application.NationalInbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The national portal's inbox in memory: what is waiting until acknowledged, the files it serves, the
 * acknowledgements it took; and the uploads the files were put into ({@link InboundFiles}).
 */
public final class FakeNationalInbox implements NationalInbox, InboundFiles {
    public final Map<String, Inbound> waiting = new LinkedHashMap<>();
    public final Map<String, byte[]> served = new LinkedHashMap<>();
    public final List<String> acknowledged = new ArrayList<>();
    public final Map<String, byte[]> uploads = new LinkedHashMap<>();
    /** When set, the next acknowledgement fails (a crash between storing and acknowledging). */
    public boolean failNextAck;

    public void submit(Inbound in) { waiting.put(in.nationalCode(), in); }

    @Override
    public synchronized List<Inbound> waiting() { return List.copyOf(waiting.values()); }

    @Override
    public synchronized void acknowledge(String nationalCode, String dossierId) {
        if (failNextAck) {
            failNextAck = false;
            throw new IllegalStateException("the run stopped before the acknowledgement");
        }
        acknowledged.add(nationalCode);
        waiting.remove(nationalCode);
    }

    @Override
    public Optional<byte[]> download(File file, long maxBytes) {
        byte[] b = served.get(file.url());
        return b == null || b.length > maxBytes ? Optional.empty() : Optional.of(b);
    }

    @Override
    public void put(String key, String contentType, byte[] bytes) { uploads.putIfAbsent(key, bytes); }
}

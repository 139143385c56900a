package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.InboundFiles;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The InboundFiles port in memory: the bytes written, by key (a key written once). */
public final class RecordingFiles implements InboundFiles {
    public final Map<String, byte[]> written = new ConcurrentHashMap<>();

    @Override
    public void put(String key, String contentType, byte[] bytes) { written.putIfAbsent(key, bytes); }
}

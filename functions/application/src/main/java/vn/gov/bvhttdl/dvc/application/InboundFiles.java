package vn.gov.bvhttdl.dvc.application;

/**
 * Port: where the files of a dossier received from the national portal are put — the uploads bucket, under the key
 * its authorised attachment names, so that the scan judges them as it judges an applicant's upload.
 */
public interface InboundFiles {
    /** Writes {@code bytes} at {@code key} (a write of a key that exists already changes nothing). */
    void put(String key, String contentType, byte[] bytes);
}

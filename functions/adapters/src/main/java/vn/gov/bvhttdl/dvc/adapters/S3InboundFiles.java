package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.gov.bvhttdl.dvc.application.InboundFiles;

/**
 * The files of the dossiers received from the national portal, put into the uploads bucket ({@code UPLOADS_BUCKET})
 * under their attachment's key: the upload scan judges them as it judges an applicant's upload. A key is written once
 * ({@code If-None-Match: *}); a second write of it changes nothing.
 */
public final class S3InboundFiles implements InboundFiles {
    @Override
    public void put(String key, String contentType, byte[] bytes) {
        try {
            AwsClients.s3().putObject(b -> b.bucket(Settings.require("UPLOADS_BUCKET")).key(key).contentType(contentType).ifNoneMatch("*"),
                    RequestBody.fromBytes(bytes));
        } catch (S3Exception e) {
            if (e.statusCode() != 412) throw e; // already there: written by an earlier run
        }
    }
}

package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Attachment;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** The attachment's origin in the table's layout: kept when it is not an upload, an upload (or an older item) has none. */
class AttachmentOriginTest {
    final Instant t = Instant.parse("2026-12-01T03:00:00Z");

    @Test
    void aComponentFromANationalDatabaseKeepsItsDatabaseTimeAndReference() {
        Attachment filled = new Attachment("d1", "dossiers/d1/DKDN/national-enterprise-registration", "DKDN", "Dữ liệu", "application/json", 0,
                Attachment.Status.ACCEPTED, null, null, null, null, t, t, null,
                Attachment.Provenance.nationalDatabase("enterprise-registration", t, "0312345678"));
        Items.AttachmentItem item = Layout.toItem(filled);
        assertEquals("NATIONAL_DATABASE", item.origin);
        assertEquals("enterprise-registration", item.originDatabase);
        assertEquals(filled, Layout.toAttachment(item));
    }

    @Test
    void anUploadAndAnOlderItemAreUploads() {
        Attachment upload = new Attachment("d1", "dossiers/d1/DON/u1", "DON", "don.pdf", "application/pdf", 10,
                Attachment.Status.PENDING, null, null, null, null, t, null);
        Items.AttachmentItem item = Layout.toItem(upload);
        assertNull(item.origin, "nothing written for an upload");
        assertEquals(Attachment.Origin.UPLOADED, Layout.toAttachment(item).origin());
        assertEquals(upload, Layout.toAttachment(item));
    }
}

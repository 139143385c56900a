package vn.gov.bvhttdl.dvc.feedback;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.NoticeTable;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The email-feedback function fed the sample SNS message of events/ (an SES permanent bounce), against dynoxide. */
class EmailFeedbackHandlerIT {
    static NoticeTable notices;

    @BeforeAll
    static void start() {
        TestStack.get();
        DossierStore store = DossierStore.fromSettings();
        notices = Table.of(store).notices();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPermanentBounceSuppressesTheAddressAndATransientOneDoesNot() throws Exception {
        String address = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        String sample = Files.readString(Emulators.repoRoot().resolve("events/email-feedback-bounce.json"));
        try (EmailFeedbackHandler handler = new EmailFeedbackHandler()) {
            Map<String, Object> r = handler.handleRequest((Map<String, Object>) Json.parse(sample.replace("REPLACED-BY-TEST", address)), null);
            assertEquals(1, ((Number) r.get("suppressed")).intValue(), r.toString());
            assertTrue(notices.suppressed(address.toUpperCase()), "recorded on the address, whatever its case");
            String other = "soft-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
            Map<String, Object> soft = handler.handleRequest((Map<String, Object>) Json.parse(sample.replace("REPLACED-BY-TEST", other)
                    .replace("\\\"bounceType\\\":\\\"Permanent\\\"", "\\\"bounceType\\\":\\\"Transient\\\"")), null);
            assertEquals(0, ((Number) soft.get("suppressed")).intValue(), soft.toString());
            assertFalse(notices.suppressed(other));
            Map<String, Object> junk = handler.handleRequest(Map.of("Records", java.util.List.of(Map.of("Sns", Map.of("Message", "not json")))), null);
            assertEquals(1, ((Number) junk.get("ignored")).intValue());
        }
    }
}

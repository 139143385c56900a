package vn.gov.bvhttdl.dvc.structure;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Retention;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * template.yaml repeats what rules/retention.json says (docs/archive.md): the lifecycle's days as the parameters'
 * defaults, and the statuses that finish a dossier in ArchiveFunction's stream filter.
 */
class RetentionTemplateTest {
    static String template() throws Exception { return Files.readString(StructureTest.repoRoot().resolve("template.yaml")); }

    static int defaultOf(String yaml, String parameter) {
        Matcher m = Pattern.compile("\\n  " + parameter + ":\\n    Type: Number\\n    Default: (\\d+)").matcher(yaml);
        assertTrue(m.find(), parameter + " is a parameter of template.yaml");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theLifecycleParametersDefaultToTheRules() throws Exception {
        String yaml = template();
        Retention.Lifecycle l = Retention.standard().lifecycle();
        assertEquals(l.unattachedUploadDays(), defaultOf(yaml, "UnattachedUploadDays"));
        assertEquals(l.quarantineDays(), defaultOf(yaml, "QuarantineDays"));
    }

    @Test
    void theArchiveFunctionHearsExactlyTheStatusesThatFinishADossier() throws Exception {
        String yaml = template();
        int at = yaml.indexOf("  ArchiveFunction:");
        Matcher m = Pattern.compile("\"NewImage\": \\{\"status\": \\{\"S\": \\[([^]]*)]").matcher(yaml.substring(at));
        assertTrue(m.find(), "ArchiveFunction filters the new image's status");
        Set<String> filtered = new TreeSet<>();
        for (String s : m.group(1).split(",")) filtered.add(s.strip().replace("\"", ""));
        Set<String> finished = new TreeSet<>();
        for (DossierStatus s : Retention.FINISHED) finished.add(s.name());
        assertEquals(finished, filtered);
    }
}

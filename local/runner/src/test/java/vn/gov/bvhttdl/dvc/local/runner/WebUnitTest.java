package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The web site's own unit tests (escaping of every renderer, the two languages' strings), in Node's test runner. */
class WebUnitTest {
    @Test
    void theWebModulesPassTheirUnitTests() throws Exception {
        Path root = Emulators.repoRoot();
        Process p = new ProcessBuilder("node", "--test", "web/test/unit/").directory(root.toFile()).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) p.destroyForcibly();
        assertTrue(done, out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("# fail 0"), out);
    }
}

package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.national.DvcqgDocumentList;
import vn.gov.bvhttdl.dvc.application.DocumentList;
import vn.gov.bvhttdl.dvc.domain.WarehouseRules;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The national portal's sandbox answers the document list as the adapter speaks it (no emulators: the sandbox alone). */
class NationalDocumentListSandboxTest {
    static final Path CREDENTIALS = Path.of("../sandbox/national-portal.json");
    HttpServer server;
    NationalPortalSandbox sandbox;
    final List<String> failures = new CopyOnWriteArrayList<>();
    DvcqgDocumentList list;

    @BeforeEach
    void start() throws Exception {
        sandbox = new NationalPortalSandbox(CREDENTIALS);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> sandbox.handle(ex));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + NationalPortalSandbox.BASE;
        String secret = Files.readString(CREDENTIALS);
        list = new DvcqgDocumentList(() -> URI.create(base), () -> secret, Duration.ofMillis(1500), failures::add);
    }

    @AfterEach
    void stop() { server.stop(0); }

    @Test
    void theBrowserTestsCitizenHasResultsWhoseNamesAreWarehouseKindsAndOthersHaveNone() {
        assertEquals(DvcqgDocumentList.PATH, NationalPortalSandbox.DOCUMENT_LIST);
        List<DocumentList.Result> r = list.find(NationalPortalSandbox.CITIZEN, "BVHTTDL-DL-002");
        assertEquals(3, r.size(), failures.toString());
        WarehouseRules rules = WarehouseRules.standard();
        // the travel licence's name is the name of a kind that BVHTTDL-DL-002's GPCU takes
        String kind = rules.kinds().stream().filter(k -> rules.name(k).orElseThrow().vi().equals(r.getFirst().name())).findFirst().orElseThrow();
        assertTrue(rules.documentKindsFor("BVHTTDL-DL-002", "GPCU").contains(kind));
        assertTrue(r.getFirst().files().getFirst().link().startsWith(NationalPortalSandbox.BASE + NationalPortalSandbox.FILES));
        assertEquals(List.of(), list.find("001099000001", "BVHTTDL-DL-002"));
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aSandboxToldToBeDownOrToTimeOutGivesNoResults() {
        sandbox.set(NationalPortalSandbox.Mode.DOWN, 0);
        assertEquals(List.of(), list.find(NationalPortalSandbox.CITIZEN, "BVHTTDL-DL-002"));
        sandbox.set(NationalPortalSandbox.Mode.TIMEOUT, 3000);
        assertEquals(List.of(), list.find(NationalPortalSandbox.CITIZEN, "BVHTTDL-DL-002"));
        assertEquals(2, failures.size(), failures.toString());
    }
}

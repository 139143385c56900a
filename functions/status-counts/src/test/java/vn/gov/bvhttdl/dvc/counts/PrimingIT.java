package vn.gov.bvhttdl.dvc.counts;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the SnapStart priming hooks load (issue #28 item 1): two fresh JVMs make the status-counts handler and invoke it
 * once with the sample stream record, one after running the hooks registered at init (what Lambda runs before the
 * snapshot; {@code Priming.runNow}, there being no CRaC JVM here), one without. The hooks do a DynamoDB read through
 * the whole SDK path, so the primed function's first invocation loads none of the SDK's generic request pipeline,
 * HTTP client and JSON-protocol marshalling classes that the unprimed one loads (only the operation's own model and
 * marshaller classes: a counter's transaction is not the hook's read).
 */
class PrimingIT {
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");
    /** The SDK's generic path: the request pipeline, the HTTP client, the JSON protocol's (un)marshallers. */
    private static final List<String> SDK_PATH = List.of("software.amazon.awssdk.core.internal.http.",
            "software.amazon.awssdk.http.", "software.amazon.awssdk.protocols.json.", "software.amazon.awssdk.protocols.core.");

    record Phases(List<String> hooks, List<String> invoke) {}

    private static Phases run(String mode, Path event) throws Exception {
        Path log = Files.createTempFile("class-load-" + mode, ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + log));
        System.getProperties().forEach((k, v) -> {
            // the settings and the SDK's endpoints and credentials that TestStack set for the emulators
            if (k.toString().matches("[A-Z][A-Z0-9_]+") || k.toString().startsWith("aws.")) cmd.add("-D" + k + "=" + v);
        });
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PrimedStart.class.getName(), mode, event.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("FAILURES 0"), out);
        assertTrue(out.contains("HOOKS " + (mode.equals("primed") ? "" : "0")), out);
        List<String> hooks = new ArrayList<>(), invoke = new ArrayList<>();
        List<String> into = null;
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (!m.find()) continue;
            String name = m.group(1);
            if (name.equals(PrimedStart.AfterInit.class.getName())) into = hooks;
            else if (name.equals(PrimedStart.AfterPriming.class.getName())) into = invoke;
            else if (name.equals(PrimedStart.AfterInvoke.class.getName())) into = null;
            else if (into != null) into.add(name);
        }
        return new Phases(hooks, invoke);
    }

    private static List<String> sdkPath(List<String> classes) {
        return classes.stream().filter(c -> SDK_PATH.stream().anyMatch(c::startsWith)).toList();
    }

    @Test
    void thePrimedFirstInvocationLoadsNoneOfTheSdkPathThatTheHooksLoaded() throws Exception {
        TestStack.get();
        Path event = Files.createTempFile("stream", ".json");
        Files.writeString(event, Files.readString(Emulators.repoRoot().resolve("events/status-counts-stream.json"))
                .replace("REPLACED-BY-TEST", UUID.randomUUID().toString()));
        Phases cold = run("cold", event);
        Files.writeString(event, Files.readString(Emulators.repoRoot().resolve("events/status-counts-stream.json"))
                .replace("REPLACED-BY-TEST", UUID.randomUUID().toString()));
        Phases primed = run("primed", event);

        assertEquals(List.of(), cold.hooks(), "no hook runs without a checkpoint");
        assertTrue(sdkPath(primed.hooks()).size() > 20, "the hooks load the SDK's path: " + sdkPath(primed.hooks()).size());
        assertTrue(sdkPath(cold.invoke()).size() > 20, "unprimed, the first invocation loads it: " + sdkPath(cold.invoke()).size());
        assertEquals(List.of(), sdkPath(primed.invoke()), "primed, the first invocation loads none of it");
        assertTrue(primed.invoke().size() < cold.invoke().size() / 2,
                "classes loaded by the first invocation, primed " + primed.invoke().size() + " against " + cold.invoke().size());
        System.out.printf("PRIMING hooks=%d (sdk path %d) invoke cold=%d (sdk path %d) primed=%d (sdk path %d)%n",
                primed.hooks().size(), sdkPath(primed.hooks()).size(), cold.invoke().size(), sdkPath(cold.invoke()).size(),
                primed.invoke().size(), sdkPath(primed.invoke()).size());
    }
}

package vn.gov.bvhttdl.dvc.local.emulators;

import java.util.Map;

/**
 * One transient stack per test JVM: the emulators started once, template.yaml provisioned, and the system
 * properties set that functions read (SDK endpoints and credentials, and each function's environment from the
 * template). Stopped when the JVM exits.
 */
public final class TestStack {
    public record Stack(Emulators emulators, Template template, Provisioner.Resources resources) {}

    private static Stack stack;

    private TestStack() {}

    public static synchronized Stack get() {
        if (stack == null) {
            Template t = Template.read(Emulators.repoRoot().resolve("template.yaml"));
            Emulators e = Emulators.start(null);
            Provisioner.Resources r = Provisioner.provision(t, e);
            e.sdkSystemProperties().forEach(System::setProperty);
            for (Template.Function f : t.functions()) {
                for (Map.Entry<String, String> env : r.environment(f).entrySet()) {
                    if (!env.getKey().equals("JAVA_TOOL_OPTIONS")) System.setProperty(env.getKey(), env.getValue());
                }
            }
            // results signed offline by the development CA (documents.LocalKeySigner), pointing at a local portal
            try {
                System.setProperty("SIGNER", "local");
                System.setProperty("LOCAL_SIGNING_DIR", java.nio.file.Files.createTempDirectory("dvc-signing").toString());
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            System.setProperty("PUBLIC_BASE_URL", "http://127.0.0.1:3000");
            e.offlineOverrides().forEach(System::setProperty);
            stack = new Stack(e, t, r);
        }
        return stack;
    }
}

package vn.gov.bvhttdl.dvc.payments;

import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The merchant codes, secrets and endpoints of the providers: one JSON document, {@code {"vnpay": {...}, "momo":
 * {...}, "paygov": {...}}}. On AWS it is the secret named by {@code PAYMENT_SECRET_ID} in Secrets Manager, read on
 * first use and kept for five minutes (a rotated secret is picked up without a deployment); offline the file named by
 * {@code PAYMENT_SECRETS_FILE} (the committed sandbox file, development only). {@code {sandbox}} in an address is the
 * offline runner's base ({@code PAYMENT_SANDBOX_BASE}). Values are never logged.
 */
public final class ProviderSettings {
    private static final Duration KEEP = Duration.ofMinutes(5);

    private final Supplier<String> source;
    private volatile Map<String, Object> cached;
    private volatile Instant readAt = Instant.EPOCH;

    public ProviderSettings(Supplier<String> source) { this.source = source; }

    /** The settings of the environment: the secret on AWS, the file offline. */
    public static ProviderSettings fromEnvironment() {
        // resolved on first use, not when a function starts (a function that never pays never reads it)
        return new ProviderSettings(() -> {
            String file = setting("PAYMENT_SECRETS_FILE");
            if (file != null) {
                try {
                    return Files.readString(Path.of(file));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the payment settings file", e);
                }
            }
            String id = setting("PAYMENT_SECRET_ID");
            if (id == null) throw new IllegalStateException("neither PAYMENT_SECRET_ID nor PAYMENT_SECRETS_FILE is set");
            try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                    .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP)
                    .credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build()) {
                return sm.getSecretValue(b -> b.secretId(id)).secretString();
            }
        });
    }

    private static String setting(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The settings of one provider (a value missing is an error of configuration, named without its value). */
    public Provider of(String provider) {
        Map<String, Object> all = all();
        Object p = all.get(provider);
        if (!(p instanceof Map<?, ?>)) throw new IllegalStateException("no payment settings for " + provider);
        return new Provider(provider, Json.obj(p));
    }

    /** Whether settings exist for {@code provider}. */
    public boolean has(String provider) { return all().get(provider) instanceof Map<?, ?>; }

    private Map<String, Object> all() {
        Map<String, Object> c = cached;
        if (c == null || Instant.now().isAfter(readAt.plus(KEEP))) {
            synchronized (this) {
                if (cached == null || Instant.now().isAfter(readAt.plus(KEEP))) {
                    cached = Json.obj(Json.parse(source.get()));
                    readAt = Instant.now();
                }
                c = cached;
            }
        }
        return c;
    }

    public record Provider(String name, Map<String, Object> values) {
        public String get(String key) {
            Object v = values.get(key);
            if (v == null || String.valueOf(v).isBlank()) throw new IllegalStateException(name + " setting missing: " + key);
            String s = String.valueOf(v);
            String base = setting("PAYMENT_SANDBOX_BASE");
            return base == null ? s : s.replace("{sandbox}", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }

        @Override
        public String toString() { return "Provider[" + name + ", values hidden]"; }
    }
}

package vn.gov.bvhttdl.dvc.adapters;

/**
 * A function's settings. On Lambda they come from the environment that template.yaml sets; when the offline
 * runner runs several functions in one JVM it sets the same names as system properties.
 */
public final class Settings {
    private Settings() {}

    public static String require(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        if (v == null || v.isBlank()) throw new IllegalStateException("setting " + name + " is missing (environment variable)");
        return v;
    }

    /** The setting {@code name} if it is set. */
    public static java.util.Optional<String> get(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v);
    }
}

package vn.gov.bvhttdl.dvc.domain;

/**
 * The post an official holds in their unit ({@code rules/organisation.json}): it decides which steps of a process
 * they act at ({@code rules/process-steps.json}). Administrators are a user-pool group, not a post.
 */
public enum Post { ONE_STOP, SPECIALIST, LEADER;

    /** The post named in a claim or a form ("one-stop", "ONE_STOP", "specialist"…), or null for none or an unknown name. */
    public static Post parse(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Post;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The officials' and administrators' accounts as the system keeps them (the dossier table on AWS and offline): who
 * each account is, the agency, unit and post an administrator assigned, whether it is active, its version, and every
 * change with who made it and when ({@link ManageOfficials}). The APIs read an account on every request of an
 * official or administrator, so that a deactivation or a new assignment holds at once (docs/security.md).
 */
public interface OfficialAccounts {

    /** What an account may do: the three posts of an official (user-pool group {@code officials}) or an administrator ({@code admins}). */
    enum AccountRole {
        DESK(Post.ONE_STOP), SPECIALIST(Post.SPECIALIST), LEADER(Post.LEADER), ADMIN(null);

        private final Post post;

        AccountRole(Post post) { this.post = post; }

        /** The post an official of this role holds; null for an administrator. */
        public Post post() { return post; }

        /** The user-pool group: {@code officials} or {@code admins}. */
        public String group() { return this == ADMIN ? "admins" : "officials"; }

        /** The role named in a request ("desk", "SPECIALIST"…), or null. */
        public static AccountRole parse(String s) {
            if (s == null || s.isBlank()) return null;
            try {
                return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    enum Status { ACTIVE, DEACTIVATED }

    /**
     * One account: {@code subject} the token's {@code sub}, {@code username} the user pool's name for it (for the
     * directory's calls), {@code agency} and {@code unit} of an official (an administrator's agency may be null,
     * their unit is), {@code version} counts the changes from 1. {@code title} is the official's own title (chức danh,
     * e.g. "Phó Cục trưởng"), or null; {@code delegation} their standing delegation to sign on behalf of a superior
     * (KT./TL., rules/signing.json), null when they sign in their own right.
     */
    record Account(String subject, String username, String name, String email, String agency, String unit, AccountRole role,
                   Status status, long version, Instant changedAt, String changedBy, String title,
                   vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation) {
        /** An account without a title or delegation. */
        public Account(String subject, String username, String name, String email, String agency, String unit, AccountRole role,
                       Status status, long version, Instant changedAt, String changedBy) {
            this(subject, username, name, email, agency, unit, role, status, version, changedAt, changedBy, null, null);
        }

        public boolean active() { return status == Status.ACTIVE; }
    }

    /** One entry of an account's trail: {@code action} CREATED, ASSIGNED or DEACTIVATED; {@code before}/{@code after} what changed, as text. */
    record Change(String subject, long version, Instant at, String by, String action, String before, String after) {}

    /** The account of {@code subject}, read consistently (it decides whether a request is answered). */
    Optional<Account> find(String subject);

    /** Every account, by name. */
    List<Account> all();

    /**
     * Stores {@code account} and its trail entry {@code change} together: a new account (version 1) only if none has
     * that subject, otherwise only over version {@code account.version() - 1}; {@link vn.gov.bvhttdl.dvc.domain.ConcurrentChange} if not.
     */
    void save(Account account, Change change);

    /** The trail of {@code subject}, oldest first. */
    List<Change> history(String subject);
}

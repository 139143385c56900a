package vn.gov.bvhttdl.dvc.application;

/**
 * The user pool where officials and administrators sign in (Cognito on AWS: {@code adapters.CognitoDirectory}; offline
 * the runner's development issuer reads the accounts themselves, {@code adapters.LocalDirectory}). The pool carries
 * what the token says (group, {@code custom:agency}, {@code custom:unit}, {@code custom:post}); the account in
 * {@link OfficialAccounts} is what the APIs go by.
 */
public interface StaffDirectory {
    /** The user the pool made: its {@code sub} (the tokens' subject) and its user name. */
    record User(String subject, String username) {}

    /** Creates the user {@code email} named {@code name} with {@code role}'s group and attributes; the pool sends the invitation. */
    User create(String name, String email, OfficialAccounts.AccountRole role, String agency, String unit);

    /** Sets the attributes of {@code role}, {@code agency}, {@code unit}; moves the user from {@code before}'s group to {@code role}'s if they differ. */
    void assign(String username, OfficialAccounts.AccountRole before, OfficialAccounts.AccountRole role, String agency, String unit);

    /** Disables the user and signs them out everywhere (their refresh tokens stop working). */
    void deactivate(String username);
}

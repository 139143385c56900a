package vn.gov.bvhttdl.dvc.application;

/**
 * The user pool where officials and administrators sign in (Cognito on AWS: {@code adapters.CognitoDirectory}; offline
 * the runner's development issuer reads the accounts themselves, {@code adapters.LocalDirectory}). The pool carries
 * what the token says (group, {@code custom:agency}, {@code custom:unit}, {@code custom:post}, the signing
 * delegation {@code custom:title}, {@code custom:sign_mode}, {@code custom:sign_for}); the account in
 * {@link OfficialAccounts} is what the APIs go by.
 */
public interface StaffDirectory {
    /** The user the pool made: its {@code sub} (the tokens' subject) and its user name. */
    record User(String subject, String username) {}

    /**
     * Creates the user {@code email} named {@code name} with {@code role}'s group and attributes ({@code title} and
     * {@code delegation}: {@code custom:title}, {@code custom:sign_mode}, {@code custom:sign_for}); the pool sends the invitation.
     */
    User create(String name, String email, OfficialAccounts.AccountRole role, String agency, String unit, String title,
                vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation);

    /**
     * Sets the attributes of {@code role}, {@code agency}, {@code unit}, {@code title}, {@code delegation} (empty when
     * none); moves the user from {@code before}'s group to {@code role}'s if they differ.
     */
    void assign(String username, OfficialAccounts.AccountRole before, OfficialAccounts.AccountRole role, String agency, String unit,
                String title, vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation);

    /** Disables the user and signs them out everywhere (their refresh tokens stop working). */
    void deactivate(String username);
}

package vn.gov.bvhttdl.dvc.adapters;

import vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole;
import vn.gov.bvhttdl.dvc.application.StaffDirectory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@link StaffDirectory} offline (no {@code USER_POOL_ID}): there is no pool to write; the runner's development
 * issuer reads the accounts from the table and issues each one's token with what the account says. The subject is
 * derived from the e-mail address ({@link #subjectOf}), the same for the same address.
 */
public final class LocalDirectory implements StaffDirectory {
    @Override
    public User create(String name, String email, AccountRole role, String agency, String unit, String title,
                       vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation) {
        return new User(subjectOf(email), email.toLowerCase(Locale.ROOT));
    }

    @Override
    public void assign(String username, AccountRole before, AccountRole role, String agency, String unit, String title,
                       vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation) {}

    @Override
    public void deactivate(String username) {}

    /** {@code dev-} and 24 hex digits of the SHA-256 of the lower-cased address. */
    public static String subjectOf(String email) {
        try {
            return "dev-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("account:" + email.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

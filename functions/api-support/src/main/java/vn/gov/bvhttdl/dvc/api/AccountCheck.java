package vn.gov.bvhttdl.dvc.api;

import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Role;

/**
 * The account behind an official's or administrator's token, read on every request that binds a caller
 * ({@link CallerBinder}): one consistent {@code GetItem} of the account ({@code OfficialAccounts.find}), no cache,
 * so that a deactivation or a new assignment holds from the next request (docs/security.md, "Officials' accounts").
 * A deactivated account is 401 {@code account-deactivated} (the web then forgets the token); an active one acts with
 * what the account says (role, agency, unit, post), whatever the token still carries. A token without an account
 * (accounts made before accounts were kept, or tests' own tokens) acts as the token says. A citizen's token reads nothing.
 */
@Singleton
public final class AccountCheck {
    private final OfficialAccounts accounts;

    public AccountCheck(OfficialAccounts accounts) {
        this.accounts = accounts;
    }

    /** {@code me} as their account has it now. */
    public Identity apply(Identity me) {
        if (me.role() != Role.OFFICIAL && !me.admin()) return me;
        var account = accounts.find(me.subject());
        if (account.isEmpty()) return me;
        if (!account.get().active()) throw DomainException.of("account-deactivated");
        return me.as(account.get());
    }
}

package vn.gov.bvhttdl.dvc.api;

import jakarta.inject.Singleton;


/**
 * An administrator calling: a controller method that takes one is called only for a signed-in member of the
 * {@code admins} group (401 for no sign-in, 403 {@code admin-only} for anyone else), bound once from the claims the
 * HTTP API's authorizer checked.
 */
public record AdminCaller(Identity identity) {
    /** Who publishes: recorded with each publication. */
    public String subject() { return identity.subject(); }

    public static AdminCaller of(Identity me) {
        if (!me.admin()) {
            throw vn.gov.bvhttdl.dvc.domain.DomainException.of("admin-only");
        }
        return new AdminCaller(me);
    }

    /** Binds an {@link AdminCaller} argument from the API Gateway event behind the request. */
    @Singleton
    public static final class Binder extends CallerBinder<AdminCaller> {
        public Binder(AccountCheck accounts) { super(AdminCaller.class, AdminCaller::of, accounts); }
    }
}

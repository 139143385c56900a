package vn.gov.bvhttdl.dvc.api;

import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Role;


/**
 * An official calling: a controller method that takes one is called only for a signed-in official (401 for no
 * sign-in, 403 {@code officials-only} for anyone else), bound once from the claims the HTTP API's authorizer checked.
 */
public record OfficialCaller(Identity identity) {
    /** The actor of the use cases (agency, unit and post included). */
    public Actor actor() { return identity.actor(); }

    /** The official's name, as the sign-in gives it. */
    public String name() { return identity.name(); }

    public static OfficialCaller of(Identity me) {
        if (me.role() != Role.OFFICIAL) {
            throw vn.gov.bvhttdl.dvc.domain.DomainException.of("officials-only");
        }
        return new OfficialCaller(me);
    }

    /** Binds an {@link OfficialCaller} argument from the API Gateway event behind the request. */
    @Singleton
    public static final class Binder extends CallerBinder<OfficialCaller> {
        public Binder(AccountCheck accounts) { super(OfficialCaller.class, OfficialCaller::of, accounts); }
    }
}

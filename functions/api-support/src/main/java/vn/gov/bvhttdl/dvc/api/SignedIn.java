package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventServletRequest;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.domain.Actor;


/**
 * Whoever is signed in, calling about their own affairs (a citizen, or an official as an applicant): a controller
 * method that takes one is called only with a sign-in (401 otherwise), bound once from the authorizer's claims.
 */
public record SignedIn(Identity identity) {
    /** The applicant acting: their own dossiers are those they created. */
    public Actor applicant() { return Actor.citizen(identity.subject()); }

    /** The actor with the role the sign-in gives. */
    public Actor actor() { return identity.actor(); }

    /**
     * The identity the sign-in verified (name, personal ID, e-mail; an organisation's enterprise code, with the
     * person as its representative; VNeID or an account of the user pool).
     */
    public vn.gov.bvhttdl.dvc.application.VerifiedIdentity verified() { return identity.verified(); }

    /** Who verified the identity: VNeID through the national portal, or an account of the user pool. */
    public vn.gov.bvhttdl.dvc.application.VerifiedIdentity.VerifiedBy verifiedBy() { return identity.verifiedBy(); }

    /** A citizen, or an organisation signed in by its representative. */
    public vn.gov.bvhttdl.dvc.application.VerifiedIdentity.AccountType accountType() { return identity.accountType(); }

    static APIGatewayV2HTTPEvent event(HttpRequest<?> source) {
        return source instanceof APIGatewayV2HTTPEventServletRequest r ? (APIGatewayV2HTTPEvent) r.getNativeRequest() : null;
    }

    /** Binds a {@link SignedIn} argument from the API Gateway event behind the request. */
    @Singleton
    public static final class Binder extends CallerBinder<SignedIn> {
        public Binder(AccountCheck accounts) { super(SignedIn.class, SignedIn::new, accounts); }
    }
}

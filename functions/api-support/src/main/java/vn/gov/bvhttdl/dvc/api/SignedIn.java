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

    /** The identity the national sign-in verified (name, ID number, e-mail). */
    public vn.gov.bvhttdl.dvc.application.VerifiedIdentity verified() {
        return new vn.gov.bvhttdl.dvc.application.VerifiedIdentity(identity.name(), identity.idNumber(), identity.email());
    }

    static APIGatewayV2HTTPEvent event(HttpRequest<?> source) {
        return source instanceof APIGatewayV2HTTPEventServletRequest r ? (APIGatewayV2HTTPEvent) r.getNativeRequest() : null;
    }

    /** Binds a {@link SignedIn} argument from the API Gateway event behind the request. */
    @Singleton
    public static final class Binder extends CallerBinder<SignedIn> {
        public Binder() { super(SignedIn.class, SignedIn::new); }
    }
}

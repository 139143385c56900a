package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.util.Map;

/**
 * Who is calling, from the claims that the HTTP API's JWT authorizer checked and put in the event
 * ({@code requestContext.authorizer.jwt.claims}). The function never sees or checks the token itself. An official
 * belongs to an agency and a unit and holds a post there ({@code custom:agency}, {@code custom:unit},
 * {@code custom:post}: Cognito custom attributes that only administrators write on AWS, the development sign-in
 * offline); they see their unit's dossiers and act at the steps of their post.
 */
public record Identity(String subject, String name, String email, String idNumber, Role role, boolean admin,
                       String agency, String unit, vn.gov.bvhttdl.dvc.domain.Post post) {

    /** The actor of the use cases. */
    public vn.gov.bvhttdl.dvc.domain.Actor actor() {
        return new vn.gov.bvhttdl.dvc.domain.Actor(subject, role, agency, unit, role == Role.OFFICIAL ? post : null);
    }


    public static final String OFFICIALS_GROUP = "officials";
    public static final String ADMINS_GROUP = "admins";

    public static Identity of(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = null;
        if (event != null && event.getRequestContext() != null && event.getRequestContext().getAuthorizer() != null
                && event.getRequestContext().getAuthorizer().getJwt() != null) {
            claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        }
        if (claims == null || claims.get("sub") == null || claims.get("sub").isBlank()) {
            throw vn.gov.bvhttdl.dvc.domain.DomainException.of("sign-in-required");
        }
        // HTTP API passes array claims as a string like "[officials citizens]"
        java.util.List<String> groups = java.util.Arrays.asList(
                claims.getOrDefault("cognito:groups", "").replaceAll("[\\[\\],]", " ").trim().split("\\s+"));
        Role role = groups.contains(OFFICIALS_GROUP) ? Role.OFFICIAL : Role.CITIZEN;
        return new Identity(claims.get("sub"), claims.get("name"), claims.get("email"),
                claims.get("custom:id_number"), role, groups.contains(ADMINS_GROUP),
                blankToNull(claims.get("custom:agency")), blankToNull(claims.get("custom:unit")),
                vn.gov.bvhttdl.dvc.domain.Post.parse(claims.get("custom:post")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

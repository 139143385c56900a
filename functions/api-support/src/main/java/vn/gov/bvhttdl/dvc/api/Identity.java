package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import vn.gov.bvhttdl.dvc.application.VerifiedIdentity;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.util.Map;

/**
 * Who is calling, from the claims that the HTTP API's JWT authorizer checked and put in the event
 * ({@code requestContext.authorizer.jwt.claims}). The function never sees or checks the token itself. An official
 * belongs to an agency and a unit and holds a post there ({@code custom:agency}, {@code custom:unit},
 * {@code custom:post}: Cognito custom attributes that only administrators write on AWS, the development sign-in
 * offline); they see their unit's dossiers and act at the steps of their post.
 * <p>
 * A citizen or an organisation who signed in with VNeID through the national portal's single sign-on is a user that
 * Cognito federated from the identity provider {@value #NATIONAL_PROVIDER}: Cognito puts the provider in the
 * {@code identities} claim (which no user can write) and maps the national claims to {@code name},
 * {@code custom:id_number}, {@code custom:account_type}, {@code custom:enterprise_code}, {@code custom:organisation}
 * (template.yaml, docs/national-portal.md). An organisation's account type and enterprise code are taken only from
 * such a federated identity.
 */
public record Identity(String subject, String name, String email, String idNumber, Role role, boolean admin,
                       String agency, String unit, vn.gov.bvhttdl.dvc.domain.Post post,
                       VerifiedIdentity.AccountType accountType, String enterpriseCode, String organisation,
                       VerifiedIdentity.VerifiedBy verifiedBy, vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation) {

    /** The provider name of the national portal's SSO in the user pool (template.yaml NationalIdentityProvider). */
    public static final String NATIONAL_PROVIDER = "VNeID";

    /** The identity the sign-in verified, as the use cases take it. */
    public VerifiedIdentity verified() {
        return new VerifiedIdentity(name, idNumber, email, accountType, enterpriseCode, organisation, verifiedBy);
    }

    /** A citizen or an organisation (signed in by its representative). */
    public VerifiedIdentity.AccountType accountType() { return accountType; }

    /** VNeID through the national portal, or an account of the user pool. */
    public VerifiedIdentity.VerifiedBy verifiedBy() { return verifiedBy; }

    /** The actor of the use cases. */
    public vn.gov.bvhttdl.dvc.domain.Actor actor() {
        var actor = new vn.gov.bvhttdl.dvc.domain.Actor(subject, role, agency, unit, role == Role.OFFICIAL ? post : null);
        // an official's name and standing delegation (KT./TL.) go into the trail of the moves they make
        return role == Role.OFFICIAL ? actor.named(name, delegation) : actor;
    }


    /**
     * This caller as their account has them now ({@link AccountCheck}): an official's role, agency, unit, post and
     * signing delegation (KT./TL.), or an administrator (no unit, no post), whatever the token was issued with.
     */
    public Identity as(vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account account) {
        boolean isAdmin = account.role() == vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole.ADMIN;
        return new Identity(subject, account.name() == null ? name : account.name(), email, idNumber,
                isAdmin ? Role.CITIZEN : Role.OFFICIAL, isAdmin, account.agency(), isAdmin ? null : account.unit(),
                account.role().post(), accountType, enterpriseCode, organisation, verifiedBy,
                // the signing delegation (KT./TL.) as the account has it now: a change, or its removal, holds at once
                isAdmin ? null : account.delegation());
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
        boolean national = federatedBy(claims.get("identities"), NATIONAL_PROVIDER);
        VerifiedIdentity.AccountType type = national && organisation(claims.get("custom:account_type"))
                && blankToNull(claims.get("custom:enterprise_code")) != null
                ? VerifiedIdentity.AccountType.ORGANISATION : VerifiedIdentity.AccountType.CITIZEN;
        boolean org = type == VerifiedIdentity.AccountType.ORGANISATION;
        return new Identity(claims.get("sub"), claims.get("name"), claims.get("email"),
                claims.get("custom:id_number"), role, groups.contains(ADMINS_GROUP),
                blankToNull(claims.get("custom:agency")), blankToNull(claims.get("custom:unit")),
                vn.gov.bvhttdl.dvc.domain.Post.parse(claims.get("custom:post")), type,
                org ? blankToNull(claims.get("custom:enterprise_code")) : null,
                org ? blankToNull(claims.get("custom:organisation")) : null,
                national ? VerifiedIdentity.VerifiedBy.VNEID : VerifiedIdentity.VerifiedBy.ACCOUNT,
                // assigned with the official's account (rules/signing.json): custom:sign_mode KT|TL, custom:sign_for, custom:title
                role == Role.OFFICIAL ? vn.gov.bvhttdl.dvc.domain.Actor.Delegation.parse(claims.get("custom:sign_mode"),
                        claims.get("custom:sign_for"), claims.get("custom:title")) : null);
    }

    /**
     * Whether Cognito's {@code identities} claim names {@code provider}: a JSON array of objects in the token, which
     * the HTTP API hands on as a string in whatever rendering ({@code [{"providerName":"VNeID",…}]},
     * {@code [map[providerName:VNeID …]]}); the runner's as {@code [{providerName=VNeID, …}]}.
     */
    static boolean federatedBy(String identities, String provider) {
        if (identities == null || identities.isBlank()) return false;
        return java.util.regex.Pattern.compile("providerName\\W{0,3}" + java.util.regex.Pattern.quote(provider) + "(?![\\w-])")
                .matcher(identities).find();
    }

    /**
     * The national account type ({@code LoaiTaiKhoan}, mapped to {@code custom:account_type}) names an organisation:
     * the values are assumed (docs/national-portal.md): 2 or 3, or a word for an enterprise or organisation.
     */
    static boolean organisation(String accountType) {
        if (accountType == null) return false;
        String v = accountType.strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("2") || v.equals("3") || v.equals("organisation") || v.equals("organization") || v.equals("enterprise")
                || v.equals("doanh_nghiep") || v.equals("doanhnghiep") || v.equals("to_chuc") || v.equals("tochuc");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

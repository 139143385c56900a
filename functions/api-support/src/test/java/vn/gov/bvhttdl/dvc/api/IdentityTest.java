package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.VerifiedIdentity.AccountType;
import vn.gov.bvhttdl.dvc.application.VerifiedIdentity.VerifiedBy;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The claims the JWT authorizer passes on, mapped to the verified identity (VNeID federation or a pool account). */
class IdentityTest {
    private static APIGatewayV2HTTPEvent event(Map<String, String> claims) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build();
        var auth = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build();
        return APIGatewayV2HTTPEvent.builder().withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder().withAuthorizer(auth).build()).build();
    }

    private static Map<String, String> claims(String identities, String type, String enterprise) {
        Map<String, String> c = new HashMap<>();
        c.put("sub", "s-1");
        c.put("name", "Trần Thị Bình");
        c.put("custom:id_number", "079190004567");
        if (identities != null) c.put("identities", identities);
        if (type != null) c.put("custom:account_type", type);
        if (enterprise != null) c.put("custom:enterprise_code", enterprise);
        c.put("custom:organisation", "Công ty TNHH Nghệ thuật Sen Vàng");
        return c;
    }

    @Test
    void a_citizen_federated_from_the_national_portal_is_verified_by_vneid() {
        Identity me = Identity.of(event(claims("[{\"userId\":\"u1\",\"providerName\":\"VNeID\",\"providerType\":\"OIDC\"}]", "1", null)));
        assertEquals(VerifiedBy.VNEID, me.verifiedBy());
        assertEquals(AccountType.CITIZEN, me.accountType());
        assertEquals("079190004567", me.verified().applicantId());
        assertNull(me.verified().representative());
    }

    @Test
    void an_organisation_has_its_enterprise_code_as_applicant_and_the_person_as_representative() {
        // the HTTP API renders an array of objects Go-style
        Identity me = Identity.of(event(claims("[map[dateCreated:1 providerName:VNeID providerType:OIDC userId:u2]]", "2", "0312345678")));
        assertEquals(VerifiedBy.VNEID, me.verifiedBy());
        assertEquals(AccountType.ORGANISATION, me.accountType());
        assertEquals("0312345678", me.verified().applicantId());
        assertEquals("Trần Thị Bình", me.verified().representative().name());
        assertEquals("079190004567", me.verified().representative().idNumber());
        assertEquals("Công ty TNHH Nghệ thuật Sen Vàng", me.verified().organisation());
    }

    @Test
    void organisation_claims_without_the_national_federation_are_not_honoured() {
        Identity pool = Identity.of(event(claims(null, "2", "0312345678")));
        assertEquals(VerifiedBy.ACCOUNT, pool.verifiedBy());
        assertEquals(AccountType.CITIZEN, pool.accountType());
        assertNull(pool.enterpriseCode());
        Identity other = Identity.of(event(claims("[{providerName=VNeIDX, providerType=OIDC}]", "2", "0312345678")));
        assertEquals(VerifiedBy.ACCOUNT, other.verifiedBy());
    }

    @Test
    void an_organisation_account_type_without_an_enterprise_code_is_a_citizen() {
        Identity me = Identity.of(event(claims("[{providerName=VNeID, providerType=OIDC}]", "2", " ")));
        assertEquals(AccountType.CITIZEN, me.accountType());
        assertEquals(VerifiedBy.VNEID, me.verifiedBy());
    }

    @Test
    void the_account_s_signing_delegation_replaces_the_token_s_at_once() {
        Map<String, String> c = claims(null, null, null);
        c.put("cognito:groups", "[officials]");
        c.put("custom:agency", "CDLQG");
        c.put("custom:unit", "LUHANH");
        c.put("custom:post", "LEADER");
        c.put("custom:sign_mode", "KT");
        c.put("custom:sign_for", "Người Cũ");
        c.put("custom:title", "Phó Cục trưởng");
        Identity token = Identity.of(event(c));
        assertEquals("Người Cũ", token.delegation().forName(), "the token as issued");
        var now = java.time.Instant.parse("2026-12-06T03:00:00Z");
        var base = vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole.LEADER;
        var tl = new vn.gov.bvhttdl.dvc.domain.Actor.Delegation("TL", "Nguyễn Văn Trưởng", "Trưởng phòng");
        var account = new vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account("s-1", "u", "Trần Thị Bình", "b@example.vn", "CDLQG", "LUHANH",
                base, vn.gov.bvhttdl.dvc.application.OfficialAccounts.Status.ACTIVE, 3, now, "admin", "Trưởng phòng", tl);
        var actor = token.as(account).actor();
        assertEquals(tl, actor.delegation(), "the account's delegation, not the token's");
        assertEquals("TL", vn.gov.bvhttdl.dvc.domain.Signature.details(actor).get("signMode"));
        var own = new vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account("s-1", "u", "Trần Thị Bình", "b@example.vn", "CDLQG", "LUHANH",
                base, vn.gov.bvhttdl.dvc.application.OfficialAccounts.Status.ACTIVE, 4, now, "admin", "Trưởng phòng", null);
        assertNull(token.as(own).actor().delegation(), "a delegation removed holds though the token still says KT.");
    }
}

package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The user pool's requests as Cognito's JSON API reads them (no AWS: the bodies and targets only). */
class CognitoRequestsTest {
    private static Map<String, Object> body(CognitoRequests.Call c) { return Json.obj(Json.parse(c.json())); }

    @Test
    void createsTheUserByEmailWithTheAssignmentAndAnEmailedInvitation() {
        var c = CognitoRequests.createUser("ap-southeast-1_X", "Trần Thị Bình", "binh@example.vn", AccountRole.SPECIALIST, "CDLQG", "CHUYENMON");
        assertEquals("AWSCognitoIdentityProviderService.AdminCreateUser", c.target());
        var b = body(c);
        assertEquals("ap-southeast-1_X", b.get("UserPoolId"));
        assertEquals("binh@example.vn", b.get("Username"));
        assertEquals(List.of("EMAIL"), b.get("DesiredDeliveryMediums"));
        assertEquals(List.of(Map.of("Name", "email", "Value", "binh@example.vn"), Map.of("Name", "email_verified", "Value", "true"),
                Map.of("Name", "name", "Value", "Trần Thị Bình"), Map.of("Name", "custom:agency", "Value", "CDLQG"),
                Map.of("Name", "custom:unit", "Value", "CHUYENMON"), Map.of("Name", "custom:post", "Value", "SPECIALIST"),
                Map.of("Name", "custom:title", "Value", ""), Map.of("Name", "custom:sign_mode", "Value", ""),
                Map.of("Name", "custom:sign_for", "Value", "")), b.get("UserAttributes"));
    }

    @Test
    void anAdministratorsUnitAndPostAreEmptied() {
        var b = body(CognitoRequests.updateAttributes("p", "u-1", AccountRole.ADMIN, null, "MOTCUA"));
        assertEquals("AdminUpdateUserAttributes", CognitoRequests.updateAttributes("p", "u-1", AccountRole.ADMIN, null, null).operation());
        assertEquals(List.of(Map.of("Name", "custom:agency", "Value", ""), Map.of("Name", "custom:unit", "Value", ""),
                Map.of("Name", "custom:post", "Value", ""), Map.of("Name", "custom:title", "Value", ""),
                Map.of("Name", "custom:sign_mode", "Value", ""), Map.of("Name", "custom:sign_for", "Value", "")), b.get("UserAttributes"));
        assertEquals("u-1", b.get("Username"));
    }

    @Test
    void writesTheTitleAndTheDelegationToSignOnBehalfOfASuperior() {
        var kt = new vn.gov.bvhttdl.dvc.domain.Actor.Delegation("KT", "Nguyễn Văn Trưởng", "Phó Cục trưởng");
        var created = body(CognitoRequests.createUser("p", "Lê Thị Phó", "pho@example.vn", AccountRole.LEADER, "CDLQG", "LANHDAO", "Phó Cục trưởng", kt));
        @SuppressWarnings("unchecked")
        var attrs = (List<Map<String, Object>>) created.get("UserAttributes");
        assertEquals(List.of(Map.of("Name", "custom:title", "Value", "Phó Cục trưởng"), Map.of("Name", "custom:sign_mode", "Value", "KT"),
                Map.of("Name", "custom:sign_for", "Value", "Nguyễn Văn Trưởng")), attrs.subList(attrs.size() - 3, attrs.size()));
        var tl = new vn.gov.bvhttdl.dvc.domain.Actor.Delegation("TL", "Trần Văn Cấp Trên", "Trưởng phòng");
        var updated = body(CognitoRequests.updateAttributes("p", "u-2", AccountRole.SPECIALIST, "CDLQG", "CHUYENMON", "Trưởng phòng", tl));
        assertEquals(List.of(Map.of("Name", "custom:agency", "Value", "CDLQG"), Map.of("Name", "custom:unit", "Value", "CHUYENMON"),
                Map.of("Name", "custom:post", "Value", "SPECIALIST"), Map.of("Name", "custom:title", "Value", "Trưởng phòng"),
                Map.of("Name", "custom:sign_mode", "Value", "TL"), Map.of("Name", "custom:sign_for", "Value", "Trần Văn Cấp Trên")),
                updated.get("UserAttributes"));
        var own = body(CognitoRequests.updateAttributes("p", "u-2", AccountRole.SPECIALIST, "CDLQG", "CHUYENMON", "Chuyên viên", null));
        assertEquals(List.of(Map.of("Name", "custom:title", "Value", "Chuyên viên"), Map.of("Name", "custom:sign_mode", "Value", ""),
                Map.of("Name", "custom:sign_for", "Value", "")), ((List<?>) own.get("UserAttributes")).subList(3, 6),
                "signing in their own right clears the delegation");
    }

    @Test
    void groupsDisableAndSignOut() {
        assertEquals(Map.of("UserPoolId", "p", "Username", "u", "GroupName", "admins"), body(CognitoRequests.addToGroup("p", "u", "admins")));
        assertEquals("AWSCognitoIdentityProviderService.AdminRemoveUserFromGroup", CognitoRequests.removeFromGroup("p", "u", "officials").target());
        assertEquals(Map.of("UserPoolId", "p", "Username", "u"), body(CognitoRequests.disable("p", "u")));
        assertEquals("AdminDisableUser", CognitoRequests.disable("p", "u").operation());
        assertEquals("AWSCognitoIdentityProviderService.AdminUserGlobalSignOut", CognitoRequests.globalSignOut("p", "u").target());
    }

    @Test
    void readsTheSubjectOfTheCreatedUser() {
        String answer = "{\"User\":{\"Username\":\"7f1c-uuid\",\"Attributes\":[{\"Name\":\"email\",\"Value\":\"b@example.vn\"},"
                + "{\"Name\":\"sub\",\"Value\":\"sub-123\"}],\"Enabled\":true,\"UserStatus\":\"FORCE_CHANGE_PASSWORD\"}}";
        assertArrayEquals(new String[] {"sub-123", "7f1c-uuid"}, CognitoRequests.created(answer));
    }

    @Test
    void theLocalDirectorysSubjectIsStableForAnAddress() {
        assertEquals(LocalDirectory.subjectOf("Binh@Example.vn"), LocalDirectory.subjectOf(" binh@example.vn"));
        assertEquals(28, LocalDirectory.subjectOf("a@b.vn").length());
    }
}

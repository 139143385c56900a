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
                Map.of("Name", "custom:unit", "Value", "CHUYENMON"), Map.of("Name", "custom:post", "Value", "SPECIALIST")), b.get("UserAttributes"));
    }

    @Test
    void anAdministratorsUnitAndPostAreEmptied() {
        var b = body(CognitoRequests.updateAttributes("p", "u-1", AccountRole.ADMIN, null, "MOTCUA"));
        assertEquals("AdminUpdateUserAttributes", CognitoRequests.updateAttributes("p", "u-1", AccountRole.ADMIN, null, null).operation());
        assertEquals(List.of(Map.of("Name", "custom:agency", "Value", ""), Map.of("Name", "custom:unit", "Value", ""),
                Map.of("Name", "custom:post", "Value", "")), b.get("UserAttributes"));
        assertEquals("u-1", b.get("Username"));
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

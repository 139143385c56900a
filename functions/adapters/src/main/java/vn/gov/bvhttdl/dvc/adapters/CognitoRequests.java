package vn.gov.bvhttdl.dvc.adapters;

import vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole;
import vn.gov.bvhttdl.dvc.domain.Actor.Delegation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cognito user pool API's requests that {@link CognitoDirectory} sends (JSON 1.1, {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<operation>}), built here without any AWS call so that a unit test reads them.
 * The AdminApiFunction's role allows exactly these operations on the pool (template.yaml).
 */
public final class CognitoRequests {
    private CognitoRequests() {}

    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    /** One call: the operation and its JSON body. */
    public record Call(String operation, Map<String, Object> body) {
        public String target() { return TARGET_PREFIX + operation; }

        public String json() { return vn.gov.bvhttdl.dvc.domain.Json.write(body); }
    }

    /**
     * The user {@code email} (the pool's user name is the e-mail address, {@code UsernameAttributes: [email]}),
     * verified (the administrator vouches for it), with the role's attributes; Cognito e-mails the temporary password.
     */
    public static Call createUser(String pool, String name, String email, AccountRole role, String agency, String unit) {
        return createUser(pool, name, email, role, agency, unit, null, null);
    }

    /** As above, with the official's title and signing delegation ({@code custom:title}, {@code custom:sign_mode}, {@code custom:sign_for}). */
    public static Call createUser(String pool, String name, String email, AccountRole role, String agency, String unit,
                                  String title, Delegation delegation) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("UserPoolId", pool);
        b.put("Username", email);
        List<Map<String, String>> attrs = new ArrayList<>();
        attrs.add(attr("email", email));
        attrs.add(attr("email_verified", "true"));
        attrs.add(attr("name", name));
        attrs.addAll(assignment(role, agency, unit, title, delegation));
        b.put("UserAttributes", attrs);
        b.put("DesiredDeliveryMediums", List.of("EMAIL"));
        return new Call("AdminCreateUser", b);
    }

    /** The role's agency, unit and post ({@code custom:*}; an administrator's unit and post are empty). */
    public static Call updateAttributes(String pool, String username, AccountRole role, String agency, String unit) {
        return updateAttributes(pool, username, role, agency, unit, null, null);
    }

    /** As above, with the title and delegation (empty values clear them: the official signs in their own right). */
    public static Call updateAttributes(String pool, String username, AccountRole role, String agency, String unit,
                                        String title, Delegation delegation) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("UserPoolId", pool);
        b.put("Username", username);
        b.put("UserAttributes", assignment(role, agency, unit, title, delegation));
        return new Call("AdminUpdateUserAttributes", b);
    }

    public static Call addToGroup(String pool, String username, String group) {
        return new Call("AdminAddUserToGroup", user(pool, username, group));
    }

    public static Call removeFromGroup(String pool, String username, String group) {
        return new Call("AdminRemoveUserFromGroup", user(pool, username, group));
    }

    public static Call disable(String pool, String username) {
        return new Call("AdminDisableUser", user(pool, username, null));
    }

    /** Revokes the user's refresh tokens: no new ID token after the one they hold (which the APIs refuse anyway). */
    public static Call globalSignOut(String pool, String username) {
        return new Call("AdminUserGlobalSignOut", user(pool, username, null));
    }

    /** The {@code sub} attribute of an {@code AdminCreateUser} answer, and the user's name in the pool. */
    @SuppressWarnings("unchecked")
    public static String[] created(String answer) {
        Map<String, Object> user = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(answer)).get("User"));
        String sub = null;
        for (Object o : vn.gov.bvhttdl.dvc.domain.Json.list(user.get("Attributes"))) {
            Map<String, Object> a = (Map<String, Object>) o;
            if ("sub".equals(a.get("Name"))) sub = String.valueOf(a.get("Value"));
        }
        String username = String.valueOf(user.get("Username"));
        if (sub == null) sub = username;
        return new String[] {sub, username};
    }

    /** {@code custom:agency}, {@code custom:unit}, {@code custom:post}, {@code custom:title}, {@code custom:sign_mode}, {@code custom:sign_for}. */
    private static List<Map<String, String>> assignment(AccountRole role, String agency, String unit, String title, Delegation delegation) {
        return List.of(attr("custom:agency", agency == null ? "" : agency),
                attr("custom:unit", role == AccountRole.ADMIN || unit == null ? "" : unit),
                attr("custom:post", role.post() == null ? "" : role.post().name()),
                attr("custom:title", title == null ? "" : title),
                attr("custom:sign_mode", delegation == null ? "" : delegation.mode()),
                attr("custom:sign_for", delegation == null || delegation.forName() == null ? "" : delegation.forName()));
    }

    private static Map<String, Object> user(String pool, String username, String group) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("UserPoolId", pool);
        b.put("Username", username);
        if (group != null) b.put("GroupName", group);
        return b;
    }

    private static Map<String, String> attr(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Name", name);
        m.put("Value", value);
        return m;
    }
}

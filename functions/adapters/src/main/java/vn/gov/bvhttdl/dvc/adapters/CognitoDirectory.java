package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole;
import vn.gov.bvhttdl.dvc.application.StaffDirectory;
import vn.gov.bvhttdl.dvc.domain.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The {@link StaffDirectory} on AWS: the Cognito user pool {@code USER_POOL_ID}, through its JSON API signed with
 * SigV4 (no Cognito SDK module: {@link CognitoRequests} builds each request, the SDK's signer and HTTP client send
 * it). The pool requires a second factor of its local users (template.yaml {@code MfaConfiguration: "ON"}, TOTP;
 * ADR 0012): an official sets up an authenticator app at the first sign-in after the invitation.
 */
public final class CognitoDirectory implements StaffDirectory {
    private final String pool;
    private final String region;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public CognitoDirectory(String pool, String region, SdkHttpClient http, AwsCredentialsProvider credentials) {
        this.pool = pool;
        this.region = region;
        this.http = http;
        this.credentials = credentials;
    }

    /** The pool of {@code USER_POOL_ID} in {@code AWS_REGION}. */
    public static CognitoDirectory fromSettings() {
        return new CognitoDirectory(Settings.require("USER_POOL_ID"), Settings.require("AWS_REGION"), AwsClients.HTTP, AwsClients.credentials());
    }

    @Override
    public User create(String name, String email, AccountRole role, String agency, String unit, String title,
                       vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation) {
        String answer;
        try {
            answer = send(CognitoRequests.createUser(pool, name, email, role, agency, unit, title, delegation));
        } catch (Refused r) {
            if (r.type.endsWith("UsernameExistsException")) throw DomainException.of("official-exists");
            throw r;
        }
        String[] user = CognitoRequests.created(answer);
        send(CognitoRequests.addToGroup(pool, user[1], role.group()));
        return new User(user[0], user[1]);
    }

    @Override
    public void assign(String username, AccountRole before, AccountRole role, String agency, String unit, String title,
                       vn.gov.bvhttdl.dvc.domain.Actor.Delegation delegation) {
        send(CognitoRequests.updateAttributes(pool, username, role, agency, unit, title, delegation));
        if (!before.group().equals(role.group())) {
            send(CognitoRequests.addToGroup(pool, username, role.group()));
            send(CognitoRequests.removeFromGroup(pool, username, before.group()));
        }
    }

    @Override
    public void deactivate(String username) {
        send(CognitoRequests.disable(pool, username));
        send(CognitoRequests.globalSignOut(pool, username));
    }

    /** The pool refused a call: its error type ({@code __type}); the message is not kept (it may name the user). */
    static final class Refused extends IllegalStateException {
        final String type;

        Refused(String operation, int status, String type) {
            super("user pool refused " + operation + ": " + status + " " + type);
            this.type = type;
        }
    }

    private String send(CognitoRequests.Call call) {
        byte[] body = call.json().getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("https://cognito-idp." + region + ".amazonaws.com/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", call.target()).build();
        var signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            var response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text;
            var stream = response.responseBody();
            if (stream.isEmpty()) text = "";
            else try (InputStream in = stream.get()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = response.httpResponse().statusCode();
            if (status / 100 != 2) {
                String type = "unknown";
                try {
                    type = String.valueOf(vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(text)).get("__type"));
                } catch (RuntimeException unreadable) {
                    // keep "unknown"
                }
                throw new Refused(call.operation(), status, type);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("user pool " + call.operation() + " not reachable", e);
        }
    }
}

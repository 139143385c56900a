package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients for functions. The region, credentials and endpoint come from where the SDK looks by itself:
 * on Lambda the environment ({@code AWS_REGION}, the role's keys); offline the same names as system properties
 * ({@code aws.region}, {@code aws.endpointUrlDynamoDb} …). Nothing here knows whether it runs locally.
 * Credentials skip the profile-file and instance-metadata look-ups that cost cold-start time on Lambda.
 */
public final class AwsClients {
    private AwsClients() {}

    /** One HTTP client for all SDK clients of a function (URL connection: the lightest at cold start). */
    public static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

    public static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create());
    }

    public static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().httpClient(HTTP).credentialsProvider(credentials()).build();
    }
}

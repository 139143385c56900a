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

    /**
     * The S3 endpoint the SDK was told to use instead of AWS's (AWS_ENDPOINT_URL_S3 / aws.endpointUrlS3), if any.
     * S3-compatible servers such as S3Proxy are addressed by path (http://host/bucket/key); AWS by virtual host.
     */
    public static java.util.Optional<java.net.URI> s3EndpointOverride() {
        String v = System.getenv("AWS_ENDPOINT_URL_S3");
        if (v == null || v.isBlank()) v = System.getProperty("aws.endpointUrlS3");
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(java.net.URI.create(v));
    }

    public static software.amazon.awssdk.services.s3.S3Client s3() {
        return software.amazon.awssdk.services.s3.S3Client.builder().httpClient(HTTP).credentialsProvider(credentials())
                .forcePathStyle(s3EndpointOverride().isPresent()).build();
    }

    /** Presigned URLs for the browser (uploads) and for downloads of issued documents. */
    public static software.amazon.awssdk.services.s3.presigner.S3Presigner presigner() {
        var b = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder().credentialsProvider(credentials())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(s3EndpointOverride().isPresent()).build());
        s3EndpointOverride().ifPresent(b::endpointOverride);
        return b.build();
    }

    public static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().httpClient(HTTP).credentialsProvider(credentials()).build();
    }
}

package vn.gov.bvhttdl.dvc.notifications;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.MessageType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.SendTextMessageRequest;
import vn.gov.bvhttdl.dvc.application.Channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SMS adapter on AWS: the request it builds, and that request through the SDK client as far as the wire, with an
 * HTTP client that records instead of sending (no network).
 */
class EndUserMessagingTest {
    static final String IDENTITY = "arn:aws:sms-voice:ap-southeast-1:123456789012:sender-id/BVHTTDL/VN";
    static final Channel.Message MESSAGE = new Channel.Message("evt-1#sms", "0912 345 678", "Ho so da tiep nhan",
            "Ho so 000.00.12.G17-250101-0001 da duoc tiep nhan. https://dichvucong.example/#/dossier/d1", null, "000.00.12.G17-250101-0001");

    @AfterEach
    void clearSettings() {
        System.clearProperty("SMS_CHANNEL");
        System.clearProperty("SMS_ORIGINATION_IDENTITY");
    }

    @Test
    void theRequestIsTransactionalFromTheOriginationIdentityToTheNumberInE164() {
        SendTextMessageRequest r = SmsChannels.EndUserMessaging.request(IDENTITY, MESSAGE);
        assertEquals(IDENTITY, r.originationIdentity());
        assertEquals("+84912345678", r.destinationPhoneNumber());
        assertEquals(MessageType.TRANSACTIONAL, r.messageType());
        assertEquals(MESSAGE.text(), r.messageBody(), "the text goes as the renderer made it");
        assertNull(r.configurationSetName());
    }

    @Test
    void sendHandsThatRequestToSendTextMessageSigned() {
        Recording wire = new Recording(200, "{\"MessageId\":\"m-1\"}");
        List<SdkRequest> seen = new ArrayList<>();
        var channel = new SmsChannels.EndUserMessaging(IDENTITY, () -> client(wire, seen));

        channel.send(MESSAGE);

        assertEquals(1, seen.size());
        SendTextMessageRequest sent = (SendTextMessageRequest) seen.get(0);
        assertEquals(SmsChannels.EndUserMessaging.request(IDENTITY, MESSAGE), sent);
        SdkHttpRequest http = wire.requests.get(0);
        assertEquals("sms-voice.ap-southeast-1.amazonaws.com", http.host());
        assertEquals("PinpointSMSVoiceV2.SendTextMessage", http.firstMatchingHeader("X-Amz-Target").orElseThrow());
        String auth = http.firstMatchingHeader("Authorization").orElseThrow();
        assertTrue(auth.contains("/ap-southeast-1/sms-voice/aws4_request"), auth);
        String body = wire.bodies.get(0);
        assertTrue(body.contains("\"OriginationIdentity\":\"" + IDENTITY + "\""), body);
        assertTrue(body.contains("\"DestinationPhoneNumber\":\"+84912345678\""), body);
        assertTrue(body.contains("\"MessageType\":\"TRANSACTIONAL\""), body);
    }

    @Test
    void aRefusalIsAnExceptionSoTheDeliveryIsMarkedFailedAndRetried() {
        Recording wire = new Recording(400, "{\"__type\":\"ValidationException\",\"Message\":\"origination identity not found\"}");
        var channel = new SmsChannels.EndUserMessaging(IDENTITY, () -> client(wire, new ArrayList<>()));
        assertThrows(SdkException.class, () -> channel.send(MESSAGE));
    }

    @Test
    void theSettingsChooseTheChannelAndTheIdentityIsRequired() {
        System.setProperty("SMS_CHANNEL", "sms-voice");
        assertThrows(IllegalStateException.class, () -> SmsChannels.fromSettings(null), "no origination identity");
        System.setProperty("SMS_ORIGINATION_IDENTITY", IDENTITY);
        assertTrue(SmsChannels.fromSettings(null) instanceof SmsChannels.EndUserMessaging);
        System.setProperty("SMS_CHANNEL", "outbox");
        assertTrue(SmsChannels.fromSettings(null) instanceof SmsChannels.Outbox);
        System.setProperty("SMS_CHANNEL", "sns");
        assertThrows(IllegalStateException.class, () -> SmsChannels.fromSettings(null), "SNS is gone");
    }

    static PinpointSmsVoiceV2Client client(SdkHttpClient http, List<SdkRequest> seen) {
        return PinpointSmsVoiceV2Client.builder()
                .region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(http)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        seen.add(context.request());
                    }
                }))
                .build();
    }

    /** Records each request and answers with a fixed status and JSON body. */
    static final class Recording implements SdkHttpClient {
        final List<SdkHttpRequest> requests = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();
        private final int status;
        private final String answer;

        Recording(int status, String answer) {
            this.status = status;
            this.answer = answer;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    requests.add(request.httpRequest());
                    bodies.add(request.contentStreamProvider().map(p -> {
                        try (var in = p.newStream()) {
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).orElse(""));
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", "application/x-amz-json-1.0").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }
}

package vn.gov.bvhttdl.dvc.local.runner;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays an EventBridge schedule ({@code Schedule}/{@code ScheduleV2} events of template.yaml): every period, starting
 * one period after start as a new rule does, an asynchronous invocation with the "Scheduled Event" EventBridge sends;
 * a failed invocation is retried twice and then goes to the function's dead-letter queue, as Lambda does with
 * asynchronous invocations. Offline only {@code rate(…)} is played; a {@code cron(…)} schedule is refused at start
 * rather than silently never run.
 */
final class ScheduleEventSource extends EventSource {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final String ruleName;
    private final Duration period;
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private Instant next;

    ScheduleEventSource(String ruleName, String expression, FunctionHost function, SqsClient sqs, String deadLetterQueueUrl) {
        super("schedule", function);
        this.ruleName = ruleName;
        this.period = period(expression);
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.next = Instant.now().plus(period);
    }

    static Duration period(String expression) {
        Matcher m = RATE.matcher(expression == null ? "" : expression.strip());
        if (!m.matches()) {
            throw new IllegalStateException("the offline runner plays rate(…) schedules only, not " + expression);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    Duration period() { return period; }

    @Override
    protected void poll() throws InterruptedException {
        long wait = Duration.between(Instant.now(), next).toMillis();
        if (wait > 0) {
            Thread.sleep(Math.min(wait, 1000));
            return;
        }
        next = next.plus(period);
        fire();
    }

    /** The logical id of the function this schedule invokes. */
    String functionName() { return function.name; }

    /** One scheduled invocation now, with Lambda's asynchronous retries; returns the function's answer or null. */
    String fire() {
        String event = event();
        Exception last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return function.invoke(event);
            } catch (Exception e) {
                last = e;
                System.err.println("[schedule] " + function.name + " attempt " + attempt + " failed: " + e);
            }
        }
        if (deadLetterQueueUrl != null) {
            String reason = String.valueOf(last);
            sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(event).messageAttributes(Map.of(
                    "ErrorMessage", MessageAttributeValue.builder().dataType("String")
                            .stringValue(reason.length() > 1000 ? reason.substring(0, 1000) : reason).build())));
        }
        return null;
    }

    private String event() {
        String region = System.getProperty("aws.region", "ap-southeast-1");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "0");
        e.put("id", UUID.randomUUID().toString());
        e.put("detail-type", "Scheduled Event");
        e.put("source", "aws.events");
        e.put("account", "000000000000");
        e.put("time", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        e.put("region", region);
        e.put("resources", List.of("arn:aws:events:" + region + ":000000000000:rule/" + function.name + "-" + ruleName));
        e.put("detail", Map.of());
        return Json.write(e);
    }
}

package vn.gov.bvhttdl.dvc.local.emulators;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * template.yaml as the offline runner sees it: the resources it must create and the triggers it must play.
 * Reading the real template keeps the local stack from drifting away from the cloud definition.
 */
public final class Template {
    /**
     * A function and what invokes it; {@code reservedConcurrency} is its {@code ReservedConcurrentExecutions} (null
     * when the template sets none: the account's unreserved pool on AWS, the runner's default offline).
     */
    public record Function(String logicalId, String handler, String codeUri, int memoryMb, int timeoutSeconds,
                           String deadLetterQueue, Map<String, Object> environment,
                           List<HttpRoute> routes, List<SqsTrigger> queues, List<S3Trigger> buckets,
                           List<ScheduleTrigger> schedules, List<StreamTrigger> streams, Integer reservedConcurrency) {}

    /** An HTTP API route; {@code authorized} is false where the route says {@code Authorizer: NONE}. */
    public record HttpRoute(String method, String path, boolean authorized) {}

    /** An SQS event source mapping: its batch size, its batching window ({@code MaximumBatchingWindowInSeconds}, 0 if unset). */
    public record SqsTrigger(String queueLogicalId, int batchSize, boolean reportBatchItemFailures, int maximumBatchingWindowSeconds) {}

    public record S3Trigger(String bucketLogicalId, String event, String prefix) {}

    /**
     * A {@code DynamoDB} stream event source mapping: the table whose stream it reads, where it starts, the batch
     * size, the retries, the filter patterns (EventBridge syntax), the on-failure queue and the
     * {@code ParallelizationFactor} (concurrent batches per shard, 1 if unset).
     */
    public record StreamTrigger(String tableLogicalId, String startingPosition, int batchSize, int maximumRetryAttempts,
                                boolean reportBatchItemFailures, List<String> filterPatterns, String onFailureQueueLogicalId,
                                int parallelizationFactor) {}

    /** A {@code Schedule} (EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler) event: {@code rate(…)} or {@code cron(…)}. */
    public record ScheduleTrigger(String name, String expression, boolean enabled) {}

    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    public static Template read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new CfnConstructor()).load(r);
            return new Template(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Physical names used offline. Buckets need lower-case DNS names; tables and queues keep the logical id. */
    public static String localName(String logicalId, String type) {
        return type.equals("AWS::S3::Bucket") ? logicalId.toLowerCase(Locale.ROOT) : logicalId;
    }

    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(root.get("Resources")).forEach((id, v) -> {
            Map<String, Object> res = map(v);
            if (type.equals(res.get("Type"))) out.put(id, map(res.getOrDefault("Properties", Map.of())));
        });
        return out;
    }

    public String typeOf(String logicalId) {
        Object r = map(root.get("Resources")).get(logicalId);
        return r == null ? null : (String) map(r).get("Type");
    }

    public List<Function> functions() {
        Map<String, Object> globals = map(map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of())));
        Map<String, Object> globalEnv = map(map(globals.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of()));
        List<Function> out = new ArrayList<>();
        resources("AWS::Serverless::Function").forEach((id, props) -> {
            Map<String, Object> env = new LinkedHashMap<>(globalEnv);
            env.putAll(map(map(props.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of())));
            List<HttpRoute> routes = new ArrayList<>();
            List<SqsTrigger> queues = new ArrayList<>();
            List<S3Trigger> buckets = new ArrayList<>();
            List<ScheduleTrigger> schedules = new ArrayList<>();
            List<StreamTrigger> streams = new ArrayList<>();
            map(props.getOrDefault("Events", Map.of())).forEach((name, ev) -> {
                Map<String, Object> e = map(ev);
                Map<String, Object> p = map(e.getOrDefault("Properties", Map.of()));
                switch ((String) e.get("Type")) {
                    case "HttpApi" -> {
                        Object auth = map(p.getOrDefault("Auth", Map.of())).get("Authorizer");
                        routes.add(new HttpRoute(String.valueOf(p.get("Method")).toUpperCase(Locale.ROOT),
                                (String) p.get("Path"), !"NONE".equals(auth)));
                    }
                    case "SQS" -> queues.add(new SqsTrigger(refOf(p.get("Queue")),
                            p.get("BatchSize") == null ? 10 : ((Number) p.get("BatchSize")).intValue(),
                            list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                            p.get("MaximumBatchingWindowInSeconds") == null ? 0 : ((Number) p.get("MaximumBatchingWindowInSeconds")).intValue()));
                    case "S3" -> {
                        String prefix = null;
                        for (Object rule : list(map(map(map(p.getOrDefault("Filter", Map.of())).getOrDefault("S3Key", Map.of())))
                                .get("Rules"))) {
                            if ("prefix".equals(map(rule).get("Name"))) prefix = (String) map(rule).get("Value");
                        }
                        buckets.add(new S3Trigger(refOf(p.get("Bucket")), String.valueOf(p.get("Events")), prefix));
                    }
                    case "DynamoDB" -> {
                        List<String> patterns = new ArrayList<>();
                        for (Object f : list(map(p.getOrDefault("FilterCriteria", Map.of())).get("Filters"))) patterns.add(String.valueOf(map(f).get("Pattern")));
                        Object onFailure = map(map(p.getOrDefault("DestinationConfig", Map.of())).getOrDefault("OnFailure", Map.of())).get("Destination");
                        streams.add(new StreamTrigger(refOf(p.get("Stream")), String.valueOf(p.getOrDefault("StartingPosition", "TRIM_HORIZON")),
                                p.get("BatchSize") == null ? 100 : ((Number) p.get("BatchSize")).intValue(),
                                p.get("MaximumRetryAttempts") == null ? -1 : ((Number) p.get("MaximumRetryAttempts")).intValue(),
                                list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"), patterns,
                                onFailure == null ? null : refOf(onFailure),
                                p.get("ParallelizationFactor") == null ? 1 : ((Number) p.get("ParallelizationFactor")).intValue()));
                    }
                    case "Schedule", "ScheduleV2" -> {
                        Object expr = p.containsKey("Schedule") ? p.get("Schedule") : p.get("ScheduleExpression");
                        Object enabled = p.containsKey("Enabled") ? p.get("Enabled") : p.get("State") == null || "ENABLED".equals(p.get("State"));
                        schedules.add(new ScheduleTrigger(name, String.valueOf(expr), !Boolean.FALSE.equals(enabled)));
                    }
                    case "SNS" -> {
                        // SES's bounce and complaint feedback: SES does not exist offline, so nothing ever publishes it
                    }
                    default -> throw new IllegalStateException("the offline runner cannot play event type "
                            + e.get("Type") + " of " + id + "." + name);
                }
            });
            Object memory = props.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128));
            Object timeout = props.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3));
            Map<String, Object> dlq = map(props.get("DeadLetterQueue"));
            out.add(new Function(id, (String) props.get("Handler"), (String) props.get("CodeUri"),
                    ((Number) memory).intValue(), ((Number) timeout).intValue(),
                    dlq.isEmpty() ? null : refOf(dlq.get("TargetArn")), env, routes, queues, buckets, schedules, streams,
                    props.get("ReservedConcurrentExecutions") instanceof Number n ? Integer.valueOf(n.intValue()) : null));
        });
        return out;
    }

    /** The logical id that a {@code !Ref X} or {@code !GetAtt X.Attr} points at. */
    public static String refOf(Object value) {
        Map<String, Object> m = map(value);
        if (m.containsKey("Ref")) return (String) m.get("Ref");
        if (m.containsKey("Fn::GetAtt")) return (String) list(m.get("Fn::GetAtt")).get(0);
        throw new IllegalStateException("expected !Ref or !GetAtt, got " + value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (o == null) return Map.of();
        if (!(o instanceof Map)) throw new IllegalStateException("expected a mapping, got " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        if (o == null) return List.of();
        if (o instanceof List) return (List<Object>) o;
        return List.of(o);
    }

    /** Reads CloudFormation short forms ({@code !Ref}, {@code !GetAtt}, {@code !Sub} …) into their long forms. */
    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String fn = node.getTag().getValue().substring(1);
                    String key = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
                    Object value;
                    if (node instanceof ScalarNode s) {
                        String v = (String) constructScalar(s);
                        value = fn.equals("GetAtt") ? List.of(v.split("\\.", 2)) : v;
                    } else if (node instanceof SequenceNode s) {
                        value = constructSequence(s);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(key, value);
                }
            });
        }
    }
}

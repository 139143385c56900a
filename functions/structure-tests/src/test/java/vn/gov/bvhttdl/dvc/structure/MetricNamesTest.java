package vn.gov.bvhttdl.dvc.structure;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.ServiceMetrics;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every alarm and dashboard widget of template.yaml names a metric that exists: one AWS publishes for that resource
 * type (the table below, from the services' metric documentation), one the code emits ({@link ServiceMetrics}: its
 * namespace, names and dimensions) or one a metric filter of the template makes. An alarm on a misspelled metric or a
 * wrong dimension is accepted by CloudFormation and never fires; this test is what catches it. Each dimension's value
 * must also point at a resource of the right type (a {@code FunctionName} at a function, a {@code QueueName} at a
 * queue…), and the composite alarm's rule at alarms that exist.
 */
class MetricNamesTest {

    /** A dimension AWS publishes and the resource type its value names. */
    private static final Map<String, String> DIMENSION_TYPES = Map.of(
            "FunctionName", "AWS::Serverless::Function",
            "QueueName", "AWS::SQS::Queue",
            "ApiId", "AWS::Serverless::HttpApi",
            "TableName", "AWS::DynamoDB::Table");

    /** Namespace → metric → the dimension sets AWS publishes it with (only those this system uses or may soon use). */
    static final Map<String, Map<String, Set<Set<String>>>> AWS = Map.of(
            "AWS/Lambda", each(Set.of(Set.of("FunctionName")),
                    "Errors", "Throttles", "Duration", "Invocations", "IteratorAge", "ConcurrentExecutions"),
            "AWS/SQS", each(Set.of(Set.of("QueueName")),
                    "ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage", "NumberOfMessagesSent",
                    "NumberOfMessagesReceived", "ApproximateNumberOfMessagesNotVisible"),
            // HTTP APIs (API Gateway v2): ApiId, or ApiId and Stage (REST APIs use ApiName: not this system's)
            "AWS/ApiGateway", each(Set.of(Set.of("ApiId"), Set.of("ApiId", "Stage")),
                    "4xx", "5xx", "Latency", "IntegrationLatency", "Count", "DataProcessed"),
            "AWS/DynamoDB", merge(
                    each(Set.of(Set.of("TableName")), "ReadThrottleEvents", "WriteThrottleEvents",
                            "ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits"),
                    each(Set.of(Set.of("TableName", "Operation")), "ThrottledRequests", "SuccessfulRequestLatency", "SystemErrors")),
            // AWS WAF: a CloudFront web ACL's metrics (in us-east-1) carry WebACL and Rule, a regional one's Region too;
            // Rule ALL is the web ACL's total
            "AWS/WAFV2", each(Set.of(Set.of("WebACL", "Rule"), Set.of("Region", "WebACL", "Rule")),
                    "AllowedRequests", "BlockedRequests", "CountedRequests"));

    private static Map<String, Set<Set<String>>> each(Set<Set<String>> dims, String... names) {
        Map<String, Set<Set<String>>> m = new HashMap<>();
        for (String n : names) m.put(n, dims);
        return m;
    }

    @SafeVarargs
    private static Map<String, Set<Set<String>>> merge(Map<String, Set<Set<String>>>... maps) {
        Map<String, Set<Set<String>>> m = new HashMap<>();
        for (var x : maps) m.putAll(x);
        return m;
    }

    /** A metric a widget or alarm names: where, the namespace, the name, its dimensions (name → the resource named, or null). */
    record Named(String where, String namespace, String name, Map<String, String> dimensions) {}

    /** The metrics the code emits and the template's metric filters make, with the dimension sets each has. */
    static Map<String, Map<String, Set<Set<String>>>> known(Template t) {
        Map<String, Map<String, Set<Set<String>>>> all = new HashMap<>(AWS);
        Map<String, Set<Set<String>>> svc = new HashMap<>();
        for (String n : ServiceMetrics.DIMENSIONS_OF.keySet()) svc.put(n, new HashSet<>(List.of(Set.of(), ServiceMetrics.DIMENSIONS_OF.get(n))));
        all.put(ServiceMetrics.NAMESPACE, svc);
        t.resources("AWS::Logs::MetricFilter").forEach((id, p) -> {
            for (Object o : (List<?>) p.get("MetricTransformations")) {
                Map<String, Object> tr = Json.obj(o);
                Set<String> dims = tr.get("Dimensions") == null ? Set.of()
                        : new HashSet<>(((List<?>) tr.get("Dimensions")).stream().map(d -> (String) Json.obj(d).get("Key")).toList());
                all.computeIfAbsent((String) tr.get("MetricNamespace"), k -> new HashMap<>())
                        .merge((String) tr.get("MetricName"), Set.of(dims), (a, b) -> { Set<Set<String>> u = new HashSet<>(a); u.addAll(b); return u; });
            }
        });
        return all;
    }

    /** What is wrong with {@code n} (empty when nothing). */
    static List<String> problems(Named n, Map<String, Map<String, Set<Set<String>>>> known, Template t) {
        List<String> out = new ArrayList<>();
        Map<String, Set<Set<String>>> ns = known.get(n.namespace());
        if (ns == null) {
            out.add(n.where() + ": no metric is published in namespace " + n.namespace());
            return out;
        }
        Set<Set<String>> sets = ns.get(n.name());
        if (sets == null) {
            out.add(n.where() + ": " + n.namespace() + " has no metric " + n.name() + " (known: " + new java.util.TreeSet<>(ns.keySet()) + ")");
            return out;
        }
        if (!sets.contains(n.dimensions().keySet())) {
            out.add(n.where() + ": " + n.namespace() + "/" + n.name() + " is published with the dimensions " + sets + ", not " + n.dimensions().keySet());
        }
        n.dimensions().forEach((dim, resource) -> {
            String type = DIMENSION_TYPES.get(dim);
            if (type == null || resource == null) return; // a literal value (an operation, a stage, an agency)
            String actual = t.typeOf(resource);
            if (!type.equals(actual)) out.add(n.where() + ": dimension " + dim + " names " + resource + " (" + actual + "), not a " + type);
        });
        return out;
    }

    /** Everything the template's alarms and dashboards name. */
    static List<Named> named(Template t) {
        List<Named> out = new ArrayList<>();
        t.resources("AWS::CloudWatch::Alarm").forEach((id, p) -> {
            if (p.get("MetricName") != null) {
                out.add(new Named("alarm " + id, (String) p.get("Namespace"), (String) p.get("MetricName"), alarmDimensions(p.get("Dimensions"))));
            }
            if (p.get("Metrics") != null) {
                for (Object o : (List<?>) p.get("Metrics")) {
                    Map<String, Object> q = Json.obj(o);
                    if (q.get("MetricStat") == null) continue; // an expression over the others
                    Map<String, Object> m = Json.obj(Json.obj(q.get("MetricStat")).get("Metric"));
                    out.add(new Named("alarm " + id, (String) m.get("Namespace"), (String) m.get("MetricName"), alarmDimensions(m.get("Dimensions"))));
                }
            }
            assertTrue(p.get("MetricName") != null || p.get("Metrics") != null, "alarm " + id + " names no metric");
        });
        t.resources("AWS::CloudWatch::Dashboard").forEach((id, p) -> {
            Object body = p.get("DashboardBody");
            String json = body instanceof String s ? s : (String) Json.obj(body).get("Fn::Sub");
            Map<String, Object> b = Json.obj(Json.parse(json));
            for (Object w : (List<?>) b.get("widgets")) {
                Map<String, Object> props = Json.obj(Json.obj(w).get("properties"));
                if (props.get("metrics") == null) continue;
                String where = "dashboard " + id + " widget \"" + props.get("title") + "\"";
                for (Object line : (List<?>) props.get("metrics")) out.addAll(widgetLine(where, (List<?>) line));
            }
        });
        return out;
    }

    private static Map<String, String> alarmDimensions(Object dims) {
        Map<String, String> m = new HashMap<>();
        if (dims == null) return m;
        for (Object o : (List<?>) dims) {
            Map<String, Object> d = Json.obj(o);
            Object v = d.get("Value");
            // a !Ref or !GetAtt names a resource (or a parameter); any other intrinsic (a !Sub name) is a literal
            boolean ref = v instanceof Map<?, ?> r && (r.containsKey("Ref") || r.containsKey("Fn::GetAtt"));
            m.put((String) d.get("Name"), ref ? Template.refOf(v) : null);
        }
        return m;
    }

    /** {@code ${X}} or {@code ${X.Attr}}: the resource X; else null (a literal). */
    private static final Pattern SUB = Pattern.compile("^\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z]+)?}$");
    /** {@code SEARCH('{Namespace,Dim1,Dim2} MetricName="Name"', …)}. */
    private static final Pattern SEARCH = Pattern.compile("SEARCH\\('\\{([^,}]+)((?:,[^,}]+)*)}\\s+MetricName=\"([^\"]+)\"");

    private static List<Named> widgetLine(String where, List<?> line) {
        List<Named> out = new ArrayList<>();
        if (!line.isEmpty() && line.getFirst() instanceof Map<?, ?> opts && opts.get("expression") != null) {
            String e = (String) opts.get("expression");
            Matcher m = SEARCH.matcher(e);
            boolean any = false;
            while (m.find()) {
                any = true;
                Map<String, String> dims = new HashMap<>();
                for (String d : m.group(2).split(",")) if (!d.isBlank()) dims.put(d.strip(), null);
                out.add(new Named(where, m.group(1).strip(), m.group(3), dims));
            }
            assertTrue(any || !e.contains("SEARCH"), where + ": a SEARCH this test cannot read: " + e);
            return out;
        }
        List<String> parts = new ArrayList<>();
        for (Object o : line) if (o instanceof String s) parts.add(s);
        assertFalse(parts.contains("."), where + ": write each metric in full (no \".\" shorthand), so that it can be checked");
        assertTrue(parts.size() >= 2 && parts.size() % 2 == 0, where + ": a metric is [namespace, name, (dimension, value)*]: " + line);
        Map<String, String> dims = new HashMap<>();
        for (int i = 2; i < parts.size(); i += 2) {
            Matcher m = SUB.matcher(parts.get(i + 1));
            dims.put(parts.get(i), m.matches() ? m.group(1) : null);
        }
        out.add(new Named(where, parts.get(0), parts.get(1), dims));
        return out;
    }

    private static Template template() { return Template.read(StructureTest.repoRoot().resolve("template.yaml")); }

    @Test
    void everyAlarmAndWidgetNamesAMetricThatExists() {
        Template t = template();
        var known = known(t);
        List<Named> named = named(t);
        assertTrue(named.size() > 50, "the alarms and dashboards were read: " + named.size());
        List<String> wrong = new ArrayList<>();
        for (Named n : named) wrong.addAll(problems(n, known, t));
        assertEquals(List.of(), wrong);
    }

    @Test
    void theEdgeFirewallsAlarmNamesAMetricThatExistsAndReachesItsTopic() {
        // edge-waf.yaml: the CloudFront web ACL lives in us-east-1 with its own alarm and topic
        Template edge = Template.read(StructureTest.repoRoot().resolve("edge-waf.yaml"));
        List<Named> named = named(edge);
        assertFalse(named.isEmpty(), "edge-waf.yaml's alarms were read");
        var known = known(edge);
        List<String> wrong = new ArrayList<>();
        for (Named n : named) wrong.addAll(problems(n, known, edge));
        assertEquals(List.of(), wrong);
        edge.resources("AWS::CloudWatch::Alarm").forEach((id, p) ->
                assertEquals("EdgeAlarmsTopic", Template.refOf(((List<?>) p.get("AlarmActions")).getFirst()), id + " reaches the operator"));
        // a WAF metric with a dimension missing is caught
        assertEquals(1, problems(new Named("waf", "AWS/WAFV2", "BlockedRequests", Map.of("WebACL", "")), known, edge).size());
    }

    @Test
    void everyBusinessMetricIsOnTheServiceDashboard() {
        Set<String> shown = new LinkedHashSet<>();
        for (Named n : named(template())) {
            if (n.where().startsWith("dashboard ServiceDashboard") && n.namespace().equals(ServiceMetrics.NAMESPACE)) shown.add(n.name());
        }
        assertEquals(new HashSet<>(ServiceMetrics.NAMES), shown);
    }

    @Test
    void theColdStartMetricIsWrittenByTheNamesOfThePortAndIsOnTheOperationsDashboardForEveryFunction() {
        assertEquals(ServiceMetrics.NAMESPACE, vn.gov.bvhttdl.dvc.lambda.ColdStart.NAMESPACE);
        assertEquals(ServiceMetrics.COLD_START, vn.gov.bvhttdl.dvc.lambda.ColdStart.METRIC);
        assertEquals(ServiceMetrics.FUNCTION_NAME, vn.gov.bvhttdl.dvc.lambda.ColdStart.DIMENSION);
        assertEquals(Set.of(ServiceMetrics.FUNCTION_NAME), ServiceMetrics.DIMENSIONS_OF.get(ServiceMetrics.COLD_START));
        Template t = template();
        Set<String> shown = new HashSet<>();
        for (Named n : named(t)) {
            if (n.where().startsWith("dashboard OperationsDashboard") && n.name().equals(ServiceMetrics.COLD_START)) {
                shown.add(n.dimensions().get(ServiceMetrics.FUNCTION_NAME));
            }
        }
        assertEquals(t.resources("AWS::Serverless::Function").keySet(), shown);
    }

    @Test
    void theCheckCatchesAMisspelledMetricAWrongDimensionAndAWrongResource() {
        Template t = template();
        var known = known(t);
        assertEquals(List.of(), problems(new Named("ok", "AWS/Lambda", "Errors", Map.of("FunctionName", "StatusCountsFunction")), known, t));
        assertEquals(1, problems(new Named("typo", "AWS/Lambda", "Error", Map.of("FunctionName", "StatusCountsFunction")), known, t).size());
        assertEquals(1, problems(new Named("dimension", "AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("Queue", "StatusCountsDLQ")), known, t).size());
        assertEquals(1, problems(new Named("resource", "AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", "StatusCountsFunction")), known, t).size());
        assertEquals(1, problems(new Named("REST dimension", "AWS/ApiGateway", "5xx", Map.of("ApiName", "HttpApi")), known, t).size());
        assertEquals(1, problems(new Named("not emitted", ServiceMetrics.NAMESPACE, "DossiersReceived", Map.of()), known, t).size());
        assertEquals(1, problems(new Named("not by agency", ServiceMetrics.NAMESPACE, ServiceMetrics.NOTICE_SENT, Map.of(ServiceMetrics.AGENCY, "")), known, t).size());
        assertEquals(List.of(), problems(new Named("filter", "DVC/Payments", "PaymentMismatches", Map.of()), known, t));
    }

    @Test
    void theCompositeAlarmNamesAlarmsThatExist() {
        Template t = template();
        Set<String> alarms = t.resources("AWS::CloudWatch::Alarm").keySet();
        var composites = t.resources("AWS::CloudWatch::CompositeAlarm");
        assertFalse(composites.isEmpty(), "a composite service-degraded alarm");
        composites.forEach((id, p) -> {
            Matcher m = Pattern.compile("ALARM\\(([A-Za-z0-9]+)\\)").matcher((String) p.get("AlarmRule"));
            Set<String> members = new HashSet<>();
            while (m.find()) members.add(m.group(1));
            assertEquals(alarms, members, id + " is raised by every alarm of the template");
        });
        // every DLQ has its depth alarm
        for (String q : t.resources("AWS::SQS::Queue").keySet()) {
            if (q.endsWith("DLQ")) assertTrue(alarms.contains(q + "DepthAlarm"), q + " has no depth alarm");
        }
        t.resources("AWS::CloudWatch::Alarm").forEach((id, p) ->
                assertEquals("OperatorAlarmsTopic", Template.refOf(((List<?>) p.get("AlarmActions")).getFirst()), id + " reaches the operator"));
    }
}

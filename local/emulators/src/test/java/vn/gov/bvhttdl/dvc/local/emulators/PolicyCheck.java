package vn.gov.bvhttdl.dvc.local.emulators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each function of a template may do, read from its IAM policies: the inline statements of
 * {@code Properties.Policies}, the SAM policy templates named there ({@code SQSSendMessagePolicy: …}), managed
 * policies (names or ARNs, which cannot be inspected here), and, for a function whose {@code Role} is an
 * {@code AWS::IAM::Role} of the template, that role's inline policies and the {@code AWS::IAM::Policy} /
 * {@code AWS::IAM::ManagedPolicy} resources attached to it. Resource policies (a KMS key policy, a topic policy) are
 * not a function's grants and are not read. Resources stay CloudFormation intrinsics as {@link Template} reads them
 * ({@code {Ref: X}}, {@code {Fn::GetAtt: [X, Arn]}}, {@code {Fn::Sub: "${X.Arn}/…"}}).
 */
final class PolicyCheck {
    /** One Allow statement of a function (Deny statements only take away, so no check looks at them). */
    record Grant(String function, String where, List<String> actions, List<Object> resources, boolean notAction, boolean notResource) {}

    /** A SAM policy template named in a function's Policies, with its arguments. */
    record PolicyTemplate(String function, String name, Map<String, Object> args) {}

    /** A managed policy (a name or an ARN): what it allows is not in the template. */
    record ManagedPolicy(String function, Object arn) {}

    /**
     * SAM policy templates that grant on {@code *} (AWS SAM's policy_templates.json): naming one is a wildcard grant
     * as much as writing it out.
     */
    static final Set<String> WILDCARD_TEMPLATES = Set.of("CloudWatchPutMetricPolicy", "VPCAccessPolicy", "EC2DescribePolicy",
            "AMIDescribePolicy", "CloudWatchDescribeAlarmHistoryPolicy", "ComprehendBasicAccessPolicy",
            "RekognitionDetectOnlyPolicy", "TextractPolicy", "TextractDetectAnalyzePolicy");

    private final Template template;
    final List<Grant> grants = new ArrayList<>();
    final List<PolicyTemplate> policyTemplates = new ArrayList<>();
    final List<ManagedPolicy> managedPolicies = new ArrayList<>();
    final Set<String> functions = new LinkedHashSet<>();

    PolicyCheck(Template template) {
        this.template = template;
        Map<String, Map<String, Object>> roles = template.resources("AWS::IAM::Role");
        Map<String, Map<String, Object>> attached = new LinkedHashMap<>(template.resources("AWS::IAM::Policy"));
        attached.putAll(template.resources("AWS::IAM::ManagedPolicy"));
        template.resources("AWS::Serverless::Function").forEach((id, props) -> {
            functions.add(id);
            List<Object> policies = Template.list(props.get("Policies"));
            for (int i = 0; i < policies.size(); i++) samPolicy(id, id + ".Policies[" + (i + 1) + "]", policies.get(i));
            Object role = props.get("Role");
            if (role != null) {
                String roleId = role instanceof Map<?, ?> ? Template.refOf(role) : null;
                if (roleId == null || !roles.containsKey(roleId)) {
                    managedPolicies.add(new ManagedPolicy(id, "Role " + role));
                } else {
                    rolePolicies(id, roleId, roles.get(roleId), attached);
                }
            }
        });
        // a role or a policy of the template that no function uses is still a grant someone may assume
        roles.forEach((roleId, props) -> {
            if (grants.stream().noneMatch(g -> g.where().startsWith(roleId + "."))) rolePolicies("(role " + roleId + ")", roleId, props, attached);
        });
        attached.forEach((pid, props) -> {
            if (grants.stream().noneMatch(g -> g.where().startsWith(pid + "."))) document("(policy " + pid + ")", pid, props.get("PolicyDocument"));
        });
    }

    private void rolePolicies(String function, String roleId, Map<String, Object> role, Map<String, Map<String, Object>> attached) {
        for (Object p : Template.list(role.get("Policies"))) {
            Map<String, Object> m = Template.map(p);
            document(function, roleId + "." + m.getOrDefault("PolicyName", "inline"), m.get("PolicyDocument"));
        }
        for (Object arn : Template.list(role.get("ManagedPolicyArns"))) {
            boolean ours = arn instanceof Map<?, ?> m && m.containsKey("Ref") && attached.containsKey(Template.refOf(arn));
            if (!ours) managedPolicies.add(new ManagedPolicy(function, arn));
        }
        attached.forEach((pid, props) -> {
            boolean toThisRole = Template.list(props.get("Roles")).stream().anyMatch(r -> referencedIds(r).contains(roleId))
                    || Template.list(role.get("ManagedPolicyArns")).stream().anyMatch(a -> referencedIds(a).contains(pid));
            if (toThisRole) document(function, pid + ".PolicyDocument", props.get("PolicyDocument"));
        });
    }

    /** One entry of a SAM function's {@code Policies}: a managed policy, a policy document, or a policy template. */
    private void samPolicy(String function, String where, Object p) {
        if (!(p instanceof Map<?, ?>)) {
            managedPolicies.add(new ManagedPolicy(function, p));
            return;
        }
        Map<String, Object> m = Template.map(p);
        if (m.containsKey("Statement")) {
            document(function, where, m);
            return;
        }
        if (m.size() == 1 && (m.containsKey("Ref") || m.containsKey("Fn::Sub") || m.containsKey("Fn::GetAtt"))) {
            managedPolicies.add(new ManagedPolicy(function, p));
            return;
        }
        m.forEach((name, args) -> policyTemplates.add(new PolicyTemplate(function, name, args instanceof Map<?, ?> ? Template.map(args) : Map.of())));
    }

    private void document(String function, String where, Object doc) {
        int i = 0;
        for (Object s : Template.list(Template.map(doc).get("Statement"))) {
            Map<String, Object> st = Template.map(s);
            i++;
            if (!"Allow".equals(st.get("Effect"))) continue;
            boolean notAction = st.containsKey("NotAction");
            boolean notResource = st.containsKey("NotResource");
            List<String> actions = new ArrayList<>();
            for (Object a : Template.list(notAction ? st.get("NotAction") : st.get("Action"))) actions.add(String.valueOf(a));
            List<Object> resources = new ArrayList<>(Template.list(notResource ? st.get("NotResource") : st.get("Resource")));
            grants.add(new Grant(function, where + ".Statement[" + i + "]", actions, resources, notAction, notResource));
        }
    }

    // ------------------------------------------------------------------ the checks: each returns its violations

    /** (1) No {@code *} or {@code service:*} action, no {@code *} resource, no NotAction/NotResource, no wildcard template. */
    List<String> wildcards() {
        List<String> out = new ArrayList<>();
        for (Grant g : grants) {
            if (g.notAction()) out.add(g.where() + " of " + g.function() + ": NotAction allows every other action");
            if (g.notResource()) out.add(g.where() + " of " + g.function() + ": NotResource allows every other resource");
            for (String a : g.notAction() ? List.<String>of() : g.actions()) {
                if (a.equals("*") || a.endsWith(":*")) out.add(g.where() + " of " + g.function() + ": action " + a);
            }
            for (Object r : g.resources()) {
                if ("*".equals(r)) out.add(g.where() + " of " + g.function() + ": Resource *");
            }
            if (g.resources().isEmpty() && !g.notResource()) out.add(g.where() + " of " + g.function() + ": no Resource");
        }
        for (PolicyTemplate t : policyTemplates) {
            if (WILDCARD_TEMPLATES.contains(t.name())) out.add(t.function() + ": policy template " + t.name() + " grants on *");
        }
        for (ManagedPolicy m : managedPolicies) {
            out.add(m.function() + ": managed policy or outside role " + m.arn() + " cannot be checked here");
        }
        return out;
    }

    /** (2) The function may not sign with KMS ({@code kms:Sign}, or a wildcard that covers it). */
    List<String> kmsSign(String function) {
        List<String> out = new ArrayList<>();
        for (Grant g : grantsOf(function)) {
            for (String a : g.actions()) {
                if (g.notAction() ? !covers(a, "kms:Sign") : covers(a, "kms:Sign")) out.add(g.where() + ": " + a + (g.notAction() ? " (NotAction)" : ""));
            }
        }
        return out;
    }

    static final List<String> TABLE_WRITES = List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:TransactWriteItems");

    /**
     * (3) The public API: no write to {@code table} (the actions or a SAM CRUD/write template on it), no s3 action on
     * {@code bucket}, no {@code secretsmanager:GetSecretValue}.
     */
    List<String> publicApi(String function, String table, String bucket) {
        List<String> out = new ArrayList<>();
        for (Grant g : grantsOf(function)) {
            boolean onTable = g.notResource() || g.resources().stream().anyMatch(r -> names(r, table));
            boolean onBucket = g.notResource() || g.resources().stream().anyMatch(r -> names(r, bucket));
            for (String a : g.actions()) {
                for (String w : TABLE_WRITES) {
                    if (onTable && allows(g, a, w)) out.add(g.where() + ": " + a + " on " + table);
                }
                if (onBucket && (g.notAction() || a.equals("*") || a.toLowerCase(Locale.ROOT).startsWith("s3:"))) out.add(g.where() + ": " + a + " on " + bucket);
                if (allows(g, a, "secretsmanager:GetSecretValue")) out.add(g.where() + ": " + a + " (secretsmanager:GetSecretValue)");
            }
        }
        for (PolicyTemplate t : policyTemplates) {
            if (!t.function().equals(function)) continue;
            Object tableArg = t.args().get("TableName");
            Object bucketArg = t.args().get("BucketName");
            if (Set.of("DynamoDBCrudPolicy", "DynamoDBWritePolicy").contains(t.name()) && tableArg != null && names(tableArg, table)) {
                out.add(function + ": policy template " + t.name() + " writes " + table);
            }
            if (t.name().startsWith("S3") && bucketArg != null && names(bucketArg, bucket)) {
                out.add(function + ": policy template " + t.name() + " on " + bucket);
            }
            if (t.name().equals("AWSSecretsManagerGetSecretValuePolicy")) out.add(function + ": policy template " + t.name());
        }
        return out;
    }

    /**
     * (4) A function whose {@code *_DLQ_URL} setting names a queue may send to that queue: its batch loop sends an
     * item that can never be processed there itself, at once ({@code SQSSendMessagePolicy} on it, or
     * {@code sqs:SendMessage} on its ARN), and the setting is a {@code !Ref} to a queue of the template.
     */
    List<String> deadLetterSenders() {
        List<String> out = new ArrayList<>();
        template.resources("AWS::Serverless::Function").forEach((id, props) -> {
            Template.map(Template.map(props.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of())).forEach((name, v) -> {
                if (!name.endsWith("_DLQ_URL")) return;
                String queue = v instanceof Map<?, ?> ? Template.refOf(v) : null;
                if (queue == null || !template.resources("AWS::SQS::Queue").containsKey(queue)) {
                    out.add(id + ": " + name + " " + v + " is not a !Ref to a queue of the template");
                    return;
                }
                boolean byTemplate = policyTemplates.stream().anyMatch(t -> t.function().equals(id) && t.name().equals("SQSSendMessagePolicy")
                        && referencedIds(t.args().get("QueueName")).contains(queue));
                boolean byStatement = grantsOf(id).stream().anyMatch(g -> g.actions().stream().anyMatch(a -> allows(g, a, "sqs:SendMessage"))
                        && (g.notResource() || g.resources().stream().anyMatch(r -> referencedIds(r).contains(queue))));
                if (!byTemplate && !byStatement) out.add(id + ": may not send to its dead-letter queue " + queue);
            });
        });
        return out;
    }

    private List<Grant> grantsOf(String function) {
        return grants.stream().filter(g -> g.function().equals(function)).toList();
    }

    private static boolean allows(Grant g, String granted, String wanted) {
        return g.notAction() ? !covers(granted, wanted) : covers(granted, wanted);
    }

    /** Whether the action pattern {@code granted} ({@code *} and {@code ?} wildcards, case-insensitive) covers {@code wanted}. */
    static boolean covers(String granted, String wanted) {
        StringBuilder re = new StringBuilder();
        for (char c : granted.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(wanted).matches();
    }

    /**
     * Whether a resource (an intrinsic or a literal) names the template resource {@code id}: {@code *}; a {@code Ref},
     * {@code GetAtt} or {@code ${id…}} in a {@code Sub}; or the resource's own physical name pattern
     * ({@code BucketName: !Sub ${AWS::StackName}-uploads-…}) written out inside a {@code Sub}, as a policy does that
     * cannot refer back to the bucket.
     */
    boolean names(Object resource, String id) {
        if ("*".equals(resource)) return true;
        if (referencedIds(resource).contains(id)) return true;
        Map<String, Object> target = Template.map(Template.map(Template.map(rootResources()).get(id)).get("Properties"));
        for (String key : List.of("BucketName", "TableName")) {
            Object name = target.get(key);
            String pattern = name instanceof Map<?, ?> m ? subString(m.get("Fn::Sub")) : name instanceof String s ? s : null;
            if (pattern != null && !pattern.isEmpty() && subStrings(resource).stream().anyMatch(s -> s.contains(pattern))) return true;
        }
        return false;
    }

    private Map<String, Object> rootResources() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String type : List.of("AWS::S3::Bucket", "AWS::DynamoDB::Table")) {
            template.resources(type).forEach((id, props) -> out.put(id, Map.of("Properties", props)));
        }
        return out;
    }

    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    /** The logical ids an intrinsic value refers to ({@code AWS::…} pseudo parameters left out). */
    static Set<String> referencedIds(Object value) {
        Set<String> out = new LinkedHashSet<>();
        collect(value, out);
        return out;
    }

    private static void collect(Object value, Set<String> out) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("Ref".equals(k) && v instanceof String s) out.add(s);
                else if ("Fn::GetAtt".equals(k)) out.add(String.valueOf(Template.list(v).get(0)));
                else if ("Fn::Sub".equals(k)) {
                    String text = subString(v);
                    Matcher mm = SUB_VAR.matcher(text == null ? "" : text);
                    while (mm.find()) out.add(mm.group(1));
                    if (v instanceof List<?> l && l.size() > 1) collect(l.get(1), out);
                } else collect(v, out);
            });
        } else if (value instanceof List<?> l) {
            for (Object o : l) collect(o, out);
        }
    }

    private static String subString(Object sub) {
        if (sub instanceof String s) return s;
        if (sub instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s) return s;
        return null;
    }

    private static List<String> subStrings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("Fn::Sub".equals(k) && subString(v) != null) out.add(subString(v));
                else out.addAll(subStrings(v));
            });
        } else if (value instanceof List<?> l) {
            for (Object o : l) out.addAll(subStrings(o));
        } else if (value instanceof String s) {
            out.add(s);
        }
        return out;
    }
}

package vn.gov.bvhttdl.dvc.local.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * template.yaml's functions get what they use and no more: (1) no wildcard action or resource in any function's
 * policy; (2) the public and the citizens' API may not sign with the results' KMS key; (3) the public API may not write
 * dossiers, touch the uploads or read a secret. Each check is also run on a small template that breaks it, so a check
 * that finds nothing cannot pass for one that looks at nothing.
 *
 * <p>The API is one function per audience: {@code PublicApiFunction}, {@code CitizenApiFunction},
 * {@code OfficialApiFunction} and {@code AdminApiFunction}; only the officials' (and the functions that credit
 * payments, for the e-receipts) may sign.
 */
class LeastPrivilegeTest {
    static final Template TEMPLATE = Template.read(Emulators.repoRoot().resolve("template.yaml"));
    static final PolicyCheck REAL = new PolicyCheck(TEMPLATE);

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- template.yaml

    @Test
    void noFunctionPolicyHasAWildcardActionOrResource() {
        assertTrue(REAL.functions.size() >= 12, "the template's functions are read: " + REAL.functions);
        assertTrue(REAL.grants.size() > 20, "their statements are read: " + REAL.grants.size());
        assertEquals(List.of(), REAL.wildcards());
        assertEquals(0, REAL.managedPolicies.size());
    }

    @Test
    void publicApiMayNotSign() {
        assertTrue(REAL.functions.contains("PublicApiFunction"), "template.yaml has a PublicApiFunction: " + REAL.functions);
        assertEquals(List.of(), REAL.kmsSign("PublicApiFunction"));
    }

    @Test
    void publicApiMayNotWriteDossiersTouchUploadsOrReadSecrets() {
        assertTrue(REAL.functions.contains("PublicApiFunction"));
        assertEquals(List.of(), REAL.publicApi("PublicApiFunction", "DossierTable", "UploadsBucket"));
    }

    @Test
    void citizenApiMayNotSign() {
        assertTrue(REAL.functions.contains("CitizenApiFunction"), "CitizenApiFunction: " + REAL.functions);
        assertEquals(List.of(), REAL.kmsSign("CitizenApiFunction"));
        assertFalse(REAL.kmsSign("OfficialApiFunction").isEmpty(), "the officials' function signs results: the check sees kms:Sign");
    }

    @Test
    void everyConsumerThatDeadLettersItselfMaySendToItsQueue() {
        List<String> consumers = TEMPLATE.resources("AWS::Serverless::Function").entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("Environment")).contains("_DLQ_URL")).map(java.util.Map.Entry::getKey).toList();
        assertTrue(consumers.containsAll(List.of("ValidationFunction", "StatusCountsFunction", "StatusNotifyFunction")), consumers.toString());
        assertEquals(List.of(), REAL.deadLetterSenders());
    }

    // ---------------------------------------------------------------- each check fires

    static final String HEAD = """
            Resources:
              DossierTable:
                Type: AWS::DynamoDB::Table
              UploadsBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub ${AWS::StackName}-uploads-${AWS::AccountId}
              ResultSigningKey:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}
                        Action: 'kms:*'
                        Resource: '*'
            """;

    PolicyCheck check(String functions) throws IOException {
        Path f = dir.resolve("template.yaml");
        Files.writeString(f, HEAD + functions);
        return new PolicyCheck(Template.read(f));
    }

    static String function(String id, String policies) {
        return "  " + id + ":\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: h\n      Policies:\n"
                + policies.stripIndent().lines().map(l -> "        " + l).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void scopedStatementsAndAKeyPolicyAreNoViolation() throws IOException {
        PolicyCheck c = check(function("PublicApiFunction", """
                - Statement:
                    - Effect: Allow
                      Action: [dynamodb:GetItem, dynamodb:Query]
                      Resource: [!GetAtt DossierTable.Arn, !Sub '${DossierTable.Arn}/index/*']
                - Statement:
                    - Effect: Deny
                      Action: '*'
                      Resource: '*'
                - SQSSendMessagePolicy:
                    QueueName: q
                """));
        assertEquals(List.of(), c.wildcards());
        assertEquals(List.of(), c.kmsSign("PublicApiFunction"));
        assertEquals(List.of(), c.publicApi("PublicApiFunction", "DossierTable", "UploadsBucket"));
    }

    @Test
    void wildcardsAreFound() throws IOException {
        PolicyCheck c = check(function("SomeFunction", """
                - Statement:
                    - Effect: Allow
                      Action: sns:Publish
                      Resource: '*'
                    - Effect: Allow
                      Action: ['s3:*']
                      Resource: !GetAtt UploadsBucket.Arn
                    - Effect: Allow
                      Action: '*'
                      Resource: !GetAtt DossierTable.Arn
                    - Effect: Allow
                      NotAction: iam:*
                      Resource: !GetAtt DossierTable.Arn
                - CloudWatchPutMetricPolicy: {}
                - arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess
                """));
        List<String> v = c.wildcards();
        assertEquals(6, v.size(), v.toString());
        assertTrue(v.get(0).contains("Resource *"), v.toString());
        assertTrue(v.get(1).contains("action s3:*"), v.toString());
        assertTrue(v.get(2).contains("action *"), v.toString());
        assertTrue(v.get(3).contains("NotAction"), v.toString());
        assertTrue(v.get(4).contains("CloudWatchPutMetricPolicy"), v.toString());
        assertTrue(v.get(5).contains("AmazonDynamoDBFullAccess"), v.toString());
    }

    @Test
    void wildcardsInAnIamRoleAndPolicyAreFound() throws IOException {
        PolicyCheck c = check("""
                  RoleFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: h
                      Role: !GetAtt FunctionRole.Arn
                  FunctionRole:
                    Type: AWS::IAM::Role
                    Properties:
                      Policies:
                        - PolicyName: logs
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action: [logs:PutLogEvents]
                                Resource: '*'
                  ExtraPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      Roles: [!Ref FunctionRole]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: kms:*
                            Resource: !GetAtt ResultSigningKey.Arn
                """);
        List<String> v = c.wildcards();
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.get(0).contains("FunctionRole.logs") && v.get(0).contains("RoleFunction"), v.toString());
        assertTrue(v.get(1).contains("ExtraPolicy") && v.get(1).contains("kms:*"), v.toString());
        assertEquals(1, c.kmsSign("RoleFunction").size(), "the role's grants are the function's");
    }

    @Test
    void aConsumerThatMayNotSendToItsDeadLetterQueueIsFound() throws IOException {
        String queues = """
                  ItsDLQ:
                    Type: AWS::SQS::Queue
                  OtherDLQ:
                    Type: AWS::SQS::Queue
                """;
        PolicyCheck c = check(queues + consumer("Allowed", "ItsDLQ", """
                - SQSSendMessagePolicy:
                    QueueName: !GetAtt ItsDLQ.QueueName
                """) + consumer("AllowedByStatement", "ItsDLQ", """
                - Statement:
                    - Effect: Allow
                      Action: [sqs:SendMessage]
                      Resource: !GetAtt ItsDLQ.Arn
                """) + consumer("AnotherQueue", "ItsDLQ", """
                - SQSSendMessagePolicy:
                    QueueName: !GetAtt OtherDLQ.QueueName
                """) + consumer("NoPolicy", "ItsDLQ", """
                - Statement:
                    - Effect: Allow
                      Action: [dynamodb:GetItem]
                      Resource: !GetAtt DossierTable.Arn
                """));
        List<String> v = c.deadLetterSenders();
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("AnotherQueue:"), v.toString());
        assertTrue(v.get(1).startsWith("NoPolicy:"), v.toString());
    }

    static String consumer(String id, String queue, String policies) {
        return function(id, policies).replace("      Handler: h\n",
                "      Handler: h\n      Environment:\n        Variables:\n          " + id.toUpperCase() + "_DLQ_URL: !Ref " + queue + "\n");
    }

    @Test
    void signingByThePublicOrCitizenApiIsFound() throws IOException {
        PolicyCheck c = check(function("CitizenApiFunction", """
                - Statement:
                    - Effect: Allow
                      Action: [kms:Sign, kms:GetPublicKey]
                      Resource: !GetAtt ResultSigningKey.Arn
                """) + function("PublicApiFunction", """
                - Statement:
                    - Effect: Allow
                      Action: 'kms:*'
                      Resource: !GetAtt ResultSigningKey.Arn
                """) + function("OfficialApiFunction", """
                - Statement:
                    - Effect: Allow
                      Action: [kms:Sign]
                      Resource: !GetAtt ResultSigningKey.Arn
                """));
        assertEquals(1, c.kmsSign("CitizenApiFunction").size());
        assertEquals(1, c.kmsSign("PublicApiFunction").size());
        assertTrue(c.kmsSign("OfficialApiFunction").size() == 1, "the checker sees it; the test asks only of the two APIs");
        assertEquals(List.of(), c.kmsSign("AdminApiFunction"));
    }

    @Test
    void thePublicApiWritingDossiersTouchingUploadsOrReadingSecretsIsFound() throws IOException {
        PolicyCheck c = check(function("PublicApiFunction", """
                - Statement:
                    - Effect: Allow
                      Action: [dynamodb:GetItem, dynamodb:PutItem]
                      Resource: !GetAtt DossierTable.Arn
                    - Effect: Allow
                      Action: [dynamodb:TransactWriteItems]
                      Resource: !Sub '${DossierTable.Arn}'
                    - Effect: Allow
                      Action: [dynamodb:Batch*]
                      Resource: [!Sub 'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${DossierTable}']
                    - Effect: Allow
                      Action: [s3:GetObject]
                      Resource: !Sub ${UploadsBucket.Arn}/dossiers/*
                    - Effect: Allow
                      Action: [s3:ListBucket]
                      Resource: !Sub arn:${AWS::Partition}:s3:::${AWS::StackName}-uploads-${AWS::AccountId}
                    - Effect: Allow
                      Action: [secretsmanager:GetSecretValue]
                      Resource: !Ref SomeSecret
                - DynamoDBCrudPolicy:
                    TableName: !Ref DossierTable
                - DynamoDBReadPolicy:
                    TableName: !Ref DossierTable
                - S3ReadPolicy:
                    BucketName: !Ref UploadsBucket
                """));
        List<String> v = c.publicApi("PublicApiFunction", "DossierTable", "UploadsBucket");
        assertEquals(List.of(
                "PublicApiFunction.Policies[1].Statement[1]: dynamodb:PutItem on DossierTable",
                "PublicApiFunction.Policies[1].Statement[2]: dynamodb:TransactWriteItems on DossierTable",
                "PublicApiFunction.Policies[1].Statement[3]: dynamodb:Batch* on DossierTable",
                "PublicApiFunction.Policies[1].Statement[4]: s3:GetObject on UploadsBucket",
                "PublicApiFunction.Policies[1].Statement[5]: s3:ListBucket on UploadsBucket",
                "PublicApiFunction.Policies[1].Statement[6]: secretsmanager:GetSecretValue (secretsmanager:GetSecretValue)",
                "PublicApiFunction: policy template DynamoDBCrudPolicy writes DossierTable",
                "PublicApiFunction: policy template S3ReadPolicy on UploadsBucket"), v);
    }

    @Test
    void actionPatternsCoverWhatTheyMatch() {
        assertTrue(PolicyCheck.covers("kms:*", "kms:Sign"));
        assertTrue(PolicyCheck.covers("KMS:si?n", "kms:Sign"));
        assertTrue(PolicyCheck.covers("*", "kms:Sign"));
        assertTrue(!PolicyCheck.covers("kms:SignAll", "kms:Sign") && !PolicyCheck.covers("kms:GetPublicKey", "kms:Sign"));
    }
}

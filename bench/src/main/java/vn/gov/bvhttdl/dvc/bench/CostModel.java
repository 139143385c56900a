package vn.gov.bvhttdl.dvc.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of 1,000 dossiers at on-demand prices (issue #28 item 4), from the counts per dossier that
 * {@link LoadBench} measured. Every price is in US dollars; where each was read (or that it was not) is in
 * bench/README.md, "Cost model". The template's region is ap-southeast-1 (samconfig.toml); the prices the pages gave
 * for US East are used where no Singapore figure was read, and marked so.
 */
final class CostModel {
    private CostModel() {}

    // Lambda, x86_64 (the template's architecture): requests and duration
    static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    static final double LAMBDA_PER_GB_SECOND = 0.0000166667;
    // API Gateway HTTP API, first 300 million a month
    static final double HTTP_API_PER_MILLION = 1.00;
    // DynamoDB on demand
    static final double DDB_PER_MILLION_WRU = 0.625;
    static final double DDB_PER_MILLION_RRU = 0.125;
    // S3 Standard
    static final double S3_PUT_CLASS_PER_1000 = 0.005;
    static final double S3_GET_CLASS_PER_1000 = 0.0004;
    static final double S3_PER_GB_MONTH = 0.025;
    // SQS standard queues
    static final double SQS_PER_MILLION = 0.40;
    // CloudTrail data events (the dossier table's items and the personal-data buckets' objects)
    static final double CLOUDTRAIL_PER_100K_DATA_EVENTS = 0.10;
    // KMS: asymmetric Sign requests
    static final double KMS_PER_10K_ASYMMETRIC = 0.15;
    // SES outbound email
    static final double SES_PER_1000 = 0.10;
    // WAF: the requests each web ACL inspects
    static final double WAF_PER_MILLION = 0.60;

    /** What the counts per dossier cost per 1,000 dossiers, by line. */
    record Counts(double lambdaInvocations, double lambdaGbSeconds, double lambdaGbSecondsModelled, double httpApiRequests, double rru, double wru,
                  double s3PutClass, double s3GetClass, double s3StoredBytes, double sqsRequests, double sqsMessages,
                  double cloudTrailDataEvents, double kmsSigns, double emails, double smsParts, double wafRequests) {}

    static Map<String, Double> per1000(Counts c) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("Lambda requests", c.lambdaInvocations() * 1000 / 1e6 * LAMBDA_PER_MILLION_REQUESTS);
        // modelled (CPU time stretched by the memory's CPU share, plus a wait per AWS call): the wall-clock time of this
        // shared machine is mostly waiting for a CPU; that measured figure is printed beside the total
        out.put("Lambda duration", c.lambdaGbSecondsModelled() * 1000 * LAMBDA_PER_GB_SECOND);
        out.put("API Gateway HTTP API", c.httpApiRequests() * 1000 / 1e6 * HTTP_API_PER_MILLION);
        out.put("DynamoDB reads", c.rru() * 1000 / 1e6 * DDB_PER_MILLION_RRU);
        out.put("DynamoDB writes", c.wru() * 1000 / 1e6 * DDB_PER_MILLION_WRU);
        out.put("S3 requests", c.s3PutClass() * 1000 / 1000 * S3_PUT_CLASS_PER_1000 + c.s3GetClass() * 1000 / 1000 * S3_GET_CLASS_PER_1000);
        out.put("S3 storage, per month kept", c.s3StoredBytes() * 1000 / 1e9 * S3_PER_GB_MONTH);
        // the functions' own requests, and the event source mappings' receive and delete per message (estimated: one
        // of each per message; Lambda's pollers' empty receives are a fixed cost per queue, not per dossier)
        out.put("SQS", (c.sqsRequests() + 2 * c.sqsMessages()) * 1000 / 1e6 * SQS_PER_MILLION);
        out.put("CloudTrail data events", c.cloudTrailDataEvents() * 1000 / 1e5 * CLOUDTRAIL_PER_100K_DATA_EVENTS);
        out.put("KMS signatures", c.kmsSigns() * 1000 / 1e4 * KMS_PER_10K_ASYMMETRIC);
        out.put("SES email", c.emails() * 1000 / 1000 * SES_PER_1000);
        out.put("WAF requests", c.wafRequests() * 1000 / 1e6 * WAF_PER_MILLION);
        return out;
    }

    static void print(Counts c) {
        Map<String, Double> lines = per1000(c);
        double total = lines.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.println("cost of 1,000 dossiers (USD; SMS and GuardDuty's malware scans not priced, see README):");
        lines.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s | %.4f | %.1f %%%n", k, v, 100 * v / total));
        System.out.printf(Locale.ROOT, "  total | %.4f%n", total);
        double wall = c.lambdaGbSeconds() * 1000 * LAMBDA_PER_GB_SECOND;
        System.out.printf(Locale.ROOT, "  (Lambda duration from the measured wall-clock time instead: %.4f, total %.4f)%n", wall,
                total - lines.get("Lambda duration") + wall);
        System.out.printf(Locale.ROOT, "  SMS parts per 1,000 dossiers | %.0f (price per part to Viet Nam not read)%n", c.smsParts() * 1000);
    }

    /**
     * Duration at {@code memoryMb} from a CPU time measured on one full core and a wait: Lambda gives a function CPU
     * in proportion to its memory, one vCPU at 1,769 MB, so the CPU part stretches by 1769 / memory below that and
     * the wait (on DynamoDB, S3, …) does not.
     */
    static double durationAt(double waitMs, double cpuMs, int memoryMb) {
        return waitMs + cpuMs * Math.max(1.0, 1769.0 / memoryMb);
    }

    /** The wait assumed for one request to DynamoDB, S3 or SQS in the same region (not measured here). */
    static final double MS_PER_AWS_CALL = 8;
}

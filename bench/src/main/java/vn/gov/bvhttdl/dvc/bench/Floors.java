package vn.gov.bvhttdl.dvc.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.uploadscan.UploadScan;
import vn.gov.bvhttdl.dvc.validation.Validator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floors: plain {@link RequestHandler}s, no framework, doing the same client initialisation and the same
 * DynamoDB calls as each function, so that the ratio function/floor is the framework's cost.
 */
public final class Floors {
    private Floors() {}

    /** Same as GET /api/dossiers/{id} of the citizen API: read the dossier, its history and attachments. */
    public static final class Api implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            String sub = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
            String id = event.getRawPath().substring(event.getRawPath().lastIndexOf('/') + 1);
            Dossier d = store.find(id).filter(x -> x.ownerId().equals(sub)).orElse(null);
            if (d == null) return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", d.id());
            body.put("status", d.status().name());
            body.put("history", store.history(id).stream().map(e -> e.action()).toList());
            body.put("attachments", table.attachments().attachments(id).stream().map(a -> a.key()).toList());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json")).withBody(Json.write(body)).build();
        }
    }

    /** The same Validator as the validation function, constructed by hand. */
    public static final class Validation implements RequestHandler<SQSEvent, SQSBatchResponse> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final Validator validator = new Validator(table, Clock.systemUTC(),
                vn.gov.bvhttdl.dvc.adapters.AwsClients.s3(), vn.gov.bvhttdl.dvc.adapters.Settings.require("DOCUMENTS_BUCKET"));

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                try {
                    validator.handle(m.getBody());
                } catch (RuntimeException e) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
                }
            }
            return new SQSBatchResponse(failures);
        }
    }

    /** The same scan as the upload-scan function, constructed by hand. */
    public static final class Upload implements RequestHandler<S3Event, Void> {
        private final Table table = Table.fromSettings();
        private final UploadScan scan = new UploadScan(table.dossiers(), table.attachments(), vn.gov.bvhttdl.dvc.adapters.AwsClients.s3(),
                bytes -> null, Clock.systemUTC(), vn.gov.bvhttdl.dvc.adapters.Settings.require("QUARANTINE_BUCKET"));

        @Override
        public Void handleRequest(S3Event event, Context context) {
            for (var r : event.getRecords()) {
                scan.handle(r.getS3().getBucket().getName(), URLDecoder.decode(r.getS3().getObject().getKey(), StandardCharsets.UTF_8));
            }
            return null;
        }
    }

    /** The same LateVerdict as MalwareVerdictFunction (issue #27), constructed by hand, each message handled as the function does. */
    public static final class MalwareVerdict implements RequestHandler<SQSEvent, SQSBatchResponse> {
        private final Table table = Table.fromSettings();
        private final vn.gov.bvhttdl.dvc.uploadscan.LateVerdict verdicts = new vn.gov.bvhttdl.dvc.uploadscan.LateVerdict(table.dossiers(),
                table.attachments(), vn.gov.bvhttdl.dvc.adapters.AwsClients.s3(), Clock.systemUTC(),
                vn.gov.bvhttdl.dvc.adapters.Settings.require("QUARANTINE_BUCKET"), vn.gov.bvhttdl.dvc.application.ServiceMetrics.NONE);

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            for (var m : event.getRecords()) {
                var outcome = vn.gov.bvhttdl.dvc.uploadscan.VerdictEvents.handle(verdicts, m.getBody());
                if (outcome != vn.gov.bvhttdl.dvc.uploadscan.LateVerdict.Outcome.QUARANTINED) throw new IllegalStateException("not quarantined: " + outcome);
            }
            return new SQSBatchResponse(java.util.List.of());
        }
    }

    /** The same SubmissionSweep as the sweep function, constructed by hand. */
    public static final class Sweep implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.adapters.SubmissionQueue queue = vn.gov.bvhttdl.dvc.adapters.SubmissionQueue.fromSettings();
        private final vn.gov.bvhttdl.dvc.sweep.SubmissionSweep sweep = new vn.gov.bvhttdl.dvc.sweep.SubmissionSweep(table.workQueues(),
                table.sequences(), table.rules(), () -> queue, Clock.systemUTC(),
                java.time.Duration.ofMinutes(Long.parseLong(vn.gov.bvhttdl.dvc.adapters.Settings.require("SWEEP_AFTER_MINUTES"))));

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            var r = sweep.run();
            return Map.of("checked", r.checked(), "handedOver", r.handedOver(), "givenUp", r.givenUp());
        }
    }

    /** The same WatchDeadlines as the deadline-watch function, constructed by hand. */
    public static final class Deadlines implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.application.WatchDeadlines watch = new vn.gov.bvhttdl.dvc.application.WatchDeadlines(store,
                table.workQueues(), table.rules(), Clock.systemUTC());

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            var r = watch.run();
            return Map.of("checked", r.checked(), "dueSoon", r.dueSoon(), "overdue", r.overdue(), "cleared", r.cleared(), "busy", r.busy());
        }
    }

    /** The same StatusCounts, Decision-766 counters (CountIndicators) and move metrics as the status-counts function, constructed by hand, fed the same stream records. */
    public static final class Counts implements RequestHandler<com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.adapters.StatusCounts counts = table.counts();
        // since issue #23 the function also moves the Decision-766 counters and emits the move's business metrics: so does the floor
        private final vn.gov.bvhttdl.dvc.application.CountIndicators indicators = new vn.gov.bvhttdl.dvc.application.CountIndicators(
                table.scorecard(), vn.gov.bvhttdl.dvc.domain.Decision766.standard());
        private final vn.gov.bvhttdl.dvc.application.ServiceMetrics metrics = vn.gov.bvhttdl.dvc.adapters.EmfServiceMetrics.lambda();

        @Override
        public com.amazonaws.services.lambda.runtime.events.StreamsEventResponse handleRequest(
                com.amazonaws.services.lambda.runtime.events.DynamodbEvent event, Context context) {
            for (var r : event.getRecords()) {
                var now = r.getDynamodb().getNewImage();
                var old = r.getDynamodb().getOldImage();
                boolean counted = counts.count(now.get("PK").getS().substring(8), now.get("agencyCode").getS(), old == null ? null : old.get("status").getS(),
                        now.get("status").getS(), old == null || old.get("GSI4PK") == null ? null : old.get("GSI4PK").getS(),
                        now.get("GSI4PK") == null ? null : now.get("GSI4PK").getS(), Long.parseLong(now.get("version").getN()));
                var before = vn.gov.bvhttdl.dvc.adapters.StreamItems.storedDossier(old).orElse(null);
                var after = vn.gov.bvhttdl.dvc.adapters.StreamItems.storedDossier(now).orElse(null);
                if (counted) metrics.count(vn.gov.bvhttdl.dvc.application.DossierMetrics.between(before, after));
                if (after != null) indicators.count(before, after);
            }
            return new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(List.of());
        }
    }

    /** The same ReceivePaymentCallback, PaymentStore and VNPay adapter as the payment-callback function, by hand. */
    public static final class PaymentCallback implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.adapters.PaymentStore payments = table.payments();
        private final Map<String, vn.gov.bvhttdl.dvc.application.PaymentGateway> gateways = vn.gov.bvhttdl.dvc.payments.Gateways.fromEnvironment(Clock.systemUTC());
        private final vn.gov.bvhttdl.dvc.application.ReceivePaymentCallback callbacks = new vn.gov.bvhttdl.dvc.application.ReceivePaymentCallback(
                payments, store, gateways, Clock.systemUTC());
        private final vn.gov.bvhttdl.dvc.application.PaymentReceipts receipts =
                vn.gov.bvhttdl.dvc.signing.PaymentReceiptIssuer.receipts(table);

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Map<String, String> q = (Map<String, String>) event.get("queryStringParameters");
            var request = new vn.gov.bvhttdl.dvc.application.PaymentGateway.Request("GET", q, null);
            var a = callbacks.handle("vnpay", request, "GET " + event.get("rawPath") + "?" + event.get("rawQueryString"));
            // the e-receipt, drawn and signed as the function does once the payment is credited
            if (gateways.get("vnpay").read(request) instanceof vn.gov.bvhttdl.dvc.application.PaymentGateway.Callback.Verified v) {
                receipts.issue(v.notice().reference());
            }
            return Map.of("statusCode", a.status(), "body", a.body());
        }
    }

    /** The same ReconcilePayments as the payment-reconcile function, by hand. */
    public static final class PaymentReconcile implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.adapters.PaymentStore payments = table.payments();
        private final vn.gov.bvhttdl.dvc.application.ReconcilePayments reconcile = new vn.gov.bvhttdl.dvc.application.ReconcilePayments(
                payments, store, vn.gov.bvhttdl.dvc.payments.Gateways.fromEnvironment(Clock.systemUTC()), Clock.systemUTC());
        private final vn.gov.bvhttdl.dvc.application.PaymentReceipts receipts =
                vn.gov.bvhttdl.dvc.signing.PaymentReceiptIssuer.receipts(table);

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            var r = reconcile.run();
            // every credited payment's e-receipt, as the function does
            // (a credited fee that names no dossier, as the tax hand-over's samples seed, is reported and skipped)
            int issued = receipts.issueCredited(200, e -> System.err.println("receipt-not-issued: " + e));
            return Map.of("checked", r.checked(), "refundsAsked", r.refundsAsked(), "unreachable", r.unreachable(), "receipts", issued);
        }
    }

    /**
     * The same as the national-outbox function: each stream record read by the table's layout ({@code StreamItems}),
     * a dossier's new version put on the FIFO outbox by the same {@code NationalOutbox} (SQS), a record whose version
     * did not change skipped; a record that fails is reported, as the stream's batch response does.
     */
    public static final class NationalOutbox implements RequestHandler<com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse> {
        private final vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox outbox = vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox.fromSettings();

        @Override
        public com.amazonaws.services.lambda.runtime.events.StreamsEventResponse handleRequest(
                com.amazonaws.services.lambda.runtime.events.DynamodbEvent event, Context context) {
            List<com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (var r : event.getRecords()) {
                try {
                    var now = vn.gov.bvhttdl.dvc.adapters.StreamItems.dossier(r.getDynamodb().getNewImage()).orElse(null);
                    if (now == null || now.version() == null) continue;
                    var before = vn.gov.bvhttdl.dvc.adapters.StreamItems.dossier(r.getDynamodb().getOldImage()).orElse(null);
                    if (before != null && java.util.Objects.equals(before.version(), now.version())) continue;
                    outbox.put(new vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox.Event(now.dossierId(), now.version()));
                } catch (RuntimeException e) {
                    failures.add(com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(r.getDynamodb().getSequenceNumber()).build());
                    break; // the stream retries from the first failed record
                }
            }
            return new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(failures);
        }
    }

    /**
     * The same {@code SyncToNationalPortal} as the national-sync function, by hand, over the same adapters: the
     * table's stores, the S3 presigner's file links, the {@code DvcqgNationalPortal} HTTP client (its credentials from
     * {@code NATIONAL_PORTAL_SECRETS_FILE}, the function's offline source) and the sync markers; the outbox's SQS
     * adapter built for the backoff, as the function's retry bean is. A message that is not sent is reported.
     */
    public static final class NationalSync implements RequestHandler<SQSEvent, SQSBatchResponse> {
        private final Table table = Table.fromSettings();
        private final vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox outbox = vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox.fromSettings();
        private final vn.gov.bvhttdl.dvc.application.SyncToNationalPortal sync = new vn.gov.bvhttdl.dvc.application.SyncToNationalPortal(
                table.dossiers(), table.attachments(), table.payments(), table.results(),
                vn.gov.bvhttdl.dvc.adapters.S3FileLinks.fromSettings(vn.gov.bvhttdl.dvc.adapters.AwsClients.presigner()), table.rules(),
                new vn.gov.bvhttdl.dvc.adapters.national.DvcqgNationalPortal(
                        () -> java.net.URI.create(vn.gov.bvhttdl.dvc.adapters.Settings.require("NATIONAL_PORTAL_URL")),
                        vn.gov.bvhttdl.dvc.adapters.national.DvcqgNationalPortal.Paths.DEFAULT, NationalSync::secret,
                        java.time.Duration.ofSeconds(vn.gov.bvhttdl.dvc.adapters.Settings.get("NATIONAL_PORTAL_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(10))),
                table.nationalSync());

        private static String secret() {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(vn.gov.bvhttdl.dvc.adapters.Settings.require("NATIONAL_PORTAL_SECRETS_FILE")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                // in order: after a failure the group's later messages wait (reported too), as in the function
                if (failures.isEmpty()) {
                    try {
                        var e = vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox.read(m.getBody());
                        var r = sync.handle(e.dossierId(), e.version());
                        if (r.outcome() == vn.gov.bvhttdl.dvc.application.SyncToNationalPortal.Outcome.SENT) continue;
                    } catch (RuntimeException e) {
                        // reported below
                    }
                }
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
            return new SQSBatchResponse(failures);
        }
    }

    /**
     * The same {@code ReceiveFromNationalPortal} as the national-inbox function, by hand, over the same adapters: the
     * table's stores, the {@code DvcqgInbox} HTTP client (its credentials from {@code NATIONAL_PORTAL_SECRETS_FILE}),
     * the uploads ({@code S3InboundFiles}) and the submission queue. A run that takes nothing it was handed fails.
     */
    public static final class NationalInbox implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final Table table = Table.fromSettings();
        private final vn.gov.bvhttdl.dvc.application.ReceiveFromNationalPortal receive = new vn.gov.bvhttdl.dvc.application.ReceiveFromNationalPortal(
                new vn.gov.bvhttdl.dvc.adapters.national.DvcqgInbox(
                        () -> java.net.URI.create(vn.gov.bvhttdl.dvc.adapters.Settings.require("NATIONAL_INBOX_URL")),
                        vn.gov.bvhttdl.dvc.adapters.national.DvcqgInbox.Paths.DEFAULT, NationalSync::secret,
                        java.time.Duration.ofSeconds(10)),
                table.dossiers(), table.attachments(), new vn.gov.bvhttdl.dvc.adapters.S3InboundFiles(), table.rules(),
                vn.gov.bvhttdl.dvc.adapters.SubmissionQueue.fromSettings(), Clock.systemUTC(), t -> { });

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            var r = receive.run();
            if (r.count(vn.gov.bvhttdl.dvc.application.ReceiveFromNationalPortal.Outcome.RECEIVED) == 0) {
                throw new IllegalStateException("nothing taken: " + r.counts());
            }
            return new java.util.LinkedHashMap<>(r.counts());
        }
    }

    /** The same NotifyApplicant, NoticeTable, SMTP channel and Mustache renderer as the status-notify function, by hand. */
    public static final class StatusNotify implements RequestHandler<com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.application.NotifyApplicant notify = new vn.gov.bvhttdl.dvc.application.NotifyApplicant(store,
                table.rules(), table.notices(),
                Map.of("email", vn.gov.bvhttdl.dvc.notifications.SmtpChannel.fromSettings()), new vn.gov.bvhttdl.dvc.notifications.MustacheRenderer(),
                () -> vn.gov.bvhttdl.dvc.adapters.Settings.require("PUBLIC_BASE_URL"), Clock.systemUTC());

        @Override
        public com.amazonaws.services.lambda.runtime.events.StreamsEventResponse handleRequest(
                com.amazonaws.services.lambda.runtime.events.DynamodbEvent event, Context context) {
            for (var r : event.getRecords()) {
                var e = vn.gov.bvhttdl.dvc.notify.StreamRecords.audit(r.getDynamodb().getNewImage());
                if (e != null) notify.handle(e, e.dossierId() + "/" + r.getDynamodb().getNewImage().get("SK").getS());
            }
            return new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(List.of());
        }
    }

    /** The same RateService as the quality-survey function, by hand: the applicant's answer. */
    public static final class QualitySurvey implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.application.RateService rate = new vn.gov.bvhttdl.dvc.application.RateService(store, table.rules(),
                table.surveys(), Clock.systemUTC());

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            var actor = vn.gov.bvhttdl.dvc.survey.SurveyHttp.actor((Map<String, Object>) event.get("requestContext"));
            String id = ((String) event.get("rawPath")).substring("/api/surveys/".length());
            Map<String, Object> body = Json.obj(Json.parse((String) event.get("body")));
            return Map.of("statusCode", 200, "body", Json.write(vn.gov.bvhttdl.dvc.survey.SurveyHttp.view(
                    rate.answer(actor, id, (String) body.get("rating"), (String) body.get("comment")))));
        }
    }

    /** The same as the email-feedback function: each permanent bounce's recipients suppressed in the NoticeTable. */
    public static final class EmailFeedback implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.adapters.NoticeTable notices = table.notices();

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            int n = 0;
            for (Object rec : Json.list(event.get("Records"))) {
                Map<String, Object> m = Json.obj(Json.parse(String.valueOf(Json.obj(Json.obj(rec).get("Sns")).get("Message"))));
                Map<String, Object> b = Json.obj(m.get("bounce"));
                if (!"Permanent".equals(b.get("bounceType"))) continue;
                for (Object r : Json.list(b.get("bouncedRecipients"))) {
                    notices.suppress(String.valueOf(Json.obj(r).get("emailAddress")), "Permanent bounce", java.time.Instant.now());
                    n++;
                }
            }
            return Map.of("suppressed", n);
        }
    }

    /** The same ResendNotices as the notice-resend function, by hand. */
    public static final class NoticeResend implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final vn.gov.bvhttdl.dvc.application.ResendNotices resend = new vn.gov.bvhttdl.dvc.application.ResendNotices(store,
                table.notices(), vn.gov.bvhttdl.dvc.notifications.Notifier.fromSettings(table),
                Clock.systemUTC());

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            var r = resend.run();
            return Map.of("tried", r.tried(), "sent", r.sent(), "stillFailing", r.stillFailing());
        }
    }

    /** Same as GET /api/procedures of the public API: the catalogue (bundled rules and publications) read and listed. */
    public static final class PublicApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final RulesStore rules = table.rules();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            java.time.LocalDate today = vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue.today();
            List<Map<String, Object>> items = new ArrayList<>();
            for (var p : rules.catalogue().all()) {
                if (rules.catalogue().inForce(p.code(), today).isEmpty()) continue;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", p.code());
                m.put("name", Map.of("vi", p.name().vi(), "en", p.name().en()));
                m.put("field", p.field());
                m.put("agencyCode", p.agencyCode());
                items.add(m);
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json")).withBody(Json.write(Map.of("items", items, "total", items.size()))).build();
        }
    }

    /** Same as GET /api/official/dossiers/{id} of the officials' API: the dossier if in the caller's scope, its history and files. */
    public static final class OfficialApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final RulesStore rules = table.rules();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            Map<String, String> c = event.getRequestContext().getAuthorizer().getJwt().getClaims();
            var me = vn.gov.bvhttdl.dvc.domain.Actor.official(c.get("sub"), c.get("custom:agency"), c.get("custom:unit"),
                    vn.gov.bvhttdl.dvc.domain.Post.valueOf(c.get("custom:post")));
            String id = event.getRawPath().substring(event.getRawPath().lastIndexOf('/') + 1);
            Dossier d = store.find(id).filter(x -> vn.gov.bvhttdl.dvc.application.Access.inScope(rules, me, x)).orElse(null);
            if (d == null) return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", d.id());
            body.put("status", d.status().name());
            body.put("history", store.history(id).stream().map(e -> e.action()).toList());
            body.put("attachments", table.attachments().attachments(id).stream().map(a -> a.key()).toList());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json")).withBody(Json.write(body)).build();
        }
    }

    /** Same as GET /api/admin/publications of the administrators' API: every publication of the catalogue and the calendar. */
    public static final class AdminApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        private final Table table = Table.fromSettings();
        private final DossierStore store = table.dossiers();
        private final RulesStore rules = table.rules();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String kind : List.of("CATALOGUE", "CALENDAR")) {
                for (var p : rules.list(vn.gov.bvhttdl.dvc.application.Publications.Kind.valueOf(kind))) out.add(Map.of("kind", kind, "key", p.key(), "publishedBy", p.publishedBy()));
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json")).withBody(Json.write(out)).build();
        }
    }

    /**
     * The same as the tax-outbox function: each stream record's key read by the table's layout ({@code StreamItems}),
     * an e-receipt's id put on the hand-over queue by the same {@code TaxHandOverQueue} (SQS); a record that fails is
     * reported, as the stream's batch response does.
     */
    public static final class TaxOutbox implements RequestHandler<com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse> {
        private final vn.gov.bvhttdl.dvc.adapters.tax.TaxHandOverQueue queue = vn.gov.bvhttdl.dvc.adapters.tax.TaxHandOverQueue.fromSettings();

        @Override
        public com.amazonaws.services.lambda.runtime.events.StreamsEventResponse handleRequest(
                com.amazonaws.services.lambda.runtime.events.DynamodbEvent event, Context context) {
            List<com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (var r : event.getRecords()) {
                try {
                    vn.gov.bvhttdl.dvc.adapters.StreamItems.eReceipt(r.getDynamodb().getKeys()).ifPresent(queue::put);
                } catch (RuntimeException e) {
                    failures.add(com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(r.getDynamodb().getSequenceNumber()).build());
                    break; // the stream retries from the first failed record
                }
            }
            return new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(failures);
        }
    }

    /**
     * The same {@code HandOverReceipts} as the tax-handover function, by hand, over the same adapters: the table's
     * payment store and hand-over markers, the {@code TaxAuthorityApi} HTTP client (its credentials from
     * {@code TAX_AUTHORITY_SECRETS_FILE}, the function's offline source); the queue's SQS adapter built for the
     * backoff, as the function's retry bean is. A message that is not handed over is reported.
     */
    public static final class TaxHandover implements RequestHandler<SQSEvent, SQSBatchResponse> {
        private final Table table = Table.fromSettings();
        private final vn.gov.bvhttdl.dvc.adapters.tax.TaxHandOverQueue queue = vn.gov.bvhttdl.dvc.adapters.tax.TaxHandOverQueue.fromSettings();
        private final vn.gov.bvhttdl.dvc.application.HandOverReceipts handOver = new vn.gov.bvhttdl.dvc.application.HandOverReceipts(
                table.payments(),
                new vn.gov.bvhttdl.dvc.adapters.tax.TaxAuthorityApi(() -> vn.gov.bvhttdl.dvc.adapters.Settings.get("TAX_AUTHORITY_URL").orElse(""),
                        TaxHandover::secret,
                        java.time.Duration.ofSeconds(vn.gov.bvhttdl.dvc.adapters.Settings.get("TAX_AUTHORITY_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(10))),
                table.taxHandOver(), Clock.systemUTC(), java.time.Duration.ofMinutes(2));

        private static String secret() {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(vn.gov.bvhttdl.dvc.adapters.Settings.require("TAX_AUTHORITY_SECRETS_FILE")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                try {
                    var r = handOver.handle(vn.gov.bvhttdl.dvc.adapters.tax.TaxHandOverQueue.read(m.getBody()));
                    if (r.outcome() == vn.gov.bvhttdl.dvc.application.HandOverReceipts.Outcome.SENT) continue;
                } catch (RuntimeException e) {
                    // reported below
                }
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
            return new SQSBatchResponse(failures);
        }
    }

    /** The archive's adapters by hand, as the archive module's {@code ArchiveBeans} wires them (issue 26). */
    private static final class ArchiveParts {
        final Table table = Table.fromSettings();
        final vn.gov.bvhttdl.dvc.adapters.ArchiveStore store = new vn.gov.bvhttdl.dvc.adapters.ArchiveStore(table.dossiers(),
                vn.gov.bvhttdl.dvc.domain.Organisation.standard(), keys -> {});
        final vn.gov.bvhttdl.dvc.adapters.S3ArchivePackages packages = vn.gov.bvhttdl.dvc.adapters.S3ArchivePackages.fromSettings();
    }

    /**
     * The same ArchiveDossier as the archive function (the stream's finished dossiers), by hand over the same table
     * stores, S3 package writer and sources; a record that fails is reported, as the stream's batch response does.
     */
    public static final class Archive implements RequestHandler<com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse> {
        private final ArchiveParts p = new ArchiveParts();
        private final vn.gov.bvhttdl.dvc.application.ArchiveDossier archive = new vn.gov.bvhttdl.dvc.application.ArchiveDossier(
                new vn.gov.bvhttdl.dvc.adapters.ArchiveSources(p.table, p.store, vn.gov.bvhttdl.dvc.adapters.AwsClients::s3,
                        () -> vn.gov.bvhttdl.dvc.adapters.Settings.require("UPLOADS_BUCKET"), () -> vn.gov.bvhttdl.dvc.adapters.Settings.require("DOCUMENTS_BUCKET")),
                p.packages, p.store, p.table.rules(), vn.gov.bvhttdl.dvc.domain.Retention.standard(), Clock.systemUTC());

        @Override
        public com.amazonaws.services.lambda.runtime.events.StreamsEventResponse handleRequest(
                com.amazonaws.services.lambda.runtime.events.DynamodbEvent event, Context context) {
            List<com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (var r : event.getRecords()) {
                try {
                    vn.gov.bvhttdl.dvc.adapters.StreamItems.storedDossier(r.getDynamodb().getNewImage()).ifPresent(archive::archive);
                } catch (RuntimeException e) {
                    failures.add(com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(r.getDynamodb().getSequenceNumber()).build());
                    break;
                }
            }
            return new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(failures);
        }
    }

    /** The same BuildHandover as the yearly hand-over function (every agency's year before), by hand. */
    public static final class ArchiveHandover implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final ArchiveParts p = new ArchiveParts();
        private final vn.gov.bvhttdl.dvc.application.BuildHandover handover = new vn.gov.bvhttdl.dvc.application.BuildHandover(p.store, p.packages,
                vn.gov.bvhttdl.dvc.domain.Retention.standard(), vn.gov.bvhttdl.dvc.domain.Organisation.standard(), Clock.systemUTC());

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (var r : handover.yearBefore()) out.put(r.agency(), r.records());
            return out;
        }
    }

    /** The same ExpireDrafts as the draft-expiry function, by hand over the same stores. */
    public static final class DraftExpiry implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final ArchiveParts p = new ArchiveParts();
        private final vn.gov.bvhttdl.dvc.application.ExpireDrafts drafts = new vn.gov.bvhttdl.dvc.application.ExpireDrafts(p.store,
                p.table.notices()::deliver, vn.gov.bvhttdl.dvc.domain.Retention.standard().lifecycle(), Clock.systemUTC());

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            var r = drafts.run();
            return Map.of("idle", r.idle(), "noticed", r.noticed(), "expired", r.expired());
        }
    }
}

package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The dossier table ({@code DossierTable}, ADR 0004) and every adapter over it, in one place: a function makes one
 * per container ({@link #fromSettings}, {@link #primedFromSettings}) and takes its stores from it, each made once on
 * first use. The DynamoDB client and the table's name stay in this package: no other module builds an adapter from
 * them, and the key layout ({@link Layout}: every key and index, the items' mapping) is known here only. Each store
 * keeps one family of the table's items: dossiers and their audit trail, files, look-up keys, counters, the indexes'
 * reads, payments, results, notices, surveys, the status counts.
 */
public final class Table {
    private final DynamoDbClient client;
    private final String name;
    private final DossierStore dossiers;
    private final Supplier<AttachmentStore> attachments;
    private final Supplier<LookupKeyStore> lookupKeys;
    private final Supplier<SequenceStore> sequences;
    private final Supplier<RulesStore> rules;
    private final Supplier<ResultStore> results;
    private final Supplier<PaymentStore> payments;
    private final Supplier<NoticeTable> notices;
    private final Supplier<SurveyTable> surveys;
    private final Supplier<StatusCounts> counts;
    private final Supplier<ScorecardStore> scorecard;
    private final Supplier<WorkQueueStore> workQueues;
    private final Supplier<RequestCounter> requestCounter;
    private final Supplier<SmsOutbox> smsOutbox;
    private final Supplier<NationalSyncMarkers> nationalSync;
    private final Supplier<TaxHandOverMarkers> taxHandOver;
    private final Supplier<ReadLogStore> readLog;
    private final Supplier<OfficialAccountStore> officialAccounts;
    private final Supplier<WarehouseStore> warehouse;

    /** The table {@code name} through {@code client} (tests and tools; functions use {@link #fromSettings}). */
    public Table(DynamoDbClient client, String name) {
        this(new DossierStore(client, name));
    }

    private Table(DossierStore dossiers) {
        this.client = dossiers.client();
        this.name = dossiers.tableName();
        this.dossiers = dossiers;
        this.rules = once(() -> new RulesStore(client, name, Clock.systemUTC(), Duration.ofSeconds(60)));
        this.results = once(() -> ResultStore.fromSettings(client, name));
        this.attachments = once(() -> new AttachmentStore(dossiers.enhanced(), name));
        this.lookupKeys = once(() -> new LookupKeyStore(client, name));
        this.sequences = once(() -> new SequenceStore(client, name));
        this.payments = once(() -> new PaymentStore(client, name));
        this.notices = once(() -> new NoticeTable(client, name));
        this.surveys = once(() -> new SurveyTable(client, name));
        this.counts = once(() -> new StatusCounts(client, name));
        this.scorecard = once(() -> new ScorecardStore(client, name));
        this.workQueues = once(() -> new WorkQueueStore(dossiers, counts.get()));
        this.requestCounter = once(() -> RequestCounter.fromSettings(client));
        this.smsOutbox = once(() -> new SmsOutbox(client, name));
        this.nationalSync = once(() -> new NationalSyncMarkers(client, name));
        this.taxHandOver = once(() -> new TaxHandOverMarkers(client, name));
        this.readLog = once(() -> new ReadLogStore(client, name));
        this.officialAccounts = once(() -> new OfficialAccountStore(client, name));
        this.warehouse = once(() -> new WarehouseStore(client, name));
    }

    /** The table around a store made earlier (its client and name): the same dossiers, the other stores new. */
    public static Table of(DossierStore dossiers) { return new Table(dossiers); }

    /** The table of a function's {@code TABLE_NAME} setting. */
    public static Table fromSettings() { return new Table(DossierStore.fromSettings()); }

    /**
     * The table of a function, primed for SnapStart: before the snapshot it reads DynamoDB once (plus {@code more},
     * if given) so that the SDK's first-call work is in the snapshot.
     */
    public static Table primedFromSettings(String function, Runnable more) {
        return new Table(DossierStore.primedFromSettings(function, more));
    }

    /** Dossiers and their audit trail ({@code DOSSIER#… META}, {@code AUDIT#…}; the idempotency markers). */
    public DossierStore dossiers() { return dossiers; }

    /** A dossier's files and the scan's verdicts ({@code DOSSIER#… FILE#…}). */
    public AttachmentStore attachments() { return attachments.get(); }

    /** The look-up keys printed on receipts ({@code LOOKUP#…}). */
    public LookupKeyStore lookupKeys() { return lookupKeys.get(); }

    /** The atomic counters: receipts' daily sequences, results' numbers, the sweep's hand-overs. */
    public SequenceStore sequences() { return sequences.get(); }

    /** The catalogue and calendar: bundled rules plus the administrators' publications, cached for a minute. */
    public RulesStore rules() { return rules.get(); }

    /** The results' and e-receipts' records ({@code RESULT#…}); their files in {@code RESULTS_BUCKET}, its client made on first use. */
    public ResultStore results() { return results.get(); }

    /** The payment ledger ({@code PAYMENT#…}, {@code PAYTXN#…}, {@code CALLBACK#…}). */
    public PaymentStore payments() { return payments.get(); }

    /** Deliveries, inbox, notification choices, suppressed addresses. */
    public NoticeTable notices() { return notices.get(); }

    /** Survey answers and the agencies' monthly quality figures. */
    public SurveyTable surveys() { return surveys.get(); }

    /** The status counters kept from the stream ({@code COUNTS…}, the dossiers' {@code COUNTED} markers). */
    public StatusCounts counts() { return counts.get(); }

    /** The Decision-766 counters kept from the stream ({@code SCORE#…}, the dossiers' {@code SCORED} markers). */
    public ScorecardStore scorecard() { return scorecard.get(); }

    /** The dossiers' indexes: the officials' queues, look-up by code, a citizen's list, the sweep's look-up, counts. */
    public WorkQueueStore workQueues() { return workQueues.get(); }

    /** The public function's per-address counters: the table of its {@code RATE_TABLE_NAME} setting, same client. */
    public RequestCounter requestCounter() { return requestCounter.get(); }

    /** Offline, the SMS that would have been sent. */
    public SmsOutbox smsOutbox() { return smsOutbox.get(); }

    /** The national portal's per-dossier markers of the last event sent ({@code NATIONAL#…}). */
    public NationalSyncMarkers nationalSync() { return nationalSync.get(); }

    /** The e-receipts' hand-over markers ({@code TAXHANDOVER#…}). */
    public TaxHandOverMarkers taxHandOver() { return taxHandOver.get(); }

    /** The officials' reads of a dossier (the {@code ReadLog} port). */
    public ReadLogStore readLog() { return readLog.get(); }

    /** The officials' and administrators' accounts and their trail ({@code OFFICIALS / ACCOUNT#…}, {@code OFFICIAL#… / CHANGE#…}). */
    public OfficialAccountStore officialAccounts() { return officialAccounts.get(); }

    /** The owners' electronic data warehouses ({@code WAREHOUSE#<owner> / DOC#<id>}, the {@code Warehouse} port). */
    public WarehouseStore warehouse() { return warehouse.get(); }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private volatile T made;

            @Override
            public T get() {
                T t = made;
                if (t == null) {
                    synchronized (this) {
                        if (made == null) made = make.get();
                        t = made;
                    }
                }
                return t;
            }
        };
    }
}

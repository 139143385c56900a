package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.gov.bvhttdl.dvc.application.WorkQueues;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WorkQueues port on the table: every read of the dossiers through an index ({@link Layout}: the queues
 * ByHolder, ByAssignee, ByConsulted; ByAgencyStatus, ByCode, ByOwner) and the counts kept from the stream
 * ({@link StatusCounts}).
 */
public final class WorkQueueStore implements WorkQueues {
    private final DossierStore store;
    private final DynamoDbTable<Items.DossierItem> dossiers;
    private final StatusCounts counts;

    WorkQueueStore(DossierStore store, StatusCounts counts) {
        this.store = store;
        this.dossiers = store.enhanced().table(store.tableName(), Items.DOSSIER);
        this.counts = counts;
    }

    @Override
    public Page byHolder(String agency, String unit, DossierStatus status, int size, String after) {
        return page(Layout.BY_HOLDER, Layout.holderKey(agency, unit, status), size, after);
    }

    @Override
    public Page byAssignee(String subject, int size, String after) { return page(Layout.BY_ASSIGNEE, Layout.assigneeKey(subject), size, after); }

    @Override
    public Page byConsulted(String agency, String unit, int size, String after) {
        return page(Layout.BY_CONSULTED, Layout.consultedKey(agency, unit), size, after);
    }

    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}#[A-Za-z0-9-]{1,64}");

    /** One page of a queue, earliest due first, from {@code after} (the {@link Page#next} of the page before). */
    private Page page(String index, String partition, int size, String after) {
        String prefix = Layout.queueKeyPrefix(index);
        var b = QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .scanIndexForward(true).limit(size);
        if (after != null) {
            if (!CURSOR.matcher(after).matches()) {
                throw new DomainException(DomainException.Kind.INVALID, "invalid-cursor", new Text("Con trỏ trang không hợp lệ.", "Invalid page cursor."));
            }
            String id = after.substring(after.indexOf('#') + 1);
            Map<String, AttributeValue> start = new HashMap<>(Layout.dossierKeyMap(id));
            start.put(prefix + "PK", AttributeValue.fromS(partition));
            start.put(prefix + "SK", AttributeValue.fromS(after));
            b.exclusiveStartKey(start);
        }
        var first = dossiers.index(index).query(b.build()).iterator().next();
        List<Dossier> out = first.items().stream().map(store::toDossier).toList();
        String next = first.lastEvaluatedKey() == null || first.lastEvaluatedKey().isEmpty() ? null
                : first.lastEvaluatedKey().get(prefix + "SK").s();
        return new Page(out, next);
    }

    /** Dossiers of {@code agencyCode} in {@code status}, most recently changed first, at most {@code limit} (ByAgencyStatus). */
    @Override
    public List<Dossier> byAgencyStatus(String agencyCode, DossierStatus status, int limit) {
        return collect(dossiers.index(Layout.BY_AGENCY_STATUS).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Layout.agencyStatusKey(agencyCode, status)).build()))
                .scanIndexForward(false).limit(Math.min(limit, 100)).build()), limit);
    }

    /**
     * Dossiers of {@code agencyCode} still SUBMITTED whose last change is before {@code cutoff}, oldest first, at most
     * {@code limit} (the submission sweep's look-up, on the ByAgencyStatus index; the index is eventually consistent,
     * which only delays a sweep by one period).
     */
    public List<Dossier> submittedBefore(String agencyCode, Instant cutoff, int limit) {
        return collect(dossiers.index(Layout.BY_AGENCY_STATUS).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder()
                        .partitionValue(Layout.agencyStatusKey(agencyCode, DossierStatus.SUBMITTED))
                        .sortValue(cutoff.toString()).build()))
                .limit(Math.min(limit, 100)).build()), limit);
    }

    @Override
    public Optional<Dossier> findByCode(String code) {
        if (!DossierStore.nameable(code)) return Optional.empty();
        for (var page : dossiers.index(Layout.BY_CODE).query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                Key.builder().partitionValue(Layout.codeKey(code)).build())).limit(1))) {
            for (Items.DossierItem k : page.items()) return store.find(k.id != null ? k.id : Layout.dossierId(k.pk));
        }
        return Optional.empty();
    }

    /** The owner's dossiers, newest first. */
    @Override
    public List<Dossier> byOwner(String ownerId, int limit) {
        return collect(dossiers.index(Layout.BY_OWNER).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Layout.ownerKey(ownerId)).build()))
                .scanIndexForward(false).limit(limit).build()), limit);
    }

    private List<Dossier> collect(software.amazon.awssdk.core.pagination.sync.SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<Items.DossierItem>> pages, int limit) {
        List<Dossier> out = new ArrayList<>();
        for (var page : pages) {
            for (Items.DossierItem i : page.items()) {
                out.add(store.toDossier(i));
                if (out.size() >= limit) return out;
            }
        }
        return out;
    }

    @Override
    public Map<String, Long> unitCounts(String agency, String unit) { return counts.unit(agency, unit); }

    @Override
    public Map<String, Long> agencyCounts(String agency) {
        Map<String, Long> mine = counts.all().get(agency);
        return mine == null ? Map.of() : mine;
    }
}

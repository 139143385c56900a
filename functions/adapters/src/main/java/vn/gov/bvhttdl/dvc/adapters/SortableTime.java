package vn.gov.bvhttdl.dvc.adapters;

import vn.gov.bvhttdl.dvc.domain.AuditEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Moments in sort keys, and the keys of the audit trail. {@link Instant#toString()} prints 0, 3, 6 or 9 fraction
 * digits, so as text {@code …:10Z} sorts after {@code …:10.1Z}; every key written here has the same width (nine
 * fraction digits, UTC), so text order is time order.
 * <p>
 * An audit entry's key is {@code AUDIT#<time>#<sequence>#<random>}: the sequence (the dossier's version the move
 * produced, ten digits; 0 for an entry that is not a move of the dossier) orders entries of one instant, as when the
 * reception and the payment request are made at the same moment; the random tail keeps the rest apart. Entries
 * written before this format ({@code AUDIT#<Instant.toString()>#<random>}) are read the same way, with sequence 0:
 * {@link #inOrder} sorts a trail by time, then sequence, then, among entries of one instant, one status after the other.
 */
public final class SortableTime {
    private SortableTime() {}

    /** Year to nanosecond, always nine fraction digits, UTC. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** {@code at} in the fixed-width format: text order is time order. */
    public static String format(Instant at) {
        return FORMAT.format(at);
    }

    /** A moment written by {@link #format} or by {@link Instant#toString()} (older keys). */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    static final String AUDIT = "AUDIT#";

    /** The sort key of an audit entry at {@code at}, {@code sequence} within the instant. */
    static String auditKey(Instant at, long sequence) {
        return AUDIT + format(at) + "#" + String.format(Locale.ROOT, "%010d", Math.max(0, sequence)) + "#"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The sequence in an audit key; 0 for a key of the older form (time and random tail only). */
    static long sequence(String auditKey) {
        String[] parts = auditKey.split("#");
        if (parts.length < 4) return 0;
        try {
            return Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An audit entry and the key it was stored under. */
    record Keyed(AuditEvent event, String key) {}

    /**
     * The trail in true order: by time, then sequence; entries of the same instant and sequence (older keys) one
     * status after the other (an entry that leaves the status another entered comes after it), else as stored.
     */
    static List<AuditEvent> inOrder(List<Keyed> entries) {
        List<Keyed> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Keyed k) -> k.event().at()).thenComparingLong(k -> sequence(k.key())));
        List<AuditEvent> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).event().at().equals(sorted.get(i).event().at())
                    && sequence(sorted.get(j).key()) == sequence(sorted.get(i).key())) j++;
            List<AuditEvent> tie = new ArrayList<>();
            for (int k = i; k < j; k++) tie.add(sorted.get(k).event());
            out.addAll(chained(tie));
            i = j;
        }
        return out;
    }

    /** Entries of one instant, each after the one whose target status it starts from. */
    private static List<AuditEvent> chained(List<AuditEvent> tie) {
        if (tie.size() < 2) return tie;
        List<AuditEvent> left = new ArrayList<>(tie);
        List<AuditEvent> out = new ArrayList<>(tie.size());
        while (!left.isEmpty()) {
            AuditEvent next = left.get(0);
            for (AuditEvent e : left) {
                boolean waits = e.from() != null && left.stream().anyMatch(o -> o != e && o.to() != null && o.to() == e.from() && o.from() != o.to());
                if (!waits) { next = e; break; }
            }
            out.add(next);
            left.remove(next);
        }
        return out;
    }
}

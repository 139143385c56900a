package vn.gov.bvhttdl.dvc.local.runner;

import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the history generator will do (issue #23 item 7), decided before anything is stored: for N dossiers and a
 * seed, each dossier's procedure, where it comes in, the day it is created (a working day of Vietnam's calendar in the
 * past months), how often the desk asks for a supplement after receipt, whether its fee is paid online, how it ends
 * and the applicant's rating. The same N, seed and day give the same plan ({@link #of}); {@link HistoryGenerator}
 * plays it through the use cases.
 *
 * <p>The first dossiers cover every kind once (on time, late, supplemented once and twice, paid online, refused,
 * stopped, withdrawn (while its fee is asked: asked and never paid), surveyed with each rating, open and overdue,
 * each channel); the rest are drawn at random.
 */
public record HistoryPlan(long seed, LocalDate today, List<Item> items) {

    /** How a dossier's handling ends. */
    public enum Outcome {
        /** approved on or before its appointment */
        ON_TIME,
        /** approved after its appointment */
        LATE,
        /** refused (form 03) */
        REFUSED,
        /** stopped (form 05) */
        STOPPED,
        /** withdrawn by its applicant after receipt */
        WITHDRAWN,
        /** received and left in handling past its appointment */
        OPEN_OVERDUE
    }

    /**
     * One dossier: {@code procedure} (its code), {@code origin} (this portal, the national portal, the desk, the post),
     * {@code day} and {@code time} of creation (Vietnam), {@code supplements} requested after receipt (0, 1 or 2),
     * {@code outcome}, {@code rating} (a survey rating, or null: not surveyed), {@code citizen} (index of the sample
     * applicant) and {@code lateDays} (working days past the appointment for a late or overdue one).
     */
    public record Item(int index, String procedure, Facts.Origin origin, LocalDate day, LocalTime time, int supplements,
                       Outcome outcome, String rating, int citizen, int lateDays) {
        /** Whether its fee is asked at reception through this system (level 4 with amounts). */
        public boolean asksFee() { return FEE_ONLINE.contains(procedure); }

        /** Whether its fee is paid online: asked, and not withdrawn (a withdrawn one is withdrawn while awaiting payment, unpaid). */
        public boolean paysOnline() { return asksFee() && outcome != Outcome.WITHDRAWN; }

        /** Approved and returned without an electronic result where the process lets the leader issue it separately (every other one, by index). */
        public boolean withoutElectronicResult() { return index % 2 == 0; }
    }

    /**
     * The procedures drawn from: several agencies (CDLQG, CDSVH, CHTQT, CMTNATL), level 3 and 4, working and calendar
     * days, with and without a fee paid online at reception.
     */
    public static final List<String> PROCEDURES = List.of("BVHTTDL-DL-002", "BVHTTDL-DL-003", "BVHTTDL-DL-005",
            "BVHTTDL-DS-001", "BVHTTDL-HT-001", "BVHTTDL-MT-001");
    /** Those whose fee is asked at reception and paid online (level 4 with amounts). */
    public static final List<String> FEE_ONLINE = List.of("BVHTTDL-DL-002", "BVHTTDL-DL-003");
    /** The short ones (5 working days), for dossiers left open past their appointment. */
    static final List<String> SHORT = List.of("BVHTTDL-DL-003", "BVHTTDL-HT-001", "BVHTTDL-DL-002");
    public static final List<String> RATINGS = List.of("VERY_SATISFIED", "SATISFIED", "DISSATISFIED");
    public static final int CITIZENS = 6;

    /** The months back the history reaches (about six). */
    static final int OLDEST_DAYS = 180;
    /** A dossier that ends is created at least this many days ago, so that all its moves are in the past. */
    static final int CLOSED_NEWEST_DAYS = 70;

    /** The kinds every plan of at least {@code FIXED.size()} dossiers holds, in this order. */
    static final List<Item> FIXED = List.of(
            fixed("BVHTTDL-DL-003", Facts.Origin.MINISTRY_PORTAL, 0, Outcome.ON_TIME, "VERY_SATISFIED"),
            fixed("BVHTTDL-HT-001", Facts.Origin.NATIONAL_PORTAL, 0, Outcome.LATE, "DISSATISFIED"),
            fixed("BVHTTDL-DS-001", Facts.Origin.ONE_STOP_DESK, 1, Outcome.ON_TIME, "SATISFIED"),
            fixed("BVHTTDL-DL-002", Facts.Origin.MINISTRY_PORTAL, 2, Outcome.ON_TIME, null),
            fixed("BVHTTDL-MT-001", Facts.Origin.POST, 0, Outcome.REFUSED, "DISSATISFIED"),
            fixed("BVHTTDL-DL-005", Facts.Origin.MINISTRY_PORTAL, 0, Outcome.STOPPED, null),
            fixed("BVHTTDL-DL-003", Facts.Origin.MINISTRY_PORTAL, 0, Outcome.WITHDRAWN, null),
            fixed("BVHTTDL-DL-003", Facts.Origin.NATIONAL_PORTAL, 0, Outcome.OPEN_OVERDUE, null),
            fixed("BVHTTDL-DS-001", Facts.Origin.MINISTRY_PORTAL, 1, Outcome.LATE, "SATISFIED"),
            fixed("BVHTTDL-DL-002", Facts.Origin.ONE_STOP_DESK, 0, Outcome.ON_TIME, "VERY_SATISFIED"));

    private static Item fixed(String procedure, Facts.Origin origin, int supplements, Outcome outcome, String rating) {
        return new Item(-1, procedure, origin, null, null, supplements, outcome, rating, 0, 0);
    }

    /** The plan of {@code n} dossiers for {@code seed}, with {@code today} (Vietnam) as the present. */
    public static HistoryPlan of(int n, long seed, LocalDate today) { return of(n, seed, today, null); }

    /** The last day of a past year on which a dossier of {@link #of(int, long, LocalDate, Integer) a year's history} is created: its moves end within the year. */
    static final int YEAR_LAST_DAY = 240;

    /**
     * The plan of {@code n} dossiers for {@code seed} created in the past {@code year} (null: the past months), for the
     * archive (issue #26): every dossier is created on a working day of the year's first {@link #YEAR_LAST_DAY} days,
     * so that its work ends within the year, and each ends (a dossier that would be left open is withdrawn instead).
     */
    public static HistoryPlan of(int n, long seed, LocalDate today, Integer year) {
        if (n < 1 || n > 2000) throw new IllegalArgumentException("n must be 1..2000: " + n);
        if (year != null && (year < 2000 || year >= today.getYear())) throw new IllegalArgumentException("year must be a past year: " + year);
        WorkingCalendar cal = WorkingCalendar.standard();
        Random r = new Random(seed);
        List<Item> items = new ArrayList<>(n);
        Facts.Origin[] origins = Facts.Origin.values();
        Outcome[] outcomes = Outcome.values();
        for (int i = 0; i < n; i++) {
            Item base;
            if (i < FIXED.size()) {
                base = FIXED.get(i);
            } else {
                Outcome o = pick(r, outcomes, new int[]{45, 20, 10, 5, 5, 15});
                String procedure = o == Outcome.OPEN_OVERDUE ? SHORT.get(r.nextInt(SHORT.size())) : PROCEDURES.get(r.nextInt(PROCEDURES.size()));
                Facts.Origin origin = pick(r, origins, new int[]{50, 20, 20, 10});
                int sup = o == Outcome.WITHDRAWN || o == Outcome.OPEN_OVERDUE ? 0 : pick(r, new Integer[]{0, 1, 2}, new int[]{65, 25, 10});
                boolean ends = o != Outcome.WITHDRAWN && o != Outcome.OPEN_OVERDUE;
                String rating = ends && r.nextInt(100) < 60 ? RATINGS.get(pick(r, new Integer[]{0, 1, 2}, new int[]{50, 35, 15})) : null;
                base = new Item(-1, procedure, origin, null, null, sup, o, rating, 0, 0);
            }
            LocalDate day;
            if (year != null) {
                if (base.outcome() == Outcome.OPEN_OVERDUE)
                    base = new Item(-1, base.procedure(), base.origin(), null, null, 0, Outcome.WITHDRAWN, null, 0, 0);
                day = LocalDate.of(year, 1, 2).plusDays(r.nextInt(YEAR_LAST_DAY));
                while (!cal.isWorkingDay(day)) day = day.plusDays(1);
            } else {
                int newest = base.outcome() == Outcome.OPEN_OVERDUE ? 25 : CLOSED_NEWEST_DAYS;
                int oldest = base.outcome() == Outcome.OPEN_OVERDUE ? 40 : OLDEST_DAYS;
                day = today.minusDays(newest + r.nextInt(oldest - newest + 1));
                while (!cal.isWorkingDay(day)) day = day.minusDays(1);
            }
            LocalTime time = LocalTime.of(8 + r.nextInt(3), 5 * r.nextInt(12));
            int late = base.outcome() == Outcome.LATE ? 1 + r.nextInt(4) : 0;
            items.add(new Item(i, base.procedure(), base.origin(), day, time, base.supplements(), base.outcome(), base.rating(),
                    r.nextInt(CITIZENS), late));
        }
        return new HistoryPlan(seed, today, List.copyOf(items));
    }

    private static <T> T pick(Random r, T[] values, int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) return values[i];
        }
        return values[values.length - 1];
    }
}

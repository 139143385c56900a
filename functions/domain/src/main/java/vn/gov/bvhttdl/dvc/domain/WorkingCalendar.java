package vn.gov.bvhttdl.dvc.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one calendar every deadline is computed with: weekly days off, the holidays of Labour Code 2019 Art 112
 * (Tết and Hùng Kings' day by the Vietnamese lunar calendar), compensatory days, and the days off and swapped
 * working days the government announces each year. All of it is data ({@code rules/calendar.json},
 * {@code rules/calendar-announcements.json}, and what administrators publish), each rule with its citation.
 */
public final class WorkingCalendar {
    /**
     * A statutory holiday rule. {@code solar} "MM-dd", or {@code lunar} "MM-dd" / "last-day-of-year";
     * {@code adjacent} "before" or "after" when the holiday also takes the day next to it (null otherwise);
     * {@code from} the day its text came into force (null: always); {@code compensated} whether a day of it on a
     * weekly day off gives the next working day off (Labour Code Art 111(3) reaches only the holidays of Art 112(1)).
     */
    public record HolidayRule(String id, Text name, String solar, String lunar, int days, String adjacent, Citation basis,
                              LocalDate from, boolean compensated) {
        public HolidayRule(String id, Text name, String solar, String lunar, int days, String adjacent, Citation basis) {
            this(id, name, solar, lunar, days, adjacent, basis, null, true);
        }
    }

    /** One announced block of days off, replacing the default rule of the holidays it names for that year. */
    public record Block(List<String> replaces, List<LocalDate> days) {}

    /**
     * The days off and swapped working days announced for a year; {@code pending} the holidays of a partly announced
     * year that are not announced yet (their statutory defaults apply and dates near them are provisional).
     */
    public record YearSchedule(int year, Citation basis, List<Block> holidays, List<LocalDate> workingWeekendDays, List<String> pending) {
        public YearSchedule(int year, Citation basis, List<Block> holidays, List<LocalDate> workingWeekendDays) {
            this(year, basis, holidays, workingWeekendDays, List.of());
        }

        public YearSchedule {
            holidays = List.copyOf(holidays);
            workingWeekendDays = List.copyOf(workingWeekendDays);
            pending = pending == null ? List.of() : List.copyOf(pending);
            for (Block b : holidays) for (LocalDate d : b.days()) {
                if (d.getYear() != year && !(d.getYear() == year - 1 && d.getMonthValue() == 12) && !(d.getYear() == year + 1 && d.getMonthValue() == 1)) {
                    throw new DomainException(DomainException.Kind.INVALID, "calendar-day-outside-year",
                            new Text("Ngày " + d + " không thuộc năm " + year + ".", "Day " + d + " is not in year " + year + "."));
                }
            }
        }
    }

    /** A day that is not a working day, and why. */
    public record DayOff(LocalDate date, Text reason) {}

    /** A period when the clock stops (e.g. waiting for a supplement): working days after {@code from}'s date up to {@code to}'s date. */
    public record Pause(Instant from, Instant to) {}

    /**
     * The appointment: when the dossier counts as received, the due date, and the holidays that moved it.
     *
     * @param receivedOn       the working day the dossier counts as received on (the next one if submitted after hours)
     * @param period           the time limit it was computed for (working or calendar days)
     * @param pausedDays       days not counted because the clock was stopped (in the period's unit)
     * @param provisionalYears the years between receipt and the due date that have no announced schedule: their
     *                         days off are the statutory defaults, so the date may still move ("dự kiến")
     */
    public record Appointment(Instant submittedAt, LocalDate receivedOn, LocalDate dueDate, Period period,
                              int pausedDays, List<DayOff> holidaysSkipped, List<Integer> provisionalYears) {
        public boolean provisional() { return !provisionalYears.isEmpty(); }

        /** Why the date is provisional, or null. */
        public Text provisionalReason() {
            return provisional() ? WorkingCalendar.provisionalReason(provisionalYears) : null;
        }
    }

    /** The warning for dates that fall in years without an announced schedule (or not yet announced in full). */
    public static Text provisionalReason(List<Integer> years) {
        String ys = String.join(", ", years.stream().map(String::valueOf).toList());
        return new Text("Chưa có thông báo đầy đủ lịch nghỉ lễ, Tết năm " + ys + " của Chính phủ: ngày nghỉ chưa công bố tính theo "
                + "Bộ luật Lao động 2019 Điều 112, có thể thay đổi khi lịch được công bố.",
                "No full government announcement of the " + ys + " holidays yet: days off not announced follow Labour Code 2019 "
                        + "Art 112 and may change when the schedule is announced.");
    }

    private final ZoneId zone;
    private final Set<DayOfWeek> weeklyOff;
    private final LocalTime open;
    private final LocalTime close;
    private final List<HolidayRule> rules;
    private final Map<Integer, YearSchedule> schedules;
    private final int swapWindowDays;
    private final List<Session> sessions;
    private final Map<Integer, Map<LocalDate, Text>> daysOffByYear = new ConcurrentHashMap<>();

    private WorkingCalendar(ZoneId zone, Set<DayOfWeek> weeklyOff, LocalTime open, LocalTime close,
                            List<HolidayRule> rules, Map<Integer, YearSchedule> schedules, int swapWindowDays, List<Session> sessions) {
        this.zone = zone;
        this.weeklyOff = weeklyOff;
        this.open = open;
        this.close = close;
        this.rules = rules;
        this.schedules = schedules;
        this.swapWindowDays = swapWindowDays;
        this.sessions = sessions;
    }

    /** A part of a working day during which the office works (the morning, the afternoon). */
    public record Session(LocalTime start, LocalTime end) {
        public Session {
            if (!start.isBefore(end)) throw new IllegalStateException("calendar.json: a session ends after it starts: " + start + "–" + end);
        }
    }

    private static final WorkingCalendar STANDARD = read();

    /** The calendar of the bundled data files. */
    public static WorkingCalendar standard() { return STANDARD; }

    private static WorkingCalendar read() {
        Map<String, Object> m = Json.obj(Json.resource("/rules/calendar.json"));
        Set<DayOfWeek> off = EnumSet.noneOf(DayOfWeek.class);
        Json.list(m.get("weeklyDaysOff")).forEach(d -> off.add(DayOfWeek.valueOf(d.toString())));
        Map<String, Object> hours = Json.obj(m.get("officeHours"));
        List<HolidayRule> rules = Json.list(m.get("holidays")).stream().map(Json::obj).map(h -> new HolidayRule(
                Json.str(h, "id"), Json.text(h, "name"), Json.str(h, "solar"), Json.str(h, "lunar"),
                ((Number) h.get("days")).intValue(), adjacent(h.get("adjacent")),
                Citation.of(Json.obj(h.get("basis"))), h.get("from") == null ? null : LocalDate.parse(h.get("from").toString()),
                !Boolean.FALSE.equals(h.get("compensated")))).toList();
        Map<Integer, YearSchedule> schedules = new TreeMap<>();
        for (Object y : Json.list(Json.obj(Json.resource("/rules/calendar-announcements.json")).get("years"))) {
            YearSchedule s = schedule(Json.obj(y));
            schedules.put(s.year(), s);
        }
        for (YearSchedule s : schedules.values()) checkHolidays(rules, s);
        int window = ((Number) Json.obj(m.get("provisional")).get("swapWindowDays")).intValue();
        LocalTime open = LocalTime.parse(Json.str(hours, "start"));
        LocalTime close = LocalTime.parse(Json.str(hours, "end"));
        // the working hours of a day: the sessions of the data, else the office hours as one session
        List<Session> sessions = m.get("officeSessions") == null ? List.of(new Session(open, close))
                : Json.list(m.get("officeSessions")).stream().map(Json::obj)
                        .map(x -> new Session(LocalTime.parse(Json.str(x, "start")), LocalTime.parse(Json.str(x, "end")))).toList();
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) throw new IllegalStateException("calendar.json: officeSessions overlap or are out of order");
        }
        return new WorkingCalendar(ZoneId.of(Json.str(m, "zone")), off, open, close, rules, schedules, window, sessions);
    }

    private static String adjacent(Object v) {
        if (v == null) return null;
        if ("before".equals(v) || "after".equals(v)) return (String) v;
        throw new IllegalStateException("calendar.json: adjacent must be \"before\" or \"after\", not " + v);
    }

    /** Reads a year's announcement in the shape of calendar-announcements.json (also what the admin API accepts). */
    public static YearSchedule schedule(Map<String, Object> y) {
        try {
            List<Block> blocks = Json.list(y.get("holidays")).stream().map(Json::obj).map(b -> new Block(
                    Json.list(b.get("replaces")).stream().map(Object::toString).toList(),
                    Json.list(b.get("days")).stream().map(d -> LocalDate.parse(d.toString())).toList())).toList();
            List<LocalDate> working = Json.list(y.get("workingWeekendDays")).stream().map(d -> LocalDate.parse(d.toString())).toList();
            Object basis = y.get("basis");
            List<String> pending = y.get("pending") == null ? List.of() : Json.list(y.get("pending")).stream().map(Object::toString).toList();
            return new YearSchedule(((Number) y.get("year")).intValue(), basis == null ? null : Citation.of(Json.obj(basis)), blocks, working, pending);
        } catch (RuntimeException e) {
            if (e instanceof DomainException de) throw de;
            throw new DomainException(DomainException.Kind.INVALID, "invalid-calendar-schedule",
                    e instanceof java.time.DateTimeException
                            ? new Text("Lịch nghỉ năm không hợp lệ: mỗi ngày phải là một ngày có thật (dd/mm/yyyy).",
                                    "Invalid yearly schedule: every day must be a real date (dd/mm/yyyy).")
                            : new Text("Lịch nghỉ năm không hợp lệ: cần năm, các đợt nghỉ và các ngày làm bù.",
                                    "Invalid yearly schedule: the year, the blocks of days off and the working days are needed."));
        }
    }

    /** This calendar with more announcements (a year given here replaces the same year's data). */
    public WorkingCalendar withSchedules(Collection<YearSchedule> more) {
        if (more.isEmpty()) return this;
        Map<Integer, YearSchedule> merged = new TreeMap<>(schedules);
        for (YearSchedule s : more) {
            checkHolidays(rules, s);
            merged.put(s.year(), s);
        }
        return new WorkingCalendar(zone, weeklyOff, open, close, rules, merged, swapWindowDays, sessions);
    }

    private static void checkHolidays(List<HolidayRule> rules, YearSchedule s) {
        List<String> ids = new ArrayList<>(s.pending());
        for (Block b : s.holidays()) ids.addAll(b.replaces());
        for (String id : ids) {
            if (rules.stream().noneMatch(r -> r.id().equals(id))) {
                throw new DomainException(DomainException.Kind.INVALID, "unknown-holiday",
                        new Text("Không có ngày lễ \"" + id + "\".", "No holiday \"" + id + "\"."));
            }
        }
    }

    public ZoneId zone() { return zone; }

    public List<HolidayRule> rules() { return rules; }

    public YearSchedule schedule(int year) { return schedules.get(year); }

    /**
     * True when {@code year} has no announced schedule (its days off are the statutory defaults only) or one that
     * leaves some holidays {@linkplain YearSchedule#pending pending}.
     */
    public boolean provisional(int year) {
        YearSchedule s = schedules.get(year);
        return s == null || !s.pending().isEmpty();
    }

    /**
     * True when the days from {@code from} to {@code to} may still move: they run through a year without an announced
     * schedule, or within {@code swapWindowDays} (calendar.json) of the statutory days of a holiday still pending.
     */
    public boolean provisional(LocalDate from, LocalDate to) {
        return !provisionalYears(from, to).isEmpty();
    }

    private List<Integer> provisionalYears(LocalDate from, LocalDate to) {
        List<Integer> out = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            YearSchedule s = schedules.get(y);
            if (s == null) {
                out.add(y);
                continue;
            }
            for (HolidayRule r : rules) {
                if (!s.pending().contains(r.id())) continue;
                List<LocalDate> ds = dates(r, y);
                if (ds.isEmpty()) continue;
                LocalDate first = ds.stream().min(LocalDate::compareTo).orElseThrow().minusDays(swapWindowDays);
                LocalDate last = ds.stream().max(LocalDate::compareTo).orElseThrow().plusDays(swapWindowDays);
                if (!to.isBefore(first) && !from.isAfter(last)) {
                    out.add(y);
                    break;
                }
            }
        }
        return out;
    }

    /** Days off other than the weekly ones (holidays, announced days, compensatory days) of a year, with reasons. */
    public Map<LocalDate, Text> daysOff(int year) {
        return daysOffByYear.computeIfAbsent(year, this::computeDaysOff);
    }

    private Map<LocalDate, Text> computeDaysOff(int year) {
        Map<LocalDate, Text> out = new TreeMap<>();
        YearSchedule s = schedules.get(year);
        Set<String> replaced = new java.util.HashSet<>();
        if (s != null) {
            for (Block b : s.holidays()) {
                replaced.addAll(b.replaces());
                Text name = joinNames(b.replaces());
                for (LocalDate d : b.days()) out.put(d, name);
            }
        }
        Map<LocalDate, Text> statutory = new TreeMap<>();
        Set<LocalDate> compensated = new java.util.HashSet<>();
        for (HolidayRule r : rules) {
            if (replaced.contains(r.id())) continue;
            for (LocalDate d : dates(r, year)) {
                statutory.put(d, r.name());
                if (r.compensated()) compensated.add(d);
            }
        }
        out.putAll(statutory);
        Set<LocalDate> working = s == null ? Set.of() : new TreeSet<>(s.workingWeekendDays());
        for (Map.Entry<LocalDate, Text> e : statutory.entrySet()) {
            if (!weeklyOff.contains(e.getKey().getDayOfWeek()) || !compensated.contains(e.getKey())) continue;
            LocalDate d = e.getKey().plusDays(1);
            while (weeklyOff.contains(d.getDayOfWeek()) || out.containsKey(d)) d = d.plusDays(1);
            out.put(d, new Text("Nghỉ bù " + e.getValue().vi(), "Compensatory day for " + e.getValue().en()));
        }
        working.forEach(out::remove);
        return out;
    }

    private Text joinNames(List<String> ids) {
        List<Text> names = ids.stream().map(id -> rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .map(HolidayRule::name).orElse(new Text(id, id))).toList();
        return new Text(String.join(", ", names.stream().map(Text::vi).toList()), String.join(", ", names.stream().map(Text::en).toList()));
    }

    private List<LocalDate> dates(HolidayRule r, int year) {
        List<LocalDate> out = new ArrayList<>();
        if (r.solar() != null) {
            LocalDate first = MonthDay.parse("--" + r.solar()).atYear(year);
            out.add(first);
            if (r.adjacent() != null) out.add("before".equals(r.adjacent()) ? first.minusDays(1) : first.plusDays(1));
            for (int i = out.size(); i < r.days(); i++) out.add(first.plusDays(i));
        } else if ("last-day-of-year".equals(r.lunar())) {
            LocalDate start = LunarTable.standard().tet(year).minusDays(1);
            for (int i = 0; i < r.days(); i++) out.add(start.plusDays(i));
        } else if ("03-10".equals(r.lunar())) {
            LocalDate first = LunarTable.standard().hungKings(year);
            for (int i = 0; i < r.days(); i++) out.add(first.plusDays(i));
        } else {
            throw new IllegalStateException("holiday " + r.id() + ": lunar date " + r.lunar() + " is not in rules/lunar-holidays.json");
        }
        if (r.from() != null) out.removeIf(d -> d.isBefore(r.from()));
        return out;
    }

    public boolean isWorkingDay(LocalDate d) {
        YearSchedule s = schedules.get(d.getYear());
        if (s != null && s.workingWeekendDays().contains(d)) return true;
        return !weeklyOff.contains(d.getDayOfWeek()) && !daysOff(d.getYear()).containsKey(d);
    }

    /** Why {@code d} is not a working day (null when it is one). */
    public Text reasonOff(LocalDate d) {
        if (isWorkingDay(d)) return null;
        Text holiday = daysOff(d.getYear()).get(d);
        if (holiday != null) return holiday;
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? new Text("Thứ Bảy", "Saturday") : new Text("Chủ nhật", "Sunday");
    }

    public LocalDate nextWorkingDay(LocalDate d) {
        LocalDate n = d.plusDays(1);
        for (int i = 0; i < 60 && !isWorkingDay(n); i++) n = n.plusDays(1);
        return n;
    }

    /** The appointment for a time limit in working days (the common case). */
    public Appointment appointment(Instant submittedAt, int workingDays, List<Pause> pauses) {
        return appointment(submittedAt, Period.workingDays(workingDays), pauses);
    }

    /**
     * The appointment for a dossier submitted at {@code submittedAt} with time limit {@code period}. The dossier
     * counts as received on the working day it arrived in office hours, else the next one; the first day is not
     * counted (Civil Code 2015 Art 147). Working days skip weekends and days off; calendar days count every day, and
     * a calendar-day period that ends on a day off ends on the next working day (Art 148). Days inside a pause
     * (after its start's date, up to its end's date) are not counted.
     */
    public Appointment appointment(Instant submittedAt, Period period, List<Pause> pauses) {
        LocalDateTime local = submittedAt.atZone(zone).toLocalDateTime();
        LocalDate received = local.toLocalDate();
        if (!isWorkingDay(received) || !local.toLocalTime().isBefore(close)) received = nextWorkingDay(received);
        List<LocalDate[]> paused = new ArrayList<>();
        for (Pause p : pauses == null ? List.<Pause>of() : pauses) {
            if (p.to() == null) throw new IllegalArgumentException("an open pause has no end: the due date is not known yet");
            paused.add(new LocalDate[]{p.from().atZone(zone).toLocalDate(), p.to().atZone(zone).toLocalDate()});
        }
        boolean working = period.unit() == Period.Unit.WORKING_DAYS;
        Map<LocalDate, Text> skipped = new LinkedHashMap<>();
        LocalDate d = received;
        int counted = 0;
        int pausedDays = 0;
        while (counted < period.days()) {
            d = d.plusDays(1);
            if (working && !isWorkingDay(d)) {
                Text holiday = daysOff(d.getYear()).get(d);
                if (holiday != null) skipped.put(d, holiday);
                continue;
            }
            LocalDate day = d;
            if (paused.stream().anyMatch(p -> day.isAfter(p[0]) && !day.isAfter(p[1]))) {
                pausedDays++;
                continue;
            }
            counted++;
        }
        if (!working) {
            // Art 148: the last day is a day off, so the period ends at the end of the next working day
            while (!isWorkingDay(d)) {
                Text holiday = daysOff(d.getYear()).get(d);
                if (holiday != null) skipped.put(d, holiday);
                d = d.plusDays(1);
            }
        }
        List<Integer> provisional = provisionalYears(received, d);
        return new Appointment(submittedAt, received, d, period, pausedDays,
                skipped.entrySet().stream().map(e -> new DayOff(e.getKey(), e.getValue())).toList(), List.copyOf(provisional));
    }

    /** The working days after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) if (isWorkingDay(d)) n++;
        return n;
    }

    public LocalTime officeOpens() { return open; }

    public LocalTime officeCloses() { return close; }

    /** The sessions of a working day, in order (rules/calendar.json {@code officeSessions}). */
    public List<Session> officeSessions() { return sessions; }

    /**
     * The moment {@code hours} working hours after {@code from}: only the time inside the office sessions of working
     * days counts (not the lunch break, the evening, weekends or days off); a start outside them counts from the next
     * session's start. The end falls inside a session, or at the end of one (never at the next one's start).
     */
    public Instant plusWorkingHours(Instant from, java.time.Duration hours) {
        if (hours.isNegative()) throw new IllegalArgumentException("negative working hours: " + hours);
        java.time.Duration left = hours;
        LocalDateTime at = from.atZone(zone).toLocalDateTime();
        for (int days = 0; days < 400; days++) {
            LocalDate day = at.toLocalDate();
            if (isWorkingDay(day)) {
                for (Session s : sessions) {
                    LocalDateTime start = day.atTime(s.start());
                    LocalDateTime end = day.atTime(s.end());
                    if (!at.isBefore(end)) continue;
                    if (at.isBefore(start)) at = start;
                    java.time.Duration rest = java.time.Duration.between(at, end);
                    if (left.compareTo(rest) <= 0) {
                        return at.plus(left).atZone(zone).toInstant();
                    }
                    left = left.minus(rest);
                    at = end;
                }
            }
            at = day.plusDays(1).atStartOfDay();
        }
        throw new IllegalStateException("no working hours within 400 days after " + from);
    }
}

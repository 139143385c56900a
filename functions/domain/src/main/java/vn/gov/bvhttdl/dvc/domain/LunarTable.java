package vn.gov.bvhttdl.dvc.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The lunar holidays' civil dates per year, from {@code rules/lunar-holidays.json}: mùng 1 Tết and the 10th day of
 * the 3rd lunar month (Giỗ Tổ Hùng Vương). The file is computed by {@link LunarCalendar} (ICU4J at UTC+7) and
 * checked against it by a test, so functions need no astronomy at run time.
 */
public final class LunarTable {
    private final int first;
    private final int last;
    private final Map<Integer, LocalDate[]> years = new HashMap<>();

    private static final LunarTable STANDARD = new LunarTable();

    private LunarTable() {
        Map<String, Object> root = Json.obj(Json.resource("/rules/lunar-holidays.json"));
        first = ((Number) root.get("firstYear")).intValue();
        last = ((Number) root.get("lastYear")).intValue();
        Json.obj(root.get("years")).forEach((y, v) -> {
            Map<String, Object> m = Json.obj(v);
            years.put(Integer.parseInt(y), new LocalDate[]{LocalDate.parse(Json.str(m, "tet")), LocalDate.parse(Json.str(m, "hungKings"))});
        });
    }

    public static LunarTable standard() { return STANDARD; }

    public int firstYear() { return first; }

    public int lastYear() { return last; }

    /** Mùng 1 Tết of the lunar year that begins in {@code year}. */
    public LocalDate tet(int year) { return row(year)[0]; }

    /** 10/3 âm lịch of {@code year}. */
    public LocalDate hungKings(int year) { return row(year)[1]; }

    private LocalDate[] row(int year) {
        LocalDate[] r = years.get(year);
        if (r == null) {
            throw new DomainException(DomainException.Kind.INVALID, "year-outside-calendar",
                    new Text("Năm " + year + " nằm ngoài lịch âm (" + first + "–" + last + ").",
                            "Year " + year + " is outside the lunar table (" + first + "–" + last + ")."));
        }
        return r;
    }
}

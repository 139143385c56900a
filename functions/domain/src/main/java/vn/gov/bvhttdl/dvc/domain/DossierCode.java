package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dossier code, built as the rule in {@code /rules/dossier-code.json} says: {@code <unit code>-<YYMMDD of
 * receipt>-<daily sequence>} (the structure of Circular 01/2018/TT-VPCP Art 19; Circular 03/2025/TT-VPCP now governs
 * dossier codes, and the data file says what of it was read).
 */
public final class DossierCode {
    private final ZoneId zone;
    private final DateTimeFormatter dateFormat;
    private final int sequenceDigits;
    private final Citation basis;
    private final Pattern parse;

    private DossierCode(ZoneId zone, String datePattern, int sequenceDigits, Citation basis) {
        this.zone = zone;
        this.dateFormat = DateTimeFormatter.ofPattern(datePattern);
        this.sequenceDigits = sequenceDigits;
        this.basis = basis;
        this.parse = Pattern.compile("^(.+)-(\\d{" + datePattern.length() + "})-(\\d{" + sequenceDigits + "})$");
    }

    private static final DossierCode STANDARD = read();

    public static DossierCode standard() { return STANDARD; }

    private static DossierCode read() {
        Map<String, Object> m = Json.obj(Json.resource("/rules/dossier-code.json"));
        return new DossierCode(ZoneId.of(Json.str(m, "zone")), Json.str(m, "datePattern"),
                ((Number) m.get("sequenceDigits")).intValue(), Citation.of(Json.obj(m.get("basis"))));
    }

    public Citation basis() { return basis; }

    public ZoneId zone() { return zone; }

    /** The day of receipt in the rule's time zone: the key of the daily sequence. */
    public LocalDate day(Instant receivedAt) {
        return receivedAt.atZone(zone).toLocalDate();
    }

    public String dayKey(LocalDate day) {
        return dateFormat.format(day);
    }

    public String format(String unitCode, LocalDate day, long sequence) {
        if (unitCode == null || unitCode.isBlank()) throw new IllegalArgumentException("unit code is required");
        long max = (long) Math.pow(10, sequenceDigits) - 1;
        if (sequence < 1 || sequence > max) {
            throw new DomainException(DomainException.Kind.REFUSED, "daily-sequence-exhausted",
                    new Text("Đã hết số thứ tự hồ sơ trong ngày của đơn vị " + unitCode + ".",
                            "The daily dossier sequence of unit " + unitCode + " is exhausted."));
        }
        return unitCode + "-" + dayKey(day) + "-" + String.format("%0" + sequenceDigits + "d", sequence);
    }

    /** Whether {@code code} has the shape of a dossier code (used to reject junk before a lookup). */
    public boolean isWellFormed(String code) {
        if (code == null || code.length() > 64) return false;
        Matcher m = parse.matcher(code);
        return m.matches() && m.group(1).matches("[0-9A-Za-z.]+");
    }
}

package vn.gov.bvhttdl.dvc.api;

import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A moment a client names in a query (the appointment's "at", the calendar preview's). */
public final class Moments {
    private Moments() {}

    /** An instant ({@code 2026-02-13T03:00:00Z}), or a Vietnam local date-time or date ({@code 2026-02-13T10:00}, {@code 2026-02-13}). */
    public static Instant parse(String s) {
        Instant at = s.length() > 40 ? null : parseOrNull(s);
        if (at == null) {
            throw new vn.gov.bvhttdl.dvc.domain.DomainException(vn.gov.bvhttdl.dvc.domain.DomainException.Kind.MALFORMED, "invalid-date-time",
                    new Text("Thời điểm \"" + Limits.clip(s) + "\" không hợp lệ (ví dụ: 2026-02-13T10:00).",
                            "\"" + Limits.clip(s) + "\" is not a date-time (e.g. 2026-02-13T10:00)."));
        }
        // the calendar (and its lunar table) covers 1900–2199; the year 2199 still needs room for a time limit
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new vn.gov.bvhttdl.dvc.domain.DomainException(vn.gov.bvhttdl.dvc.domain.DomainException.Kind.INVALID, "date-out-of-range",
                    new Text("Thời điểm phải trong khoảng năm 1900–2198.", "The moment must be within the years 1900–2198."));
        }
        return at;
    }

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2198-12-31T23:59:59Z");

    private static Instant parseOrNull(String s) {
        java.time.ZoneId vn = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        try {
            return Instant.parse(s);
        } catch (java.time.DateTimeException notInstant) {
            try {
                return LocalDateTime.parse(s).atZone(vn).toInstant();
            } catch (java.time.DateTimeException notLocal) {
                try {
                    return LocalDate.parse(s).atTime(9, 0).atZone(vn).toInstant();
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
    }
}

package vn.gov.bvhttdl.dvc.documents;

import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.ControlSlip;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Letters;
import vn.gov.bvhttdl.dvc.domain.Signature;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.Workflow;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The content of each form, from the record: a letter to the applicant (02 supplement request, 03 refusal, 04
 * apology and new date, 05 stop) is rebuilt from the audit entry that issued it, so a second download is the same
 * document; the control slip (06) from the trail as it stands; the tracking book (07) from a unit's dossiers. Every
 * QR code holds the document's verification address ({@link Letters}), never data of the applicant; a letter signed on
 * behalf of a superior prints KT./TL. with both names ({@link Signature}).
 */
public final class IssuedForms {
    /** The forms addressed to the applicant. */
    public static final List<String> LETTERS = Letters.TO_APPLICANT;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private IssuedForms() {}

    /** The latest entry of the trail that issued each letter (by the form number its move records). */
    public static Map<String, AuditEvent> issued(List<AuditEvent> history) { return Letters.issued(history); }

    /**
     * Letter {@code number} as the trail issued it, or empty when it was not issued for this dossier; {@code verify}
     * makes the address of a path under {@code /verify/} (its QR code: the letter's verification page, no ID number).
     */
    public static Optional<FormPdf.Content> letter(String number, Dossier d, Procedure p, List<AuditEvent> history,
                                                   Function<String, String> verify) {
        AuditEvent e = issued(history).get(number);
        if (e == null) return Optional.empty();
        Map<String, String> v = common(d, p);
        v.put("reason", e.reason());
        v.put("items", e.reason());
        v.put("previousDueDate", date(e.details().get("previousDueDate")));
        v.put("newDueDate", date(e.details().get("dueDate")));
        String unit = unitName(d.agencyCode(), e.details().get("unit"));
        v.put("unit", unit);
        String title = FormPdf.template(number).signer();
        Signature signature = Signature.of(e.details(), d.agencyCode(), new Text(title, title));
        return Optional.of(new FormPdf.Content(number, p.agencyName().vi(), unit, v, null,
                verify.apply(Letters.verifyPath(d.id(), number, e.at())), e.at(), signature.lines("(Ký số)")));
    }

    /** The processing-control slip (form 06) now: each step with its handlers by name, the pauses, the consultations. */
    public static FormPdf.Content controlSlip(Dossier d, Procedure p, Process process, List<AuditEvent> history,
                                              WorkingCalendar cal, Instant now, Function<String, String> verify) {
        Map<String, String> v = common(d, p);
        v.put("timeLimit", p.timeLimit().label().vi());
        v.put("dueDate", d.dueDate() == null ? "" : DAY.format(d.dueDate()));
        List<List<String>> rows = new ArrayList<>();
        for (ControlSlip.Line l : ControlSlip.of(process, d, history, cal, now)) {
            String where = l.kind().equals("pause") ? l.name().vi()
                    : l.kind().equals("consultation") ? "Xin ý kiến " + unitName(l.agency(), l.unit()) + " (" + agencyName(l.agency()) + ")"
                    : l.name().vi() + " — " + unitName(d.agencyCode(), l.unit());
            if (!l.handlers().isEmpty()) where += "\nNgười xử lý: " + String.join(", ", l.handlers());
            rows.add(List.of(where,
                    l.kind().equals("pause") ? "Không tính" : l.budget().label().vi() + (l.due() == null ? "" : " (đến " + DAY.format(l.due()) + ")"),
                    MOMENT.format(l.arrived().atZone(Letterhead.VN)),
                    l.left() == null ? (l.kind().equals("pause") ? "đang chờ" : "đang xử lý") : MOMENT.format(l.left().atZone(Letterhead.VN)),
                    Integer.toString(l.usedWorkingDays()), l.kind().equals("pause") ? "Tạm dừng" : l.late() ? "Trễ hạn" : "Đúng hạn"));
        }
        String unit = unitName(d.agencyCode(), process.oneStopUnit());
        return new FormPdf.Content("06", p.agencyName().vi(), unit, v, rows, verify.apply(Letters.verifyPath(d.id(), "06", now)), now, null);
    }

    /** One line of the tracking book (form 07). */
    public record BookLine(String code, String procedure, String applicant, Instant receivedAt, LocalDate dueDate, String status, String note) {}

    /** The lines of a unit's tracking book for {@code dossiers} (already those the unit received in the period). */
    public static List<BookLine> bookLines(List<Dossier> dossiers, Function<Dossier, String> procedureName) {
        return dossiers.stream().sorted(java.util.Comparator.comparing(Dossier::receivedAt).thenComparing(Dossier::id))
                .map(d -> new BookLine(d.code(), procedureName.apply(d), applicant(d), d.receivedAt(), d.dueDate(),
                        Workflow.standard().label(d.status()).vi(), d.processing() != null && d.processing().deadline() != null
                                ? switch (d.processing().deadline()) {
                                    case "OVERDUE" -> "Quá hạn";
                                    case "SUPPLEMENT_WINDOW_PASSED" -> "Quá hạn yêu cầu bổ sung";
                                    default -> "Sắp đến hạn";
                                } : ""))
                .toList();
    }

    public static FormPdf.Content trackingBook(String agency, String unit, LocalDate from, LocalDate to, List<BookLine> lines, Instant now,
                                               Function<String, String> verify) {
        Organisation.Agency a = Organisation.standard().agency(agency).orElseThrow();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("unit", unitName(agency, unit));
        v.put("agency", a.name().vi());
        v.put("from", DAY.format(from));
        v.put("to", DAY.format(to));
        v.put("count", Integer.toString(lines.size()));
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (BookLine l : lines) rows.add(row(n++, l));
        // the QR code: the book's verification address (the unit and the period, no personal data)
        return new FormPdf.Content("07", a.name().vi(), unitName(agency, unit), v, rows, verify.apply(Letters.bookPath(agency, unit, from, to, now)), now, null);
    }

    /** The same book as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read the diacritics). */
    public static String trackingBookCsv(List<BookLine> lines) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(String.join(",", FormPdf.template("07").columns().stream().map(IssuedForms::csv).toList())).append("\r\n");
        int n = 1;
        for (BookLine l : lines) b.append(String.join(",", row(n++, l).stream().map(IssuedForms::csv).toList())).append("\r\n");
        return b.toString();
    }

    private static List<String> row(int n, BookLine l) {
        return List.of(Integer.toString(n), nz(l.code()), nz(l.procedure()), nz(l.applicant()),
                l.receivedAt() == null ? "" : MOMENT.format(l.receivedAt().atZone(Letterhead.VN)),
                l.dueDate() == null ? "" : DAY.format(l.dueDate()), nz(l.status()), nz(l.note()));
    }

    static String csv(String s) {
        String v = s == null ? "" : s;
        // a cell a spreadsheet would run as a formula is written as text
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static Map<String, String> common(Dossier d, Procedure p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("code", d.code());
        v.put("procedure", p.name().vi() + " (mã " + p.code() + ")");
        v.put("applicant", applicant(d));
        v.put("agency", p.agencyName().vi());
        v.put("oneStop", unitName(d.agencyCode(), Organisation.standard().agency(d.agencyCode()).map(a -> a.oneStop().code()).orElse(null)));
        v.put("receivedOn", d.receivedAt() == null ? "" : DAY.format(d.receivedAt().atZone(Letterhead.VN)));
        return v;
    }

    static String applicant(Dossier d) {
        if (d.applicant() == null) return "";
        String company = d.form().get("companyName");
        boolean enterprise = d.applicant().enterpriseCode() != null && !d.applicant().enterpriseCode().isBlank();
        return enterprise && company != null ? company + " (mã số doanh nghiệp " + d.applicant().enterpriseCode() + ")" : nz(d.applicant().fullName());
    }

    /** A unit's name (the organisation data), never its code: the one-stop desk's when none is given. */
    public static String unitName(String agency, String unit) {
        return Organisation.standard().agency(agency).flatMap(a -> a.unit(unit == null ? a.oneStop().code() : unit))
                .map(u -> u.name().vi()).orElse(unit == null ? "Bộ phận Một cửa" : unit);
    }

    private static String agencyName(String agency) {
        return Organisation.standard().agency(agency).map(a -> a.name().vi()).orElse(agency == null ? "" : agency);
    }

    private static String date(String iso) { return iso == null ? null : DAY.format(LocalDate.parse(iso)); }

    private static String nz(String s) { return s == null ? "" : s; }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Letters;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Signature;
import vn.gov.bvhttdl.dvc.domain.Workflow;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What anyone may ask without signing in, one method per page: the catalogue, a procedure, the expected completion
 * date, a year's calendar; a dossier looked up by its code and the key printed on its receipt (its status and dates,
 * of the person only the initials); an issued result or receipt by its id, and whether a presented file is it. The
 * look-up and the verification are counted per address and minute ({@link #LOOKUPS_PER_MINUTE},
 * {@link #CHECKS_PER_MINUTE}).
 */
public final class PublicDesk {
    /** Look-ups by code and key an address may make in a minute. */
    public static final int LOOKUPS_PER_MINUTE = 10;
    /** Verifications (pages and files) an address may ask for in a minute. */
    public static final int CHECKS_PER_MINUTE = 30;
    /** The largest file the verification page checks. */
    public static final int MAX_FILE = 10 * 1024 * 1024;

    /** A page of the catalogue's search, with the fields' names; {@code today} the day the versions in force are of. */
    public record CataloguePage(ProcedureCatalogue.Page page, Map<String, Text> fields, LocalDate today) {}

    /** A procedure in force, its field's name and every version of it. */
    public record ProcedurePage(Procedure procedure, Text fieldName, List<Procedure> history, LocalDate today) {}

    /** The completion date expected for a submission at {@code at}. */
    public record Expected(Procedure procedure, Instant at, WorkingCalendar.Appointment appointment) {}

    /** A year of the calendar in force ({@code calendar.provisional(year)}: no schedule announced for it). */
    public record CalendarYear(WorkingCalendar calendar, int year) {}

    /** What the code and the key show: no personal data beyond the initials. */
    public record Tracked(String code, Text procedureName, DossierStatus status, LocalDate receivedOn, LocalDate dueDate,
                          boolean dueDateProvisional, String applicantInitials) {}

    /**
     * The verification page of an issued result or receipt: its state today, the issuer's name, and the lines its face
     * prints (a 12-digit identification number shown by its last four digits only).
     */
    public record VerifyPage(IssuedResult result, String state, String issuer, List<IssuedResult.Line> face, ZoneId zone) {}

    /** What is said of a presented file: the original and signed as it should be ({@code genuine}), and why not. */
    public record FileCheck(boolean genuine, boolean matchesRecord, boolean signatureValid, String state, Text message) {}

    private final Dossiers dossiers;
    private final LookupKeys lookupKeys;
    private final Rules rules;
    private final Results results;
    private final RequestCounts counts;
    private final SignatureVerifier signatures;
    private final Clock clock;

    public PublicDesk(Dossiers dossiers, LookupKeys lookupKeys, Rules rules, Results results, RequestCounts counts, SignatureVerifier signatures, Clock clock) {
        this.dossiers = dossiers;
        this.lookupKeys = lookupKeys;
        this.rules = rules;
        this.results = results;
        this.counts = counts;
        this.signatures = signatures;
        this.clock = clock;
    }

    // ---- the catalogue and the calendar

    /** The catalogue's search ({@code text} without diacritics too), filtered and paged. */
    public CataloguePage catalogue(String text, String field, String agency, Integer level, int page, int size) {
        if (text != null && text.length() > Limits.MAX_QUERY_TEXT) {
            throw new RequestRefused(RequestRefused.Why.MALFORMED, "query-too-long",
                    new Text("Từ khóa tìm kiếm quá dài (tối đa " + Limits.MAX_QUERY_TEXT + " ký tự).",
                            "The search text is too long (" + Limits.MAX_QUERY_TEXT + " characters at most)."));
        }
        if (page < 1 || page > Limits.MAX_PAGE || size < 1 || size > Limits.MAX_PAGE_SIZE) {
            throw new RequestRefused(RequestRefused.Why.MALFORMED, "page-out-of-range",
                    new Text("Trang phải từ 1 đến " + Limits.MAX_PAGE + ", cỡ trang từ 1 đến " + Limits.MAX_PAGE_SIZE + ".",
                            "The page must be 1–" + Limits.MAX_PAGE + " and the page size 1–" + Limits.MAX_PAGE_SIZE + "."));
        }
        ProcedureCatalogue cat = rules.catalogue();
        LocalDate today = today();
        return new CataloguePage(cat.search(new ProcedureCatalogue.Query(text, field, agency, level, page, size), today), cat.fields(), today);
    }

    /** The procedure {@code code} in force today, with its versions; NOT_FOUND {@code procedure-not-found} otherwise. */
    public ProcedurePage procedure(String code) {
        ProcedureCatalogue cat = rules.catalogue();
        LocalDate today = today();
        Procedure p = inForce(cat, code, today);
        return new ProcedurePage(p, cat.fields().get(p.field()), cat.history(code), today);
    }

    /** The completion date expected for procedure {@code code} if submitted at {@code at} ({@code null}: now). */
    public Expected appointment(String code, Instant at) {
        Procedure p = inForce(rules.catalogue(), code, today());
        Instant when = at == null ? clock.instant() : at;
        return new Expected(p, when, rules.calendar().appointment(when, p.timeLimit(), List.of()));
    }

    /** A year's days off and swapped working days (1900–2199). */
    public CalendarYear calendar(int year) {
        if (year < 1900 || year > 2199) {
            throw new RequestRefused(RequestRefused.Why.MALFORMED, "year-out-of-range",
                    new Text("Năm phải trong khoảng 1900–2199.", "The year must be between 1900 and 2199."));
        }
        return new CalendarYear(rules.calendar(), year);
    }

    // ---- the look-up by code and key

    /**
     * The dossier received under {@code code} whose receipt printed {@code key} (case and spaces around ignored). A
     * wrong key and an unknown code get the same NOT_FOUND; the {@value #LOOKUPS_PER_MINUTE}th look-up of
     * {@code address} in a minute is the last answered (TOO_MANY {@code too-many-lookups}).
     */
    public Tracked track(String address, String code, String key) {
        limit("track", address, LOOKUPS_PER_MINUTE, "too-many-lookups",
                new Text("Bạn đã tra cứu quá " + LOOKUPS_PER_MINUTE + " lần trong một phút. Vui lòng thử lại sau một phút.",
                        "More than " + LOOKUPS_PER_MINUTE + " look-ups in a minute. Please try again in a minute."));
        DomainException notFound = new DomainException(DomainException.Kind.NOT_FOUND, "dossier-not-found",
                new Text("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Kiểm tra lại hai mã trên giấy tiếp nhận.",
                        "No dossier with this code and key. Check both on the receipt."));
        String given = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
        Optional<LookupKeys.Lookup> found = lookupKeys.lookup(code == null ? null : code.strip());
        // compared in constant time: how much of a key is right does not show in the time of the answer
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().key().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw notFound;
        }
        Dossier d = dossiers.find(found.get().dossierId()).orElseThrow(() -> notFound);
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        WorkingCalendar cal = rules.calendar();
        LocalDate receivedOn = d.receivedAt() == null ? null : d.receivedAt().atZone(cal.zone()).toLocalDate();
        boolean provisional = d.dueDate() != null && cal.provisional(receivedOn == null ? d.dueDate() : receivedOn, d.dueDate());
        return new Tracked(d.code(), p == null ? null : p.name(), d.status(), receivedOn, d.dueDate(), provisional,
                initials(d.applicant() == null ? null : d.applicant().fullName()));
    }

    /** "Nguyễn Văn An" → "N. V. A.": enough to recognise one's own dossier, nothing more. */
    static String initials(String name) {
        if (name == null || name.isBlank()) return "";
        StringBuilder b = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (b.length() > 0) b.append(' ');
            b.appendCodePoint(part.codePointAt(0)).append('.');
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    // ---- verifying a result or a receipt

    /** The verification page of the result or receipt {@code id}; empty when none was issued with it. */
    public Optional<VerifyPage> verify(String address, String id) {
        limitChecks(address);
        return results.find(id).map(r -> {
            WorkingCalendar cal = rules.calendar();
            var procedure = rules.catalogue().version(r.procedureCode(), r.procedureVersion());
            String issuer = procedure.map(p -> p.agencyName().vi()).orElse(r.agencyCode());
            // the labels of the catalogue, also on a result stored before they were printed
            List<IssuedResult.Line> face = r.faceInWords(procedure.orElse(null)).stream().map(l -> new IssuedResult.Line(l.label(), masked(l.value()))).toList();
            return new VerifyPage(r, r.state(today()), issuer, face, cal.zone());
        });
    }

    /**
     * A letter's verification page (forms 02–06, at the address its QR code holds): which letter of which dossier, who
     * issued it and when, who signed (KT./TL. with both names), and the dossier's status now — no personal data
     * beyond the applicant's initials.
     */
    public record LetterPage(String dossierCode, Text procedureName, Workflow.Form form, Instant issuedAt, String agencyName,
                             String unitName, Text status, Signature signature, String applicantInitials, ZoneId zone) {}

    /** A tracking book's verification page (form 07): the unit and the period it covers, when it was drawn. */
    public record BookPage(String agencyName, String unitName, LocalDate from, LocalDate to, Instant drawnAt, ZoneId zone) {}

    /**
     * The letter {@code form} of dossier {@code dossierId} issued at second {@code at} (06: drawn then); empty when the
     * trail issued no such letter then (the same answer for an unknown dossier).
     */
    public Optional<LetterPage> verifyLetter(String address, String dossierId, String form, String at) {
        limitChecks(address);
        if (form == null || !Letters.VERIFIABLE.contains(form) || at == null || !at.matches("\\d{1,12}")) return Optional.empty();
        long second = Long.parseLong(at);
        Optional<Dossier> found = dossierId == null || dossierId.length() > 64 ? Optional.empty() : dossiers.find(dossierId);
        if (found.isEmpty() || found.get().code() == null) return Optional.empty();
        Dossier d = found.get();
        Instant when;
        Map<String, String> details;
        if (form.equals("06")) {
            when = Instant.ofEpochSecond(second);
            if (d.receivedAt() == null || when.isBefore(d.receivedAt().minusSeconds(1)) || when.isAfter(clock.instant().plusSeconds(60))) return Optional.empty();
            details = Map.of();
        } else {
            Optional<AuditEvent> e = Letters.issuedAt(dossiers.history(d.id()), form, second);
            if (e.isEmpty()) return Optional.empty();
            when = e.get().at();
            details = e.get().details();
        }
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        var agency = Organisation.standard().agency(d.agencyCode());
        String unitCode = form.equals("06") ? null : details.get("unit");
        String unit = agency.flatMap(a -> a.unit(unitCode == null ? a.oneStop().code() : unitCode)).map(u -> u.name().vi()).orElse(null);
        Signature signature = form.equals("06") ? null : Signature.of(details, d.agencyCode(), null == details.get("signerTitle")
                ? new Text("Người ký", "Signer") : new Text(details.get("signerTitle"), details.get("signerTitle")));
        return Optional.of(new LetterPage(d.code(), p == null ? null : p.name(), Workflow.standard().form(form), when,
                agency.map(a -> a.name().vi()).orElse(d.agencyCode()), unit, Workflow.standard().label(d.status()), signature,
                initials(d.applicant() == null ? null : d.applicant().fullName()), rules.calendar().zone()));
    }

    /** The tracking book of {@code unit} for a period drawn at second {@code at}; empty for a unit the organisation has not. */
    public Optional<BookPage> verifyBook(String address, String agency, String unit, String from, String to, String at) {
        limitChecks(address);
        try {
            var a = Organisation.standard().agency(agency);
            var u = a.flatMap(x -> x.unit(unit));
            if (u.isEmpty() || at == null || !at.matches("\\d{1,12}")) return Optional.empty();
            LocalDate f = LocalDate.parse(from), t = LocalDate.parse(to);
            Instant when = Instant.ofEpochSecond(Long.parseLong(at));
            if (t.isBefore(f) || when.isAfter(clock.instant().plusSeconds(60))) return Optional.empty();
            return Optional.of(new BookPage(a.get().name().vi(), u.get().name().vi(), f, t, when, rules.calendar().zone()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A personal identification number (12 digits) shows only its last four (the paper has it whole). */
    static String masked(String value) {
        return value != null && value.matches("\\d{12}") ? "•".repeat(value.length() - 4) + value.substring(value.length() - 4) : value;
    }

    /**
     * Whether {@code file} is the document {@code id} as issued: its hash is the record's and, for a signed result, its
     * signature verifies under the signing CA (a receipt, unsigned, by its hash alone); and whether it is still valid.
     */
    public FileCheck check(String address, String id, byte[] file) {
        limitChecks(address);
        IssuedResult r = results.find(id).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "result-not-found",
                new Text("Không có văn bản với mã này.", "No document with this code.")));
        if (file == null || file.length == 0 || file.length > MAX_FILE) {
            throw new RequestRefused(RequestRefused.Why.MALFORMED, "invalid-file",
                    new Text("Gửi một tệp PDF, tối đa 10 MB.", "Send one PDF file, 10 MB at most."));
        }
        boolean matches = sha256(file).equals(r.sha256());
        boolean signatureValid = r.signer() == null ? matches : signatures.check(file).valid();
        String state = r.state(today());
        boolean genuine = matches && signatureValid;
        Text message = !genuine ? new Text("KHÔNG XÁC THỰC: tệp không phải bản gốc đã cấp" + (signatureValid ? "." : " (chữ ký số không hợp lệ)."),
                "NOT GENUINE: the file is not the original issued" + (signatureValid ? "." : " (the signature is not valid)."))
                : state.equals("VALID") ? new Text("XÁC THỰC: tệp đúng là bản gốc, chữ ký số hợp lệ, văn bản còn hiệu lực.",
                "GENUINE: the file is the original, its signature is valid, the document is valid.")
                : new Text("Tệp đúng là bản gốc nhưng văn bản không còn hiệu lực (" + state + ").", "The file is the original but the document is no longer valid (" + state + ").");
        return new FileCheck(genuine, matches, signatureValid, state, message);
    }

    private void limitChecks(String address) {
        limit("verify", address, CHECKS_PER_MINUTE, "too-many-verifications",
                new Text("Quá " + CHECKS_PER_MINUTE + " lần kiểm tra trong một phút. Vui lòng thử lại sau.",
                        "More than " + CHECKS_PER_MINUTE + " checks in a minute. Please try again later."));
    }

    /** One more request of {@code address} this minute; refused past {@code perMinute} (the counter lives two minutes). */
    private void limit(String page, String address, int perMinute, String problem, Text why) {
        long minute = clock.instant().getEpochSecond() / 60;
        if (counts.count(page + "#" + (address == null ? "unknown" : address) + "#" + minute, (minute + 2) * 60) > perMinute) {
            throw new RequestRefused(RequestRefused.Why.TOO_MANY, problem, why);
        }
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate today() {
        return clock.instant().atZone(rules.calendar().zone()).toLocalDate();
    }

    private static Procedure inForce(ProcedureCatalogue cat, String code, LocalDate today) {
        return cat.inForce(code, today).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "procedure-not-found",
                new Text("Không có thủ tục mã \"" + Limits.clip(code) + "\" đang có hiệu lực.", "No procedure with code \"" + Limits.clip(code) + "\" is in force.")));
    }
}

package vn.gov.bvhttdl.dvc.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every bound on what a client may send, in one place (documented in docs/limits.md). Anything over a bound is
 * refused with a clear error naming the bound, before it reaches storage: a DynamoDB item holds at most 400 KB and
 * a Lambda response 6 MB, so nothing a client types may come near either.
 */
public final class Limits {
    private Limits() {}

    /** The largest JSON request body the API reads (413 beyond). */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** Where a body carries a scan or a package in base64 (the officials' digitisation, issue #25). */
    public static final String SCAN_PATHS = "/api/official/digitisation/";
    /** Their bodies' limit: a 4 MiB file in base64 with its fields, within Lambda's 6 MiB request payload. */
    public static final int MAX_SCAN_BODY_BYTES = 6 * 1024 * 1024 - 128 * 1024;

    /**
     * Whether {@code s} is whole text: no lone UTF-16 surrogate (half a pair, which JSON's escapes can carry and which
     * DynamoDB refuses to store). Null is whole.
     */
    public static boolean wholeText(String s) {
        if (s == null) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return false;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
    /** Form fields: how many, the length of a name and of a value, and all values together (UTF-8). */
    public static final int MAX_FORM_FIELDS = 50;
    public static final int MAX_FIELD_LENGTH = 4000;
    public static final int MAX_FORM_BYTES = 64 * 1024;
    public static final int MAX_FULL_NAME = 200;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_REASON = 500;
    public static final int MAX_SUPPLEMENT_ITEMS = 50;
    public static final int MAX_SUPPLEMENT_ITEM = 1000;
    public static final int MAX_FILE_NAME = 255;
    /** Files shared with a consulted agency in one request. */
    public static final int MAX_SHARED_FILES = 100;
    public static final int MAX_QUERY_TEXT = 200;
    public static final int MAX_PAGE = 1000;
    public static final int MAX_PAGE_SIZE = 100;
    /** How much of a client's input an error message may quote. */
    public static final int ECHO = 40;

    /** Vietnamese mobile and fixed-line numbers: 0 or +84, then 9 or 10 digits (spaces, dots and dashes ignored). */
    public static final Pattern PHONE = Pattern.compile("(?:\\+84|0)\\d{9,10}");
    /** A 12-digit personal identification number (Decree 137/2015, citizen ID cards). */
    public static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    /**
     * An enterprise code: 10 digits, or 10 digits, a dash and 3 digits for a branch or dependent unit
     * (Circular 86/2024/TT-BTC on tax codes; Decree 01/2021 Art. 8); the dash may be left out.
     */
    public static final Pattern ENTERPRISE_CODE = Pattern.compile("\\d{10}(?:-?\\d{3})?");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** A short, safe quotation of client input for an error message: at most {@link #ECHO} characters, no controls. */
    public static String clip(String input) {
        if (input == null) return "";
        String s = input.replaceAll("\\p{Cntrl}", "?");
        return s.length() <= ECHO ? s : s.substring(0, ECHO) + "…";
    }

    /** Digits and a leading + of a phone number as typed ("091 234.5678" → "0912345678"). */
    public static String normalisePhone(String phone) {
        return phone == null ? null : phone.replaceAll("[\\s.()-]", "");
    }

    /** Everything wrong with an applicant's data as typed, all at once (empty when fine; missing data is not checked here). */
    public static List<Text> applicantProblems(Applicant a) {
        List<Text> out = new ArrayList<>();
        if (a == null) return out;
        if (a.fullName() != null && a.fullName().length() > MAX_FULL_NAME) {
            out.add(new Text("Họ tên dài quá " + MAX_FULL_NAME + " ký tự.", "The full name is longer than " + MAX_FULL_NAME + " characters.").at("applicant.fullName"));
        }
        if (present(a.idNumber()) && !PERSONAL_ID.matcher(a.idNumber()).matches()) {
            out.add(new Text("Số định danh cá nhân phải gồm 12 chữ số.", "The personal identification number must have 12 digits.").at("applicant.idNumber"));
        }
        if (present(a.enterpriseCode()) && !ENTERPRISE_CODE.matcher(a.enterpriseCode()).matches()) {
            out.add(new Text("Mã số doanh nghiệp gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (có thể viết 10 chữ số, dấu gạch ngang và 3 chữ số), ví dụ 0101234567 hoặc 0101234567-001.",
                    "The enterprise code has 10 digits, or 13 for a dependent unit (which may be written as 10 digits, a dash and 3 digits), e.g. 0101234567 or 0101234567-001.").at("applicant.enterpriseCode"));
        }
        if (a.address() != null && a.address().length() > MAX_ADDRESS) {
            out.add(new Text("Địa chỉ dài quá " + MAX_ADDRESS + " ký tự.", "The address is longer than " + MAX_ADDRESS + " characters.").at("applicant.address"));
        }
        if (present(a.phone()) && (a.phone().length() > 20 || !PHONE.matcher(normalisePhone(a.phone())).matches())) {
            out.add(new Text("Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678).",
                    "The phone number is not valid (e.g. 0912345678 or +84912345678).").at("applicant.phone"));
        }
        if (present(a.email()) && (a.email().length() > MAX_EMAIL || !EMAIL.matcher(a.email()).matches())) {
            out.add(new Text("Địa chỉ thư điện tử không hợp lệ (tối đa " + MAX_EMAIL + " ký tự, dạng ten@mien.vn).",
                    "The e-mail address is not valid (at most " + MAX_EMAIL + " characters, like name@domain.vn).").at("applicant.email"));
        }
        return out;
    }

    /** Everything wrong with a form's size and shape, all at once. */
    public static List<Text> formProblems(Map<String, String> form) {
        List<Text> out = new ArrayList<>();
        if (form == null) return out;
        if (form.size() > MAX_FORM_FIELDS) {
            out.add(new Text("Biểu mẫu có " + form.size() + " trường, tối đa " + MAX_FORM_FIELDS + ".",
                    "The form has " + form.size() + " fields; at most " + MAX_FORM_FIELDS + "."));
            return out;
        }
        long bytes = 0;
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (e.getKey() == null || !e.getKey().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                out.add(new Text("Tên trường biểu mẫu không hợp lệ: \"" + clip(e.getKey()) + "\" (chữ cái, chữ số, '_'; tối đa 64 ký tự).",
                        "Invalid form field name: \"" + clip(e.getKey()) + "\" (letters, digits, '_'; at most 64 characters)."));
                continue;
            }
            String v = e.getValue();
            if (v != null && v.length() > MAX_FIELD_LENGTH) {
                out.add(new Text("Trường \"" + e.getKey() + "\" dài " + v.length() + " ký tự, tối đa " + MAX_FIELD_LENGTH + ".",
                        "Field \"" + e.getKey() + "\" has " + v.length() + " characters; at most " + MAX_FIELD_LENGTH + "."));
            }
            bytes += e.getKey().length() + (v == null ? 0 : v.getBytes(StandardCharsets.UTF_8).length);
        }
        if (bytes > MAX_FORM_BYTES) {
            out.add(new Text("Biểu mẫu quá lớn (" + bytes / 1024 + " KB), tối đa " + MAX_FORM_BYTES / 1024 + " KB cho mọi trường cộng lại.",
                    "The form is too large (" + bytes / 1024 + " KB); at most " + MAX_FORM_BYTES / 1024 + " KB for all fields together."));
        }
        return out;
    }

    private static boolean present(String s) { return s != null && !s.isBlank(); }
}

package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the e-receipt of fees, as data ({@code rules/e-receipts.json}): the form symbol, each collector (the
 * fee-collecting body: its name, tax code and the two letters of its receipt symbol), and the legal basis (Decree
 * 254/2026/NĐ-CP Arts 4(2), 23(2), 24, 29(3)(b), 43; Circular 91/2026/TT-BTC Arts 18, 19 and Annex II item 2).
 */
public record ReceiptRules(String formSymbol, Map<String, Collector> collectors, List<Citation> basis, Citation formSymbolBasis,
                           Citation receiptSymbolBasis, Citation numberBasis, Citation dataFormatBasis, Citation handOverBasis) {
    /** Receipts are numbered and dated in Vietnam's time (1 January starts at 00:00 in Hanoi). */
    public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** At most 8 digits (Decree 254/2026 Art 23(2)(c)). */
    public static final long MAX_NUMBER = 99_999_999L;
    /** The letters a receipt symbol's last two characters are chosen from (Circular 91/2026 Annex II 2(b)). */
    static final String LETTERS = "ABCDEGHKLMNPQRSTUVXY";

    /**
     * A fee-collecting body.
     *
     * @param taxCodePlaceholder true while {@code taxCode} is not the body's real tax code (to be replaced before go-live)
     */
    public record Collector(String code, Text name, String taxCode, boolean taxCodePlaceholder, String symbolLetters) {
        public Collector {
            if (taxCode == null || !taxCode.matches("\\d{10}(-\\d{3})?")) throw new IllegalArgumentException("collector " + code + ": a tax code of 10 (or 10-3) digits");
            if (symbolLetters == null || symbolLetters.length() != 2 || LETTERS.indexOf(symbolLetters.charAt(0)) < 0
                    || LETTERS.indexOf(symbolLetters.charAt(1)) < 0) {
                throw new IllegalArgumentException("collector " + code + ": two letters of " + LETTERS);
            }
        }

        /** The receipt symbol of {@code year}: its last two digits, T, the two letters (Circular 91/2026 Annex II 2(b)). */
        public String receiptSymbol(int year) {
            return String.format(java.util.Locale.ROOT, "%02d", year % 100) + "T" + symbolLetters;
        }
    }

    private static final ReceiptRules STANDARD = read(Json.obj(Json.resource("/rules/e-receipts.json")));

    public static ReceiptRules standard() { return STANDARD; }

    static ReceiptRules read(Map<String, Object> m) {
        String form = Json.str(m, "formSymbol");
        if (form == null || !form.matches("EBL0[12]")) throw new IllegalArgumentException("the form symbol is EBL01 or EBL02");
        Map<String, Collector> collectors = new LinkedHashMap<>();
        Json.obj(m.get("collectors")).forEach((code, v) -> {
            Map<String, Object> c = Json.obj(v);
            collectors.put(code, new Collector(code, Json.text(c, "name"), Json.str(c, "taxCode"), Boolean.TRUE.equals(c.get("taxCodePlaceholder")),
                    Json.str(c, "symbolLetters")));
        });
        List<Citation> basis = Json.list(m.get("basis")).stream().map(Json::obj).map(Citation::of).toList();
        return new ReceiptRules(form, Map.copyOf(collectors), basis, cite(m, "formSymbolBasis"), cite(m, "receiptSymbolBasis"),
                cite(m, "numberBasis"), cite(m, "dataFormatBasis"), cite(m, "handOverBasis"));
    }

    private static Citation cite(Map<String, Object> m, String k) { return Citation.of(Json.obj(m.get(k))); }

    /** The collector of the fees of {@code agencyCode}'s procedures. */
    public Optional<Collector> collector(String agencyCode) { return Optional.ofNullable(agencyCode == null ? null : collectors.get(agencyCode)); }

    /** The calendar year (Vietnam time) a receipt issued at {@code at} is numbered in. */
    public static int year(Instant at) { return at.atZone(VN).getYear(); }
}

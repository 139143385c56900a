package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The e-receipt of fees of a credited payment (biên lai thu phí, lệ phí điện tử) as Decree 254/2026/NĐ-CP Art 23(2)
 * asks: the form symbol and receipt symbol, the number (per collector and calendar year, at most 8 digits), the
 * collector's name and tax code, each fee with its amount in figures and in words, the total, the date of issue; the
 * digital signature is the signed PDF's. Also what else it may carry (the payer, the dossier, the payment channel).
 * Drawn when the payment is credited ({@link #draft}, number 0) and numbered in the same write as the credit
 * ({@link #numbered}); {@link #toXml} is its structured data.
 *
 * @param id the receipt's id: the payment's verification address ({@link Payment#receiptId()})
 */
public record ElectronicReceipt(String id, String paymentReference, String dossierId, String dossierCode,
                                String collectorCode, Text collectorName, String collectorTaxCode, boolean taxCodePlaceholder,
                                String formSymbol, String receiptSymbol, int year, long number,
                                String payerName, List<Line> lines, long totalVnd, Instant issuedAt, String provider, String transaction) {

    /** A fee line: the kind of fee, its amount in đồng and its legal basis. */
    public record Line(Text name, long amountVnd, Citation basis) {
        /** The amount in words (Art 23(2)(đ)). */
        public String amountInWords() { return AmountInWords.vnd(amountVnd); }
    }

    public ElectronicReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) throw new IllegalArgumentException("a receipt has at least one fee");
        if (lines.stream().mapToLong(Line::amountVnd).sum() != totalVnd) throw new IllegalArgumentException("the lines add up to the total");
        if (number < 0 || number > ReceiptRules.MAX_NUMBER) throw new IllegalArgumentException("a receipt number has at most 8 digits");
        if (year != ReceiptRules.year(issuedAt)) throw new IllegalArgumentException("numbered in the year of its date");
        if (!receiptSymbol.startsWith(String.format(Locale.ROOT, "%02d", year % 100))) throw new IllegalArgumentException("the symbol carries the year");
    }

    /**
     * The receipt of the credited payment {@code paid}, not yet numbered, by {@code collector} in the year of
     * {@code paid.settledAt()} (Vietnam time).
     */
    public static ElectronicReceipt draft(Payment paid, String payerName, ReceiptRules rules, ReceiptRules.Collector collector) {
        if (paid.receiptId() == null || paid.settledAt() == null) throw new IllegalArgumentException("only a credited payment has a receipt");
        int year = ReceiptRules.year(paid.settledAt());
        List<Line> lines = paid.lines().stream().map(l -> new Line(l.name(), l.amountVnd(), l.basis())).toList();
        return new ElectronicReceipt(paid.receiptId(), paid.reference(), paid.dossierId(), paid.dossierCode(), collector.code(),
                collector.name(), collector.taxCode(), collector.taxCodePlaceholder(), rules.formSymbol(), collector.receiptSymbol(year), year, 0,
                payerName, lines, paid.amountVnd(), paid.settledAt(), paid.provider(), paid.transaction());
    }

    /** The same receipt with its number. */
    public ElectronicReceipt numbered(long n) {
        if (n < 1) throw new IllegalArgumentException("receipts are numbered from 1");
        return new ElectronicReceipt(id, paymentReference, dossierId, dossierCode, collectorCode, collectorName, collectorTaxCode, taxCodePlaceholder,
                formSymbol, receiptSymbol, year, n, payerName, lines, totalVnd, issuedAt, provider, transaction);
    }

    public boolean isNumbered() { return number > 0; }

    /** The number as printed: eight digits. */
    public String numberText() { return String.format(Locale.ROOT, "%08d", number); }

    /** Form symbol, receipt symbol and number: what names the receipt ({@code EBL01-26TDL-00000001}). */
    public String designation() { return formSymbol + "-" + receiptSymbol + "-" + numberText(); }

    /** The total in words. */
    public String totalInWords() { return AmountInWords.vnd(totalVnd); }

    /** The date of issue, Vietnam time, as a calendar date. */
    public java.time.LocalDate date() { return issuedAt.atZone(ReceiptRules.VN).toLocalDate(); }

    /**
     * The structured receipt data: XML (Circular 91/2026/TT-BTC Art 18(1)(a)), the business-data part only. The
     * element names are this build's (namespace {@code urn:bvhttdl:dvc:e-receipt:1}): the business-data component the
     * tax authority publishes was not read; the content is Decree 254/2026 Art 23(2)'s.
     */
    public String toXml() {
        if (!isNumbered()) throw new IllegalStateException("a receipt is exchanged once numbered");
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<BienLaiDienTu xmlns=\"urn:bvhttdl:dvc:e-receipt:1\" id=\"").append(esc(id)).append("\">\n");
        el(x, 1, "TenBienLai", "Biên lai thu phí, lệ phí");
        el(x, 1, "KyHieuMauBienLai", formSymbol);
        el(x, 1, "KyHieuBienLai", receiptSymbol);
        el(x, 1, "SoBienLai", Long.toString(number));
        el(x, 1, "NgayLap", date().toString());
        el(x, 1, "ThoiDiemLap", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(issuedAt.atZone(ReceiptRules.VN)));
        x.append("  <ToChucThu>\n");
        el(x, 2, "Ten", collectorName.vi());
        el(x, 2, "MaSoThue", collectorTaxCode);
        x.append("  </ToChucThu>\n");
        x.append("  <NguoiNop>\n");
        el(x, 2, "HoTen", payerName == null ? "" : payerName);
        x.append("  </NguoiNop>\n");
        x.append("  <CacKhoanThu>\n");
        int i = 1;
        for (Line l : lines) {
            x.append("    <KhoanThu stt=\"").append(i++).append("\">\n");
            el(x, 3, "Ten", l.name().vi());
            el(x, 3, "SoTien", Long.toString(l.amountVnd()));
            el(x, 3, "SoTienBangChu", l.amountInWords());
            if (l.basis() != null) el(x, 3, "CanCu", l.basis().toString());
            x.append("    </KhoanThu>\n");
        }
        x.append("  </CacKhoanThu>\n");
        el(x, 1, "TongTien", Long.toString(totalVnd));
        el(x, 1, "TongTienBangChu", totalInWords());
        el(x, 1, "DonViTienTe", "VND");
        x.append("  <ThongTinKhac>\n");
        el(x, 2, "MaHoSo", dossierCode == null ? "" : dossierCode);
        el(x, 2, "MaThanhToan", paymentReference);
        el(x, 2, "HinhThucThanhToan", provider == null ? "" : provider);
        el(x, 2, "MaGiaoDich", transaction == null ? "" : transaction);
        x.append("  </ThongTinKhac>\n");
        x.append("</BienLaiDienTu>\n");
        return x.toString();
    }

    private static void el(StringBuilder x, int depth, String name, String value) {
        x.append("  ".repeat(depth)).append('<').append(name).append('>').append(esc(value)).append("</").append(name).append(">\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') b.append(' '); // not allowed in XML 1.0
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}

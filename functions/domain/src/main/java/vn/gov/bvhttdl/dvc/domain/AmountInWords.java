package vn.gov.bvhttdl.dvc.domain;

/**
 * An amount of money in Vietnamese words, as a receipt of fees writes it beside the figures ("số tiền bằng chữ",
 * Decree 254/2026/NĐ-CP Art 23(2)(đ): each fee "bằng số và bằng chữ"; as the repealed Decree 123/2020/NĐ-CP asked before).
 *
 * <p>The reading is ICU's Vietnamese cardinal spell-out (CLDR's {@code %spellout-cardinal} for "vi"), which
 * {@code AmountInWordsTest} compares number by number; ICU itself stays out of the functions' jars (15 MiB), so its
 * rules are written out here: units "không … chín"; 10–19 "mười", with "lăm" for a final 5; 20–99 "… mươi", with
 * "mốt" for a final 1, "tư" for 4 and "lăm" for 5; a zero tens place after hundreds is "lẻ" (105: "một trăm lẻ
 * năm"); after "nghìn" a group below 100 is read "không trăm …" (1 015: "một nghìn không trăm mười lăm"); "triệu" and
 * "tỷ" (which repeats: "một nghìn tỷ") are followed by the rest as after hundreds (1 000 001: "một triệu lẻ một").
 */
public final class AmountInWords {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final long THOUSAND = 1_000L, MILLION = 1_000_000L, BILLION = 1_000_000_000L;
    /** The largest amount read: ICU reads from 10^18 on in figures. */
    public static final long MAX = 999_999_999_999_999_999L;

    private AmountInWords() {}

    /** The amount in Vietnamese đồng, capitalised, as a receipt prints it: 3 000 000 → "Ba triệu đồng". */
    public static String vnd(long amount) {
        String words = cardinal(amount);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    /** The number in words, lower case: 21 → "hai mươi mốt". */
    public static String cardinal(long n) {
        if (n < 0 || n > MAX) throw new IllegalArgumentException("an amount from 0 to " + MAX + " is read in words");
        if (n < 10) return DIGITS[(int) n];
        if (n == 10) return "mười";
        if (n < 20) return "mười " + teen(n % 10);
        if (n < 100) return DIGITS[(int) (n / 10)] + " mươi" + (n % 10 == 0 ? "" : " " + afterTy(n % 10));
        if (n < THOUSAND) return cardinal(n / 100) + " trăm" + rest(n % 100, AmountInWords::afterHundred);
        if (n < MILLION) return cardinal(n / THOUSAND) + " nghìn" + rest(n % THOUSAND, AmountInWords::afterThousand);
        if (n < BILLION) return cardinal(n / MILLION) + " triệu" + rest(n % MILLION, AmountInWords::afterHundred);
        return cardinal(n / BILLION) + " tỷ" + rest(n % BILLION, AmountInWords::afterHundred);
    }

    private static String rest(long r, java.util.function.LongFunction<String> reading) {
        return r == 0 ? "" : " " + reading.apply(r);
    }

    private static String teen(long d) { return d == 5 ? "lăm" : cardinal(d); }

    private static String afterTy(long d) {
        return switch ((int) d) {
            case 1 -> "mốt";
            case 4 -> "tư";
            case 5 -> "lăm";
            default -> cardinal(d);
        };
    }

    private static String afterHundred(long r) { return r < 10 ? "lẻ " + cardinal(r) : cardinal(r); }

    private static String afterThousand(long r) { return r < 100 ? "không trăm " + afterHundred(r) : cardinal(r); }
}

package vn.gov.bvhttdl.dvc.domain;

import com.ibm.icu.text.RuleBasedNumberFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The amount in words against a table read by hand and against ICU's Vietnamese spell-out, number by number. */
class AmountInWordsTest {

    /** Written by hand from the reading rules (mốt, tư, lăm, lẻ, không trăm), independently of the code. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|không",
            "5|năm",
            "10|mười",
            "11|mười một",
            "15|mười lăm",
            "21|hai mươi mốt",
            "24|hai mươi tư",
            "25|hai mươi lăm",
            "30|ba mươi",
            "105|một trăm lẻ năm",
            "110|một trăm mười",
            "115|một trăm mười lăm",
            "1005|một nghìn không trăm lẻ năm",
            "1015|một nghìn không trăm mười lăm",
            "2050|hai nghìn không trăm năm mươi",
            "10500|mười nghìn năm trăm",
            "45000|bốn mươi lăm nghìn",
            "150000|một trăm năm mươi nghìn",
            "1000000|một triệu",
            "1000001|một triệu lẻ một",
            "1500000|một triệu năm trăm nghìn",
            "2400000|hai triệu bốn trăm nghìn",
            "3000000|ba triệu",
            "5000000|năm triệu",
            "21000000|hai mươi mốt triệu",
            "101000000|một trăm lẻ một triệu",
            "1000000000|một tỷ",
            "5000000000000|năm nghìn tỷ",
    })
    void readsTheTable(long n, String words) {
        assertEquals(words, AmountInWords.cardinal(n));
    }

    @Test
    void aReceiptCapitalisesAndNamesTheCurrency() {
        assertEquals("Ba triệu đồng", AmountInWords.vnd(3_000_000));
        assertEquals("Một triệu năm trăm nghìn đồng", AmountInWords.vnd(1_500_000));
        assertEquals("Không đồng", AmountInWords.vnd(0));
    }

    @Test
    void readsAsIcuReadsEveryNumberTried() {
        RuleBasedNumberFormat icu = new RuleBasedNumberFormat(Locale.forLanguageTag("vi"), RuleBasedNumberFormat.SPELLOUT);
        for (long n = 0; n <= 200_000; n++) assertEquals(icu.format(n), AmountInWords.cardinal(n), "n=" + n);
        SplittableRandom random = new SplittableRandom(20261206);
        for (int i = 0; i < 200_000; i++) {
            long n = random.nextLong(AmountInWords.MAX + 1);
            long rounded = random.nextBoolean() ? n / 1000 * 1000 : n; // fees are mostly round thousands
            long small = rounded % (random.nextInt(5) == 0 ? 1_000_000_000_000L : Long.MAX_VALUE);
            assertEquals(icu.format(small), AmountInWords.cardinal(small), "n=" + small);
        }
        assertEquals(icu.format(AmountInWords.MAX), AmountInWords.cardinal(AmountInWords.MAX));
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        assertThrows(IllegalArgumentException.class, () -> AmountInWords.cardinal(-1));
        assertThrows(IllegalArgumentException.class, () -> AmountInWords.cardinal(AmountInWords.MAX + 1));
    }
}

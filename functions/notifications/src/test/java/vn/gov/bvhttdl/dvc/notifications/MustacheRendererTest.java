package vn.gov.bvhttdl.dvc.notifications;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.NotificationRules;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every kind's messages render in both languages, with every diacritic in the email and none in the SMS, which fits. */
class MustacheRendererTest {
    final MustacheRenderer renderer = new MustacheRenderer();
    final NotificationRules rules = NotificationRules.standard();

    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Nguyễn Thị Hương Giang");
        m.put("code", "000.00.12.G17-261201-0042");
        m.put("procedure", "Cấp đổi giấy phép kinh doanh dịch vụ lữ hành quốc tế");
        m.put("reason", "Bản sao giấy chứng nhận đăng ký doanh nghiệp chưa được chứng thực; <b>thiếu</b> chữ ký & dấu");
        m.put("dueDate", "09/12/2026");
        m.put("amount", "1.000.000 đồng");
        m.put("link", "https://dichvucong.bvhttdl.gov.vn/#/dossier/5f0c2a7e-1b8d-4c3e-9a61-2f7e3d9b0c14");
        return m;
    }

    @Test
    void everyKindRendersInBothLanguages() {
        int capacity = NotificationRules.smsCapacity(rules.smsSegments());
        for (var e : rules.events().values()) {
            for (String lang : new String[]{"vi", "en"}) {
                var r = renderer.render(rules.template(e.kind(), lang), model(), capacity);
                assertTrue(r.subject().contains("000.00.12.G17-261201-0042"), e.kind() + " " + lang + ": " + r.subject());
                assertFalse(r.subject().contains("{{"), r.subject());
                assertFalse(r.text().contains("{{") || r.sms().contains("{{"), e.kind() + " " + lang);
                assertTrue(r.text().contains("https://dichvucong.bvhttdl.gov.vn/#/dossier/"), e.kind() + " " + lang + ": the link");
                assertTrue(r.sms().endsWith("/#/dossier/5f0c2a7e-1b8d-4c3e-9a61-2f7e3d9b0c14"), e.kind() + " " + lang + ": the link whole at the end of the SMS: " + r.sms());
                assertTrue(r.sms().length() <= capacity, e.kind() + " " + lang + ": " + r.sms().length() + " > " + capacity);
                assertTrue(r.sms().chars().allMatch(c -> c >= 0x20 && c < 0x7F), e.kind() + " " + lang + ": not plain GSM-7: " + r.sms());
                if (lang.equals("vi")) assertTrue(r.text().contains("Kính gửi Nguyễn Thị Hương Giang"), r.text());
                // the HTML part: the same text, escaped, the link a link
                assertTrue(r.html().contains("<a href=\"https://dichvucong.bvhttdl.gov.vn/#/dossier/"), r.html());
            }
        }
    }

    @Test
    void theTextKeepsTheReasonAsWrittenAndTheHtmlEscapesIt() {
        var r = renderer.render(rules.template("supplement-requested", "vi"), model(), 306);
        assertTrue(r.text().contains("<b>thiếu</b> chữ ký & dấu"), "plain text is not HTML-escaped: " + r.text());
        assertTrue(r.html().contains("&lt;b&gt;thiếu&lt;/b&gt; chữ ký &amp; dấu"), r.html());
        assertFalse(r.html().contains("<b>thiếu"), "no markup from the data in the HTML");
        assertEquals("Yêu cầu bổ sung, hoàn thiện hồ sơ 000.00.12.G17-261201-0042", r.subject());
    }

    @Test
    void smsAreUnaccentedAndCutBeforeTheLink() {
        assertEquals("Ho so da duoc tiep nhan. Dung han: Dieu 19", MustacheRenderer.sms("Hồ sơ đã được tiếp nhận. Đúng hạn: Điều 19", 160));
        String long1 = MustacheRenderer.sms("Ư".repeat(400) + " https://x.vn/#/dossier/abc", 160);
        assertEquals(160, long1.length(), long1);
        assertTrue(long1.endsWith(" https://x.vn/#/dossier/abc"), long1);
    }
}

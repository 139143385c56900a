package vn.gov.bvhttdl.dvc.notifications;

import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.Channel;
import vn.gov.bvhttdl.dvc.application.NotifyApplicant;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The NotifyApplicant of the settings: the channels configured (SMTP, SMS), the table, the renderer, the portal's address. */
public final class Notifier {
    private Notifier() {}

    public static NotifyApplicant fromSettings(Table table) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        Channel email = SmtpChannel.fromSettings();
        if (email != null) channels.put("email", email);
        Channel sms = SmsChannels.fromSettings(table);
        if (sms != null) channels.put("sms", sms);
        return new NotifyApplicant(table.dossiers(), table.rules(), table.notices(),
                channels, new MustacheRenderer(), () -> Settings.require("PUBLIC_BASE_URL"), Clock.systemUTC());
    }
}

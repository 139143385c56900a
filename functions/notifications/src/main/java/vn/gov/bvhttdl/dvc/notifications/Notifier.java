package vn.gov.bvhttdl.dvc.notifications;

import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.NoticeTable;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.application.Channel;
import vn.gov.bvhttdl.dvc.application.NotifyApplicant;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The NotifyApplicant of the settings: the channels configured (SMTP, SMS), the table, the renderer, the portal's address. */
public final class Notifier {
    private Notifier() {}

    public static NotifyApplicant fromSettings(DossierStore store) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        Channel email = SmtpChannel.fromSettings();
        if (email != null) channels.put("email", email);
        Channel sms = SmsChannels.fromSettings(store.client(), store.tableName());
        if (sms != null) channels.put("sms", sms);
        return new NotifyApplicant(store, RulesStore.fromSettings(store.client()), new NoticeTable(store.client(), store.tableName()),
                channels, new MustacheRenderer(), () -> Settings.require("PUBLIC_BASE_URL"), Clock.systemUTC());
    }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.NotificationRules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The applicant is told of a move of their dossier (one audit entry = one event): the rules say whether and how
 * (kind, required); their choices say on which channels and in which language; each channel's delivery is claimed
 * before it is sent and marked sent after, so a redelivered or concurrently processed event sends nothing twice. A
 * send that fails is marked failed and thrown: the event is delivered again (the stream's retries, then its failure
 * queue), and only what was not sent is sent then.
 */
public final class NotifyApplicant {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Dossiers dossiers;
    private final Rules rules;
    private final NoticeStore store;
    private final Map<String, Channel> channels;
    private final MessageRenderer renderer;
    private final Supplier<String> baseUrl;
    private final Clock clock;

    public NotifyApplicant(Dossiers dossiers, Rules rules, NoticeStore store, Map<String, Channel> channels, MessageRenderer renderer,
                           Supplier<String> baseUrl, Clock clock) {
        this.dossiers = dossiers;
        this.rules = rules;
        this.store = store;
        this.channels = channels;
        this.renderer = renderer;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** What was sent for one event: the channels, in order. */
    public record Result(String kind, List<String> sent) {
        public static final Result NONE = new Result(null, List.of());
    }

    /** @param eventKey the audit entry's identity (the same however often the event is delivered) */
    public Result handle(AuditEvent e, String eventKey) {
        NotificationRules nr = NotificationRules.standard();
        var event = nr.event(e.action()).orElse(null);
        if (event == null) return Result.NONE;
        Dossier d = dossiers.find(e.dossierId()).orElse(null);
        if (d == null || d.ownerId() == null) return Result.NONE;
        NoticeStore.Choices choices = store.choices(d.ownerId());
        String lang = choices.language();
        Map<String, Object> model = model(d, e, lang);
        NotificationRules.Template template = nr.template(event.kind(), lang);
        List<String> sent = new ArrayList<>();
        RuntimeException failure = null;
        for (String channel : nr.channels()) {
            if (!nr.sends(event, channel, choices.channels())) continue;
            String to = switch (channel) {
                case NotificationRules.INBOX -> d.ownerId();
                case NotificationRules.EMAIL -> emailOf(d);
                case NotificationRules.SMS -> d.applicant() == null ? null : blankToNull(d.applicant().phone());
                default -> null;
            };
            if (to == null) {
                // no address for this channel now: decided once (a replay, when one is known, sends nothing old)
                if (!channel.equals(NotificationRules.INBOX) && store.claim(eventKey, channel, d.id(), clock.instant())) {
                    store.skipped(eventKey, channel, d.id(), clock.instant(), "no-address");
                }
                continue;
            }
            // an address that bounced for good or whose owner complained gets no more email (the inbox still has it)
            if (channel.equals(NotificationRules.EMAIL) && store.suppressed(to)) continue;
            if (!channel.equals(NotificationRules.INBOX) && !channels.containsKey(channel)) continue;
            Instant now = clock.instant();
            if (!store.claim(eventKey, channel, d.id(), now)) continue;
            MessageRenderer.Rendered r = renderer.render(template, model, NotificationRules.smsCapacity(nr.smsSegments()));
            try {
                if (channel.equals(NotificationRules.INBOX)) {
                    store.deliver(new NoticeStore.InboxMessage(d.ownerId(), eventKey, d.id(), d.code(), event.kind(), r.subject(), r.text(), e.at(), false));
                } else {
                    channels.get(channel).send(new Channel.Message(eventKey + "/" + channel, to,
                            r.subject(), channel.equals(NotificationRules.SMS) ? r.sms() : r.text(), channel.equals(NotificationRules.SMS) ? null : r.html(), d.code()));
                }
                store.sent(eventKey, channel, d.id(), clock.instant(), mask(channel, to), r.subject());
                sent.add(channel);
            } catch (RuntimeException ex) {
                store.failed(eventKey, channel, d.id(), clock.instant(), ex.getClass().getSimpleName() + ": " + ex.getMessage(), e.action(), e.at());
                failure = ex; // the other channels still go; the event is delivered again for this one
            }
        }
        if (failure != null) throw failure;
        return new Result(event.kind(), List.copyOf(sent));
    }

    private Map<String, Object> model(Dossier d, AuditEvent e, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.applicant() == null || d.applicant().fullName() == null ? (lang.equals("en") ? "applicant" : "ông/bà") : d.applicant().fullName());
        m.put("code", d.code() == null ? "" : d.code());
        m.put("procedure", rules.catalogue().version(d.procedureCode(), d.procedureVersion())
                .map(p -> lang.equals("en") ? p.name().en() : p.name().vi()).orElse(d.procedureCode()));
        m.put("reason", e.reason() == null ? "" : e.reason());
        String due = e.details().get("dueDate");
        LocalDate day = due != null ? LocalDate.parse(due) : d.dueDate();
        if (day != null) m.put("dueDate", DAY.format(day));
        String amount = e.details().get("amountVnd");
        if (amount != null) m.put("amount", String.format(Locale.ROOT, "%,d", Long.parseLong(amount)).replace(',', '.') + (lang.equals("en") ? " VND" : " đồng"));
        String base = baseUrl.get();
        m.put("link", (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/#/dossier/" + d.id());
        return m;
    }

    /** The dossier's e-mail, else the one of the owner's signed-in account (a dossier that names none is still told). */
    private String emailOf(Dossier d) {
        String typed = d.applicant() == null ? null : blankToNull(d.applicant().email());
        return typed != null ? typed : store.accountEmail(d.ownerId()).map(NotifyApplicant::blankToNull).orElse(null);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    /** What the officials see of the address: enough to tell which, not the whole. */
    static String mask(String channel, String to) {
        if (channel.equals(NotificationRules.INBOX)) return "inbox";
        if (channel.equals(NotificationRules.EMAIL)) {
            int at = to.indexOf('@');
            return at <= 1 ? "***" + to.substring(Math.max(at, 0)) : to.charAt(0) + "***" + to.substring(at);
        }
        return to.length() <= 3 ? "***" : "***" + to.substring(to.length() - 3);
    }
}

package vn.gov.bvhttdl.dvc.api.citizen;

import vn.gov.bvhttdl.dvc.api.*;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.application.NoticeStore;
import vn.gov.bvhttdl.dvc.application.NoticeStore;
import vn.gov.bvhttdl.dvc.domain.NotificationRules;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in citizen's own things that are not a dossier: the portal inbox (the notices of their dossiers' moves,
 * read/unread) and their notification choices (channels per the rules: the legally required notices always reach the
 * inbox and the email; the language of the messages).
 */
@Controller("/api/me")
@SecurityRequirement(name = "cognito")
final class MeController {
    private final NoticeStore notices;

    MeController(NoticeStore notices) { this.notices = notices; }

    @Serdeable
    record Message(String id, String dossierId, @Nullable String dossierCode, String kind, String subject, String text, String at, boolean read) {}

    @Serdeable
    record Inbox(int unread, List<Message> messages) {}

    @Serdeable
    record Choices(Map<String, Boolean> channels, String language, List<String> required, Map<String, Boolean> defaults) {}

    @Serdeable
    record ChoicesInput(@Nullable Map<String, Boolean> channels, @Nullable String language) {}

    @Get("/inbox")
    @Operation(summary = "Hộp thư trên cổng / the portal inbox (newest first)")
    Inbox inbox(@Parameter(hidden = true) APIGatewayV2HTTPEvent event) {
        Identity me = Identity.of(event);
        List<Message> list = notices.inbox(me.subject(), 100).stream().map(m -> new Message(m.id(), m.dossierId(), m.dossierCode(), m.kind(),
                m.subject(), m.text(), m.at().toString(), m.read())).toList();
        return new Inbox((int) list.stream().filter(m -> !m.read()).count(), list);
    }

    @Post("/inbox/{id}/read")
    @Operation(summary = "Đánh dấu đã đọc / mark a message read")
    Map<String, Object> read(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = Identity.of(event);
        if (id == null || id.length() > 200) throw DomainException.of("message-not-found");
        notices.markRead(me.subject(), id);
        return Map.of("id", id, "read", true);
    }

    @Get("/preferences")
    @Operation(summary = "Lựa chọn nhận thông báo / notification choices")
    Choices preferences(@Parameter(hidden = true) APIGatewayV2HTTPEvent event) {
        return view(notices.choices(Identity.of(event).subject()));
    }

    @Put("/preferences")
    @Operation(summary = "Đổi lựa chọn nhận thông báo / change the notification choices")
    Choices choose(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @Body ChoicesInput body) {
        Identity me = Identity.of(event);
        NotificationRules rules = NotificationRules.standard();
        Map<String, Boolean> channels = new LinkedHashMap<>();
        if (body != null && body.channels() != null) {
            body.channels().forEach((k, v) -> {
                if (!rules.channels().contains(k)) {
                    throw new DomainException(DomainException.Kind.INVALID, "unknown-channel", new Text(
                            "Kênh \"" + vn.gov.bvhttdl.dvc.domain.Limits.clip(k) + "\" không có; các kênh: " + String.join(", ", rules.channels()) + ".",
                            "No channel \"" + vn.gov.bvhttdl.dvc.domain.Limits.clip(k) + "\"; the channels: " + String.join(", ", rules.channels()) + ".").at("channels"));
                }
                if (v != null) channels.put(k, v);
            });
        }
        String language = body == null || body.language() == null ? "vi" : body.language();
        if (!language.equals("vi") && !language.equals("en")) {
            throw new DomainException(DomainException.Kind.INVALID, "unknown-language", new Text("Ngôn ngữ: vi hoặc en.", "Language: vi or en.").at("language"));
        }
        NoticeStore.Choices c = new NoticeStore.Choices(channels, language);
        notices.choose(me.subject(), c);
        return view(c);
    }

    private static Choices view(NoticeStore.Choices c) {
        NotificationRules rules = NotificationRules.standard();
        List<String> required = rules.events().values().stream().filter(NotificationRules.Event::required).map(NotificationRules.Event::kind).distinct().sorted().toList();
        Map<String, Boolean> effective = new LinkedHashMap<>();
        for (String ch : rules.channels()) effective.put(ch, c.channels().getOrDefault(ch, rules.defaults().getOrDefault(ch, false)));
        return new Choices(effective, c.language(), required, rules.defaults());
    }
}

package vn.gov.bvhttdl.dvc.api.pub;

import vn.gov.bvhttdl.dvc.api.*;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.Workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Looking a dossier up without signing in, as the national portal offers: the code and the key printed on the
 * receipt show the status and the appointment date, and of the person only the initials. A wrong key and an
 * unknown code get the same answer; each address may try {@value #PER_MINUTE} times a minute.
 */
@Controller("/api/track")
final class TrackController {
    static final int PER_MINUTE = 10;

    private final DossierStore store;
    private final vn.gov.bvhttdl.dvc.adapters.RequestCounter counter;
    private final RulesStore rules;
    private final Clock clock;

    TrackController(DossierStore store, vn.gov.bvhttdl.dvc.adapters.RequestCounter counter, RulesStore rules, Clock clock) {
        this.store = store;
        this.counter = counter;
        this.rules = rules;
        this.clock = clock;
    }

    @Get("/{code}{?key}")
    @Operation(summary = "Tra cứu hồ sơ bằng mã hồ sơ và mã tra cứu, không cần đăng nhập / track a dossier by code and key")
    Views.TrackView track(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String code,
                          @QueryValue @Nullable String key) {
        Instant now = clock.instant();
        String ip = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "unknown" : String.valueOf(event.getRequestContext().getHttp().getSourceIp());
        long minute = now.getEpochSecond() / 60;
        if (counter.count("track#" + ip + "#" + minute, (minute + 2) * 60) > PER_MINUTE) {
            throw new DomainException(DomainException.Kind.TOO_MANY, "too-many-lookups",
                    new Text("Bạn đã tra cứu quá " + PER_MINUTE + " lần trong một phút. Vui lòng thử lại sau một phút.",
                            "More than " + PER_MINUTE + " look-ups in a minute. Please try again in a minute."));
        }
        // the same answer whether the code or the key is wrong (the code is not echoed)
        DomainException notFound = DomainException.of("dossier-not-found.code-and-key");
        String given = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
        var found = store.lookup(code == null ? null : code.strip());
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().key().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw notFound;
        }
        Dossier d = store.find(found.get().dossierId()).orElseThrow(() -> notFound);
        var p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        var cal = rules.calendar();
        boolean provisional = Views.provisionalDue(d, cal);
        return new Views.TrackView(d.code(), p == null ? null : Views.I18n.of(p.name()), d.status().name(),
                Views.I18n.of(Workflow.standard().label(d.status())),
                d.receivedAt() == null ? null : d.receivedAt().atZone(cal.zone()).toLocalDate().toString(),
                d.dueDate() == null ? null : d.dueDate().toString(), provisional,
                initials(d.applicant() == null ? null : d.applicant().fullName()));
    }

    /** "Nguyễn Văn An" → "N. V. A.": enough to recognise one's own dossier, nothing more. */
    static String initials(String name) {
        if (name == null || name.isBlank()) return "";
        StringBuilder b = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (b.length() > 0) b.append(' ');
            b.appendCodePoint(part.codePointAt(0)).append('.');
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}

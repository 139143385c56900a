package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Fresh data for the notification and survey samples: a received dossier with an email, or a refused one of the sample's caller. */
final class NoticeSeed {
    private NoticeSeed() {}

    /** A DL-003 dossier received now; returns its receive entry. */
    static AuditEvent received(DossierStore store, String owner, String email) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant now = Instant.now();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, owner, new Applicant("Bench Người Nhận", "001099000888", null, null, "0911000888", email), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen(owner), now);
        store.save(s);
        Dossier.Change r = s.dossier().handle(new Command.Receive("000.00.12.G17-261201-" + (1000 + (int) (Math.random() * 8999)), LocalDate.now().plusDays(7),
                "reception", "MOTCUA", LocalDate.now().plusDays(1)), Actor.system("bench"), now);
        store.save(r);
        return r.event();
    }

    static String read(Path root, String name) {
        try {
            return Files.readString(root.resolve("events/" + name));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String streamEvent(Path root, DossierStore store) {
        AuditEvent e = received(store, "bench-notify", "bench@example.vn");
        return read(root, "status-notify-stream.json").replace("REPLACED-BY-TEST", e.dossierId())
                .replace("AUDIT#2026-12-01T03:00:00Z#4f2a9c1e", vn.gov.bvhttdl.dvc.adapters.StreamItems.auditSortKey(e.at()));
    }

    @SuppressWarnings("unchecked")
    static String surveyEvent(Path root, DossierStore store) {
        String json = read(root, "quality-survey-answer.json");
        Map<String, Object> ev = (Map<String, Object>) Json.parse(json);
        String sub = (String) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ev.get("requestContext"))
                .get("authorizer")).get("jwt")).get("claims")).get("sub");
        AuditEvent r = received(store, sub, null);
        Dossier d = store.find(r.dossierId()).orElseThrow();
        store.save(d.handle(new Command.Refuse("Bench"), Actor.official("mc", "CDLQG", "MOTCUA", null), Instant.now()));
        return json.replace("REPLACED-BY-TEST", r.dossierId());
    }
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Completeness;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The applicant submits (or, after a supplement request, resubmits) a dossier: the checklist first (all that is
 * missing, in one answer), then the move and the hand-over to reception. Submitting a dossier that is already
 * submitted and not yet received sends it again (reception is idempotent), so a lost message or a double click
 * loses nothing.
 */
public final class SubmitDossier {
    /** The dossier as it now is; {@code sentAgain} when it was already submitted and was only handed over again. */
    public record Result(Dossier dossier, boolean sentAgain) {}

    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Rules rules;
    private final SubmissionQueue queue;
    private final Clock clock;
    private final EnterpriseRegistry enterprises;
    private final ReuseFromWarehouse reuse;

    public SubmitDossier(Dossiers dossiers, Attachments attachments, Rules rules, SubmissionQueue queue, Clock clock) {
        this(dossiers, attachments, rules, queue, clock, EnterpriseRegistry.NONE);
    }

    /**
     * @param enterprises the national enterprise database: a component the catalogue marks {@code nationalData} is
     *                    filled from it for an organisation signed in with its national identity
     */
    public SubmitDossier(Dossiers dossiers, Attachments attachments, Rules rules, SubmissionQueue queue, Clock clock,
                         EnterpriseRegistry enterprises) {
        this(dossiers, attachments, rules, queue, clock, enterprises, null);
    }

    /** @param reuse the documents taken from a warehouse, checked again here (null: none are checked) */
    public SubmitDossier(Dossiers dossiers, Attachments attachments, Rules rules, SubmissionQueue queue, Clock clock,
                         EnterpriseRegistry enterprises, ReuseFromWarehouse reuse) {
        this.reuse = reuse;
        this.enterprises = enterprises == null ? EnterpriseRegistry.NONE : enterprises;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.rules = rules;
        this.queue = queue;
        this.clock = clock;
    }

    public Result submit(Actor actor, String id) {
        Dossier d = Access.owned(dossiers, actor, id);
        if (d.status() == DossierStatus.SUBMITTED) {
            queue.send(d.id(), d.version());
            return new Result(d, true);
        }
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> new DomainException(
                DomainException.Kind.INVALID, "unknown-procedure", new Text("Không có thủ tục mã \"" + Limits.clip(d.procedureCode()) + "\".",
                "No procedure with code \"" + Limits.clip(d.procedureCode()) + "\".")));
        List<Attachment> files = attachments.attachments(d.id());
        if (d.editable()) {
            // a document taken from the warehouse revoked, replaced or expired since: named, before anything else
            if (reuse != null) reuse.requireUsable(d, files);
            Map<String, Text> unavailable = new LinkedHashMap<>();
            if (fillFromNationalData(p, d, files, unavailable)) files = attachments.attachments(d.id());
            List<Text> missing = Completeness.check(p, d, files, clock.instant(), unavailable).problems();
            if (!missing.isEmpty()) {
                throw new DomainException(DomainException.Kind.INVALID, "dossier-incomplete",
                        new Text("Hồ sơ chưa đủ (" + missing.size() + " mục). Xem danh sách bên dưới.",
                                "The dossier is incomplete (" + missing.size() + " items). See the list below."), missing);
            }
        }
        // every submitted version of the form is kept in the history
        String form = Json.write(d.sortedForm());
        // the facts of the files taken by reference: from this system's warehouse (reused), from the national portal's
        int reused = (int) files.stream().filter(a -> a.status() == Attachment.Status.ACCEPTED && a.origin() == Attachment.Origin.REUSED).count();
        int fromWarehouse = (int) files.stream().filter(a -> a.status() == Attachment.Status.ACCEPTED && a.origin() == Attachment.Origin.WAREHOUSE).count();
        Command command = d.status() == DossierStatus.AWAITING_SUPPLEMENT ? new Command.Resubmit(form, files.size(), reused, fromWarehouse)
                : new Command.Submit(form, files.size(), reused, fromWarehouse);
        Dossier.Change c = d.handle(command, actor, clock.instant());
        dossiers.save(c);
        queue.send(c.dossier().id(), c.dossier().version());
        return new Result(c.dossier(), false);
    }

    /**
     * Fills each component the state already holds (Resolution 66.7/2025/NQ-CP Art 2(2)) that has no file yet: for
     * an organisation signed in with its national identity, the enterprise registration from the national database.
     * What cannot be retrieved goes into {@code unavailable} with why, and stays asked of the applicant.
     *
     * @return whether a component was filled
     */
    private boolean fillFromNationalData(Procedure p, Dossier d, List<Attachment> files, Map<String, Text> unavailable) {
        boolean filled = false;
        Instant now = clock.instant();
        for (Procedure.Component c : p.components()) {
            if (!Completeness.retrievable(c, d)) continue;
            boolean hasFile = files.stream().anyMatch(a -> c.code().equals(a.componentCode())
                    && a.status() != Attachment.Status.CANCELLED && !a.expired(now));
            if (hasFile) continue;
            String code = Completeness.verifiedEnterprise(d);
            EnterpriseRegistry.Lookup found = enterprises.find(code);
            switch (found) {
                case EnterpriseRegistry.Found f -> {
                    attachments.recordRetrieved(retrieved(d, c, f.enterprise(), now), extract(f.enterprise(), now));
                    filled = true;
                }
                case EnterpriseRegistry.NotFound n -> unavailable.put(c.code(), new Text(
                        "cơ sở dữ liệu không có doanh nghiệp mã số " + Limits.clip(code),
                        "the database has no enterprise with code " + Limits.clip(code)));
                case EnterpriseRegistry.Unavailable u -> unavailable.put(c.code(), new Text(
                        "hệ thống không trả lời lúc này",
                        "the system did not answer just now"));
            }
        }
        return filled;
    }

    /** The attachment of a component filled from the national database: no file of the applicant's behind it. */
    static Attachment retrieved(Dossier d, Procedure.Component c, EnterpriseRegistry.Enterprise e, Instant at) {
        String db = c.nationalData().database();
        String name = "Dữ liệu đăng ký doanh nghiệp " + e.code() + (e.name() == null ? "" : " — " + e.name());
        return new Attachment(d.id(), "dossiers/" + d.id() + "/" + c.code() + "/national-" + db, c.code(),
                Attachment.cleanFileName(name), "application/json", 0, Attachment.Status.ACCEPTED, null, null, null, null,
                at, at, null, Attachment.Provenance.nationalDatabase(db, at, e.code()));
    }

    /** What the database said, as the audit entry keeps it for the official. */
    static Map<String, String> extract(EnterpriseRegistry.Enterprise e, Instant at) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("database", EnterpriseRegistry.DATABASE);
        m.put("retrievedAt", at.toString());
        m.put("enterpriseCode", e.code());
        if (e.name() != null) m.put("enterpriseName", e.name());
        if (e.status() != null) m.put("legalStatus", e.status());
        if (e.registeredOn() != null) m.put("registeredOn", e.registeredOn().toString());
        if (e.representative() != null) m.put("legalRepresentative", e.representative());
        if (e.address() != null) m.put("address", e.address());
        if (e.headOffice() != null) m.put("headOffice", e.headOffice());
        if (e.certificateUrl() != null) m.put("certificateUrl", e.certificateUrl());
        return m;
    }
}

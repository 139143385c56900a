package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The dossiers submitted on the National Public Service Portal for this Ministry's procedures, taken in (issue #20,
 * inbound): each waiting dossier is mapped (the procedure by its code in the catalogue, the applicant as the portal
 * verified them, its files fetched into the uploads), created <b>once per national code</b> (the creation's
 * idempotency marker, {@link Dossiers#createOnce}, keyed by the national code: a second poll or a run that crashed
 * before the acknowledgement finds the dossier it created and creates nothing), with the facts "submitted on the
 * national portal" and its national code, then submitted as an applicant's submission is — reception, the
 * supplements and the result follow as for any dossier — and only then acknowledged.
 *
 * <p>The dossier belongs to no account yet: it is held under its verified applicant's identifier
 * ({@link Command.Claim#unclaimed}) until that applicant signs in here with VNeID ({@link ClaimInboundDossiers}).
 *
 * <p>Its files are judged by the upload scan like any upload: the dossier is submitted once none of them is still
 * waiting for the scan (until then it is left waiting on the portal, not acknowledged, and the next run goes on).
 * A file the portal no longer has, of a format or size the component does not take, or of a component the procedure
 * does not have is left out: reception asks for what is missing (form 02), as it would of an applicant here.
 *
 * <p>A dossier that cannot be taken — a procedure code the catalogue does not know or no longer has in force, an
 * applicant without a name or identifier, data the domain refuses — is <b>not acknowledged</b>: it stays waiting on
 * the portal, is counted and reported (its national code and the reason, no personal data) on every run until the
 * catalogue knows the procedure or an operator settles it there. Nothing is lost, nothing is half-created.
 */
public final class ReceiveFromNationalPortal {
    /** The actor of the creation's and the submission's entries is the applicant (the unclaimed owner); this names the system. */
    public static final String SYSTEM = "national-inbox";

    /** What happened to one waiting dossier. */
    public enum Outcome {
        /** Submitted to the desk by this run (created now, or by an earlier run whose files were being scanned) and acknowledged. */
        RECEIVED,
        /** Already submitted by an earlier run (a redelivery, or a crash before the acknowledgement): only acknowledged now. */
        ALREADY_RECEIVED,
        /** Created; its files are still being scanned: left waiting (not acknowledged) for the next run. */
        WAITING_FOR_SCAN,
        /** The procedure code is not in force in the catalogue: not acknowledged, reported. */
        UNKNOWN_PROCEDURE,
        /** The dossier cannot be taken as it is (no national code, no applicant identifier, refused data): not acknowledged, reported. */
        INVALID,
        /** A transient failure (the portal, a download, a lost race): left waiting for the next run. */
        FAILED
    }

    /** One waiting dossier's outcome, with the reason for a report (no personal data: codes and slugs only). */
    public record Taken(String nationalCode, Outcome outcome, String dossierId, String reason) {}

    /** A run: each dossier's outcome, in the order the portal handed them out. */
    public record Result(List<Taken> taken) {
        public long count(Outcome o) { return taken.stream().filter(t -> t.outcome() == o).count(); }

        /** The counts per outcome (what the function answers and logs). */
        public Map<String, Long> counts() {
            Map<String, Long> m = new TreeMap<>();
            for (Outcome o : Outcome.values()) m.put(o.name().toLowerCase(java.util.Locale.ROOT), count(o));
            return m;
        }
    }

    private static final Pattern NATIONAL_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final NationalInbox inbox;
    private final Dossiers dossiers;
    private final Attachments attachments;
    private final InboundFiles files;
    private final Rules rules;
    private final SubmissionQueue queue;
    private final Clock clock;
    private final Consumer<Taken> report;

    /**
     * @param report told of every dossier not taken (unknown procedure, invalid, failed): the function logs it
     */
    public ReceiveFromNationalPortal(NationalInbox inbox, Dossiers dossiers, Attachments attachments, InboundFiles files,
                                     Rules rules, SubmissionQueue queue, Clock clock, Consumer<Taken> report) {
        this.inbox = inbox;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.files = files;
        this.rules = rules;
        this.queue = queue;
        this.clock = clock;
        this.report = report == null ? t -> { } : report;
    }

    /**
     * One run: every dossier waiting now.
     *
     * @throws RuntimeException when the portal cannot be asked what is waiting (the run fails; the next one asks again)
     */
    public Result run() {
        List<Taken> out = new ArrayList<>();
        for (NationalInbox.Inbound in : inbox.waiting()) {
            Taken t;
            try {
                t = take(in);
            } catch (DomainException refused) {
                // a lost race is retried next run; any other refusal is the data's: reported until it is settled
                t = new Taken(in.nationalCode(), refused.race() ? Outcome.FAILED : Outcome.INVALID, null, refused.problem());
            } catch (RuntimeException failed) {
                t = new Taken(in.nationalCode(), Outcome.FAILED, null, failed.getClass().getSimpleName());
            }
            if (t.outcome() == Outcome.UNKNOWN_PROCEDURE || t.outcome() == Outcome.INVALID || t.outcome() == Outcome.FAILED) report.accept(t);
            out.add(t);
        }
        return new Result(List.copyOf(out));
    }

    private Taken take(NationalInbox.Inbound in) {
        String code = in.nationalCode();
        if (code == null || !NATIONAL_CODE.matcher(code).matches()) return new Taken(null, Outcome.INVALID, null, "national-code-invalid");
        Instant now = clock.instant();
        // the procedure by its code in the catalogue: the code the outbound sync sends as MaTTHC (docs/national-portal.md §3)
        Procedure p = in.procedureCode() == null ? null
                : rules.catalogue().inForce(in.procedureCode(), now.atZone(rules.calendar().zone()).toLocalDate()).orElse(null);
        if (p == null) return new Taken(code, Outcome.UNKNOWN_PROCEDURE, null, "unknown-procedure");
        String applicantId = in.applicantId();
        if (blank(applicantId) || blank(in.applicantName())) return new Taken(code, Outcome.INVALID, null, "applicant-identifier-missing");

        Applicant applicant = new Applicant(in.applicantName().strip(), blank(in.idNumber()) ? null : in.idNumber().strip(),
                in.kind() == NationalInbox.ApplicantKind.ORGANISATION ? in.enterpriseCode().replace(" ", "") : null,
                in.address(), blank(in.phone()) ? null : vn.gov.bvhttdl.dvc.domain.Limits.normalisePhone(in.phone()),
                blank(in.email()) ? null : in.email().strip());
        String owner = Command.Claim.unclaimed(in.kind() == NationalInbox.ApplicantKind.ORGANISATION ? applicant.enterpriseCode() : applicant.idNumber());
        Dossier.Change created = Dossier.draft(UUID.randomUUID().toString(), p, owner, applicant, in.form(), now,
                Facts.Intake.nationalPortal(code, in.verifiedWithVNeID() ? Facts.VNEID : null));
        // exactly once per national code: the creation's marker is the national code, under the unclaimed owner
        String id = dossiers.createOnce(created, "dvcqg-" + code, fingerprint(code, p.code()));
        Dossier d = id.equals(created.dossier().id()) ? created.dossier() : dossiers.find(id).orElseThrow();

        boolean submittedNow = false;
        if (d.status() == DossierStatus.DRAFT) {
            if (!fetchFiles(d, p, in)) return new Taken(code, Outcome.WAITING_FOR_SCAN, d.id(), null);
            List<Attachment> kept = attachments.attachments(d.id());
            // submitted as the applicant submits: reception checks it (the same checklist) and receives it or asks for what is missing
            Dossier.Change submitted = d.handle(new Command.Submit(Json.write(d.sortedForm()),
                    (int) kept.stream().filter(a -> a.status() != Attachment.Status.CANCELLED).count()),
                    Actor.citizen(d.ownerId()), clock.instant());
            dossiers.save(submitted);
            queue.send(submitted.dossier().id(), submitted.dossier().version());
            submittedNow = true;
        }
        inbox.acknowledge(code, d.id());
        return new Taken(code, submittedNow ? Outcome.RECEIVED : Outcome.ALREADY_RECEIVED, d.id(), null);
    }

    /**
     * Fetches each file the dossier does not have yet into the uploads, as a PENDING attachment the scan judges.
     * Returns whether every file is judged (none still waiting for the scan).
     */
    private boolean fetchFiles(Dossier d, Procedure p, NationalInbox.Inbound in) {
        Instant now = clock.instant();
        List<Attachment> have = attachments.attachments(d.id());
        boolean waiting = false;
        for (NationalInbox.File f : in.files()) {
            Procedure.Component c = p.components().stream().filter(x -> x.code().equals(f.componentCode())).findFirst().orElse(null);
            String name = Attachment.cleanFileName(f.fileName() == null ? "" : f.fileName());
            String ext = Attachment.extension(name);
            if (c == null || name.isEmpty() || !c.formats().contains(ext) || !Attachment.MIME.containsKey(ext) || f.url() == null) continue;
            if (have.stream().anyMatch(a -> a.componentCode().equals(c.code()) && a.fileName().equals(name)
                    && a.status() != Attachment.Status.CANCELLED && !a.expired(now))) continue;
            var bytes = inbox.download(f, c.maxSizeMb() * 1024L * 1024L);
            if (bytes.isEmpty() || bytes.get().length == 0) continue;
            String type = Attachment.MIME.get(ext);
            String key = "dossiers/" + d.id() + "/" + c.code() + "/" + UUID.randomUUID();
            attachments.authoriseUpload(new Attachment(d.id(), key, c.code(), name, type, (long) bytes.get().length,
                    Attachment.Status.PENDING, null, null, null, null, now, null));
            files.put(key, type, bytes.get());
            waiting = true;
        }
        if (waiting) return false;
        return attachments.attachments(d.id()).stream().noneMatch(a -> a.status() == Attachment.Status.PENDING && !a.expired(now));
    }

    private static String fingerprint(String nationalCode, String procedureCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((nationalCode + "\n" + procedureCode).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}

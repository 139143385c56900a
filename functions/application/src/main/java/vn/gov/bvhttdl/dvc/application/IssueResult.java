package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Issues the electronic result of an approved dossier: the next number {@code <code>-KQ<n>} (never the same twice,
 * whatever runs at once), the face from the procedure's result template, the validity, the PDF signed by the unit's
 * key with a QR code pointing at the public verification page, stored once, and the issue in the dossier's trail.
 */
public final class IssueResult {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who signs a result in their own right (the form of the documents' signer). */
    static final vn.gov.bvhttdl.dvc.domain.Text OWN_TITLE = new vn.gov.bvhttdl.dvc.domain.Text("Thủ trưởng đơn vị", "Head of the unit");

    private final Dossiers dossiers;
    private final Sequences sequences;
    private final Results results;
    private final ResultRenderer renderer;
    private final Rules rules;
    private final Clock clock;
    private final java.util.function.Supplier<String> verifyBase;
    private final ResultsInWarehouse warehouse;

    /** @param verifyBase where the public verification page lives, e.g. {@code https://dichvucong.bvhttdl.gov.vn} */
    public IssueResult(Dossiers dossiers, Sequences sequences, Results results, ResultRenderer renderer, Rules rules, Clock clock, String verifyBase) {
        this(dossiers, sequences, results, renderer, rules, clock, () -> verifyBase);
    }

    /** The same, with the address read when a result is issued (a setting known only once the server runs). */
    public IssueResult(Dossiers dossiers, Sequences sequences, Results results, ResultRenderer renderer, Rules rules, Clock clock,
                       java.util.function.Supplier<String> verifyBase) {
        this(dossiers, sequences, results, renderer, rules, clock, verifyBase, null);
    }

    /**
     * The same, pushing each result into its owner's warehouse as it is issued ({@code warehouse} null: it is not;
     * tests of other moves only).
     */
    public IssueResult(Dossiers dossiers, Sequences sequences, Results results, ResultRenderer renderer, Rules rules, Clock clock,
                       java.util.function.Supplier<String> verifyBase, Warehouse warehouse) {
        this.warehouse = warehouse == null ? null : new ResultsInWarehouse(warehouse, rules);
        this.dossiers = dossiers;
        this.sequences = sequences;
        this.results = results;
        this.renderer = renderer;
        this.rules = rules;
        this.clock = clock;
        this.verifyBase = verifyBase;
    }

    /** 26 characters of an unambiguous alphabet: 130 bits, the result's address on the verification page. */
    static String newId() {
        StringBuilder b = new StringBuilder(26);
        for (int i = 0; i < 26; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    public String verifyUrl(String id) {
        String base = verifyBase.get();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + id;
    }

    /**
     * Issues the result of {@code d} (approved: RESULT_READY) signed by {@code by} (KT./TL. when their account says so);
     * {@code correction}: for a correction, what it corrects (printed), else null.
     */
    public IssuedResult issue(Dossier d, Actor by, String correction) {
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> DomainException.of("procedure-not-in-catalogue"));
        Instant at = clock.instant();
        LocalDate today = at.atZone(rules.calendar().zone()).toLocalDate();
        int n = (int) sequences.nextResultNumber(d.code());
        IssuedResult draft = new IssuedResult(newId(), d.code() + "-KQ" + n, n, d.id(), d.code(), p.code(), p.version(), p.agencyCode(),
                p.resultType(), IssuedResult.face(p, d), at, IssuedResult.validUntil(p, today), null, null, IssuedResult.Status.VALID,
                null, null, null);
        ResultRenderer.Signed signed = renderer.render(draft, p, verifyUrl(draft.id()),
                new ResultRenderer.Printed(vn.gov.bvhttdl.dvc.domain.Signature.of(by, p.agencyCode(), OWN_TITLE), correction));
        IssuedResult result = draft.withSignature(sha256(signed.pdf()), signed.signer());
        results.store(result, signed.pdf());
        // the issue goes into the dossier's trail whatever else moved it meanwhile: the entry is appended to the
        // version it finds (the result is stored and numbered already); only a lost race is tried again: a refusal of
        // the move (the dossier left RESULT_READY meanwhile) goes out at once
        Races.retry(Races.ATTEMPTS, attempt -> {
            Dossier current = attempt == 1 ? d : dossiers.find(d.id()).orElseThrow(() -> DomainException.of("dossier-not-found", "ref", d.id()));
            dossiers.save(current.handle(new Command.IssueResult(result.number(), result.id()), by, at));
            return result;
        });
        // into the owner's warehouse (issue #25), added once by the result's id; a correction or revocation brings
        // the entry back if this push is lost
        if (warehouse != null) warehouse.issued(result, d, p);
        return result;
    }

    /** The results' entries in the owners' warehouses, null when results are not pushed. */
    ResultsInWarehouse warehouse() { return warehouse; }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

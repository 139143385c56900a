package vn.gov.bvhttdl.dvc.api.official;

import io.micronaut.serde.annotation.Serdeable;
import vn.gov.bvhttdl.dvc.application.Digitisation;

import java.util.List;

/** The JSON of the digitisation's answers: the digests to sign, the row-by-row report. */
final class DigitisationViews {
    private DigitisationViews() {}

    @Serdeable
    record ToSignView(String ref, String digest) {}

    /** {@code why}/{@code whyEn}/{@code field}: for a refused row, the reason in both languages and the field it names. */
    @Serdeable
    record RowView(String ref, String outcome, String why, String whyEn, String field, String documentId, String verifyPath) {
        static RowView of(Digitisation.Row r) {
            return new RowView(r.ref(), r.outcome(), r.reason() == null ? null : r.reason().vi(), r.reason() == null ? null : r.reason().en(),
                    r.reason() == null ? null : r.reason().field(), r.documentId(), r.verificationId() == null ? null : "/verify/" + r.verificationId());
        }
    }

    /** {@code sessionId} null when nothing is left to sign (e.g. an import run again: every row unchanged or refused). */
    @Serdeable
    record StartedView(String sessionId, String expiresAt, String purpose, String algorithm, List<ToSignView> toSign, List<RowView> rows) {}

    @Serdeable
    record CompletedView(String purpose, long taken, long unchanged, long refused, List<RowView> rows) {}

    static StartedView started(Digitisation.Started s) {
        return new StartedView(s.sessionId(), s.expiresAt().toString(), s.purpose(), "SHA-256",
                s.toSign().stream().map(t -> new ToSignView(t.ref(), t.digest())).toList(), s.refused().stream().map(RowView::of).toList());
    }

    static CompletedView completed(Digitisation.Completed c) {
        return new CompletedView(c.purpose(), c.count("TAKEN"), c.count("UNCHANGED"), c.count("REFUSED"), c.rows().stream().map(RowView::of).toList());
    }
}

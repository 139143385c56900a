package vn.gov.bvhttdl.dvc.application;

import java.time.Instant;

/**
 * Port: per e-receipt, whether its data were handed over to the tax authority, and the short claim of the consumer
 * sending them now. Every write is conditional, so that two consumers of one receipt cannot both send it (the second
 * finds the claim and comes back later) and a hand-over recorded is never undone.
 */
public interface HandOverMarkers {
    /** Whether the data of {@code receiptId} were handed over already. */
    boolean handedOver(String receiptId);

    /**
     * Claims {@code receiptId} for {@code owner} until {@code until}: only when it has no marker, or only the claim of
     * a consumer that did not finish before its claim ran out ({@code now} past it). False (nothing written) otherwise.
     */
    boolean claim(String receiptId, String owner, Instant now, Instant until);

    /** Records the hand-over of {@code owner}'s claim ({@code late}: after the day of issue). False when the claim was lost. */
    boolean handedOver(String receiptId, String owner, Instant at, boolean late);

    /** Gives up {@code owner}'s claim (the tax authority was not reached, or refused): another delivery may try again. */
    void release(String receiptId, String owner);
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;

import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The one place a use case does a change again after losing a race ({@link ConcurrentChange}: another writer changed
 * the item between its read and its conditional write). Only races are retried: a rule's refusal
 * ({@code DomainException.Kind.REFUSED}) or any other failure goes out at the first attempt, since reading again
 * would give the same answer. Each attempt reads afresh (the attempt's number says whether it is the first).
 */
public final class Races {
    /** Enough for a busy dossier: each attempt is a read and a write (tens of milliseconds). */
    public static final int ATTEMPTS = 20;

    private Races() {}

    /** {@code attempt} (1, 2, …) until it is not beaten; after {@code attempts} lost races the last one is thrown. */
    public static <T> T retry(int attempts, IntFunction<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.apply(n);
            } catch (ConcurrentChange lost) {
                if (n >= attempts) throw lost;
            }
        }
    }

    /** The same, answering {@code exhausted} instead of throwing when every attempt lost its race. */
    public static <T> T retryOr(int attempts, IntFunction<T> attempt, Supplier<T> exhausted) {
        try {
            return retry(attempts, attempt);
        } catch (ConcurrentChange lost) {
            return exhausted.get();
        }
    }
}

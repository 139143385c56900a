package vn.gov.bvhttdl.dvc.api.admin;

import java.util.function.Supplier;

/**
 * A use case made at its first use, once (issue #28: cold start). micronaut-function-aws starts the context with every
 * {@code @Singleton} made eagerly — what a SnapStart snapshot should hold: the table, its priming, the rules, the HTTP
 * layer —, and that cannot be turned off for a few beans only; so the use cases that only some routes need (the
 * scorecard, the periodic report, the archive's hand-over and destruction, the officials' accounts) are wired in
 * {@link AdminBeans} as a {@code Later} each: the holder is a bean, what it holds is made by the first request that
 * asks for it.
 */
final class Later<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    private Later(Supplier<T> make) { this.make = make; }

    static <T> Later<T> of(Supplier<T> make) { return new Later<>(make); }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) value = v = make.get();
            }
        }
        return v;
    }
}

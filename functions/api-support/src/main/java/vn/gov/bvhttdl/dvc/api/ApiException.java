package vn.gov.bvhttdl.dvc.api;

import io.micronaut.http.HttpStatus;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.List;

/**
 * The HTTP layer's old name for a {@link DomainException}: the same thing, its kind taken from the status. Kept only so
 * that code written against it still compiles (the officials' controller); raise {@code DomainException} (with
 * {@link DomainException#of} for the common problems) instead.
 *
 * @deprecated use {@link DomainException}
 */
@Deprecated
public class ApiException extends DomainException {
    public ApiException(HttpStatus status, String slug, Text text) {
        this(status, slug, text, List.of());
    }

    public ApiException(HttpStatus status, String slug, Text text, List<Text> errors) {
        super(kindOf(status), slug, text, errors);
    }

    /** The kind answered with {@code status}; a status no kind has is a programming mistake. */
    static Kind kindOf(HttpStatus status) {
        for (Kind k : Kind.values()) {
            if (k.status() == status.getCode() && k != Kind.RACE) return k;
        }
        throw new IllegalArgumentException("no kind of problem is answered with " + status);
    }
}

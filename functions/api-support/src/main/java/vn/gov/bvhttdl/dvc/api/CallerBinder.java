package vn.gov.bvhttdl.dvc.api;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;

import java.util.Optional;
import java.util.function.Function;

/**
 * Binds a caller argument ({@link SignedIn}, {@link OfficialCaller}, {@link AdminCaller}) from the claims of the API
 * Gateway event behind the request: 401 without a sign-in, the account of an official or administrator read
 * ({@link AccountCheck}: 401 once deactivated), and whatever {@code check} refuses (403).
 */
abstract class CallerBinder<T> implements TypedRequestArgumentBinder<T> {
    private final Argument<T> type;
    private final Function<Identity, T> check;
    private final AccountCheck accounts;

    CallerBinder(Class<T> type, Function<Identity, T> check, AccountCheck accounts) {
        this.type = Argument.of(type);
        this.check = check;
        this.accounts = accounts;
    }

    @Override
    public Argument<T> argumentType() { return type; }

    @Override
    public ArgumentBinder.BindingResult<T> bind(ArgumentConversionContext<T> context, HttpRequest<?> source) {
        T caller = check.apply(accounts.apply(Identity.of(SignedIn.event(source))));
        return () -> Optional.of(caller);
    }
}

package vn.gov.bvhttdl.dvc.api;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A request's body as sent ({@code text} null when there is none), for a route that reads the JSON itself because
 * its shape depends on the path (an official's move by its name). Bound from the API Gateway event behind the
 * request, so an absent body is no body, not a conversion error; the body limit and the unstorable-text check have
 * already run on it ({@link ApiHandler}).
 */
public record BodyText(String text) {
    /** Binds a {@link BodyText} argument. */
    @Singleton
    public static final class Binder implements TypedRequestArgumentBinder<BodyText> {
        @Override
        public Argument<BodyText> argumentType() { return Argument.of(BodyText.class); }

        @Override
        public ArgumentBinder.BindingResult<BodyText> bind(ArgumentConversionContext<BodyText> context, HttpRequest<?> source) {
            var event = SignedIn.event(source);
            String body = event == null ? null : event.getBody();
            if (body != null && event.getIsBase64Encoded()) {
                try {
                    body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    throw vn.gov.bvhttdl.dvc.domain.DomainException.of("malformed-body");
                }
            }
            BodyText text = new BodyText(body);
            return () -> Optional.of(text);
        }
    }
}

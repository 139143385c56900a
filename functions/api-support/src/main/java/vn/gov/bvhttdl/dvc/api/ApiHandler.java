package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.http.exceptions.UriSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.ProblemTexts;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.lambda.ProblemJson;

import java.util.List;
import java.util.Map;

/**
 * The API function's Lambda handler: Micronaut's HTTP-API (payload 2.0) handler, plus an answer for what fails
 * before Micronaut's own error handling can run. A request whose path or query cannot even be made into a URI
 * (characters a client should have percent-encoded) is the client's mistake: 400 problem+json, not a failed
 * invocation (which the HTTP API would turn into a 500).
 *
 * <p>Its application context makes every singleton at start only while Lambda initialises the function for a SnapStart
 * snapshot ({@link #eagerSingletons}); otherwise (an on-demand cold start, the offline runner, the tests) a bean is made
 * when a request first needs it, as Micronaut's default is. micronaut-function-aws's builder makes them all, always: so
 * the admin API's first request for the publications made the scorecard's, the report's, the archive's and the
 * officials' accounts' controllers, use cases, S3 presigner and stores too (200 beans, 63 without; bench/README.md
 * "Two commits in one interleaved run", its lazy beans). Under SnapStart the snapshot should hold everything, so there the context is eager
 * as before and the priming actions the factories register run before the snapshot.
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    /** Lambda's {@code AWS_LAMBDA_INITIALIZATION_TYPE} while it initialises a function for a SnapStart snapshot. */
    static final String SNAP_START = "snap-start";

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        if (eagerSingletons(initializationType())) return super.newApplicationContextBuilder();
        // micronaut-function-aws's LambdaApplicationContextBuilder (its environments) without its eager flags, which
        // cannot be unset once set
        return ApplicationContext.builder().environments("function", "lambda");
    }

    /** How Lambda initialises this instance ({@code on-demand}, {@code provisioned-concurrency}, {@code snap-start}). */
    protected String initializationType() {
        return System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE");
    }

    /** Whether the context makes every singleton at start: only for a SnapStart snapshot. */
    static boolean eagerSingletons(String initializationType) {
        return SNAP_START.equals(initializationType);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent input, Context context) {
        String path = input == null ? null : input.getRawPath();
        // the API's own execute-api address answers the internet too, without CloudFront's WAF in front: where the
        // stack has an edge, a request without CloudFront's origin secret is refused before anything reads it
        if (CallerAddress.bypassesTheEdge(input)) {
            return answer(ProblemJson.body(DomainException.of("not-through-the-portal"), path));
        }
        // text DynamoDB cannot store (a lone UTF-16 surrogate, which JSON's \\u escapes can carry) is refused here,
        // for every route, naming the field, before any controller reads it
        String field = input == null ? null : UnstorableText.field(input.getBody(), input.getIsBase64Encoded());
        if (field != null) {
            Text t = ProblemTexts.standard().entry("unstorable-text").text("field", field).at(field);
            return answer(ProblemJson.body(new DomainException(DomainException.Kind.INVALID, "unstorable-text", t, List.of(t)), path));
        }
        try {
            return super.handleRequest(input, context);
        } catch (UriSyntaxException | IllegalArgumentException bad) {
            LOG.info("request refused before routing: {}", vn.gov.bvhttdl.dvc.domain.Limits.clip(bad.toString()));
            return answer(ProblemJson.body(DomainException.of("malformed-request"), null));
        } catch (RuntimeException e) {
            var incident = ProblemJson.internalError(null);
            LOG.error("incident {}: unhandled failure", incident.getKey(), e);
            return answer(incident.getValue());
        }
    }

    private static APIGatewayV2HTTPResponse answer(Map<String, Object> problem) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode((Integer) problem.get("status"))
                .withHeaders(Map.of("Content-Type", ProblemJson.MEDIA_TYPE)).withBody(ProblemJson.write(problem)).build();
    }
}

package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.http.exceptions.UriSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The API function's Lambda handler: Micronaut's HTTP-API (payload 2.0) handler, plus an answer for what fails
 * before Micronaut's own error handling can run. A request whose path or query cannot even be made into a URI
 * (characters a client should have percent-encoded) is the client's mistake: 400 problem+json, not a failed
 * invocation (which the HTTP API would turn into a 500).
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent input, Context context) {
        // text DynamoDB cannot store (a lone UTF-16 surrogate, which JSON's \\u escapes can carry) is refused here,
        // for every route, naming the field, before any controller reads it
        String field = input == null ? null : UnstorableText.field(input.getBody(), input.getIsBase64Encoded());
        if (field != null) {
            return problem(422, "unstorable-text", "Trường \"" + field + "\" chứa ký tự không hợp lệ (nửa cặp UTF-16).",
                    "The field \"" + field + "\" holds a character that is not valid text (half a UTF-16 pair).", field);
        }
        try {
            return super.handleRequest(input, context);
        } catch (UriSyntaxException | IllegalArgumentException bad) {
            LOG.info("request refused before routing: {}", vn.gov.bvhttdl.dvc.domain.Limits.clip(bad.toString()));
            return problem(400, "malformed-request", "Địa chỉ yêu cầu không hợp lệ (ký tự chưa được mã hóa).",
                    "The request address is not valid (characters that must be percent-encoded).");
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {}: unhandled failure", incident, e);
            return problem(500, "internal-error", "Hệ thống gặp lỗi. Mã sự cố: " + incident + ". Dữ liệu của bạn không bị mất; vui lòng thử lại sau.",
                    "The system hit an error. Incident " + incident + ". Nothing you sent was lost; please try again later.");
        }
    }

    private static APIGatewayV2HTTPResponse problem(int status, String slug, String vi, String en) {
        return problem(status, slug, vi, en, null);
    }

    private static APIGatewayV2HTTPResponse problem(int status, String slug, String vi, String en, String field) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", Problem.BASE + slug);
        p.put("title", switch (status) {
            case 400 -> "Bad Request";
            case 422 -> "Unprocessable Content";
            default -> "Internal Server Error";
        });
        p.put("status", status);
        p.put("detail", en);
        p.put("message", Map.of("vi", vi, "en", en));
        if (field != null) p.put("errors", java.util.List.of(Map.of("vi", vi, "en", en, "field", field)));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", Problem.MEDIA_TYPE)).withBody(Json.write(p)).build();
    }
}

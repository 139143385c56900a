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
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", Problem.BASE + slug);
        p.put("title", status == 400 ? "Bad Request" : "Internal Server Error");
        p.put("status", status);
        p.put("detail", en);
        p.put("message", Map.of("vi", vi, "en", en));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", Problem.MEDIA_TYPE)).withBody(Json.write(p)).build();
    }
}

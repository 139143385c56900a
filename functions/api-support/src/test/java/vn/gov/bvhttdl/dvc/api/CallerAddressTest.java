package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The caller's address behind CloudFront: the viewer's only with the origin secret, the TCP peer otherwise. */
class CallerAddressTest {
    static final String SECRET = "s3cr3t-origin-value-0123456789abcdef";
    static final String EDGE = "130.176.12.34"; // a CloudFront edge server: the HTTP API's sourceIp behind the distribution

    private static APIGatewayV2HTTPEvent event(String sourceIp, Map<String, String> headers) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withSourceIp(sourceIp).build();
        return APIGatewayV2HTTPEvent.builder().withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).build()).build();
    }

    private static Map<String, String> headers(String secret, String viewer) {
        Map<String, String> h = new LinkedHashMap<>();
        if (secret != null) h.put("x-origin-verify", secret);
        if (viewer != null) h.put("x-viewer-address", viewer);
        return h;
    }

    @Test
    void throughTheDistributionTheViewersAddressIsCounted() {
        assertEquals("203.0.113.7", CallerAddress.of(event(EDGE, headers(SECRET, "203.0.113.7")), SECRET));
        assertEquals("2001:db8::42", CallerAddress.of(event(EDGE, headers(SECRET, "2001:DB8::42")), SECRET));
        // header names arrive lower-cased from API Gateway, but the match does not depend on it
        assertEquals("203.0.113.7", CallerAddress.of(event(EDGE, Map.of("X-Origin-Verify", SECRET, "X-Viewer-Address", "203.0.113.7")), SECRET));
    }

    @Test
    void aViewerAddressWithoutTheSecretIsIgnored() {
        // someone calling the API's own address and claiming to be someone else
        assertEquals("198.51.100.9", CallerAddress.of(event("198.51.100.9", headers(null, "203.0.113.7")), SECRET));
        assertEquals("198.51.100.9", CallerAddress.of(event("198.51.100.9", headers("guessed", "203.0.113.7")), SECRET));
        assertEquals("198.51.100.9", CallerAddress.of(event("198.51.100.9", headers(SECRET + "x", "203.0.113.7")), SECRET));
        // a function without a secret (no edge) believes no header, even the right one
        assertEquals("198.51.100.9", CallerAddress.of(event("198.51.100.9", headers(SECRET, "203.0.113.7")), null));
        assertEquals("198.51.100.9", CallerAddress.of(event("198.51.100.9", headers("", "203.0.113.7")), ""));
    }

    @Test
    void withoutAViewerAddressOrWithGarbageTheSourceIsCounted() {
        assertEquals(EDGE, CallerAddress.of(event(EDGE, headers(SECRET, null)), SECRET));
        assertEquals(EDGE, CallerAddress.of(event(EDGE, headers(SECRET, "203.0.113.7, 10.0.0.1")), SECRET));
        assertEquals(EDGE, CallerAddress.of(event(EDGE, headers(SECRET, "999.1.1.1")), SECRET));
        assertEquals(EDGE, CallerAddress.of(event(EDGE, headers(SECRET, "<script>")), SECRET));
        assertEquals(EDGE, CallerAddress.of(event(EDGE, null), SECRET));
        assertEquals("unknown", CallerAddress.of(APIGatewayV2HTTPEvent.builder().build(), SECRET));
        assertEquals("unknown", CallerAddress.of(null, SECRET));
    }

    @Test
    void whereTheStackHasAnEdgeARequestWithoutTheOriginSecretIsRefused() {
        // the API's own execute-api address, called without CloudFront (and its WAF) in front
        assertTrue(CallerAddress.bypassesTheEdge(event("198.51.100.9", headers(null, null)), SECRET, true));
        assertTrue(CallerAddress.bypassesTheEdge(event("198.51.100.9", headers("guessed", "203.0.113.7")), SECRET, true));
        assertTrue(CallerAddress.bypassesTheEdge(event("198.51.100.9", headers(SECRET.substring(1), null)), SECRET, true));
        assertTrue(CallerAddress.bypassesTheEdge(event("198.51.100.9", null), SECRET, true));
        assertTrue(CallerAddress.bypassesTheEdge(null, SECRET, true));
        // through the distribution, whatever the case of the header's name
        assertFalse(CallerAddress.bypassesTheEdge(event(EDGE, headers(SECRET, "203.0.113.7")), SECRET, true));
        assertFalse(CallerAddress.bypassesTheEdge(event(EDGE, Map.of("X-Origin-Verify", SECRET)), SECRET, true));
        // no edge (RegionNoEdge) or the switch off: nothing is refused, the secret or not
        assertFalse(CallerAddress.bypassesTheEdge(event("198.51.100.9", headers(null, null)), SECRET, false));
        assertFalse(CallerAddress.bypassesTheEdge(event("198.51.100.9", headers(null, null)), "", true));
        assertFalse(CallerAddress.bypassesTheEdge(event("198.51.100.9", headers(null, null)), null, true));
    }
}

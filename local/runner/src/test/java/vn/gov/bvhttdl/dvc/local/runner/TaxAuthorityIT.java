package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The e-receipts' hand-over to the tax authority on the whole offline stack (issue #22): a DL-002 fee paid through
 * the VNPay sandbox is credited by the payment-callback function, its e-receipt numbered in the same write; the runner
 * plays the table's stream to TaxOutboxFunction, the queue (ElasticMQ) to TaxHandoverFunction, and the tax
 * authority's sandbox. The receipt reaches the sandbox exactly once with its number, symbols, collector's tax code and
 * amount — also when the sandbox was down, then timing out, when it was issued — and the stream replayed sends
 * nothing again; {@code /dev/tax-authority} lists it.
 *
 * <p>The test's settings shorten the waits (docs/payments.md): the backoff starts at 1 s and stops growing at 2 s
 * ({@code TAX_HANDOVER_RETRY_BASE_SECONDS}, {@code TAX_HANDOVER_RETRY_MAX_SECONDS}; 10 s and 300 s on AWS), a call
 * times out after 2 s ({@code TAX_AUTHORITY_TIMEOUT_SECONDS}; 10 s).
 */
class TaxAuthorityIT {
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        // no local retry delay: a failed message comes back when the function's own backoff (ChangeMessageVisibility)
        // says, as on AWS (the runner's shortcut would make it visible at once and spend the queue's 30 receives)
        runner = LocalRunner.start(new LocalRunner.Options(0, null, null, Map.of(
                "TAX_HANDOVER_RETRY_BASE_SECONDS", "1", "TAX_HANDOVER_RETRY_MAX_SECONDS", "2", "TAX_AUTHORITY_TIMEOUT_SECONDS", "2")));
        PaymentsIT.runner = runner; // its walk of a DL-002 payment
    }

    @AfterAll
    static void stop() { if (runner != null) runner.close(); }

    static List<Map<String, Object>> received(String number, String symbol) {
        return Json.list(runner.taxAuthority().get("receipts")).stream().map(Json::obj)
                .filter(r -> number.equals(r.get("number")) && symbol.equals(r.get("receiptSymbol"))).toList();
    }

    static void awaitReceived(String number, String symbol, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline && received(number, symbol).isEmpty()) Thread.sleep(200);
        assertFalse(received(number, symbol).isEmpty(), "receipt " + symbol + "-" + number + " never reached the sandbox: " + runner.taxAuthority());
    }

    /** A DL-002 fee paid by VNPay (the sandbox's page, no chaos); the payment's e-receipt as the citizen sees it. */
    static Map<String, Object> paidReceipt(String token) throws Exception {
        String id = PaymentsIT.awaitingPayment(token);
        HttpResponse<String> started = PaymentsIT.call("POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"vnpay\"}");
        assertEquals(201, started.statusCode(), started.body());
        String ref = (String) LocalRunnerIT.json(started).get("reference");
        PaymentsIT.decide((String) LocalRunnerIT.json(started).get("redirectUrl"), "vnpay", ref, "pay", false);
        Map<String, Object> paid = PaymentsIT.awaitPayment(id, token, ref, "PAID");
        Map<String, Object> r = Json.obj(paid.get("eReceipt"));
        assertNotNull(r, paid.toString());
        r.put("amountVnd", paid.get("amountVnd"));
        return r;
    }

    @Test
    void aCreditedReceiptReachesTheTaxAuthorityOnceAlsoAfterAnOutage() throws Exception {
        String token = runner.devToken("Vũ Thị Thuế", "001088000888", "thue@example.vn", "citizens");

        // up: the receipt arrives once, with its number, symbols, tax code and amount
        Map<String, Object> first = paidReceipt(token);
        String n1 = (String) first.get("number"), s1 = (String) first.get("receiptSymbol");
        awaitReceived(n1, s1, 30);
        Map<String, Object> got = received(n1, s1).getFirst();
        assertEquals("EBL01", got.get("formSymbol"));
        assertEquals(first.get("taxCode"), got.get("taxCode"));
        assertEquals(((Number) first.get("amountVnd")).longValue(), ((Number) got.get("amountVnd")).longValue());
        assertEquals(first.get("totalInWords"), got.get("amountInWords"));
        assertEquals(Boolean.TRUE, got.get("xml"), "the receipt's structured data came with it");

        // down while the next fee is paid: nothing arrives, the hand-over keeps trying
        runner.taxAuthorityMode("down", 0);
        Map<String, Object> second = paidReceipt(token);
        String n2 = (String) second.get("number"), s2 = (String) second.get("receiptSymbol");
        Thread.sleep(4000);
        assertTrue(received(n2, s2).isEmpty(), "nothing reaches a tax authority that is down");
        assertTrue(((Number) runner.taxAuthority().get("refusedWhileDown")).intValue() > 0, "the hand-over kept trying");
        // timing out (each call held past the client's timeout), then up: it arrives once
        runner.taxAuthorityMode("timeout", 2500);
        Thread.sleep(3000);
        runner.taxAuthorityMode("up", 0);
        awaitReceived(n2, s2, 60);

        // the stream replayed from its start: every receipt is handed over already, nothing is sent again
        runner.replayStream("TaxOutboxFunction");
        Thread.sleep(5000);
        assertEquals(1, received(n1, s1).size(), runner.taxAuthority().toString());
        assertEquals(1, received(n2, s2).size(), runner.taxAuthority().toString());

        // the development page lists them (escaped HTML)
        HttpResponse<String> page = PaymentsIT.get("/dev/tax-authority");
        assertEquals(200, page.statusCode());
        for (String says : List.of(n1, n2, s1, String.valueOf(first.get("taxCode")), "01/TH-BLĐT")) {
            assertTrue(page.body().contains(says), "the page shows " + says);
        }
    }
}

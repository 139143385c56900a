package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * What an outside party's sandbox does before it answers a call, in the mode a test or a developer set: down (503 at
 * once), timeout (504 after the delay), slow (the delay, then on), and wrong credentials (401). Each sandbox keeps its
 * own mode, delay and error body (the national portal's and the tax authority's {@code error_code}, the document
 * list's {@code errorCode}).
 */
final class SandboxGate {
    private SandboxGate() {}

    /** An error body in one party's shape: {@code status} and the Vietnamese message. */
    interface Body {
        String of(int status, String message);
    }

    /** The national portal's and the tax authority's error body. */
    static final Body ERROR_CODE = (status, message) -> "{\"error_code\": \"" + status + "\", \"message\": \"" + message + "\"}";

    /**
     * Whether the call may go on to be answered; otherwise the refusal has been sent. {@code mode} is the sandbox's
     * mode's name (UP, DOWN, TIMEOUT, SLOW); {@code whileDown} runs for each call refused while down.
     */
    static boolean admits(HttpExchange ex, String mode, long delayMs, String expectedAuth, Runnable whileDown, Body body) throws IOException {
        if (mode.equals("DOWN")) {
            whileDown.run();
            return refuse(ex, 503, "Hệ thống đang bảo trì", body);
        }
        if (mode.equals("TIMEOUT") || mode.equals("SLOW")) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (mode.equals("TIMEOUT")) return refuse(ex, 504, "Hết thời gian chờ", body);
        }
        if (!expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return refuse(ex, 401, "Sai thông tin xác thực", body);
        }
        return true;
    }

    private static boolean refuse(HttpExchange ex, int status, String message, Body body) throws IOException {
        LocalRunner.send(ex, status, "application/json", body.of(status, message));
        return false;
    }
}

package vn.gov.bvhttdl.dvc.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A warm container must not grow with the number of invocations (issue #7, defect 1). */
class LambdaContextHolderTest {
    static final class Echo extends MicronautRequestHandler<String, String> {
        @Override
        public String execute(String input) { return input; }
    }

    static Context context(String requestId) {
        LambdaLogger logger = new LambdaLogger() {
            @Override public void log(String message) {}
            @Override public void log(byte[] message) {}
        };
        return new Context() {
            @Override public String getAwsRequestId() { return requestId; }
            @Override public String getLogGroupName() { return "g"; }
            @Override public String getLogStreamName() { return "s"; }
            @Override public String getFunctionName() { return "f"; }
            @Override public String getFunctionVersion() { return "1"; }
            @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:ap-southeast-1:0:function:f"; }
            @Override public CognitoIdentity getIdentity() { return null; }
            @Override public ClientContext getClientContext() { return null; }
            @Override public int getRemainingTimeInMillis() { return 10_000; }
            @Override public int getMemoryLimitInMB() { return 1024; }
            @Override public LambdaLogger getLogger() { return logger; }
        };
    }

    @Test
    void invocationsRegisterNoBeansAndTheCurrentContextIsKept() {
        try (Echo handler = new Echo()) {
            int before = handler.getApplicationContext().getAllBeanDefinitions().size();
            Context last = null;
            for (int i = 0; i < 500; i++) {
                last = context("req-" + i);
                assertEquals("x" + i, handler.handleRequest("x" + i, last));
            }
            assertEquals(before, handler.getApplicationContext().getAllBeanDefinitions().size(),
                    "500 invocations must not add bean definitions (the stock factory adds two per call)");
            assertEquals(0, handler.getApplicationContext().getBeanDefinitions(Context.class).size());
            assertSame(last, LambdaContextHolder.current().orElseThrow());
        }
    }
}

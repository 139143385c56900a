package vn.gov.bvhttdl.dvc.local.sqs;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

/**
 * Starts ElasticMQ's SQS-protocol server on 127.0.0.1 and the given port (0: the system picks one while binding,
 * queue URLs then carry the port bound); prints {@code READY sqs http://127.0.0.1:<port bound>} once bound, which is
 * how the emulators learn the port.
 */
public final class ElasticMqMain {
    private ElasticMqMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface("127.0.0.1");
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        int bound = server.waitUntilStarted().localAddress().getPort();
        System.out.println("READY sqs http://127.0.0.1:" + bound);
        System.out.flush();
        Thread.currentThread().join();
    }
}

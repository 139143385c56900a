package vn.gov.bvhttdl.dvc.local.sqs;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** Starts ElasticMQ's SQS-protocol server on 127.0.0.1 and the given port; prints READY when bound. */
public final class ElasticMqMain {
    private ElasticMqMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        server.waitUntilStarted();
        System.out.println("READY sqs http://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}

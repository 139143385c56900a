package vn.gov.bvhttdl.dvc.signing;

import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.documents.LocalKeySigner;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificate the public verification page checks signatures against, without any means to sign: on AWS the
 * last certificate of the chain in the SSM parameter {@code SIGNING_CHAIN_PARAMETER} (read once, on the first check),
 * offline the development CA in {@code LOCAL_SIGNING_DIR}.
 */
public final class TrustRoot {
    private volatile X509Certificate root;

    public X509Certificate get() {
        X509Certificate r = root;
        if (r == null) {
            synchronized (this) {
                if (root == null) root = read();
                r = root;
            }
        }
        return r;
    }

    private static X509Certificate read() {
        List<X509Certificate> chain;
        if (Settings.get("SIGNER").orElse("kms").equals("local")) {
            chain = LocalKeySigner.in(java.nio.file.Path.of(Settings.require("LOCAL_SIGNING_DIR"))).chain();
        } else {
            var ssm = software.amazon.awssdk.services.ssm.SsmClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build();
            chain = KmsSigner.parse(ssm.getParameter(b -> b.name(Settings.require("SIGNING_CHAIN_PARAMETER"))).parameter().value());
        }
        return chain.get(chain.size() - 1);
    }
}

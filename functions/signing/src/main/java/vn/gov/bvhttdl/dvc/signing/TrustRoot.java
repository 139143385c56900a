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
    private volatile List<X509Certificate> anchors;

    /**
     * The CAs a signature and its timestamps are checked against: the signing CA, and on AWS the certificates of the
     * TSA's CA in the SSM parameter {@code TSA_TRUST_PARAMETER} when it is set and exists (offline the development CA
     * issued the TSA's certificate too).
     */
    public List<X509Certificate> anchors() {
        List<X509Certificate> a = anchors;
        if (a == null) {
            synchronized (this) {
                if (anchors == null) {
                    List<X509Certificate> all = new java.util.ArrayList<>(List.of(get()));
                    all.addAll(tsaRoots());
                    anchors = List.copyOf(all);
                }
                a = anchors;
            }
        }
        return a;
    }

    private static List<X509Certificate> tsaRoots() {
        var name = Settings.get("TSA_TRUST_PARAMETER");
        if (name.isEmpty() || Settings.get("SIGNER").orElse("kms").equals("local")) return List.of();
        var ssm = software.amazon.awssdk.services.ssm.SsmClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build();
        try {
            return KmsSigner.parse(ssm.getParameter(b -> b.name(name.get())).parameter().value());
        } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException e) {
            System.err.println("[signing] no TSA trust parameter: timestamps are checked against the signing CA only");
            return List.of();
        }
    }

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

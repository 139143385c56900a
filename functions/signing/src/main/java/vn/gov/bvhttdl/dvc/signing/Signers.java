package vn.gov.bvhttdl.dvc.signing;

import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.application.Signer;
import vn.gov.bvhttdl.dvc.documents.LocalKeySigner;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The signer the settings name, created on the first signature (not at start: cold start): {@code SIGNER=kms} on
 * AWS (SIGNING_KEY_ID, SIGNING_CHAIN_PARAMETER), {@code SIGNER=local} offline (LOCAL_SIGNING_DIR, the runner's data
 * folder, where the development CA lives).
 */
public final class Signers implements Signer {
    private volatile Signer signer;

    private Signer get() {
        Signer s = signer;
        if (s == null) {
            synchronized (this) {
                if (signer == null) signer = create();
                s = signer;
            }
        }
        return s;
    }

    private static Signer create() {
        String kind = Settings.get("SIGNER").orElse("kms");
        if (kind.equals("local")) return LocalKeySigner.in(java.nio.file.Path.of(Settings.require("LOCAL_SIGNING_DIR")));
        var kms = software.amazon.awssdk.services.kms.KmsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build();
        var ssm = software.amazon.awssdk.services.ssm.SsmClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build();
        String pem = ssm.getParameter(b -> b.name(Settings.require("SIGNING_CHAIN_PARAMETER"))).parameter().value();
        return new KmsSigner(kms, Settings.require("SIGNING_KEY_ID"), pem);
    }

    /** The trusted root: the last certificate of the chain (the CA the verification page checks against). */
    public X509Certificate root() {
        List<X509Certificate> c = get().chain();
        return c.get(c.size() - 1);
    }

    @Override public List<X509Certificate> chain() { return get().chain(); }

    @Override public String algorithm() { return get().algorithm(); }

    @Override public byte[] sign(byte[] data) { return get().sign(data); }
}

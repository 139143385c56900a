package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Port: whether a certificate chain presented by the browser's signing step is the signed-in official's own — issued
 * under a trusted CA (the Government Cipher Committee's on AWS, the development CA offline), valid at {@code at}, and
 * bound to that official's account. docs/signing.md says what a deployment plugs in.
 */
public interface OfficialCertificates {
    /** Why {@code chain} is not {@code official}'s at {@code at}, or null when it is. */
    String refusal(Actor official, List<X509Certificate> chain, Instant at);
}

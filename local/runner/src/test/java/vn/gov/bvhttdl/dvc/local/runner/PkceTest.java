package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** PKCE as the sandbox SSO and the pool stand-in check it, and the national claims mapped by template.yaml's mapping. */
class PkceTest {
    @Test
    void the_s256_challenge_is_the_one_of_rfc_7636_appendix_b() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.challenge(verifier));
        assertTrue(Pkce.verify(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    @Test
    void another_verifier_a_short_one_or_none_does_not_verify() {
        String challenge = Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertFalse(Pkce.verify("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK", challenge));
        assertFalse(Pkce.verify("too-short", Pkce.challenge("too-short")), "a verifier has at least 43 characters");
        assertFalse(Pkce.verify(null, challenge));
        assertFalse(Pkce.verify("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", null));
        // the plain method is not accepted: the verifier itself is no challenge
        assertFalse(Pkce.verify("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void random_values_are_fresh_and_usable_as_verifiers() {
        String a = Pkce.random();
        assertNotEquals(a, Pkce.random());
        assertTrue(Pkce.validVerifier(a), a);
    }

    @Test
    void the_national_claims_map_to_the_pools_attributes_by_the_templates_mapping() {
        var provider = DevFederation.Provider.from(vn.gov.bvhttdl.dvc.local.emulators.Template.read(
                vn.gov.bvhttdl.dvc.local.emulators.Emulators.repoRoot().resolve("template.yaml")));
        assertEquals("VNeID", provider.name());
        Map<String, String> org = provider.map(NationalSso.ORGANISATION.claims());
        assertEquals("Trần Thị Bình", org.get("name"));
        assertEquals("079190004567", org.get("custom:id_number"));
        assertEquals("2", org.get("custom:account_type"));
        assertEquals("0312345678", org.get("custom:enterprise_code"));
        assertEquals("Công ty TNHH Truyền thông Sen Vàng", org.get("custom:organisation"));
        Map<String, String> citizen = provider.map(NationalSso.CITIZEN.claims());
        assertEquals("001099012345", citizen.get("custom:id_number"));
        assertEquals("Nguyễn Văn An", citizen.get("name"));
        assertFalse(citizen.containsKey("custom:enterprise_code"), "a citizen has no enterprise code");
        // nothing outside the mapping reaches the pool (e.g. the date of birth)
        assertTrue(provider.attributeMapping().keySet().containsAll(citizen.keySet()));
        assertFalse(citizen.containsValue("12/03/1999"));
    }
}

package vn.gov.bvhttdl.dvc.application;

import java.util.Optional;

/** Port: the look-up keys printed on receipts, by dossier code (the public look-up's way in). */
public interface LookupKeys {
    /** What the public look-up by code needs: the dossier and the key printed on its receipt. */
    record Lookup(String dossierId, String key) {}

    /** The dossier received under {@code code} and the look-up key printed on its receipt, if one was given. */
    Optional<Lookup> lookup(String code);

    /** The look-up key printed on the receipt of {@code code}, if one was given. */
    default Optional<String> lookupKey(String code) { return lookup(code).map(Lookup::key); }

    /** Records (or replaces) the key of {@code code}; written with the receipt that prints it. */
    void putLookupKey(String code, String dossierId, String key);
}

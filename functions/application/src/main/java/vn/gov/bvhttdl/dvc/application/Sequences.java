package vn.gov.bvhttdl.dvc.application;

/** Port: numbers that never repeat (atomic counters): the receipts' daily sequences, a dossier's result numbers. */
public interface Sequences {
    /** The next number of a unit's daily sequence: never the same twice (a number taken and not used is a gap). */
    long nextSequence(String unitCode, String dayKey);

    /** The next number of the results issued for the dossier {@code dossierCode}: 1, 2, … */
    long nextResultNumber(String dossierCode);
}

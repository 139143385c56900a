package vn.gov.bvhttdl.dvc.domain;

/** Who acts on a dossier. SYSTEM is a function acting on its own (validation, scan). */
public enum Role { CITIZEN, OFFICIAL, SYSTEM }

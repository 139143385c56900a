package vn.gov.bvhttdl.dvc.domain;

/** The person or business the dossier is for, as taken from the signed-in identity and the form. */
public record Applicant(String fullName, String idNumber, String enterpriseCode, String address, String phone,
                        String email) {}

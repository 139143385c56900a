package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An electronic result (a licence, a certificate, a written answer): numbered {@code <dossier code>-KQ<n>}
 * (Decree 45/2020 Art 14), signed by the competent unit, never changed once issued — a correction issues the next
 * number and marks this one replaced; an authorised official may revoke it with a reason. {@code id} is the
 * unguessable identifier its QR code's address carries; {@code face} is what is printed on it, and all the public
 * verification page shows.
 */
public record IssuedResult(String id, String number, int sequence, String dossierId, String dossierCode, String procedureCode,
                           int procedureVersion, String agencyCode, Text type, List<Line> face, Instant issuedAt,
                           LocalDate validUntil, String sha256, String signer, Status status, String replacedBy,
                           String revokedReason, Instant revokedAt) {

    public enum Status { VALID, REPLACED, REVOKED }

    /** A line printed on the face: its label and value. */
    public record Line(String label, String value) {}

    public IssuedResult {
        face = face == null ? List.of() : List.copyOf(face);
    }

    /** Valid, replaced, revoked — or expired on {@code day} when its validity has ended. */
    public String state(LocalDate day) {
        if (status != Status.VALID) return status.name();
        return validUntil != null && day.isAfter(validUntil) ? "EXPIRED" : "VALID";
    }

    public IssuedResult withSignature(String sha, String signerName) {
        return new IssuedResult(id, number, sequence, dossierId, dossierCode, procedureCode, procedureVersion, agencyCode, type, face,
                issuedAt, validUntil, sha, signerName, status, replacedBy, revokedReason, revokedAt);
    }

    public IssuedResult replacedBy(String number, String reason, Instant at) {
        return new IssuedResult(id, this.number, sequence, dossierId, dossierCode, procedureCode, procedureVersion, agencyCode, type, face,
                issuedAt, validUntil, sha256, signer, Status.REPLACED, number, reason, at);
    }

    public IssuedResult revoked(String reason, Instant at) {
        return new IssuedResult(id, number, sequence, dossierId, dossierCode, procedureCode, procedureVersion, agencyCode, type, face,
                issuedAt, validUntil, sha256, signer, Status.REVOKED, replacedBy, reason, at);
    }

    /** The lines a procedure's result prints, from {@code rules/result-templates.json}, filled from the dossier. */
    public static List<Line> face(Procedure p, Dossier d) {
        Map<String, Object> t = template(p.code());
        List<Line> out = new ArrayList<>();
        boolean enterprise = d.applicant() != null && d.applicant().enterpriseCode() != null && !d.applicant().enterpriseCode().isBlank();
        for (Object o : Json.list(t.get("lines"))) {
            Map<String, Object> line = Json.obj(o);
            if (Boolean.TRUE.equals(line.get("onlyIfNoEnterprise")) && enterprise) continue;
            String v = value(p, d, Json.str(line, "from"));
            if (v == null || v.isBlank()) continue;
            out.add(new Line(Json.str(line, "label"), v + (line.get("suffix") == null ? "" : Json.str(line, "suffix"))));
        }
        return out;
    }

    /** The last day a result issued on {@code day} is valid, or null for no end. */
    public static LocalDate validUntil(Procedure p, LocalDate day) {
        Object years = template(p.code()).get("validityYears");
        return years instanceof Number n ? day.plusYears(n.longValue()).minusDays(1) : null;
    }

    private static final Map<String, Object> TEMPLATES = Json.obj(Json.resource("/rules/result-templates.json"));

    private static Map<String, Object> template(String procedureCode) {
        Object own = Json.obj(TEMPLATES.get("byProcedure")).get(procedureCode);
        return Json.obj(own != null ? own : TEMPLATES.get("default"));
    }

    /** A line's value: {@code form.<name>} in words (a choice's label, a date as dd/mm/yyyy), as the e-form defines it. */
    private static String value(Procedure p, Dossier d, String from) {
        if (from == null) return null;
        Applicant a = d.applicant();
        if (from.equals("holder")) {
            String company = d.form().get("companyName");
            boolean enterprise = a != null && a.enterpriseCode() != null && !a.enterpriseCode().isBlank();
            return enterprise && company != null ? company : a == null ? null : a.fullName();
        }
        if (from.startsWith("form.")) {
            String name = from.substring(5), raw = d.form().get(name);
            if (raw == null) return null;
            return p.formFields().stream().filter(f -> f.name().equals(name)).findFirst()
                    .map(f -> f.display(raw).vi()).orElse(raw);
        }
        if (a == null) return null;
        return switch (from) {
            case "applicant.fullName" -> a.fullName();
            case "applicant.idNumber" -> a.idNumber();
            case "applicant.enterpriseCode" -> a.enterpriseCode();
            case "applicant.address" -> a.address();
            default -> null;
        };
    }
}

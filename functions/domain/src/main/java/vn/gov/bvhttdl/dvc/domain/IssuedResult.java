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

    /**
     * The face as a person reads it: a line stored before the catalogue's labels were printed (a choice's code such
     * as {@code inbound}) shown with its option's label, from the same template line and the procedure's e-form.
     */
    public List<Line> faceInWords(Procedure p) {
        if (p == null) return face;
        Map<String, String> fromByLabel = new java.util.HashMap<>();
        for (Object o : Json.list(template(p.code()).get("lines"))) {
            Map<String, Object> line = Json.obj(o);
            fromByLabel.put(Json.str(line, "label"), Json.str(line, "from"));
        }
        List<Line> out = new ArrayList<>();
        for (Line l : face) {
            String from = fromByLabel.get(l.label());
            if (from != null && from.startsWith("form.") && l.value() != null) {
                var f = p.field(from.substring(5)).filter(x -> x.type().equals("select") || x.type().equals("checkboxes"));
                if (f.isPresent()) {
                    out.add(new Line(l.label(), f.get().display(l.value()).vi()));
                    continue;
                }
            }
            out.add(l);
        }
        return out;
    }

    /**
     * Who signed, as a person reads it: the certificate subject's common name and organisation (the unit and its
     * body), not the raw distinguished name; null for an unsigned document.
     */
    public String signerName() { return signerName(signer); }

    /** {@code CN=Cục…,O=Bộ…,C=VN} (RFC 2253/4514) as "Cục… — Bộ…"; a value that is not a DN as it is. */
    public static String signerName(String dn) {
        if (dn == null || dn.isBlank()) return null;
        Map<String, String> rdn = new java.util.LinkedHashMap<>();
        StringBuilder part = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (c == '\\' && i + 1 < dn.length()) { part.append(dn.charAt(++i)); continue; }
            if (c == ',' || c == ';' || c == '+') { parts.add(part.toString()); part.setLength(0); continue; }
            part.append(c);
        }
        parts.add(part.toString());
        for (String a : parts) {
            int eq = a.indexOf('=');
            if (eq > 0) rdn.putIfAbsent(a.substring(0, eq).strip().toUpperCase(java.util.Locale.ROOT), a.substring(eq + 1).strip());
        }
        String cn = rdn.get("CN"), o = rdn.get("O");
        if (cn == null && o == null) return dn;
        return cn == null ? o : o == null || o.equals(cn) ? cn : cn + " — " + o;
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
            return p.field(name).map(f -> f.display(raw).vi()).orElse(raw);
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

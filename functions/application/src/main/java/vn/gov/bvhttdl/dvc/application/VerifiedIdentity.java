package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the verified identity (VNeID / Cognito token claims) says of the person: the applicant's name and personal ID
 * number come from it and cannot be typed in, so nobody applies under another's ID.
 */
public record VerifiedIdentity(String name, String idNumber, String email, String verifiedBy) {
    /**
     * An identity no national identity provider vouched for (the development sign-in): dossiers it creates do not
     * count as verified with VNeID.
     */
    public VerifiedIdentity(String name, String idNumber, String email) { this(name, idNumber, email, null); }

    /**
     * The applicant of a dossier: name and ID from the identity (a differing typed value is refused), the rest as
     * typed — the page prefills the profile's e-mail where the person sees it, and an e-mail they cleared stays
     * cleared; only a request with no applicant at all ({@code typed} null) takes the profile's.
     */
    public Applicant applicant(Applicant typed) {
        Applicant a = typed == null ? new Applicant(null, null, null, null, null, null) : typed;
        List<Text> problems = new ArrayList<>();
        if (!blank(a.idNumber()) && !a.idNumber().equals(idNumber)) {
            problems.add(new Text("Số định danh cá nhân lấy từ tài khoản định danh điện tử của bạn và không sửa được.",
                    "The personal ID number comes from your verified identity and cannot be changed.").at("applicant.idNumber"));
        }
        if (!blank(a.fullName()) && !blank(name) && !sameName(a.fullName(), name)) {
            problems.add(new Text("Họ tên lấy từ tài khoản định danh điện tử của bạn và không sửa được.",
                    "The full name comes from your verified identity and cannot be changed.").at("applicant.fullName"));
        }
        DomainException.requireNone("identity-fields-fixed", problems);
        String enterprise = blank(a.enterpriseCode()) ? null : a.enterpriseCode().replace(" ", "");
        String mail = typed == null ? email : blank(a.email()) ? null : a.email();
        return new Applicant(blank(name) ? a.fullName() : name, idNumber, enterprise, a.address(),
                blank(a.phone()) ? null : Limits.normalisePhone(a.phone()), mail);
    }

    private static boolean sameName(String a, String b) {
        return Normalizer.normalize(a.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC)
                .equalsIgnoreCase(Normalizer.normalize(b.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC));
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}

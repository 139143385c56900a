package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the verified identity (the national portal's SSO with VNeID, through Cognito; or a Cognito account) says of
 * the person: the applicant's name and personal ID number come from it and cannot be typed in, so nobody applies
 * under another's ID. An organisation's sign-in is a person acting for an enterprise: the enterprise code is the
 * verified applicant and the person its representative.
 *
 * @param accountType    a citizen, or an organisation (enterprise) signed in by its representative
 * @param enterpriseCode the organisation's enterprise code (tax code), null for a citizen
 * @param organisation   the organisation's name, if the national identity gives it
 * @param verifiedBy     who verified the identity: VNeID through the national portal, or this system's own account
 */
public record VerifiedIdentity(String name, String idNumber, String email, AccountType accountType,
                               String enterpriseCode, String organisation, VerifiedBy verifiedBy) {

    /** A citizen, or an organisation (the national portal's account types; organisations from 1 Jul 2025). */
    public enum AccountType { CITIZEN, ORGANISATION }

    /** Who verified the identity. */
    public enum VerifiedBy {
        /** VNeID, through the national public-service portal's single sign-on (Cognito federation on AWS). */
        VNEID,
        /** An account of this system's user pool (officials, administrators; offline: the development sign-in). */
        ACCOUNT
    }

    /** The person acting for an organisation, as the national identity verified them. */
    public record Representative(String name, String idNumber) {}

    public VerifiedIdentity {
        if (accountType == null) accountType = AccountType.CITIZEN;
        if (verifiedBy == null) verifiedBy = VerifiedBy.ACCOUNT;
        enterpriseCode = blank(enterpriseCode) ? null : enterpriseCode.replace(" ", "");
        if (accountType == AccountType.ORGANISATION && enterpriseCode == null) accountType = AccountType.CITIZEN;
    }

    /** A citizen's identity from a user-pool account (the development sign-in offline). */
    public VerifiedIdentity(String name, String idNumber, String email) {
        this(name, idNumber, email, AccountType.CITIZEN, null, null, VerifiedBy.ACCOUNT);
    }

    /** The verified applicant: the enterprise code of an organisation, the personal ID number of a citizen. */
    public String applicantId() {
        return accountType == AccountType.ORGANISATION ? enterpriseCode : idNumber;
    }

    /** The person acting for the organisation, or null for a citizen (who acts for themself). */
    public Representative representative() {
        return accountType == AccountType.ORGANISATION ? new Representative(name, idNumber) : null;
    }

    /**
     * The applicant of a dossier: name and ID from the identity (a differing typed value is refused), and for an
     * organisation its enterprise code likewise; the rest as typed — the page prefills the profile's e-mail where
     * the person sees it, and an e-mail they cleared stays cleared; only a request with no applicant at all
     * ({@code typed} null) takes the profile's.
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
        String typedEnterprise = blank(a.enterpriseCode()) ? null : a.enterpriseCode().replace(" ", "");
        if (accountType == AccountType.ORGANISATION && typedEnterprise != null && !typedEnterprise.equals(enterpriseCode)) {
            problems.add(new Text("Mã số doanh nghiệp lấy từ tài khoản định danh điện tử của tổ chức và không sửa được.",
                    "The enterprise code comes from the organisation's verified identity and cannot be changed.").at("applicant.enterpriseCode"));
        }
        DomainException.requireNone("identity-fields-fixed", problems);
        String enterprise = accountType == AccountType.ORGANISATION ? enterpriseCode : typedEnterprise;
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

package vn.gov.bvhttdl.dvc.application;

import java.time.LocalDate;

/**
 * Port: the National Enterprise Registration Database (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp), looked up by
 * enterprise code (= tax code). Resolution 66.7/2025/NQ-CP Art 4(5)(a): its data replaces the enterprise
 * registration certificate in a dossier; Art 2(2): when it cannot be retrieved the applicant is asked for the paper.
 * The interface of the real database is not public (docs/national-databases.md): the adapter
 * ({@code adapters.national.DkkdEnterpriseRegistry}) follows the shapes of a public provincial implementation.
 */
public interface EnterpriseRegistry {

    /** The database's code in the catalogue ({@code nationalData.database}) and on the attachment's provenance. */
    String DATABASE = vn.gov.bvhttdl.dvc.domain.Procedure.NationalData.ENTERPRISE_REGISTRATION;

    /**
     * What the database says of an enterprise.
     *
     * @param status          its legal status as the database names it (e.g. "Đang hoạt động")
     * @param representative  its legal representative's name
     * @param certificateUrl  a link to the registration certificate as a document, if the database gives one (else null)
     */
    record Enterprise(String code, String name, String status, LocalDate registeredOn, String representative,
                      String address, String headOffice, String certificateUrl) {}

    /** The answer of one look-up. */
    sealed interface Lookup permits Found, NotFound, Unavailable {}

    /** The database has the enterprise. */
    record Found(Enterprise enterprise) implements Lookup {}

    /** The database answered and has no enterprise with that code. */
    record NotFound() implements Lookup {}

    /** The database could not be asked (down, a timeout, refused credentials, not configured): {@code reason} for the log, no personal data. */
    record Unavailable(String reason) implements Lookup {}

    /** The enterprise with {@code enterpriseCode}; never throws for the database's failures (they are {@link Unavailable}). */
    Lookup find(String enterpriseCode);

    /** No database configured: every look-up is unavailable (the component is then asked for). */
    EnterpriseRegistry NONE = code -> new Unavailable("no enterprise registry configured");
}

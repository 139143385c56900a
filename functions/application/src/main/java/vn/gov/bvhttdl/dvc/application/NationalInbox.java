package vn.gov.bvhttdl.dvc.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the dossiers submitted on the National Public Service Portal (DVCQG) for this Ministry's procedures, waiting
 * to be taken (issue #20, inbound). Taking one is two steps: read what is waiting, and acknowledge a dossier once it
 * is stored here, so that a dossier read but not stored (a crash, a timeout) is handed over again. The national
 * portal's shape of a dossier and its calls are the adapter's ({@code adapters.national.DvcqgInbox}; assumed, see
 * docs/national-portal.md §3).
 */
public interface NationalInbox {
    /** Who the applicant is on the national portal: a person, or an organisation (enterprise). */
    enum ApplicantKind { CITIZEN, ORGANISATION }

    /** One component's file as the portal holds it: our component code, its name, where to download it. */
    record File(String componentCode, String fileName, String url) {}

    /**
     * One dossier waiting: its national code ({@code MaHoSo}), the procedure's code ({@code MaTTHC}), the applicant
     * as the portal verified them, the portal's submission time, its files and its form's fields.
     *
     * @param verifiedWithVNeID whether the portal says the applicant's account was verified with VNeID
     */
    record Inbound(String nationalCode, String procedureCode, ApplicantKind kind, String applicantName, String idNumber,
                   String enterpriseCode, String address, String phone, String email, boolean verifiedWithVNeID,
                   Instant submittedAt, List<File> files, Map<String, String> form) {
        public Inbound {
            files = files == null ? List.of() : List.copyOf(files);
            form = form == null ? Map.of() : Map.copyOf(form);
            kind = kind == null ? ApplicantKind.CITIZEN : kind;
        }

        /** The verified applicant: an organisation's enterprise code, a person's ID number. */
        public String applicantId() { return kind == ApplicantKind.ORGANISATION ? enterpriseCode : idNumber; }
    }

    /**
     * The dossiers waiting for this Ministry, oldest first (at most one page; the next run reads the rest).
     *
     * @throws RuntimeException when the portal cannot be reached (the run fails and the next one asks again)
     */
    List<Inbound> waiting();

    /** Tells the portal that {@code nationalCode} is stored here as dossier {@code dossierId}: it is no longer handed out. */
    void acknowledge(String nationalCode, String dossierId);

    /**
     * The bytes of {@code file}, at most {@code maxBytes}; empty when the portal no longer has it or it is larger
     * (the dossier goes on without it: reception asks for what is missing).
     *
     * @throws RuntimeException on a transient failure (the dossier is left waiting for the next run)
     */
    Optional<byte[]> download(File file, long maxBytes);
}

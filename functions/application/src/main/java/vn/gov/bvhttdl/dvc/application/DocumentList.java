package vn.gov.bvhttdl.dvc.application;

import java.util.List;

/**
 * Port: the person's document list (results warehouse) on the National Public Service Portal, read at intake so the
 * checklist can offer the national results beside this system's warehouse (issue #25 item 2; docs/national-portal.md
 * §5, read as TH_KHO). The adapter ({@code adapters.national.DvcqgDocumentList}) follows the shapes read in a public
 * provincial implementation; the real contract replaces the adapter only.
 *
 * <p>The list is an offer, never a condition: a portal that is down, slow, refuses the call or answers nonsense gives
 * no results ({@link #find} never throws for the portal's failures), and the citizen uploads the document instead.
 */
public interface DocumentList {

    /** One file of a result, kept on the national portal ({@code DanhSachTepDinhKem[]}: {@code TenTep}, {@code DuongDan}). */
    record File(String name, String link) {}

    /**
     * One result of the person's list.
     *
     * @param code            the portal's result code ({@code MaKetQua}): the reference kept on an attachment taken from it
     * @param name            the document's name ({@code TenGiayTo})
     * @param numberAndSymbol its number and symbol ({@code SoKyHieu})
     * @param issuer          the body that issued it ({@code CoQuanChuQuan})
     * @param files           its files' links on the portal (may be empty)
     */
    record Result(String code, String name, String numberAndSymbol, String issuer, List<File> files) {
        public Result {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** No national list (not configured): nothing is offered. */
    DocumentList NONE = (owner, procedure) -> List.of();

    /**
     * The results the portal holds for the person with personal identification number {@code ownerIdNumber}, for
     * procedure {@code procedureCode} (the portal may narrow them to that procedure's result kinds); empty when the
     * portal has none, cannot be asked or does not answer in time.
     */
    List<Result> find(String ownerIdNumber, String procedureCode);
}

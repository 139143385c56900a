package vn.gov.bvhttdl.dvc.application;

import java.util.List;

/**
 * Port: the national database of administrative procedures (Cơ sở dữ liệu quốc gia về thủ tục hành chính, CSDLQG
 * về TTHC), read only: the procedures it publishes for this Ministry, each with its national code, name, online
 * service level, implementing agency and the decision that published it. The adapter
 * ({@code adapters.national.DvcqgNationalCatalogue}) speaks an <b>assumed</b> shape (docs/national-portal.md,
 * "Procedure codes"); the real contract replaces the adapter only.
 */
public interface NationalCatalogue {

    /** One procedure as the national database publishes it (any value may be empty when it gives none). */
    record NationalProcedure(String code, String name, String level, String agency, String decision) {
        public NationalProcedure {
            code = code == null ? "" : code.strip();
            name = name == null ? "" : name;
            level = level == null ? "" : level;
            agency = agency == null ? "" : agency;
            decision = decision == null ? "" : decision;
        }
    }

    /** Why the national database could not be read; {@code detail} is for the log (no personal data in it). */
    final class Unavailable extends RuntimeException {
        /** Not configured (no address): nothing was asked. */
        public enum Reason { NOT_CONFIGURED, UNREACHABLE }

        private final Reason reason;

        public Unavailable(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() { return reason; }
    }

    /**
     * This Ministry's procedures in the national database.
     * @throws Unavailable when it is not configured, does not answer in time, refuses or answers something unreadable
     */
    List<NationalProcedure> procedures();
}

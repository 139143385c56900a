package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts about a dossier that the state counts (the national portal's synchronisation, the Decision-766 index,
 * the dashboards, the warehouse and the archive read them): where it came in and whether the applicant's identity
 * was verified, the first submission, the end of handling, the refusal, the stop, the withdrawal, the return of the
 * result, and every supplement request with the date it was answered. Receipt and appointment dates are the
 * dossier's own ({@link Dossier#receivedAt()}, {@link Dossier#dueDate()}).
 *
 * <p>They are a fold over the audit trail: each move adds its fact as it happens ({@link #after}), and a dossier
 * stored before facts were recorded gets exactly the same facts from its trail ({@link #fromTrail}).
 *
 * @param origin          where the dossier was submitted; its {@link Origin#channel() channel} follows
 * @param verifiedBy      the national identity that verified the applicant at creation ({@code "VNeID"}), or null
 * @param representative  the person who acted for an organisation applicant, as the national identity verified them
 *                        (null for a person acting for themself)
 * @param submittedAt     the first submission (a resubmission after a supplement request keeps it)
 * @param endedAt         the end of handling: the decision (approval, refusal or stop)
 * @param returnChannel   how the result reached the applicant: {@code online}, {@code counter} or {@code post}
 * @param supplements     every supplement request, oldest first
 * @param nationalCode    the dossier's code on the National Public Service Portal when it was submitted there
 *                        ({@link Origin#NATIONAL_PORTAL}: its {@code MaHoSo}), else null
 * @param fees            the fees asked for and paid through this system (request-payment, confirm-payment), or null
 *                        when none was asked for
 * @param resultIssuedAt  the first signed electronic result issued (issue-result), or null
 * @param files           the files the latest submission or resubmission carried (for a dossier received at the desk
 *                        or by post: its components digitised there), or null before any submission
 * @param reused          of those files, how many were taken by reference from this system's warehouse (national
 *                        portal: DuocTaiSuDung; Decision 766 indicator 4.3), or null before any submission
 * @param fromWarehouse   of those files, how many were taken from the person's warehouse on the national portal
 *                        (DuocLayTuKhoDMQG), or null before any submission
 */
public record Facts(Origin origin, String verifiedBy, Representative representative, Instant submittedAt, Instant endedAt, Instant refusedAt,
                    Instant stoppedAt, Instant withdrawnAt, Instant returnedAt, String returnChannel,
                    List<Supplement> supplements, String nationalCode, Fees fees, Instant resultIssuedAt, Integer files,
                    Integer reused, Integer fromWarehouse) {

    /** The facts as recorded before the warehouse's counts were. */
    public Facts(Origin origin, String verifiedBy, Representative representative, Instant submittedAt, Instant endedAt, Instant refusedAt,
                 Instant stoppedAt, Instant withdrawnAt, Instant returnedAt, String returnChannel, List<Supplement> supplements,
                 String nationalCode, Fees fees, Instant resultIssuedAt, Integer files) {
        this(origin, verifiedBy, representative, submittedAt, endedAt, refusedAt, stoppedAt, withdrawnAt, returnedAt, returnChannel,
                supplements, nationalCode, fees, resultIssuedAt, files, null, null);
    }

    /**
     * The fees of a dossier: when payment was first asked for and how much (0 for a tariff the applicant chooses from
     * when paying), when the first payment was credited and how much has been credited, all by an online provider's
     * verified notice (confirm-payment: rules/dossier-workflow.json lets only the payment ledger make it).
     */
    public record Fees(Instant requestedAt, long requestedVnd, Instant paidAt, long paidOnlineVnd) {
        /** The amount due: the amount asked for, or the amount paid when the applicant chose it from a tariff. */
        public long dueVnd() { return Math.max(requestedVnd, paidOnlineVnd); }
    }

    /** The facts as recorded before the fees, the electronic result and the files were. */
    public Facts(Origin origin, String verifiedBy, Representative representative, Instant submittedAt, Instant endedAt, Instant refusedAt,
                 Instant stoppedAt, Instant withdrawnAt, Instant returnedAt, String returnChannel, List<Supplement> supplements, String nationalCode) {
        this(origin, verifiedBy, representative, submittedAt, endedAt, refusedAt, stoppedAt, withdrawnAt, returnedAt, returnChannel,
                supplements, nationalCode, null, null, null);
    }

    /** The national identity provider whose verification counts (Decree 69/2024: VNeID). */
    public static final String VNEID = "VNeID";

    public Facts {
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
        origin = origin == null ? Origin.MINISTRY_PORTAL : origin;
    }

    /** The facts of a dossier not submitted on the national portal (no national code). */
    public Facts(Origin origin, String verifiedBy, Representative representative, Instant submittedAt, Instant endedAt, Instant refusedAt,
                 Instant stoppedAt, Instant withdrawnAt, Instant returnedAt, String returnChannel, List<Supplement> supplements) {
        this(origin, verifiedBy, representative, submittedAt, endedAt, refusedAt, stoppedAt, withdrawnAt, returnedAt, returnChannel,
                supplements, null);
    }

    /** The channel a dossier comes in by (online, at the desk, by post). */
    public enum Channel { ONLINE, DIRECT, POSTAL }

    /** Where a dossier was submitted. */
    public enum Origin {
        /** This Ministry's portal, signed in. */
        MINISTRY_PORTAL(Channel.ONLINE),
        /** The National Public Service Portal, received from it. */
        NATIONAL_PORTAL(Channel.ONLINE),
        /** On paper at the one-stop desk, digitised there. */
        ONE_STOP_DESK(Channel.DIRECT),
        /** By post, digitised at the desk. */
        POST(Channel.POSTAL);

        private final Channel channel;

        Origin(Channel channel) { this.channel = channel; }

        public Channel channel() { return channel; }

        /** The origin named {@code s} (case-insensitive, {@code -} or {@code _}); null for null or an unknown name. */
        public static Origin parse(String s) {
            if (s == null) return null;
            try {
                return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * One supplement request: when it was made, whether the dossier had been received (a request made at the
     * validation of a submission stops no clock), and when the applicant's resubmission answered it (null while open).
     */
    public record Supplement(Instant requestedAt, boolean afterReceipt, Instant answeredAt) {
        Supplement answered(Instant at) { return new Supplement(requestedAt, afterReceipt, at); }
    }

    /** The person acting for an organisation (its representative). */
    public record Representative(String name, String idNumber) {}

    /**
     * How a dossier was started: where, the identity that verified its applicant (null when none did) and, for an
     * organisation, the person who acted for it.
     */
    public record Intake(Origin origin, String verifiedBy, Representative representative, String nationalCode) {
        public Intake {
            origin = origin == null ? Origin.MINISTRY_PORTAL : origin;
        }

        public Intake(Origin origin, String verifiedBy, Representative representative) { this(origin, verifiedBy, representative, null); }

        public Intake(Origin origin, String verifiedBy) { this(origin, verifiedBy, null, null); }

        /** Received from the National Public Service Portal, where it has the code {@code nationalCode}. */
        public static Intake nationalPortal(String nationalCode, String verifiedBy) {
            return new Intake(Origin.NATIONAL_PORTAL, verifiedBy, null, nationalCode);
        }

        /** Online on this portal with the sign-in's verification. */
        public static Intake portal(String verifiedBy) { return new Intake(Origin.MINISTRY_PORTAL, verifiedBy, null, null); }
    }

    /** Nothing has happened yet. */
    public static final Facts NONE = new Facts(Origin.MINISTRY_PORTAL, null, null, null, null, null, null, null, null, null, List.of());

    public Channel channel() { return origin.channel(); }

    /** Whether the applicant's identity was verified by the national identity (VNeID). */
    public boolean identityVerified() { return VNEID.equals(verifiedBy); }

    /** The open supplement request, if any. */
    public java.util.Optional<Supplement> openSupplement() {
        return supplements.isEmpty() || supplements.getLast().answeredAt() != null
                ? java.util.Optional.empty() : java.util.Optional.of(supplements.getLast());
    }

    /** The facts after the move {@code e}: the fact it makes, if it makes one. */
    public Facts after(AuditEvent e) {
        Origin o = origin;
        String verified = verifiedBy;
        Representative rep = representative;
        Instant submitted = submittedAt, ended = endedAt, refused = refusedAt, stopped = stoppedAt,
                withdrawn = withdrawnAt, returned = returnedAt;
        String returnedBy = returnChannel;
        String national = nationalCode;
        List<Supplement> sup = supplements;
        Fees fee = fees;
        Instant issued = resultIssuedAt;
        Integer filed = files;
        Integer reusedFiles = reused, warehouseFiles = fromWarehouse;
        switch (e.action()) {
            case "create" -> {
                Origin named = Origin.parse(e.details().get("origin"));
                if (named != null) o = named;
                verified = e.details().get("verifiedBy");
                rep = e.details().get("representativeId") == null ? null
                        : new Representative(e.details().get("representativeName"), e.details().get("representativeId"));
                national = e.details().get("nationalCode");
            }
            case "submit" -> {
                if (submitted == null) submitted = e.at();
                filed = count(e.details().get("files"), filed);
                // the latest submission's files, as "files": taken from a warehouse or not (0 when the entry names none)
                reusedFiles = count(e.details().get("reused"), 0);
                warehouseFiles = count(e.details().get("fromWarehouse"), 0);
            }
            case "request-supplement" -> {
                sup = new ArrayList<>(supplements);
                sup.add(new Supplement(e.at(), e.from() != DossierStatus.SUBMITTED, null));
            }
            case "resubmit" -> {
                filed = count(e.details().get("files"), filed);
                reusedFiles = count(e.details().get("reused"), 0);
                warehouseFiles = count(e.details().get("fromWarehouse"), 0);
                if (openSupplement().isPresent()) {
                    sup = new ArrayList<>(supplements);
                    sup.set(sup.size() - 1, sup.getLast().answered(e.at()));
                }
            }
            case "approve" -> { if (ended == null) ended = e.at(); }
            case "refuse" -> {
                if (ended == null) ended = e.at();
                refused = e.at();
            }
            case "stop" -> {
                if (ended == null) ended = e.at();
                stopped = e.at();
            }
            case "withdraw" -> withdrawn = e.at();
            case "request-payment" -> {
                if (fee == null) fee = new Fees(e.at(), amount(e.details().get("amountVnd")), null, 0);
            }
            case "confirm-payment" -> {
                Fees f = fee == null ? new Fees(e.at(), 0, null, 0) : fee;
                fee = new Fees(f.requestedAt(), f.requestedVnd(), f.paidAt() == null ? e.at() : f.paidAt(),
                        f.paidOnlineVnd() + amount(e.details().get("amountVnd")));
            }
            case "issue-result" -> { if (issued == null) issued = e.at(); }
            case "return-result" -> {
                if (returned == null) {
                    returned = e.at();
                    returnedBy = e.details().get("channel");
                }
            }
            default -> { return this; }
        }
        return new Facts(o, verified, rep, submitted, ended, refused, stopped, withdrawn, returned, returnedBy, sup, national,
                fee, issued, filed, reusedFiles, warehouseFiles);
    }

    /** Approved: handling ended neither by a refusal nor by a stop. */
    public boolean approved() { return endedAt != null && refusedAt == null && stoppedAt == null; }

    private static long amount(String s) {
        try {
            return s == null ? 0 : Math.max(0, Long.parseLong(s));
        } catch (NumberFormatException x) {
            return 0;
        }
    }

    private static Integer count(String s, Integer otherwise) {
        try {
            return s == null ? otherwise : Integer.valueOf(Math.max(0, Integer.parseInt(s)));
        } catch (NumberFormatException x) {
            return otherwise;
        }
    }

    /** The facts of a dossier read from its audit trail (oldest first): the same as those recorded move by move. */
    public static Facts fromTrail(List<AuditEvent> history) {
        Facts f = NONE;
        for (AuditEvent e : history) f = f.after(e);
        return f;
    }

    /** The type of the identifier a dossier's owner is known by (the national portal's "owner" of a dossier). */
    public enum IdType { PERSONAL_ID, ENTERPRISE_CODE, NONE }

    /** The identifier a dossier's applicant is known by: the enterprise code for a business, else the personal ID. */
    public record OwnerId(IdType type, String value) {
        public static OwnerId of(Applicant a) {
            if (a == null) return new OwnerId(IdType.NONE, null);
            if (a.enterpriseCode() != null && !a.enterpriseCode().isBlank()) return new OwnerId(IdType.ENTERPRISE_CODE, a.enterpriseCode());
            if (a.idNumber() != null && !a.idNumber().isBlank()) return new OwnerId(IdType.PERSONAL_ID, a.idNumber());
            return new OwnerId(IdType.NONE, null);
        }
    }
}

package vn.gov.bvhttdl.dvc.domain;

/** Where a dossier stands. Labels and allowed moves live in {@code /rules/dossier-workflow.json}. */
public enum DossierStatus {
    DRAFT, SUBMITTED, AWAITING_SUPPLEMENT, RECEIVED, IN_PROCESSING, AWAITING_PAYMENT, RESULT_READY,
    RESULT_RETURNED, CLOSED, REFUSED, WITHDRAWN, PAUSED, STOPPED
}

package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Payment;

/** A payment as the pages list it: the ledger's record and where its e-receipt stands. */
public record PaymentLine(Payment payment, PaymentReceipts.ReceiptState receipt) {}

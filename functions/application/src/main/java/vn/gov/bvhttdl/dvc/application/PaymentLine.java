package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;

/**
 * A payment as the pages list it: the ledger's record, where its e-receipt stands and, once the payment is credited,
 * the e-receipt's data (number, form and receipt symbols; null before).
 */
public record PaymentLine(Payment payment, PaymentReceipts.ReceiptState receipt, ElectronicReceipt eReceipt) {}

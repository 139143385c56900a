// The e-receipt of a credited payment as the payment lists show it (citizen and official pages).
import { html } from './html.js';
import { t } from './i18n.js';

/**
 * A credited payment's e-receipt as its line shows it (Decree 254/2026/NĐ-CP Art 23(2)): form symbol, receipt symbol
 * and number, given with the credit; the collector and its tax code in the title.
 */
export function eReceipt(p) {
  const e = p.eReceipt;
  if (!e) return '';
  return html`<span class="e-receipt" data-e-receipt="${p.reference}" data-designation="${e.formSymbol}-${e.receiptSymbol}-${e.number}"
    title="${e.collector} · ${t('payment.taxCode')} ${e.taxCode}"> · ${t('payment.eReceipt')}: ${t('payment.formSymbol')} ${e.formSymbol}, ${t('payment.receiptSymbol')} ${e.receiptSymbol}, ${t('payment.number')} <span class="code">${e.number}</span></span>`;
}

// Every place that renders catalogue or user text escapes it: try the classic payload in each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html, escape, SafeHtml } from '../../shared/html.js';
import { cite, feeText, appointmentText } from '../../citizen/procedure.js';
import { feeSummary } from '../../citizen/catalogue.js';
import { dossierCard, paymentCard } from '../../citizen/dossier.js';
import { applicantFields, procedureFields } from '../../citizen/eform.js';
import { errorSummary } from '../../shared/forms.js';
import { parseDays } from '../../admin/calendar.js';
import { reportView } from '../../admin/codes.js';

const EVIL = '<img src=x onerror=alert(1)>';
const T = { vi: EVIL, en: EVIL };
const clean = (out, where) => {
  const s = out instanceof SafeHtml ? out.text : String(out);
  assert.ok(!s.includes('<img'), where + ' let markup through: ' + s);
  assert.ok(s.includes('&lt;img src=x onerror=alert(1)&gt;'), where + ' lost the text: ' + s);
};

test('the tag escapes every interpolated value, quotes included', () => {
  assert.equal(escape(`"'<>&\``), '&quot;&#39;&lt;&gt;&amp;&#96;');
  clean(html`<p title="${EVIL}">${EVIL}</p>`, 'text and attribute');
  assert.equal(html`<b>${html`<i>${'x'}</i>`}</b>`.text, '<b><i>x</i></b>', 'nested templates are kept');
  assert.equal(html`${['<a>', html`<b></b>`]}`.text, '&lt;a&gt;<b></b>');
  assert.equal(html`${null}${undefined}${false}`.text, '');
});

test('procedure facts: citations, fees and rates, appointment reasons', () => {
  clean(cite({ document: EVIL, article: EVIL, confirmed: false }), 'citation');
  clean(feeText({ name: T, amountVnd: null, rule: T }), 'fee by rule');
  clean(feeText({ name: T, amountVnd: 100, standardAmountVnd: 200, basis: { document: EVIL },
    rateInForce: { amountVnd: 100, from: '2025-07-01', until: '2026-12-31', basis: { document: EVIL, confirmed: true } } }), 'reduced fee');
  clean(appointmentText({ dueDate: '2026-02-23', receivedOn: '2026-01-21', provisional: true, provisionalReason: T,
    timeLimit: { label: T }, holidaysSkipped: [{ date: '2026-02-16', reason: T }] }), 'appointment');
  assert.equal(feeSummary({ fixedFeeVnd: 1500000, feeReduced: false }), '1.500.000 ₫');
});

test('the e-form: labels, help, options and prefilled values from the catalogue and the profile', () => {
  const p = { formFields: [
    { name: 'a', type: 'text', label: T, help: T, required: true, options: [], maxLength: 10 },
    { name: 'b', type: 'select', label: T, required: false, options: [{ value: EVIL, label: T }], maxLength: 10 },
    { name: 'c', type: 'checkboxes', label: T, required: false, options: [{ value: 'x', label: T }], maxLength: 10 },
    { name: 'd', type: 'textarea', label: T, required: false, options: [], maxLength: 10 }],
    formSource: { document: EVIL, article: EVIL, confirmed: false } };
  clean(procedureFields(p, { a: EVIL, b: EVIL, d: EVIL }), 'e-form');
  clean(applicantFields({ fullName: EVIL, idNumber: EVIL, address: EVIL, phone: EVIL, email: EVIL, enterpriseCode: EVIL }, true), 'applicant');
});

test('a dossier and an error summary with hostile content', () => {
  clean(dossierCard({ procedureName: T, code: EVIL, status: 'AWAITING_SUPPLEMENT', statusLabel: T, statusReason: EVIL,
    dueDate: '2026-02-23', allowedActions: ['download-receipt'], serviceLevel: 4 }), 'dossier');
  clean(dossierCard({ procedureName: T, status: 'RECEIVED', statusLabel: T, allowedActions: [],
    formLines: [{ name: 'a', label: T, value: T }] }), 'dossier with its filled form');
  clean(dossierCard({ procedureName: T, status: 'RECEIVED', statusLabel: T, allowedActions: [], form: { [EVIL]: EVIL } }), 'dossier with a raw form');
  clean(errorSummary([{ vi: EVIL, en: EVIL, field: 'form.x' }, { vi: EVIL, en: EVIL }]), 'error summary');
});

test('the calendar editor reads single days and ranges', () => {
  assert.deepEqual(parseDays('14/02/2026-16/02/2026, 1/9/2026'), ['2026-02-14', '2026-02-15', '2026-02-16', '2026-09-01']);
  assert.deepEqual(parseDays(''), []);
});

test('the procedure codes report: both sides of every group', () => {
  const side = { code: EVIL, name: EVIL, level: EVIL, agency: EVIL, decision: EVIL };
  const out = reportView({ at: '2026-12-06T03:00:00Z', counts: { 'missing-nationally': 1, 'missing-here': 1, different: 1, matching: 1 },
    lines: [{ code: EVIL, kind: 'missing-nationally', differences: [], catalogue: side, national: null },
      { code: EVIL, kind: 'missing-here', differences: [], catalogue: null, national: side },
      { code: EVIL, kind: 'different', differences: ['name'], catalogue: side, national: side },
      { code: EVIL, kind: 'matching', differences: [], catalogue: side, national: side }] });
  clean(out, 'codes report');
  assert.equal((out.text.match(/<tr data-code=/g) || []).length, 4, 'one row per line');
});

test('the fees card: a tariff to choose from and how a fee not paid online is paid', () => {
  const base = { due: true, lines: [], totalVnd: 0, providers: [{ code: 'vnpay', name: T }], payments: [], basis: [] };
  const out = paymentCard({ ...base, tariff: [{ code: 'x', name: T, amountVnd: 100000, basis: EVIL, confirmed: false }] }, null);
  clean(out, 'tariff item');
  assert.ok(out.text.includes('name="item"'), 'the items are offered: ' + out.text);
  clean(paymentCard({ ...base, due: false, tariff: [], how: T }, null), 'how the fee is paid');
  assert.equal(paymentCard({ ...base, due: false, tariff: [], how: null }, null), '', 'no fee: no card');
});

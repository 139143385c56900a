// A dossier: its status and dates, the checklist (a task list: each component, its files, what is missing), the
// e-form to correct while it is editable, and the history. Buttons come from the API's allowedActions only.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { eReceipt } from '../shared/e-receipt.js';
import { api, download, ApiError, CONFIG } from '../shared/api.js';
import { organisation } from '../shared/auth.js';
import { date, weekday, moment, size, money } from '../shared/format.js';
import { fieldId, showErrors, showFieldErrors, announce } from '../shared/forms.js';
import { onLeave } from '../shared/router.js';
import { applicantFields, procedureFields, readForm, checkRequired, formLines } from './eform.js';

const can = (d, action) => (d.allowedActions || []).includes(action);
const CURRENT = (a) => a.status !== 'CANCELLED' && !a.expired;

export function dossierCard(d) {
  return html`<div class="card" id="dossier">
    <dl class="summary">
      <dt>${t('dossier.procedure')}</dt><dd>${pick(d.procedureName)}</dd>
      <dt>${t('dossier.code')}</dt><dd>${d.code ? html`<span class="code" id="dossier-code">${d.code}</span>` : html`<span class="muted">${t('dossier.noCodeYet')}</span>`}</dd>
      ${d.lookupKey ? html`<dt>${t('track.key')}</dt><dd><span class="code" id="dossier-key">${d.lookupKey}</span> <span class="muted">${t('dossier.keyHelp')}</span></dd>` : ''}
      <dt>${t('dossier.status')}</dt><dd><span class="tag status-${d.status}" id="dossier-status">${pick(d.statusLabel)}</span></dd>
      ${d.processing && d.processing.stepName ? html`<dt>${t('dossier.step')}</dt><dd id="dossier-step">${pick(d.processing.stepName)}</dd>` : ''}
      ${d.dueDate ? html`<dt>${t('dossier.dueDate')}</dt><dd><strong id="dossier-due">${weekday(d.dueDate)} ${date(d.dueDate)}</strong>
        ${d.dueDateProvisional ? html` <span class="tag provisional">${t('appointment.provisional')}</span>` : ''}</dd>` : ''}
    </dl>
    ${!can(d, 'edit') && formLines(d).length ? html`<details id="form-lines"><summary>${t('eform.title')}</summary><dl class="summary">
      ${formLines(d).map((l) => html`<dt>${pick(l.label)}</dt><dd>${pick(l.value)}</dd>`)}</dl></details>` : ''}
    ${d.statusReason ? html`<div class="${d.status === 'AWAITING_SUPPLEMENT' ? 'banner warn' : 'muted'}" id="dossier-reason">
      <strong>${d.status === 'AWAITING_SUPPLEMENT' ? t('dossier.supplementAsked') : t('dossier.reason')}:</strong><pre>${d.statusReason}</pre></div>` : ''}
    ${can(d, 'download-receipt') ? html`<button type="button" id="download-receipt" class="secondary">${t('dossier.receipt')}</button>` : ''}
    <div id="dossier-result"></div>
    ${d.serviceLevel ? html`<p class="muted" id="next-steps">${t(d.serviceLevel === 4 ? 'dossier.next4' : 'dossier.next3')}</p>` : ''}
  </div>`;
}

const LETTERS = ['02', '03', '04', '05'];

/** The signed results: each to download (PDF) and to check on its public page (the address its QR code holds). */
function resultsCard(results) {
  if (!results.length) return '';
  return html`<section class="card" id="results"><h2>${t('result.title')}</h2><ul class="files">${results.map((r) => html`<li data-result="${r.number}">
    <strong>${pick(r.type)}</strong> — ${t('result.number')} <span class="code">${r.number}</span>
    <span class="tag ${r.state === 'VALID' ? 'state-OK' : 'state-MISSING'}">${t('result.state.' + r.state)}</span>
    <span class="muted">${t('result.issued', { date: date(r.issuedAt) })}${r.validUntil ? ' · ' + t('result.until', { date: date(r.validUntil) }) : ''}</span>
    <button type="button" class="secondary" data-download-result="${r.number}">${t('result.download')}</button>
    <a href="${r.verifyUrl}" class="verify-link" rel="noopener">${t('result.verify')}</a></li>`)}</ul>
    <div id="result-link"></div></section>`;
}

/**
 * Fees: each line with its amount and legal basis, the total; while the dossier waits for payment, the providers to
 * choose from; the payments made, their state, the e-receipt of a paid one and the refund of one to be returned.
 * {@code back}: the citizen coming back from the provider's page (?payment=&outcome=), told where things stand.
 */
export function paymentCard(s, back) {
  const tariff = (s && s.tariff) || [];
  if (!s || (!s.lines.length && !s.payments.length && !tariff.length && !s.how)) return '';
  const mine = back ? s.payments.find((p) => p.reference === back.reference) : null;
  let banner = '';
  if (mine) {
    if (mine.status === 'PAID') banner = html`<div class="banner ok" id="payment-outcome" role="status">${t('payment.paid')}</div>`;
    else if (mine.status === 'PENDING' && back.outcome === 'success') banner = html`<div class="banner" id="payment-outcome" role="status">${t('payment.confirming', { provider: mine.provider.toUpperCase() })}</div>`;
    else if (mine.status === 'PENDING' && back.outcome === 'unverified') banner = html`<div class="banner warn" id="payment-outcome" role="status">${t('payment.unverified')}</div>`;
    else if (mine.status === 'FAILED' || back.outcome === 'failed') banner = html`<div class="banner warn" id="payment-outcome" role="status">${t('payment.failed')}</div>`;
  }
  return html`<section class="card" id="payment" aria-labelledby="payment-title"><h2 id="payment-title">${t('payment.title')}</h2>${banner}
    ${s.lines.length ? html`<table class="fees"><thead><tr><th scope="col">${t('payment.title')}</th><th scope="col">${t('payment.basis')}</th><th scope="col" class="num">₫</th></tr></thead>
      <tbody>${s.lines.map((l) => html`<tr><td>${pick(l.name)}</td><td>${l.basis || ''}${l.basisConfirmed ? '' : html` <span class="tag provisional">${t('procedure.unconfirmed')}</span>`}</td><td class="num">${money(l.amountVnd)}</td></tr>`)}</tbody>
      <tfoot><tr><th scope="row" colspan="2">${t('payment.total')}</th><td class="num" id="payment-total">${money(s.totalVnd)}</td></tr></tfoot></table>`
      : s.how ? html`<p id="payment-how">${pick(s.how)}</p>` : tariff.length ? '' : html`<p class="muted">${t('payment.none')}</p>`}
    ${s.due ? html`<p>${t('payment.due')}</p><form id="pay-form" novalidate><div id="pay-errors"></div>
      ${tariff.length ? html`<fieldset class="providers" id="tariff"><legend>${t('payment.item')}</legend>${tariff.map((i) => html`<div class="radio">
        <input type="radio" name="item" id="item-${i.code}" value="${i.code}"><label for="item-${i.code}">${pick(i.name)} · ${money(i.amountVnd)}
        <span class="muted">(${i.basis || ''}${i.confirmed ? '' : ' · ' + t('procedure.unconfirmed')})</span></label></div>`)}</fieldset>
        <p class="muted">${t('payment.itemChecked')}</p>` : ''}
      <fieldset class="providers"><legend>${t('payment.choose')}</legend>${s.providers.map((p, i) => html`<div class="radio">
        <input type="radio" name="provider" id="provider-${p.code}" value="${p.code}" ${i === 0 ? 'checked' : ''}><label for="provider-${p.code}">${pick(p.name)}</label></div>`)}</fieldset>
      <button type="submit" id="pay">${t('payment.pay')}${tariff.length ? '' : ' ' + money(s.totalVnd)}</button></form>` : ''}
    ${s.payments.length ? html`<h3>${t('payment.list')}</h3><ul class="files" id="payments">${s.payments.map((p) => html`<li data-payment="${p.reference}" data-status="${p.status}">
      <span class="code">${p.reference}</span> · ${p.provider.toUpperCase()} · ${money(p.amountVnd)}
      <span class="tag ${p.status === 'PAID' || p.status === 'REFUNDED' ? 'state-OK' : p.status === 'PENDING' || p.status === 'REFUNDING' || p.status === 'REFUND_DUE' ? 'state-PENDING' : 'state-MISSING'}">${t('payment.status.' + p.status)}</span>
      <span class="muted">${moment(p.settledAt || p.createdAt)}</span>
      ${p.refundReason ? html`<span class="muted"> · ${t('payment.refundReason')}: ${p.refundReason}</span>` : ''}
      ${eReceipt(p)}
      ${p.receipt ? html` <button type="button" class="secondary" data-payment-receipt="${p.reference}">${t('payment.receipt')}</button>` : ''}
      ${p.receiptIssuing ? html` <span class="muted" data-receipt-issuing="${p.reference}">${t('payment.receiptIssuing')}</span>` : ''}</li>`)}</ul>
      <div id="payment-receipt"></div>` : ''}
  </section>`;
}

/** The quality survey once the result is returned (or the dossier refused): the computed criteria, the rating form. */
function surveyCard(v) {
  if (!v || !v.open) return '';
  const mine = v.answer ? v.ratings.find((r) => r.code === v.answer.rating) : null;
  return html`<section class="card" id="survey" aria-labelledby="survey-title"><h2 id="survey-title">${t('survey.title')}</h2>
    <p class="muted">${t('survey.intro')}</p>
    <table class="fees"><thead><tr><th scope="col">${t('survey.criterion')}</th><th scope="col" class="num">${t('survey.score')}</th></tr></thead>
      <tbody>${v.criteria.map((c) => html`<tr data-criterion="${c.code}"><td>${pick(c.name)}</td><td class="num">${c.score}</td></tr>`)}</tbody></table>
    ${mine ? html`<div class="banner ok" id="survey-answer" role="status">${t('survey.yours', { rating: pick(mine.label) })}${v.answer.comment ? html` — “${v.answer.comment}”` : ''}
      <br>${t('survey.total', { total: v.total, max: v.max })}</div>` : ''}
    ${v.editable ? html`<form id="survey-form" novalidate><div id="survey-errors"></div>
      <fieldset class="providers"><legend>${t('survey.rating')}</legend>${v.ratings.map((r) => html`<div class="radio">
        <input type="radio" name="rating" id="rating-${r.code}" value="${r.code}" ${v.answer && v.answer.rating === r.code ? 'checked' : ''}>
        <label for="rating-${r.code}">${pick(r.label)}</label></div>`)}</fieldset>
      <div class="field"><label for="f-survey-comment">${t('survey.comment')}</label>
        <textarea id="f-survey-comment" name="comment" rows="3" maxlength="2000">${v.answer && v.answer.comment ? v.answer.comment : ''}</textarea></div>
      <p class="hint">${t('survey.until', { date: date(v.editableUntil) })}</p>
      <button type="submit" id="send-survey">${v.answer ? t('survey.change') : t('survey.send')}</button></form>` : ''}
  </section>`;
}

export const READ_ACTIONS = ['view-dossier', 'download-file', 'download-form', 'view-consultation', 'view-payments', 'view-notices', 'view-results', 'view-extension-draft'];

/** One official's read: when, who (the name their sign-in gives), unit and post, what they opened. */
export function readLine(r) {
  const what = READ_ACTIONS.includes(r.action) ? t('reads.action.' + r.action) : r.action;
  const where = [pick(r.unitName) || r.unit, pick(r.agencyName) || r.agency].filter(Boolean).join(', ');
  return html`<li data-read="${r.action}"><span class="when">${moment(r.at)}</span> — <strong>${r.officialName || t('reads.official')}</strong>${
    r.postName ? html` <span class="muted">(${pick(r.postName)})</span>` : ''}${where ? html`, ${where}` : ''}: ${what}${r.detail ? html` <span class="muted">${r.detail}</span>` : ''}</li>`;
}

/**
 * "Who looked at my dossier": the officials' latest reads that came with the page (newest first) and a button for
 * the older ones ({@code GET /api/dossiers/{id}/reads?after=}). Nothing for a draft, which no official can open.
 */
export function readsCard(d) {
  if (d.status === 'DRAFT' || !d.reads) return '';
  const reads = d.reads.reads || [];
  return html`<section class="card" id="reads" aria-labelledby="reads-title"><h2 id="reads-title">${t('reads.title')}</h2>
    <p class="muted">${t('reads.intro')}</p>
    ${reads.length ? html`<ol class="timeline" id="reads-list">${reads.map(readLine)}</ol>` : html`<p id="reads-none">${t('reads.none')}</p>`}
    ${d.reads.next ? html`<button type="button" class="secondary" id="reads-more" data-after="${d.reads.next}">${t('reads.more')}</button>` : ''}
    <div id="reads-errors"></div></section>`;
}

function historyCard(d) {
  if (!d.history) return '';
  const label = (h) => {
    const known = t('history.' + h.action);
    return known !== 'history.' + h.action ? known : pick(h.toLabel) || h.action;
  };
  return html`<section class="card"><h2>${t('dossier.history')}</h2><ol class="timeline" id="timeline">${d.history.map((h) => html`<li>
    <span class="when">${moment(h.at)}</span> — ${label(h)}${h.to && h.from !== h.to && h.toLabel ? html` <span class="muted">(${pick(h.toLabel)})</span>` : ''}
    ${h.reason ? html` <span class="muted">${h.reason}</span>` : ''}${h.details && h.details.file ? html` <span class="muted">${h.details.file}</span>` : ''}
    ${h.details && LETTERS.includes(h.details.template) ? html` <button type="button" class="link" data-form="${h.details.template}">${t('forms.open', { n: h.details.template })}</button>` : ''}
    ${h.submitted ? html`<details><summary class="muted">${t('dossier.submittedContent')}</summary><dl class="summary">${
      h.submitted.length ? h.submitted.map((l) => html`<dt>${pick(l.label)}</dt><dd>${pick(l.value)}</dd>`) : html`<dd>—</dd>`}</dl></details>` : ''}</li>`)}</ol></section>`;
}

function fileLine(d, a) {
  return html`<li class="file ${a.status}" data-file="${a.id}">
    <span>${a.fileName}</span>${a.componentName ? html` <span class="muted">(${pick(a.componentName)})</span>` : ''} <span class="tag file-${a.status}">${t('file.' + a.status)}</span>
    ${a.origin === 'NATIONAL_DATABASE' ? html`<span class="muted">${t('file.fromDatabase', { db: t('file.database.' + a.database), at: moment(a.retrievedAt) })}</span>`
    : a.fromWarehouse ? html`<span class="tag origin-warehouse" data-from-warehouse="${a.database}">${t(a.database === 'national-warehouse' ? 'reuse.fromNational' : 'reuse.fromMine')}</span>
      <span class="muted">${t('reuse.noUpload')}${a.resultCode ? html` · <span class="code">${a.resultCode}</span>` : ''}</span>`
    : html`<span class="muted">${size(a.size)}${a.pages ? ' · ' + t('file.pages', { n: a.pages }) : ''}${a.reason ? ' · ' + pick(a.reason) : ''}</span>`}
    ${can(d, 'remove-attachment') ? html`<button type="button" class="link" data-remove="${a.id}" aria-label="${t('file.removeNamed', { action: t(a.status === 'PENDING' ? 'file.cancel' : 'file.remove'), name: a.fileName })}">${t(a.status === 'PENDING' ? 'file.cancel' : 'file.remove')}</button>` : ''}
  </li>`;
}

/**
 * Reuse first (issue #25): the applicant's valid warehouse documents that satisfy component {@code code}, each with
 * one button that attaches it by reference (nothing is uploaded again); the national portal's marked as such.
 */
function reuseOffer(d, code) {
  const offer = (d.fromWarehouse || []).find((o) => o.componentCode === code);
  if (!offer || !can(d, 'attach')) return '';
  return html`<div class="reuse" data-reuse="${code}"><p class="hint" id="reuse-${code}-hint">${t('reuse.offered')}</p>
    <ul class="files">${offer.choices.map((c) => html`<li data-reuse-choice="${c.id}">
      <span>${pick(c.name)}${c.numberAndSymbol ? html` — ${t('reuse.number', { n: c.numberAndSymbol })}` : ''}</span>
      ${c.national ? html` <span class="tag origin-national">${t('reuse.national')}</span>` : ''}
      <span class="muted">${c.issuedOn ? t('reuse.issued', { date: date(c.issuedOn) }) : ''}${c.validUntil ? ' · ' + t('reuse.validUntil', { date: date(c.validUntil) }) : ''}${c.resultCode ? html` · <span class="code">${c.resultCode}</span>` : ''}</span>
      <button type="button" class="secondary" data-reuse-doc="${c.id}" data-reuse-component="${code}" aria-describedby="reuse-${code}-hint"
        aria-label="${t('reuse.useNamed', { name: pick(c.name) + (c.numberAndSymbol ? ' ' + c.numberAndSymbol : '') })}">${t('reuse.use')}</button></li>`)}</ul></div>`;
}

function checklistCard(d, list, procedure) {
  const comps = Object.fromEntries(procedure.components.map((c) => [c.code, c]));
  const files = (code) => (d.attachments || []).filter((a) => a.componentCode === code && CURRENT(a));
  const state = (s) => html`<span class="tag state-${s}">${t('state.' + s)}</span>`;
  return html`<section class="card" id="checklist" aria-labelledby="checklist-title"><h2 id="checklist-title">${t('checklist.title')}</h2>
    <div id="checklist-errors"></div>
    <ol class="task-list">${list.items.map((i) => {
      const c = i.componentCode ? comps[i.componentCode] : null;
      const mine = c ? files(c.code) : [];
      const id = c ? fieldId('component.' + c.code) : (i.field ? fieldId(i.field) + '-item' : null);
      return html`<li class="task" data-component="${i.componentCode || ''}" data-state="${i.state}" ${id && c ? html`id="${id}-item"` : ''}>
        <div class="task-head"><strong>${pick(i.name)}</strong> ${state(i.state)}</div>
        ${i.reason && i.state !== 'OK' ? html`<p class="muted">${pick(i.reason)}</p>` : ''}
        ${c ? html`<p class="hint">${c.formats.join(', ')} · ≤ ${c.maxSizeMb} MB</p>
          ${mine.length ? html`<ul class="files">${mine.map((a) => fileLine(d, a))}</ul>` : ''}
          ${reuseOffer(d, c.code)}
          ${can(d, 'attach') ? html`<div class="field file-field">
            <label class="file-button" for="${fieldId('component.' + c.code)}">${mine.length ? t('file.replace') : t('file.choose')}</label>
            <input type="file" class="visually-hidden-file" id="${fieldId('component.' + c.code)}" data-upload="${c.code}" data-max="${c.maxSizeMb}"
              accept="${c.formats.map((f) => '.' + f).join(',')}" aria-describedby="${fieldId('component.' + c.code)}-hint">
            <span class="hint" id="${fieldId('component.' + c.code)}-hint">${mine.length ? t('file.replaceHint') : ''}</span>
            <progress max="100" value="0" hidden data-progress="${c.code}"></progress></div>` : ''}` : ''}
      </li>`;
    })}</ol>
    ${can(d, 'submit') || can(d, 'resubmit') ? html`<button type="button" id="submit-draft">${can(d, 'submit') ? t('dossier.submit') : t('dossier.resubmit')}</button>` : ''}
  </section>`;
}

function editCard(d, procedure) {
  if (!can(d, 'edit')) return '';
  return html`<details class="card" id="edit-card"><summary>${t('dossier.edit')}</summary>
    <form id="edit-form" novalidate><div id="edit-errors"></div>
      ${applicantFields({ ...(d.applicant || {}), organisation: organisation(CONFIG) }, true)}
      ${procedureFields(procedure, d.form || {})}
      <button type="submit" class="secondary">${t('dossier.save')}</button></form></details>`;
}

function withdrawCard(d) {
  if (!can(d, 'withdraw')) return '';
  return html`<details class="card"><summary>${t('dossier.withdraw')}</summary><form id="withdraw-form" novalidate>
    <div class="field"><label for="f-withdraw-reason">${t('dossier.withdrawReason')}</label>
      <textarea id="f-withdraw-reason" name="reason" rows="2" maxlength="500"></textarea></div>
    <button type="submit" class="secondary warning">${t('dossier.confirmWithdraw')}</button></form></details>`;
}

function put(u, file, bar) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', u.uploadUrl);
    Object.entries(u.headers).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total); };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(u) : reject(new ApiError(xhr.status, { message: { vi: 'Không tải được tệp lên (S3 ' + xhr.status + ').', en: 'The upload failed (S3 ' + xhr.status + ').' } })));
    xhr.onerror = () => reject(new ApiError(0, { message: { vi: 'Mất kết nối khi tải tệp lên.', en: 'The connection dropped during the upload.' } }));
    xhr.send(file);
  });
}

let timer = null;
// the refusals of files chosen on this page (too large, empty, refused by the API), per dossier and component: the
// page is drawn again while other files are being checked, and a refusal must stay next to its component until the
// citizen chooses another file there
const uploadErrors = new Map();
const keepUploadErrors = (dossierId, code, errs) => {
  const byComponent = uploadErrors.get(dossierId) || new Map();
  if (errs.length) byComponent.set(code, errs); else byComponent.delete(code);
  uploadErrors.set(dossierId, byComponent);
  return [...byComponent.values()].flat();
};

let issuingPolls = 0;

export async function dossierPage(main, { id }, query) {
  // one poll at a time: a render made while files were still being checked must not reload a later one
  clearTimeout(timer);
  // one request: the dossier with its checklist, the procedure it keeps, its fees and payments, results and survey
  return showDossier(main, await api('GET', '/api/dossiers/' + encodeURIComponent(id)), query);
}

/** Draws the page of dossier {@code d} (a GET's answer, or the answer of a move: each answers the page it leaves). */
function showDossier(main, d, query) {
  clearTimeout(timer);
  const id = d.id;
  const list = d.checklist || null;
  const procedure = d.procedure || { components: [], formFields: [] };
  const results = d.results || [];
  // level 4: the fees paid online; a fee not paid online: how it is paid (rules/payments.json)
  const payments = d.serviceLevel === 4 || d.status === 'AWAITING_PAYMENT' || (d.fees && d.fees.how) ? d.fees : null;
  const back = query && query.get('payment') ? { reference: query.get('payment'), outcome: query.get('outcome') } : null;
  const survey = d.survey || null;
  mount(main, html`<h1>${t('dossier.title')}</h1>${dossierCard(d)}${paymentCard(payments, back)}${resultsCard(results)}${surveyCard(survey)}${list ? checklistCard(d, list, procedure) : ''}${editCard(d, procedure)}${withdrawCard(d)}${historyCard(d)}${readsCard(d)}`);
  const result = main.querySelector('#dossier-result');
  // a move's answer is the page it leaves: drawn as it is; otherwise the page is read again
  const reload = (next) => (next && next.id === id ? showDossier(main, next) : dossierPage(main, { id }));
  const refused = [...(uploadErrors.get(d.id) || new Map()).values()].flat();
  if (refused.length && main.querySelector('#checklist')) showFieldErrors(main.querySelector('#checklist'), refused);

  const ed = main.querySelector('#edit-form');
  if (ed) ed.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = readForm(ed, procedure);
    const problems = checkRequired(procedure, body);
    if (problems.length) { showErrors(main.querySelector('#edit-errors'), ed, problems); return; }
    try { const next = await api('PUT', `/api/dossiers/${encodeURIComponent(d.id)}`, body); announce(t('dossier.saved')); await reload(next); }
    catch (e) { showErrors(main.querySelector('#edit-errors'), ed, e); }
  });

  main.querySelectorAll('input[data-upload]').forEach((input) => {
    input.addEventListener('change', async () => {
      if (!input.files.length) return;
      const file = input.files[0];
      const code = input.dataset.upload;
      const field = 'component.' + code;
      const item = main.querySelector('#checklist');
      showFieldErrors(item, keepUploadErrors(d.id, code, [])); // a new choice: this component's refusal goes
      const max = Number(input.dataset.max) * 1024 * 1024;
      if (file.size > max || file.size === 0) {
        const e = file.size === 0
          ? { vi: `Tệp "${file.name}" rỗng.`, en: `The file "${file.name}" is empty.`, field }
          : { vi: `Tệp "${file.name}" ${size(file.size)} vượt quá ${input.dataset.max} MB cho phép.`, en: `The file "${file.name}" is ${size(file.size)}, more than the ${input.dataset.max} MB allowed.`, field };
        showFieldErrors(item, keepUploadErrors(d.id, code, [e]));
        input.value = '';
        return;
      }
      const previous = (d.attachments || []).filter((a) => a.componentCode === code && CURRENT(a));
      input.disabled = true;
      const bar = main.querySelector(`[data-progress="${code}"]`);
      bar.hidden = false;
      try {
        const u = await api('POST', `/api/dossiers/${encodeURIComponent(d.id)}/attachments`, { componentCode: code, fileName: file.name, size: file.size });
        await put(u, file, bar);
        // a replacement: the earlier files of this component leave the current set (they stay in the history)
        for (const a of previous) await api('DELETE', `/api/dossiers/${encodeURIComponent(d.id)}/attachments/${encodeURIComponent(a.id)}`);
        announce(t('file.uploaded', { name: file.name }));
        await reload();
      } catch (e) {
        const errs = e.errors.map((x) => ({ ...x, field: x.field || field }));
        showFieldErrors(item, keepUploadErrors(d.id, code, errs));
        input.disabled = false; bar.hidden = true;
      }
    });
  });

  // one click attaches a warehouse document by reference: the page the move leaves comes back
  main.querySelectorAll('button[data-reuse-doc]').forEach((b) => b.addEventListener('click', async () => {
    const code = b.dataset.reuseComponent;
    const item = main.querySelector('#checklist');
    b.disabled = true;
    try {
      const next = await api('POST', `/api/dossiers/${encodeURIComponent(d.id)}/attachments/from-warehouse`, { componentCode: code, documentId: b.dataset.reuseDoc });
      announce(t('reuse.attached'));
      await reload(next);
    } catch (e) {
      showFieldErrors(item, keepUploadErrors(d.id, code, (e.errors || []).map((x) => ({ ...x, field: x.field || 'component.' + code }))));
      b.disabled = false;
    }
  }));

  main.querySelectorAll('button[data-remove]').forEach((b) => b.addEventListener('click', async () => {
    b.disabled = true;
    try { const next = await api('DELETE', `/api/dossiers/${encodeURIComponent(d.id)}/attachments/${encodeURIComponent(b.dataset.remove)}`); announce(t('file.removed')); await reload(next); }
    catch (e) { showErrors(result, null, e); b.disabled = false; }
  }));

  const submit = main.querySelector('#submit-draft');
  if (submit) submit.addEventListener('click', async () => {
    submit.disabled = true;
    try { const next = await api('POST', `/api/dossiers/${encodeURIComponent(d.id)}/submit`); announce(t('dossier.submitted')); await reload(next); }
    catch (e) {
      // every missing item at once: in the summary above the checklist, and next to the field it is about
      const box = main.querySelector('#checklist-errors');
      const errs = e.errors.map((x) => (x.field && x.field.startsWith('component.') ? { ...x, field: x.field } : x));
      showErrors(box, main, errs);
      submit.disabled = false;
    }
  });

  // a signed result: downloaded through its short-lived link (the first download returns it)
  main.querySelectorAll('button[data-download-result]').forEach((b) => b.addEventListener('click', async () => {
    try {
      const blob = await download(`/api/dossiers/${encodeURIComponent(d.id)}/results/${encodeURIComponent(b.dataset.downloadResult)}`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'ket-qua-' + b.dataset.downloadResult + '.pdf';
      a.id = 'result-file-link';
      a.textContent = a.download;
      main.querySelector('#result-link').replaceChildren(a);
      a.click();
      setTimeout(reload, 300);
    } catch (e) { showErrors(main.querySelector('#result-link'), null, e); }
  }));

  // a letter addressed to the applicant (forms 02–05) opens as PDF in a new tab
  main.querySelectorAll('button[data-form]').forEach((b) => b.addEventListener('click', async () => {
    try {
      const blob = await download(`/api/dossiers/${encodeURIComponent(d.id)}/forms/${b.dataset.form}`);
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } catch (e) { showErrors(result, null, e); }
  }));

  // pay: the API makes the payment request and answers the provider's page, where the citizen goes next
  const pay = main.querySelector('#pay-form');
  if (pay) pay.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = main.querySelector('#pay');
    button.disabled = true;
    try {
      const provider = (pay.querySelector('input[name="provider"]:checked') || {}).value;
      const item = (pay.querySelector('input[name="item"]:checked') || {}).value;
      const started = await api('POST', `/api/dossiers/${encodeURIComponent(d.id)}/payments`, item ? { provider, item } : { provider });
      announce(t('payment.redirecting'));
      window.location.assign(started.redirectUrl);
    } catch (e) { showErrors(main.querySelector('#pay-errors'), pay, e); button.disabled = false; }
  });

  main.querySelectorAll('button[data-payment-receipt]').forEach((b) => b.addEventListener('click', async () => {
    const box = main.querySelector('#payment-receipt');
    try {
      const blob = await download(`/api/dossiers/${encodeURIComponent(d.id)}/payments/${encodeURIComponent(b.dataset.paymentReceipt)}/receipt`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'bien-lai-' + b.dataset.paymentReceipt + '.pdf';
      a.id = 'payment-receipt-link';
      a.textContent = a.download;
      box.replaceChildren(a);
      a.click();
    } catch (e) { showErrors(box, null, e); }
  }));

  const sf = main.querySelector('#survey-form');
  if (sf) sf.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const rating = (sf.querySelector('input[name="rating"]:checked') || {}).value || null;
    try {
      await api('PUT', `/api/surveys/${encodeURIComponent(d.id)}`, { rating, comment: sf.comment.value });
      announce(t('survey.thanks'));
      await reload();
    } catch (e) { showErrors(main.querySelector('#survey-errors'), sf, e); }
  });

  const more = main.querySelector('#reads-more');
  if (more) more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await api('GET', `/api/dossiers/${encodeURIComponent(d.id)}/reads?size=20&after=${encodeURIComponent(more.dataset.after)}`);
      const list = main.querySelector('#reads-list');
      const items = html`${(page.reads || []).map(readLine)}`;
      const box = document.createElement('template');
      box.innerHTML = items.text;
      list.append(box.content);
      if (page.next) { more.dataset.after = page.next; more.disabled = false; } else more.remove();
    } catch (e) { showErrors(main.querySelector('#reads-errors'), null, e); more.disabled = false; }
  });
  const receipt = main.querySelector('#download-receipt');
  if (receipt) receipt.addEventListener('click', async () => {
    try {
      const blob = await download(`/api/dossiers/${encodeURIComponent(d.id)}/receipt`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'giay-hen-' + d.code + '.pdf';
      a.id = 'receipt-link';
      a.textContent = a.download;
      result.replaceChildren(a);
      a.click();
    } catch (e) { showErrors(result, null, e); }
  });

  const wd = main.querySelector('#withdraw-form');
  if (wd) wd.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try { const next = await api('POST', `/api/dossiers/${encodeURIComponent(d.id)}/withdraw`, { reason: ev.target.reason.value }); await reload(next); }
    catch (e) { showErrors(result, wd, e); }
  });

  const pending = (d.attachments || []).some((a) => a.status === 'PENDING');
  // back from the provider: the page follows the payment until the provider's notice has been applied
  // (or paid while this read of the dossier came just before the credit that moved it: read again)
  const confirming = back && payments && back.outcome !== 'failed' && payments.payments.some((p) => p.reference === back.reference
    && (p.status === 'PENDING' || (p.status === 'PAID' && d.status === 'AWAITING_PAYMENT')));
  // a credited payment's e-receipt is drawn and signed within seconds: the page offers it once it is (followed for a
  // minute at most; the list says it is being issued until then)
  const issuing = payments && payments.payments.some((p) => p.receiptIssuing);
  issuingPolls = issuing ? issuingPolls + 1 : 0;
  if (d.status === 'SUBMITTED' || pending || confirming || (issuing && issuingPolls <= 60)) {
    if (d.status === 'SUBMITTED') mount(result, html`<p class="muted">${t('dossier.checking')}</p>`);
    timer = setTimeout(() => { if (location.hash.startsWith('#/dossier/')) dossierPage(main, { id }, query); }, 1000);
    onLeave(() => clearTimeout(timer));
  }
  return t('dossier.title') + (d.code ? ' ' + d.code : '');
}

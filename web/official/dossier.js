// An official's view of one dossier: the applicant, the form, the files, its process with the control slip (form
// 06), the consultation, the history, and the moves the API says this official may make now (allowedActions), each
// with the data it needs. A consulted unit gets its own page with only what was sent to it.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { eReceipt } from '../shared/e-receipt.js';
import { api, download } from '../shared/api.js';
import { date, moment, size, money } from '../shared/format.js';
import { dateInput } from '../shared/dates.js';
import { showErrors, announce } from '../shared/forms.js';
import { signInPrompt } from '../citizen/mine.js';
import { formLines } from '../citizen/eform.js';
import { groups } from '../shared/auth.js';

// each move: its path, its fields (name, kind, required) and how the body is made from them
const MOVES = {
  'start-processing': { path: 'start-processing', fields: [] },
  assign: { path: 'assign', fields: [{ name: 'assignee', kind: 'input' }] },
  forward: { path: 'forward', fields: [{ name: 'note', kind: 'textarea', key: 'forward' }] },
  consult: { path: 'consult', fields: [{ name: 'unit', kind: 'unit', required: true, key: 'consult-unit' },
    { name: 'question', kind: 'textarea', required: true, key: 'consult' }, { name: 'days', kind: 'number', key: 'consult-days' }] },
  'answer-consultation': { path: null, fields: [{ name: 'answer', kind: 'textarea', required: true }] },
  'request-supplement': { path: 'request-supplement', fields: [{ name: 'items', kind: 'textarea', required: true },
    { name: 'fault', kind: 'fault', key: 'supplement-fault' }] },
  return: { path: 'return', fields: [{ name: 'reason', kind: 'textarea', required: true }] },
  approve: { path: 'approve', fields: [{ name: 'note', kind: 'textarea' }] },
  'issue-result': { path: 'issue-result', fields: [] },
  'return-result': { path: 'return-result', fields: [{ name: 'channel', kind: 'channel', required: true }] },
  extend: { path: 'extend', fields: [{ name: 'reason', kind: 'textarea', required: true }, { name: 'newDue', kind: 'date', required: true, key: 'extend-date' }] },
  stop: { path: 'stop', fields: [{ name: 'reason', kind: 'textarea', required: true }] },
  refuse: { path: 'refuse', fields: [{ name: 'reason', kind: 'textarea', required: true }] },
};
const WARN = new Set(['refuse', 'stop']);

function bodyOf(m, values) {
  switch (m) {
    case 'request-supplement': return { items: values.items.split('\n').map((x) => x.trim()).filter(Boolean), fault: values.fault || 'APPLICANT' };
    case 'assign': return values.assignee ? { assignee: values.assignee } : {};
    case 'consult': {
      const [agency, unit] = (values.unit || '').split('/');
      return { agency, unit, question: values.question, days: values.days ? Number(values.days) : null };
    }
    case 'extend': return { reason: values.reason, newDueDate: values.newDue };
    default: return values;
  }
}

function field(m, f, units, draft) {
  const id = `f-${m}-${f.name}`;
  const label = t('official.field.' + (f.key || m));
  const value = m === 'extend' && draft ? (f.name === 'reason' ? draft.reason : draft.newDueDate) : '';
  let input;
  if (f.kind === 'textarea') input = html`<textarea id="${id}" name="${f.name}" rows="2" maxlength="2000">${value}</textarea>`;
  else if (f.kind === 'unit') {
    input = html`<select id="${id}" name="${f.name}"><option value="">${t('eform.choose')}</option>${units.map((u) => html`<option value="${u.agency}/${u.unit}">${pick(u.agencyName)} — ${pick(u.name)}</option>`)}</select>`;
  } else if (f.kind === 'channel') {
    input = html`<select id="${id}" name="${f.name}"><option value="counter">${t('result.counter')}</option><option value="post">${t('result.post')}</option></select>`;
  } else if (f.kind === 'fault') {
    // indicator 3 of the survey counts only the contacts the agency caused (rules/survey.json countsFaults)
    input = html`<select id="${id}" name="${f.name}"><option value="APPLICANT">${t('official.fault.APPLICANT')}</option><option value="AGENCY">${t('official.fault.AGENCY')}</option></select>`;
  } else if (f.kind === 'number') input = html`<input id="${id}" name="${f.name}" type="number" min="1" max="30" inputmode="numeric">`;
  else if (f.kind === 'date') input = dateInput(id, f.name, value); // dd/mm/yyyy; the API reads it as typed
  else input = html`<input id="${id}" name="${f.name}" maxlength="128">`;
  return html`<div class="field"><label for="${id}">${label}</label>${input}</div>`;
}

function slip(p) {
  if (!p) return '';
  return html`<section class="card" id="process"><h2>${t('official.process')}</h2>
    ${p.defaultProcess ? html`<p class="banner warn">${t('official.defaultProcess')}</p>` : ''}
    <ol class="steps">${p.stages.map((s) => html`<li class="${s.code === p.step ? 'current' : ''}" data-step="${s.code}">${pick(s.name)} — ${s.unitName ? pick(s.unitName) : ''}
      <span class="muted">(${pick(s.budget)})</span>${s.code === p.step ? html` <strong>← ${p.assigneeName || p.assignee || ''}</strong>` : ''}</li>`)}</ol>
    ${p.controlSlip && p.controlSlip.length ? html`<table class="data" id="control-slip"><caption class="visually-hidden">${t('official.process')}</caption>
      <thead><tr><th scope="col">${t('official.slip.step')}</th><th scope="col">${t('official.slip.budget')}</th><th scope="col">${t('official.slip.arrived')}</th>
        <th scope="col">${t('official.slip.left')}</th><th scope="col">${t('official.slip.used')}</th></tr></thead>
      <tbody>${p.controlSlip.map((l) => html`<tr class="${l.late ? 'overdue' : ''}">
        <td data-label="${t('official.slip.step')}" data-kind="${l.kind}">${pick(l.name)}${l.kind === 'step' && l.unitName ? html` — ${pick(l.unitName)}` : ''}
          ${l.handlers && l.handlers.length ? html`<br><span class="muted">${t('official.slip.handlers')}: ${l.handlers.join(', ')}</span>` : ''}</td>
        <td data-label="${t('official.slip.budget')}">${l.kind === 'pause' ? t('official.slip.notCounted') : html`${pick(l.budget)}${l.due ? html` (${date(l.due)})` : ''}`}</td>
        <td data-label="${t('official.slip.arrived')}">${moment(l.arrived)}</td>
        <td data-label="${t('official.slip.left')}">${l.left ? moment(l.left) : t('official.slip.running')}</td>
        <td data-label="${t('official.slip.used')}">${l.usedWorkingDays} <span class="tag ${l.late ? 'state-MISSING' : 'state-OK'}">${l.late ? t('official.slip.late') : t('official.slip.onTime')}</span></td>
      </tr>`)}</tbody></table>` : ''}
    ${p.consultation ? consultationBlock(p.consultation) : ''}
  </section>`;
}

const LETTERS = ['02', '03', '04', '05'];

function formsSection(d) {
  const issued = [...new Set((d.history || []).map((h) => h.details && h.details.template).filter((n) => LETTERS.includes(n)))];
  if (!d.code) return '';
  return html`<section class="card" id="forms"><h2>${t('forms.title')}</h2><ul class="files">
    ${issued.map((n) => html`<li><button type="button" class="link" data-form="${n}">${t('forms.open', { n })}</button></li>`)}
    <li><button type="button" class="link" data-form="06" id="form-06">${t('forms.slip')}</button></li></ul></section>`;
}

function consultationBlock(c) {
  return html`<div class="consultation" id="consultation"><h3>${t('official.consultation')}: ${c.unitName ? pick(c.unitName) : ''} (${c.agencyName ? pick(c.agencyName) : ''})</h3>
    <dl class="summary"><dt>${t('official.asked')}</dt><dd>${c.question}</dd>
      ${c.due ? html`<dt>${t('official.answerDue')}</dt><dd>${date(c.due)}</dd>` : ''}
      <dt>${t('official.answer')}</dt><dd id="consultation-answer">${c.answer || t('official.waiting')}</dd></dl></div>`;
}

function filesList(d, files) {
  return html`<section class="card"><h2>${t('dossier.files')}</h2><ul class="files">${files.filter((f) => f.status !== 'CANCELLED').map((f) => html`<li>
      ${f.componentName ? pick(f.componentName) : t('file.other')}: ${f.fileName} <span class="tag file-${f.status}">${t('file.' + f.status)}</span>
      ${f.origin === 'NATIONAL_DATABASE' ? html`<span class="tag origin-national" data-origin="${f.origin}">${t('file.origin.NATIONAL_DATABASE')}</span>
        <span class="muted">${t('file.fromDatabase', { db: t('file.database.' + f.database), at: moment(f.retrievedAt) })}</span>`
        : html`<span class="muted">${size(f.size)}</span>`}
      ${f.status === 'ACCEPTED' && f.origin !== 'NATIONAL_DATABASE' ? html` <button type="button" class="link" data-view="${f.id}" aria-label="${t('official.view', { name: f.fileName })}">${t('official.viewShort')}</button>` : ''}</li>`)}</ul></section>`;
}

function movesSection(actions, units, draft) {
  return html`<section class="card" id="moves"><h2>${t('official.moves')}</h2><div id="move-errors"></div>
      ${actions.length ? actions.map((m) => html`<form class="move" data-move="${m}" novalidate>
        ${MOVES[m].fields.map((f) => field(m, f, units, draft))}
        <button type="submit" class="${WARN.has(m) ? 'warning' : ''}" id="move-${m}">${t('official.move.' + m)}</button></form>`)
      : html`<p class="muted" id="no-moves">${t('official.noMoves')}</p>`}
    </section>`;
}

/** {@code show}: draws the page again from a move's answer (every move answers the page it leaves). */
function wire(main, id, actions, path, show) {
  main.querySelectorAll('button[data-view]').forEach((b) => b.addEventListener('click', async () => {
    try {
      const blob = await download(`/api/official/dossiers/${encodeURIComponent(id)}/files/${encodeURIComponent(b.dataset.view)}`);
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } catch (e) { showErrors(main.querySelector('#move-errors') || main, null, e); }
  }));
  main.querySelectorAll('button[data-form]').forEach((b) => b.addEventListener('click', async () => {
    try {
      const blob = await download(`/api/official/dossiers/${encodeURIComponent(id)}/forms/${b.dataset.form}`);
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } catch (e) { showErrors(main.querySelector('#move-errors') || main, null, e); }
  }));
  main.querySelectorAll('form.move').forEach((f) => f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const m = f.dataset.move;
    const spec = MOVES[m];
    const values = {};
    const missing = [];
    for (const fl of spec.fields) {
      values[fl.name] = f.elements.namedItem(fl.name).value.trim();
      if (fl.required && !values[fl.name]) missing.push({ vi: 'Nhập nội dung trước khi thực hiện.', en: 'Fill this in first.', field: `${m}-${fl.name}` });
    }
    const errors = main.querySelector('#move-errors');
    if (missing.length) { showErrors(errors, f, missing); return; }
    try {
      const next = await api('POST', path(m), bodyOf(m, values));
      show(next);
      announce(t('official.done'));
    } catch (e) {
      // the API names fields as move.field (refuse.reason, extend.newDue): the ids of this form's fields
      showErrors(errors, f, e.errors || e);
    }
  }));
}

export async function officialDossierPage(main, { id }) {
  if (!groups().includes('officials')) return signInPrompt(main, t('official.title'));
  // one request: the dossier with everything this page shows and what the offered moves need
  return showDossier(main, await api('GET', '/api/official/dossiers/' + encodeURIComponent(id)));
}

function showDossier(main, d) {
  const actions = (d.allowedActions || []).filter((a) => MOVES[a] && MOVES[a].path);
  const units = d.units || [];
  const draft = d.extensionDraft || null;
  const payments = d.payments || [];
  const notices = d.notices || [];
  const survey = d.survey || null;
  const a = d.applicant || {};
  mount(main, html`<h1>${t('dossier.title')} ${d.code || ''}</h1>
    <p><a href="#/official?status=${d.status}">← ${t('official.back')}</a></p>
    <div class="card"><dl class="summary">
      <dt>${t('dossier.procedure')}</dt><dd>${pick(d.procedureName)}</dd>
      <dt>${t('dossier.status')}</dt><dd><span class="tag status-${d.status}" id="official-status">${pick(d.statusLabel)}</span></dd>
      ${d.processing && d.processing.stepName ? html`<dt>${t('official.step')}</dt><dd id="official-step">${pick(d.processing.stepName)}${d.processing.unitName ? html` — ${pick(d.processing.unitName)}` : ''}
        ${d.processing.stepDue ? html` (${t('official.stepDue')}: ${date(d.processing.stepDue)})` : ''}</dd>` : ''}
      ${d.dueDate ? html`<dt>${t('dossier.dueDate')}</dt><dd id="official-due">${date(d.dueDate)}</dd>` : ''}
      ${d.supplementWindow ? html`<dt>${t('official.supplementWindow')}</dt><dd id="official-supplement-window">${moment(d.supplementWindow.deadline)}
        ${d.supplementWindow.passed ? html` <span class="tag state-MISSING" data-flag="supplement-late">${t('official.supplementLate')}</span>` : ''}
        <small>(${d.supplementWindow.basis.article ? d.supplementWindow.basis.article + ', ' : ''}${d.supplementWindow.basis.document})</small></dd>` : ''}
      <dt>${t('applicant.fullName')}</dt><dd>${a.fullName || ''}</dd>
      <dt>${t('applicant.idNumber')}</dt><dd>${a.idNumber || ''}</dd>
      ${a.enterpriseCode ? html`<dt>${t('applicant.enterpriseCode')}</dt><dd>${a.enterpriseCode}</dd>` : ''}
      <dt>${t('applicant.phone')}</dt><dd>${a.phone || ''}</dd>
      <dt>${t('applicant.email')}</dt><dd>${a.email || ''}</dd>
      ${formLines(d).map((l) => html`<dt>${pick(l.label)}</dt><dd>${pick(l.value)}</dd>`)}
    </dl></div>
    ${payments.length ? html`<section class="card" id="official-payments"><h2>${t('payment.list')}</h2><ul class="files">${payments.map((p) => html`<li data-payment="${p.reference}">
      <span class="code">${p.reference}</span> · ${p.provider.toUpperCase()} · ${money(p.amountVnd)}
      <span class="tag ${p.status === 'PAID' || p.status === 'REFUNDED' ? 'state-OK' : p.status === 'FAILED' || p.status === 'EXPIRED' || p.status === 'HELD' ? 'state-MISSING' : 'state-PENDING'}">${t('payment.status.' + p.status)}</span>
      ${p.transaction ? html` <span class="muted">${p.transaction}</span>` : ''} <span class="muted">${moment(p.settledAt || p.createdAt)}</span>
      ${p.refundReason ? html` <span class="muted">· ${t('payment.refundReason')}: ${p.refundReason}</span>` : ''}${eReceipt(p)}</li>`)}</ul></section>` : ''}
    ${movesSection(actions, units, draft)}
    ${survey && survey.open ? html`<section class="card" id="official-survey"><h2>${t('survey.title')}</h2>
      <ul class="files">${survey.criteria.map((c) => html`<li>${pick(c.name)}: <strong>${c.score}</strong> <span class="muted">(${c.because})</span></li>`)}</ul>
      <p>${survey.answer ? html`${t('survey.yours', { rating: pick((survey.ratings.find((r) => r.code === survey.answer.rating) || {}).label) })}${survey.answer.comment ? html` — “${survey.answer.comment}”` : ''}
        · ${t('survey.total', { total: survey.total, max: survey.max })}` : html`<span class="muted">—</span>`}</p></section>` : ''}
    ${notices.length ? html`<section class="card" id="official-notices"><h2>${t('notices.title')}</h2><ul class="files">${notices
      .slice().sort((x, y) => x.at.localeCompare(y.at)).map((n) => html`<li data-channel="${n.channel}" data-state="${n.state}">
      <span class="muted">${moment(n.at)}</span> · ${t('inbox.channel.' + n.channel) !== 'inbox.channel.' + n.channel ? t('inbox.channel.' + n.channel) : t('inbox.title')}
      ${n.to && n.channel !== 'inbox' ? html` <span class="muted">${n.to}</span>` : ''} — ${n.subject || ''}
      <span class="tag ${n.state === 'SENT' ? 'state-OK' : n.state === 'FAILED' ? 'state-MISSING' : 'state-PENDING'}">${t('notices.state.' + n.state)}</span>
      ${n.why ? html` <span class="muted">${n.why}</span>` : ''}</li>`)}</ul></section>` : ''}
    ${filesList(d, d.attachments || [])}
    ${slip(d.processing)}
    ${formsSection(d)}
    <section class="card"><h2>${t('dossier.history')}</h2><ol class="timeline">${(d.history || []).map((h) => html`<li>
      <span class="when">${moment(h.at)}</span> — ${t('history.' + h.action) !== 'history.' + h.action ? t('history.' + h.action) : h.action}
      ${h.unitName ? html` <span class="muted">[${pick(h.unitName)}${h.postLabel ? ' · ' + pick(h.postLabel) : ''}]</span>` : ''}
      ${h.action === 'attachment-retrieved' && h.details ? html` <span class="muted" data-retrieved="${h.details.component || ''}">${
        [h.details.enterpriseCode, h.details.enterpriseName, h.details.legalStatus, h.details.registeredOn, h.details.legalRepresentative, h.details.headOffice]
          .filter(Boolean).join(' · ')}</span>` : ''}
      ${h.reason ? html` <span class="muted">${h.reason}</span>` : ''}</li>`)}</ol></section>`);
  wire(main, d.id, actions, (m) => `/api/official/dossiers/${encodeURIComponent(d.id)}/${MOVES[m].path}`, (next) => showDossier(main, next));
  return t('dossier.title') + ' ' + (d.code || '');
}

/** What a consulted agency or unit sees: the question, the files shared with it, and the answer form. */
export async function officialConsultationPage(main, { id }) {
  if (!groups().includes('officials')) return signInPrompt(main, t('official.title'));
  return showConsultation(main, await api('GET', '/api/official/dossiers/consultations/' + encodeURIComponent(id)));
}

function showConsultation(main, c) {
  const actions = (c.allowedActions || []).filter((a) => a === 'answer-consultation');
  const asking = c.askingAgencyName ? pick(c.askingAgencyName) : '';
  mount(main, html`<h1>${t('official.consultedTitle', { agency: asking })}: ${c.code || ''}</h1>
    <p><a href="#/official?scope=consultations">← ${t('official.back')}</a></p>
    <div class="card"><dl class="summary"><dt>${t('dossier.procedure')}</dt><dd>${pick(c.procedureName)}</dd></dl>
      ${consultationBlock(c.consultation)}</div>
    ${movesSection(actions, [], null)}
    ${filesList(c, c.files || [])}`);
  wire(main, c.id, actions, () => `/api/official/dossiers/consultations/${encodeURIComponent(c.id)}/answer`, (next) => showConsultation(main, next));
  return t('official.consultedTitle', { agency: asking });
}

// An official's view of one dossier: the applicant, the form, the files, its process with the control slip (form
// 06), the consultation, the history, and the moves the API says this official may make now (allowedActions), each
// with the data it needs. A consulted unit gets its own page with only what was sent to it.
// The moves are one chooser near the top: a list of what may be done now, one form at a time, a confirmation step in
// the page for refusing, stopping and revoking, and after a move a message naming what was issued. A leader's page
// puts the decision first and folds the applicant's details; long sections are <details> so that the moves are
// reachable on a phone without scrolling through the whole dossier.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { eReceipt } from '../shared/e-receipt.js';
import { api, download } from '../shared/api.js';
import { date, moment, size, money } from '../shared/format.js';
import { showErrors, announce } from '../shared/forms.js';
import { signInPrompt } from '../citizen/mine.js';
import { formLines } from '../citizen/eform.js';
import { groups, claims } from '../shared/auth.js';

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
  // on an issued result: POST …/results/{number}/revoke|correct (the answer is the result, the page is read again)
  'revoke-result': { path: 'revoke', result: true, fields: [{ name: 'result', kind: 'result', required: true, key: 'result' },
    { name: 'reason', kind: 'textarea', required: true, key: 'revoke-reason' }] },
  'correct-result': { path: 'correct', result: true, fields: [{ name: 'result', kind: 'result', required: true, key: 'result' },
    { name: 'reason', kind: 'textarea', required: true, key: 'correct-reason' }] },
};
/** Moves that cannot be undone: a confirmation step in the page first. */
const WARN = new Set(['refuse', 'stop', 'revoke-result']);
/** A leader's decisions: first in the chooser, in this order (approving first, sending back last). */
const DECISIONS = ['approve', 'issue-result', 'refuse', 'stop', 'return', 'revoke-result', 'correct-result'];
const OWN = new Set(['revoke-result', 'correct-result']);
const moveLabel = (m) => (OWN.has(m) ? t('chooser.move.' + m) : t('official.move.' + m));
const fieldLabel = (m, f) => (OWN.has(m) || f.key === 'result' ? t('chooser.field.' + f.key) : t('official.field.' + (f.key || m)));

/** The day of an instant in Hà Nội (UTC+7, no daylight saving), dd/mm/yyyy: a result issued at 23:30 UTC is dated the next day. */
const hanoiDate = (iso) => (iso ? date(new Date(Date.parse(iso) + 7 * 3600e3).toISOString()) : '');

/** dd/mm/yyyy (the page's form) as yyyy-mm-dd (the API's), or null when it is no real date. */
export function isoOf(dmy) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(dmy || '');
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const x = new Date(Date.UTC(y, mo - 1, d));
  if (x.getUTCFullYear() !== y || x.getUTCMonth() !== mo - 1 || x.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function bodyOf(m, values) {
  switch (m) {
    case 'request-supplement': return { items: values.items.split('\n').map((x) => x.trim()).filter(Boolean), fault: values.fault || 'APPLICANT' };
    case 'assign': return values.assignee ? { assignee: values.assignee } : {};
    case 'consult': {
      const [agency, unit] = (values.unit || '').split('/');
      return { agency, unit, question: values.question, days: values.days ? Number(values.days) : null };
    }
    case 'extend': return { reason: values.reason, newDueDate: isoOf(values.newDue) };
    case 'revoke-result': case 'correct-result': return { reason: values.reason };
    default: return values;
  }
}

function field(m, f, units, draft, results) {
  const id = `f-${m}-${f.name}`;
  const label = fieldLabel(m, f);
  // form 04's date as dd/mm/yyyy: the draft's date is a day of the Hà Nội calendar, shown as it is
  const value = m === 'extend' && draft ? (f.name === 'reason' ? draft.reason : date(draft.newDueDate)) : '';
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
  else if (f.kind === 'date') {
    input = html`<span class="hint" id="${id}-hint">${t('chooser.field.dateHint')}</span>
      <input id="${id}" name="${f.name}" inputmode="numeric" autocomplete="off" maxlength="10" size="10" class="date-input" aria-describedby="${id}-hint" value="${value}">`;
  } else if (f.kind === 'result') {
    input = html`<select id="${id}" name="${f.name}">${results.map((r) => html`<option value="${r.number}">${r.number} — ${pick(r.type)} (${hanoiDate(r.issuedAt)})</option>`)}</select>`;
  }
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
        : f.fromWarehouse ? html`<span class="tag origin-warehouse" data-origin="${f.origin}" data-from-warehouse="${f.database}">${t(f.database === 'national-warehouse' ? 'reuse.fromNational' : 'reuse.fromWarehouse')}</span>
        <span class="muted">${t('reuse.taken', { at: moment(f.retrievedAt) })}${f.resultCode ? html` · <span class="code">${f.resultCode}</span>` : ''}</span>`
        : html`<span class="muted">${size(f.size)}</span>`}
      ${f.status === 'ACCEPTED' && f.origin !== 'NATIONAL_DATABASE' ? html` <button type="button" class="link" data-view="${f.id}" aria-label="${t('official.view', { name: f.fileName })}">${t('official.viewShort')}</button>` : ''}</li>`)}</ul></section>`;
}

function movesSection(actions, units, draft, results, ctx = {}) {
  const valid = (results || []).filter((r) => r.state === 'VALID');
  return html`<section class="card" id="moves" aria-labelledby="moves-title"><h2 id="moves-title">${ctx.leader ? t('chooser.decide') : t('chooser.title')}</h2>
      <div id="move-done">${ctx.done ? html`<p class="banner ok" id="move-done-text" tabindex="-1">${ctx.done}</p>` : ''}</div>
      ${ctx.warnings && ctx.warnings.length ? html`<div class="banner warn" id="move-warnings" role="status"><ul>${ctx.warnings.map((w) => html`<li>${pick(w)}</li>`)}</ul></div>` : ''}<div id="move-errors"></div>
      ${actions.length ? html`<p class="muted">${t('chooser.intro')}</p>
        <ul class="choices" id="choices">${actions.map((m) => html`<li><button type="button" class="choice ${WARN.has(m) ? 'warning' : 'secondary'}"
          id="choose-${m}" data-choose="${m}" aria-expanded="false" aria-controls="form-${m}">${moveLabel(m)}</button></li>`)}</ul>
        ${actions.map((m) => html`<form class="move" id="form-${m}" data-move="${m}" hidden novalidate aria-labelledby="form-${m}-title">
          <h3 id="form-${m}-title">${moveLabel(m)}</h3>
          ${m === 'extend' ? html`<p class="muted">${t('chooser.extendWhy')}</p>` : ''}
          ${MOVES[m].fields.map((f) => field(m, f, units, draft, valid))}
          <div class="confirm banner warn" id="confirm-box-${m}" hidden role="group" aria-labelledby="confirm-text-${m}">
            <p id="confirm-text-${m}"></p>
            <button type="button" class="warning" id="confirm-${m}">${t('chooser.confirmYes')}</button>
            <button type="button" class="secondary" id="confirm-no-${m}">${t('chooser.confirmNo')}</button></div>
          <div class="actions"><button type="submit" class="${WARN.has(m) ? 'warning' : ''}" id="move-${m}">${moveLabel(m)}</button>
            <button type="button" class="link" data-cancel="${m}">${t('chooser.cancel')}</button></div></form>`)}`
      : html`<p class="muted" id="no-moves">${t('official.noMoves')}</p>`}
    </section>`;
}

/** What a move issued, from the entries it added to the trail (letters, result numbers, the new date); else its name. */
export function issuedBy(move, before, after) {
  const added = (after.history || []).slice((before.history || []).length);
  const said = [];
  for (const h of added) {
    const d = h.details || {};
    if (['02', '03', '04', '05'].includes(d.template)) said.push(t('chooser.done.form', { form: t('chooser.formName.' + d.template) }));
    if (d.result) said.push(t('chooser.done.result', { number: d.result }));
    if (h.action === 'extend' && d.dueDate) said.push(t('chooser.done.due', { date: date(d.dueDate) }));
  }
  return said.length ? said.join(' ') : t('chooser.done.move', { move: moveLabel(move) });
}

/** {@code show}: draws the page again from a move's answer (every move answers the page it leaves). */
function wire(main, id, actions, path, show, reload) {
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
  const choose = (m) => {
    main.querySelectorAll('form.move').forEach((f) => { f.hidden = f.dataset.move !== m; });
    main.querySelectorAll('button[data-choose]').forEach((b) => b.setAttribute('aria-expanded', String(b.dataset.choose === m)));
    const f = m && main.querySelector(`form.move[data-move="${m}"]`);
    if (f) (f.querySelector('input, textarea, select') || f.querySelector('button[type=submit]')).focus();
  };
  main.querySelectorAll('button[data-choose]').forEach((b) => b.addEventListener('click', () => choose(b.dataset.choose)));
  main.querySelectorAll('button[data-cancel]').forEach((b) => b.addEventListener('click', () => {
    choose(null);
    const back = main.querySelector(`#choose-${b.dataset.cancel}`);
    if (back) back.focus();
  }));
  // a single move needs no choosing
  if (actions.length === 1 && main.querySelector('form.move')) main.querySelector('form.move').hidden = false;
  main.querySelectorAll('form.move').forEach((f) => {
    const m = f.dataset.move;
    const spec = MOVES[m];
    const errors = main.querySelector('#move-errors');
    const box = f.querySelector('.confirm');
    const submit = f.querySelector('button[type=submit]');
    const unconfirm = () => { box.hidden = true; submit.hidden = false; };
    const read = () => {
      const values = {};
      const missing = [];
      for (const fl of spec.fields) {
        values[fl.name] = f.elements.namedItem(fl.name).value.trim();
        if (fl.required && !values[fl.name]) missing.push({ vi: t('chooser.required'), en: t('chooser.required'), field: `${m}-${fl.name}` });
        else if (fl.kind === 'date' && values[fl.name] && !isoOf(values[fl.name])) missing.push({ vi: t('chooser.badDate'), en: t('chooser.badDate'), field: `${m}-${fl.name}` });
      }
      return { values, missing };
    };
    const perform = async (values) => {
      try {
        if (spec.result) {
          const r = await api('POST', path(m).replace(/\/[^/]+$/, '') + `/results/${encodeURIComponent(values.result)}/${spec.path}`, bodyOf(m, values));
          const next = await reload();
          show(next, m === 'revoke-result' ? t('chooser.done.revoked', { number: r.number }) : t('chooser.done.corrected', { number: r.number, old: values.result }));
        } else {
          const next = await api('POST', path(m), bodyOf(m, values));
          show(next, (before) => issuedBy(m, before, next));
        }
      } catch (e) {
        unconfirm();
        // the API names fields as move.field (refuse.reason, extend.newDue): the ids of this form's fields
        showErrors(errors, f, e.errors || e);
      }
    };
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const { values, missing } = read();
      if (missing.length) { showErrors(errors, f, missing); return; }
      if (!WARN.has(m)) { await perform(values); return; }
      // refuse, stop, revoke: say what will happen and wait for the confirmation
      box.querySelector('p').textContent = t('chooser.confirm.' + m, { code: main.dataset.code || '', number: values.result || '' });
      box.hidden = false;
      submit.hidden = true;
      box.querySelector(`#confirm-${m}`).focus();
    });
    if (WARN.has(m)) {
      box.querySelector(`#confirm-no-${m}`).addEventListener('click', () => { unconfirm(); submit.focus(); });
      box.querySelector(`#confirm-${m}`).addEventListener('click', async () => {
        const { values, missing } = read();
        if (missing.length) { unconfirm(); showErrors(errors, f, missing); return; }
        await perform(values);
      });
    }
  });
}

export async function officialDossierPage(main, { id }) {
  if (!groups().includes('officials')) return signInPrompt(main, t('official.title'));
  // one request: the dossier with everything this page shows and what the offered moves need
  return showDossier(main, await api('GET', '/api/official/dossiers/' + encodeURIComponent(id)));
}

/** {@code done}: the message of the move that led here (a text, or made from the page before it). */
function showDossier(main, d, done) {
  const before = main.__dossier;
  main.__dossier = d;
  const leader = (claims() || {})['custom:post'] === 'LEADER';
  let actions = (d.allowedActions || []).filter((a) => MOVES[a] && MOVES[a].path);
  if (!(d.results || []).some((r) => r.state === 'VALID')) actions = actions.filter((a) => !MOVES[a].result);
  // the leader's decision first; everyone else in the process's order
  if (leader) actions = [...DECISIONS.filter((m) => actions.includes(m)), ...actions.filter((a) => !DECISIONS.includes(a))];
  const message = typeof done === 'function' ? (before ? done(before) : '') : done;
  const units = d.units || [];
  const draft = d.extensionDraft || null;
  const payments = d.payments || [];
  const notices = d.notices || [];
  const survey = d.survey || null;
  const results = d.results || [];
  const a = d.applicant || {};
  main.dataset.code = d.code || '';
  mount(main, html`<h1>${t('dossier.title')} <span class="code">${d.code || ''}</span></h1>
    <p><a href="#/official?status=${d.status}">← ${t('official.back')}</a> · <a href="#/official/dossier/${encodeURIComponent(d.id)}/digitise" id="link-digitise-component">${t('digitise.link')}</a></p>
    <div class="card"><dl class="summary">
      <dt>${t('dossier.procedure')}</dt><dd>${pick(d.procedureName)}</dd>
      <dt>${t('dossier.status')}</dt><dd><span class="tag status-${d.status}" id="official-status">${pick(d.statusLabel)}</span></dd>
      ${d.processing && d.processing.stepName ? html`<dt>${t('official.step')}</dt><dd id="official-step">${pick(d.processing.stepName)}${d.processing.unitName ? html` — ${pick(d.processing.unitName)}` : ''}
        ${d.processing.stepDue ? html` (${t('official.stepDue')}: <span class="nowrap">${date(d.processing.stepDue)}</span>)` : ''}</dd>` : ''}
      ${d.dueDate ? html`<dt>${t('dossier.dueDate')}</dt><dd id="official-due" class="nowrap">${date(d.dueDate)}</dd>` : ''}
      ${d.supplementWindow ? html`<dt>${t('official.supplementWindow')}</dt><dd id="official-supplement-window">${moment(d.supplementWindow.deadline)}
        ${d.supplementWindow.passed ? html` <span class="tag state-MISSING" data-flag="supplement-late">${t('official.supplementLate')}</span>` : ''}
        <small>(${d.supplementWindow.basis.article ? d.supplementWindow.basis.article + ', ' : ''}${d.supplementWindow.basis.document})</small></dd>` : ''}
      <dt>${t('applicant.fullName')}</dt><dd>${a.fullName || ''}</dd>
    </dl></div>
    ${movesSection(actions, units, draft, results, { leader: leader && actions.some((m) => DECISIONS.includes(m)), done: message, warnings: d.warnings || [] })}
    <details class="card fold" id="applicant-details" ${leader ? '' : html`open`}><summary><h2>${t('chooser.summary')}</h2></summary><dl class="summary">
      <dt>${t('applicant.idNumber')}</dt><dd>${a.idNumber || ''}</dd>
      ${a.enterpriseCode ? html`<dt>${t('applicant.enterpriseCode')}</dt><dd>${a.enterpriseCode}</dd>` : ''}
      <dt>${t('applicant.phone')}</dt><dd>${a.phone || ''}</dd>
      <dt>${t('applicant.email')}</dt><dd>${a.email || ''}</dd>
      ${formLines(d).map((l) => html`<dt>${pick(l.label)}</dt><dd>${pick(l.value)}</dd>`)}
    </dl></details>
    ${results.length ? html`<section class="card" id="official-results"><h2>${t('chooser.results')}</h2><ul class="files">${results.map((r) => html`<li data-result="${r.number}" data-state="${r.state}">
      <span class="code">${r.number}</span> · ${pick(r.type)} · <span class="nowrap">${hanoiDate(r.issuedAt)}</span>
      <span class="tag ${r.state === 'VALID' ? 'state-OK' : 'state-MISSING'}">${t('chooser.resultState.' + r.state) !== 'chooser.resultState.' + r.state ? t('chooser.resultState.' + r.state) : r.state}</span>
      ${r.revokedReason ? html` <span class="muted">${r.revokedReason}</span>` : ''} <a href="${r.verifyUrl}" target="_blank" rel="noopener">${t('result.verify')}</a></li>`)}</ul></section>` : ''}
    ${filesList(d, d.attachments || [])}
    ${slip(d.processing)}
    ${formsSection(d)}
    ${payments.length ? html`<details class="card fold" id="official-payments"><summary><h2>${t('payment.list')}</h2></summary><ul class="files">${payments.map((p) => html`<li data-payment="${p.reference}">
      <span class="code">${p.reference}</span> · ${p.provider.toUpperCase()} · ${money(p.amountVnd)}
      <span class="tag ${p.status === 'PAID' || p.status === 'REFUNDED' ? 'state-OK' : p.status === 'FAILED' || p.status === 'EXPIRED' || p.status === 'HELD' ? 'state-MISSING' : 'state-PENDING'}">${t('payment.status.' + p.status)}</span>
      ${p.transaction ? html` <span class="muted">${p.transaction}</span>` : ''} <span class="muted">${moment(p.settledAt || p.createdAt)}</span>
      ${p.refundReason ? html` <span class="muted">· ${t('payment.refundReason')}: ${p.refundReason}</span>` : ''}${eReceipt(p)}</li>`)}</ul></details>` : ''}
    ${survey && survey.open ? html`<details class="card fold" id="official-survey"><summary><h2>${t('survey.title')}</h2></summary>
      <ul class="files">${survey.criteria.map((c) => html`<li>${pick(c.name)}: <strong>${c.score}</strong> <span class="muted">(${c.because})</span></li>`)}</ul>
      <p>${survey.answer ? html`${t('survey.yours', { rating: pick((survey.ratings.find((r) => r.code === survey.answer.rating) || {}).label) })}${survey.answer.comment ? html` — “${survey.answer.comment}”` : ''}
        · ${t('survey.total', { total: survey.total, max: survey.max })}` : html`<span class="muted">—</span>`}</p></details>` : ''}
    ${notices.length ? html`<details class="card fold" id="official-notices"><summary><h2>${t('notices.title')}</h2></summary><ul class="files">${notices
      .slice().sort((x, y) => x.at.localeCompare(y.at)).map((n) => html`<li data-channel="${n.channel}" data-state="${n.state}">
      <span class="muted">${moment(n.at)}</span> · ${t('inbox.channel.' + n.channel) !== 'inbox.channel.' + n.channel ? t('inbox.channel.' + n.channel) : t('inbox.title')}
      ${n.to && n.channel !== 'inbox' ? html` <span class="muted">${n.to}</span>` : ''} — ${n.subject || ''}
      <span class="tag ${n.state === 'SENT' ? 'state-OK' : n.state === 'FAILED' ? 'state-MISSING' : 'state-PENDING'}">${t('notices.state.' + n.state)}</span>
      ${n.why ? html` <span class="muted">${n.why}</span>` : ''}</li>`)}</ul></details>` : ''}
    <details class="card fold" id="official-history"><summary><h2>${t('dossier.history')}</h2></summary><ol class="timeline">${(d.history || []).map((h) => html`<li>
      <span class="when">${moment(h.at)}</span> — ${t('history.' + h.action) !== 'history.' + h.action ? t('history.' + h.action) : h.action}
      ${h.unitName ? html` <span class="muted">[${pick(h.unitName)}${h.postLabel ? ' · ' + pick(h.postLabel) : ''}]</span>` : ''}
      ${h.action === 'attachment-retrieved' && h.details ? html` <span class="muted" data-retrieved="${h.details.component || ''}">${
        [h.details.enterpriseCode, h.details.enterpriseName, h.details.legalStatus, h.details.registeredOn, h.details.legalRepresentative, h.details.headOffice]
          .filter(Boolean).join(' · ')}</span>` : ''}
      ${h.reason ? html` <span class="muted">${h.reason}</span>` : ''}</li>`)}</ol></details>`);
  const reload = () => api('GET', '/api/official/dossiers/' + encodeURIComponent(d.id));
  wire(main, d.id, actions, (m) => `/api/official/dossiers/${encodeURIComponent(d.id)}/${MOVES[m].path}`, (next, msg) => showDossier(main, next, msg), reload);
  const said = main.querySelector('#move-done-text');
  if (said) { said.focus(); announce(said.textContent); }
  return t('dossier.title') + ' ' + (d.code || '');
}

/** What a consulted agency or unit sees: the question, the files shared with it, and the answer form. */
export async function officialConsultationPage(main, { id }) {
  if (!groups().includes('officials')) return signInPrompt(main, t('official.title'));
  return showConsultation(main, await api('GET', '/api/official/dossiers/consultations/' + encodeURIComponent(id)));
}

function showConsultation(main, c, done) {
  const actions = (c.allowedActions || []).filter((a) => a === 'answer-consultation');
  const asking = c.askingAgencyName ? pick(c.askingAgencyName) : '';
  mount(main, html`<h1>${t('official.consultedTitle', { agency: asking })}: ${c.code || ''}</h1>
    <p><a href="#/official?scope=consultations">← ${t('official.back')}</a></p>
    <div class="card"><dl class="summary"><dt>${t('dossier.procedure')}</dt><dd>${pick(c.procedureName)}</dd></dl>
      ${consultationBlock(c.consultation)}</div>
    ${movesSection(actions, [], null, [], { done })}
    ${filesList(c, c.files || [])}`);
  wire(main, c.id, actions, () => `/api/official/dossiers/consultations/${encodeURIComponent(c.id)}/answer`,
    (next) => showConsultation(main, next, t('chooser.done.move', { move: moveLabel('answer-consultation') })),
    () => api('GET', '/api/official/dossiers/consultations/' + encodeURIComponent(c.id)));
  return t('official.consultedTitle', { agency: asking });
}

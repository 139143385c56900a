// An official's view of one dossier of their agency: the applicant, the form, the files, the history, and the moves
// the API says this official may make now (allowedActions): each with the data it needs.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api, download } from '../shared/api.js';
import { date, moment, size } from '../shared/format.js';
import { showErrors, announce } from '../shared/forms.js';
import { signInPrompt } from '../citizen/mine.js';
import { groups } from '../shared/auth.js';

const MOVES = {
  'start-processing': { path: 'start-processing', field: null },
  approve: { path: 'approve', field: 'note' },
  refuse: { path: 'refuse', field: 'reason', required: true },
  'request-supplement': { path: 'supplement-request', field: 'items', required: true },
};

export async function officialDossierPage(main, { id }) {
  if (!groups().includes('officials')) return signInPrompt(main, t('official.title'));
  const d = await api('GET', '/api/official/dossiers/' + encodeURIComponent(id));
  const actions = (d.allowedActions || []).filter((a) => MOVES[a]);
  const a = d.applicant || {};
  mount(main, html`<h1>${t('dossier.title')} ${d.code || ''}</h1>
    <p><a href="#/official?status=${d.status}">← ${t('official.back')}</a></p>
    <div class="card"><dl class="summary">
      <dt>${t('dossier.procedure')}</dt><dd>${pick(d.procedureName)}</dd>
      <dt>${t('dossier.status')}</dt><dd><span class="tag status-${d.status}" id="official-status">${pick(d.statusLabel)}</span></dd>
      ${d.dueDate ? html`<dt>${t('dossier.dueDate')}</dt><dd>${date(d.dueDate)}</dd>` : ''}
      <dt>${t('applicant.fullName')}</dt><dd>${a.fullName || ''}</dd>
      <dt>${t('applicant.idNumber')}</dt><dd>${a.idNumber || ''}</dd>
      ${a.enterpriseCode ? html`<dt>${t('applicant.enterpriseCode')}</dt><dd>${a.enterpriseCode}</dd>` : ''}
      <dt>${t('applicant.phone')}</dt><dd>${a.phone || ''}</dd>
      <dt>${t('applicant.email')}</dt><dd>${a.email || ''}</dd>
      ${Object.entries(d.form || {}).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}
    </dl></div>
    <section class="card"><h2>${t('dossier.files')}</h2><ul class="files">${(d.attachments || []).filter((f) => f.status !== 'CANCELLED').map((f) => html`<li>
      ${f.componentCode}: ${f.fileName} <span class="tag file-${f.status}">${t('file.' + f.status)}</span> <span class="muted">${size(f.size)}</span>
      ${f.status === 'ACCEPTED' ? html` <button type="button" class="link" data-view="${f.id}" aria-label="${t('official.view', { name: f.fileName })}">${t('official.viewShort')}</button>` : ''}</li>`)}</ul></section>
    <section class="card" id="moves"><h2>${t('official.moves')}</h2><div id="move-errors"></div>
      ${actions.length ? actions.map((m) => html`<form class="move" data-move="${m}" novalidate>
        ${MOVES[m].field ? html`<div class="field"><label for="f-${m}-${MOVES[m].field}">${t('official.field.' + m)}</label>
          <textarea id="f-${m}-${MOVES[m].field}" name="${MOVES[m].field}" rows="2" maxlength="2000"></textarea></div>` : ''}
        <button type="submit" class="${m === 'refuse' ? 'warning' : ''}" id="move-${m}">${t('official.move.' + m)}</button></form>`)
      : html`<p class="muted" id="no-moves">${t('official.noMoves')}</p>`}
    </section>
    <section class="card"><h2>${t('dossier.history')}</h2><ol class="timeline">${(d.history || []).map((h) => html`<li>
      <span class="when">${moment(h.at)}</span> — ${t('history.' + h.action) !== 'history.' + h.action ? t('history.' + h.action) : h.action}
      ${h.reason ? html` <span class="muted">${h.reason}</span>` : ''}</li>`)}</ol></section>`);
  // a file opens in a new tab through its short-lived link (the API answers 303 to it)
  main.querySelectorAll('button[data-view]').forEach((b) => b.addEventListener('click', async () => {
    try {
      const blob = await download(`/api/official/dossiers/${encodeURIComponent(d.id)}/files/${encodeURIComponent(b.dataset.view)}`);
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } catch (e) { showErrors(main.querySelector('#move-errors'), null, e); }
  }));
  main.querySelectorAll('form.move').forEach((f) => f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const m = f.dataset.move;
    const spec = MOVES[m];
    const value = spec.field ? f.elements.namedItem(spec.field).value.trim() : '';
    const errors = main.querySelector('#move-errors');
    if (spec.required && !value) {
      showErrors(errors, f, [{ vi: 'Nhập nội dung trước khi thực hiện.', en: 'Fill this in first.', field: `${m}.${spec.field}` }]);
      return;
    }
    const body = spec.field === 'items' ? { items: value.split('\n').map((x) => x.trim()).filter(Boolean) } : spec.field ? { [spec.field]: value } : {};
    try {
      await api('POST', `/api/official/dossiers/${encodeURIComponent(d.id)}/${spec.path}`, body);
      announce(t('official.done'));
      await officialDossierPage(main, { id });
    } catch (e) { showErrors(errors, f, e); }
  }));
  return t('dossier.title') + ' ' + (d.code || '');
}

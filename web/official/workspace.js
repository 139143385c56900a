// The officials' workspace: the unit's work queue by status (earliest due date first, so overdue first), the
// dossiers assigned to me, and the consultations waiting for my unit's answer; with the agency's counts per status.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api, download } from '../shared/api.js';
import { showErrors } from '../shared/forms.js';
import { groups, claims } from '../shared/auth.js';
import { date, moment } from '../shared/format.js';
import { dateInput, isoValue } from '../shared/dates.js';
import { signInPrompt } from '../citizen/mine.js';

const STATUSES = ['SUBMITTED', 'RECEIVED', 'IN_PROCESSING', 'AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT', 'RESULT_READY'];
const SCOPES = ['unit', 'mine', 'consultations'];
const local = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10); // today in Hà Nội
const today = () => local();
const monthStart = () => local().slice(0, 8) + '01';

export async function officialPage(main, params, q) {
  if (!groups().length) return signInPrompt(main, t('official.title'));
  if (!groups().includes('officials')) {
    mount(main, html`<h1>${t('official.title')}</h1><p class="banner warn">${t('official.only')}</p>`);
    return t('official.title');
  }
  const status = STATUSES.includes(q.get('status')) ? q.get('status') : 'RECEIVED';
  const scope = SCOPES.includes(q.get('scope')) ? q.get('scope') : 'unit';
  const after = q.get('after');
  const [res, quality] = await Promise.all([
    api('GET', `/api/official/dossiers/queue?status=${status}&scope=${scope}&size=20${after ? '&after=' + encodeURIComponent(after) : ''}`),
    api('GET', '/api/official/dossiers/quality').catch(() => [])]);
  const c = claims();
  const link = (d) => scope === 'consultations' ? `#/official/consultation/${encodeURIComponent(d.id)}` : `#/official/dossier/${encodeURIComponent(d.id)}`;
  mount(main, html`<h1>${t('official.title')}</h1>
    <p class="muted" id="official-agency">${t('official.agency', { agency: c['custom:agency'] || '—' })} · ${t('official.unit', { unit: c['custom:unit'] || '—' })}
      · ${t('official.post', { post: c['custom:post'] || '—' })}
      ${c['custom:post'] === 'LEADER' ? html` · <a href="#/admin/scorecard" id="leader-scorecard">${t('scorecard.title')}</a>` : ''}</p>
    <nav class="tabs" aria-label="${t('official.title')}"><ul>${SCOPES.map((s) => html`<li>
      <a href="#/official?scope=${s}&status=${status}" ${s === scope ? html`aria-current="page"` : ''} data-scope="${s}">${t('official.scope.' + s)}</a></li>`)}</ul></nav>
    ${scope === 'unit' ? html`<nav class="tabs" aria-label="${t('official.byStatus')}"><ul>${STATUSES.map((s) => html`<li>
      <a href="#/official?status=${s}" ${s === status ? html`aria-current="page"` : ''} data-status="${s}">${t('official.status.' + s)}
        <span class="tag">${res.counts[s] || 0}</span></a></li>`)}</ul></nav>` : ''}
    ${res.items.length ? html`<table class="data" id="queue"><caption class="visually-hidden">${scope === 'unit' ? t('official.status.' + status) : t('official.scope.' + scope)}</caption>
      <thead><tr><th scope="col">${t('dossier.code')}</th><th scope="col">${t('dossier.procedure')}</th><th scope="col">${t('track.applicant')}</th>
        <th scope="col">${t('official.step')}</th><th scope="col">${t('official.stepDue')}</th><th scope="col">${t('dossier.dueDate')}</th></tr></thead>
      <tbody>${res.items.map((d) => html`<tr data-id="${d.id}" class="${d.overdue || d.stepOverdue ? 'overdue' : ''}">
        <td data-label="${t('dossier.code')}"><a class="code" href="${link(d)}">${d.code || '—'}</a></td>
        <td data-label="${t('dossier.procedure')}">${pick(d.procedureName)}</td>
        <td data-label="${t('track.applicant')}">${scope === 'consultations' ? '' : d.applicantName || ''}</td>
        <td data-label="${t('official.step')}">${d.stepName ? pick(d.stepName) : pick(d.statusLabel)}${d.assigneeName ? html` <span class="muted">(${d.assigneeName})</span>` : ''}</td>
        <td data-label="${t('official.stepDue')}">${d.stepDue ? date(d.stepDue) : '—'}${d.stepOverdue ? html` <span class="tag state-MISSING">${t('official.overdue')}</span>` : ''}</td>
        <td data-label="${t('dossier.dueDate')}">${d.dueDate ? date(d.dueDate) : '—'}
          ${d.overdue ? html` <span class="tag state-MISSING" data-flag="overdue">${t('official.overdue')}</span>` : d.dueSoon ? html` <span class="tag provisional">${t('official.dueSoon')}</span>` : ''}${d.deadline === 'SUPPLEMENT_WINDOW_PASSED' ? html` <span class="tag state-MISSING" data-flag="supplement-late">${t('official.supplementLate')}</span>` : ''}</td>
      </tr>`)}</tbody></table>` : html`<p class="muted" id="queue-empty">${t('official.empty')}</p>`}
    <p class="muted" id="queue-count">${t('official.count', { n: res.items.length })}</p>
    <nav class="pager">${res.next ? html`<a href="#/official?scope=${scope}&status=${status}&after=${encodeURIComponent(res.next)}">${t('official.more')}</a>` : ''}</nav>
    <section class="card" id="quality"><h2>${t('quality.title')}</h2>${quality.length ? html`<table class="data"><thead><tr>
      <th scope="col">${t('quality.month')}</th><th scope="col">${t('quality.answers')}</th><th scope="col">${t('quality.points')}</th>
      ${['VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED'].map((r) => html`<th scope="col">${t('quality.rating.' + r)}</th>`)}</tr></thead>
      <tbody>${quality.map((q) => html`<tr data-month="${q.month}"><td data-label="${t('quality.month')}">${q.month}</td><td data-label="${t('quality.answers')}">${q.answers}</td>
        <td data-label="${t('quality.points')}">${q.max ? Math.round((100 * q.points) / q.max) + ' %' : '—'} <span class="muted">(${q.points}/${q.max})</span></td>
        ${['VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED'].map((r) => html`<td data-label="${t('quality.rating.' + r)}">${q.ratings[r] || 0}</td>`)}</tr>`)}</tbody></table>`
      : html`<p class="muted">${t('quality.none')}</p>`}</section>
    <section class="card" id="tracking-book"><h2>${t('forms.book')}</h2><div id="book-errors"></div>
      <form id="book-form" class="inline-form" novalidate>
        <div class="field"><label for="f-book-from">${t('forms.from')}</label>${dateInput('f-book-from', 'from', monthStart())}</div>
        <div class="field"><label for="f-book-to">${t('forms.to')}</label>${dateInput('f-book-to', 'to', today())}</div>
        <button type="submit" id="book-pdf" name="format" value="pdf">${t('forms.pdf')}</button>
        <button type="submit" id="book-csv" name="format" value="csv" class="secondary">${t('forms.csv')}</button>
      </form></section>`);
  const form = main.querySelector('#book-form');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const format = ev.submitter && ev.submitter.value === 'csv' ? 'csv' : 'pdf';
    try {
      const blob = await download(`/api/official/dossiers/tracking-book?from=${encodeURIComponent(isoValue(form.elements.from))}&to=${encodeURIComponent(isoValue(form.elements.to))}&format=${format}`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `so-theo-doi-${form.elements.from.value}-${form.elements.to.value}.${format}`;
      a.id = 'book-link';
      a.textContent = a.download;
      main.querySelector('#book-errors').replaceChildren(a);
      a.click();
    } catch (e) { showErrors(main.querySelector('#book-errors'), form, e); }
  });
  return t('official.title');
}

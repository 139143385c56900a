// The officials' workspace: the unit's work queue by status (earliest due date first, so overdue first), the
// dossiers assigned to me, the consultations waiting for my unit's answer and the unit's finished dossiers; every tab's
// count in the same answer; with nothing asked, the tab where the official's post has work (the API lands it). A search
// by code, applicant's name or ID number looks only through what reached the official's unit.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api, download } from '../shared/api.js';
import { showErrors } from '../shared/forms.js';
import { groups, claims } from '../shared/auth.js';
import { date, moment } from '../shared/format.js';
import { dateInput, isoValue } from '../shared/dates.js';
import { signInPrompt } from '../citizen/mine.js';

const STATUSES = ['SUBMITTED', 'RECEIVED', 'IN_PROCESSING', 'AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT', 'RESULT_READY'];
const FINISHED = ['RESULT_RETURNED', 'REFUSED', 'STOPPED', 'WITHDRAWN', 'CLOSED'];
const SCOPES = ['unit', 'mine', 'consultations', 'finished'];
const local = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10); // today in Hà Nội
const today = () => local();
const monthStart = () => local().slice(0, 8) + '01';

const scopeLabel = (s) => (s === 'finished' ? t('finding.finished') : t('official.scope.' + s));
const statusLabel = (s) => (FINISHED.includes(s) ? t('finding.finishedStatus.' + s) : t('official.status.' + s));

function table(items, scope, caption) {
  const link = (d) => scope === 'consultations' ? `#/official/consultation/${encodeURIComponent(d.id)}` : `#/official/dossier/${encodeURIComponent(d.id)}`;
  return html`<table class="data" id="queue"><caption class="visually-hidden">${caption}</caption>
      <thead><tr><th scope="col">${t('dossier.code')}</th><th scope="col">${t('dossier.procedure')}</th><th scope="col">${t('track.applicant')}</th>
        <th scope="col">${t('official.step')}</th><th scope="col">${t('official.stepDue')}</th><th scope="col">${t('dossier.dueDate')}</th></tr></thead>
      <tbody>${items.map((d) => html`<tr data-id="${d.id}" class="${d.overdue || d.stepOverdue ? 'overdue' : ''}">
        <td data-label="${t('dossier.code')}"><a class="code" href="${link(d)}">${d.code || '—'}</a></td>
        <td data-label="${t('dossier.procedure')}">${pick(d.procedureName)}</td>
        <td data-label="${t('track.applicant')}">${scope === 'consultations' ? '' : d.applicantName || ''}</td>
        <td data-label="${t('official.step')}">${d.stepName ? pick(d.stepName) : pick(d.statusLabel)}${d.assigneeName ? html` <span class="muted">(${d.assigneeName})</span>` : ''}</td>
        <td data-label="${t('official.stepDue')}"><span class="nowrap">${d.stepDue ? date(d.stepDue) : '—'}</span>${d.stepOverdue ? html` <span class="tag state-MISSING">${t('official.overdue')}</span>` : ''}</td>
        <td data-label="${t('dossier.dueDate')}"><span class="nowrap">${d.dueDate ? date(d.dueDate) : '—'}</span>
          ${d.overdue ? html` <span class="tag state-MISSING" data-flag="overdue">${t('official.overdue')}</span>` : d.dueSoon ? html` <span class="tag provisional">${t('official.dueSoon')}</span>` : ''}${d.deadline === 'SUPPLEMENT_WINDOW_PASSED' ? html` <span class="tag state-MISSING" data-flag="supplement-late">${t('official.supplementLate')}</span>` : ''}</td>
      </tr>`)}</tbody></table>`;
}

export async function officialPage(main, params, q) {
  if (!groups().length) return signInPrompt(main, t('official.title'));
  if (!groups().includes('officials')) {
    mount(main, html`<h1>${t('official.title')}</h1><p class="banner warn">${t('official.only')}</p>`);
    return t('official.title');
  }
  const asked = { status: q.get('status'), scope: SCOPES.includes(q.get('scope')) ? q.get('scope') : null };
  const search = (q.get('q') || '').trim();
  const after = q.get('after');
  // nothing asked: the API lands the official on their post's work; every tab's count comes with the page
  const query = [asked.scope ? 'scope=' + asked.scope : '', asked.status && /^[A-Z_]+$/.test(asked.status) ? 'status=' + asked.status : '',
    'size=20', after ? 'after=' + encodeURIComponent(after) : ''].filter(Boolean).join('&');
  const [res, quality, found] = await Promise.all([
    api('GET', `/api/official/dossiers/queue?${query}`),
    api('GET', '/api/official/dossiers/quality').catch(() => []),
    search ? api('GET', '/api/official/dossiers/search?q=' + encodeURIComponent(search)).catch((e) => ({ error: e })) : null]);
  const scope = res.scope;
  const status = res.status;
  const tabs = res.tabs || {};
  const c = claims();
  const unitTotal = STATUSES.reduce((n, s) => n + Number(tabs[s] ?? res.counts[s] ?? 0), 0);
  const count = (k) => html`<span class="tag">${k === 'unit' ? unitTotal : tabs[k] ?? res.counts[k] ?? 0}</span>`;
  const tabName = scope === 'unit' ? scopeLabel('unit') + ' · ' + statusLabel(status) : scope === 'finished' ? scopeLabel('finished') + ' · ' + statusLabel(status) : scopeLabel(scope);
  mount(main, html`<h1>${t('official.title')}</h1>
    <p class="muted" id="official-agency">${t('official.agency', { agency: c['custom:agency'] || '—' })} · ${t('official.unit', { unit: c['custom:unit'] || '—' })}
      · ${t('official.post', { post: c['custom:post'] || '—' })}
      ${c['custom:post'] === 'LEADER' ? html` · <a href="#/admin/scorecard" id="leader-scorecard">${t('scorecard.title')}</a>` : ''}</p>
    <p id="digitise-links"><a href="#/official/digitise" id="link-digitise">${t('digitise.resultLink')}</a> · <a href="#/official/import" id="link-import">${t('digitise.importLink')}</a></p>
    <section class="card" id="search" aria-labelledby="search-title"><h2 id="search-title">${t('finding.search')}</h2><div id="search-errors"></div>
      <form class="search" id="search-form" role="search" novalidate>
        <div class="field"><label for="f-search-q">${t('finding.searchLabel')}</label>
          <span class="hint" id="f-search-q-hint">${t('finding.searchHint')}</span>
          <input id="f-search-q" name="q" type="search" minlength="3" maxlength="64" autocomplete="off" aria-describedby="f-search-q-hint" value="${search}"></div>
        <button type="submit" id="search-submit">${t('finding.searchButton')}</button>
        ${search ? html`<a href="#/official" id="search-clear">${t('finding.clear')}</a>` : ''}
      </form>
      ${found && !found.error ? html`<p id="search-count" role="status">${found.items.length ? t('finding.found', { q: found.query, n: found.items.length }) : t('finding.none', { q: found.query })}</p>
        ${found.items.length ? html`<div id="search-results">${table(found.items, 'unit', t('finding.search'))}</div>` : ''}
        ${found.more ? html`<p class="muted">${t('finding.more')}</p>` : ''}` : ''}
    </section>
    ${found && !found.error && found.items.length ? '' : html`
    <nav class="tabs" aria-label="${t('official.title')}"><ul>${SCOPES.map((s) => html`<li>
      <a href="#/official?scope=${s}" ${s === scope ? html`aria-current="page"` : ''} data-scope="${s}">${scopeLabel(s)} ${count(s)}</a></li>`)}</ul></nav>
    ${scope === 'unit' ? html`<nav class="tabs" aria-label="${t('official.byStatus')}"><ul>${STATUSES.map((s) => html`<li>
      <a href="#/official?scope=unit&status=${s}" ${s === status ? html`aria-current="page"` : ''} data-status="${s}">${t('official.status.' + s)}
        ${count(s)}</a></li>`)}</ul></nav>` : ''}
    ${scope === 'finished' ? html`<nav class="tabs" aria-label="${t('finding.finished')}"><ul>${FINISHED.map((s) => html`<li>
      <a href="#/official?scope=finished&status=${s}" ${s === status ? html`aria-current="page"` : ''} data-status="${s}">${statusLabel(s)}
        <span class="tag">${res.counts[s] || 0}</span></a></li>`)}</ul></nav>` : ''}
    ${res.landed ? html`<p class="muted" id="landed">${t('finding.landed', { tab: tabName })}</p>` : ''}
    ${scope === 'unit' && status === 'SUBMITTED' ? html`<p class="banner info" id="reception-note">${t('finding.reception')}</p>` : ''}
    ${res.items.length ? table(res.items, scope, tabName) : html`<p class="muted" id="queue-empty">${t('official.empty')}</p>`}
    <p class="muted" id="queue-count">${t('official.count', { n: res.items.length })}</p>
    <nav class="pager">${res.next ? html`<a href="#/official?scope=${scope}&status=${status}&after=${encodeURIComponent(res.next)}">${t('official.more')}</a>` : ''}</nav>`}
    <details class="card fold" id="quality"><summary><h2>${t('quality.title')}</h2></summary>${quality.length ? html`<table class="data"><thead><tr>
      <th scope="col">${t('quality.month')}</th><th scope="col">${t('quality.answers')}</th><th scope="col">${t('quality.points')}</th>
      ${['VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED'].map((r) => html`<th scope="col">${t('quality.rating.' + r)}</th>`)}</tr></thead>
      <tbody>${quality.map((q) => html`<tr data-month="${q.month}"><td data-label="${t('quality.month')}">${q.month}</td><td data-label="${t('quality.answers')}">${q.answers}</td>
        <td data-label="${t('quality.points')}">${q.max ? Math.round((100 * q.points) / q.max) + ' %' : '—'} <span class="muted">(${q.points}/${q.max})</span></td>
        ${['VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED'].map((r) => html`<td data-label="${t('quality.rating.' + r)}">${q.ratings[r] || 0}</td>`)}</tr>`)}</tbody></table>`
      : html`<p class="muted">${t('quality.none')}</p>`}</details>
    <section class="card" id="tracking-book"><h2>${t('forms.book')}</h2><div id="book-errors"></div>
      <form id="book-form" class="inline-form" novalidate>
        <div class="field"><label for="f-book-from">${t('forms.from')}</label>${dateInput('f-book-from', 'from', monthStart())}</div>
        <div class="field"><label for="f-book-to">${t('forms.to')}</label>${dateInput('f-book-to', 'to', today())}</div>
        <button type="submit" id="book-pdf" name="format" value="pdf">${t('forms.pdf')}</button>
        <button type="submit" id="book-csv" name="format" value="csv" class="secondary">${t('forms.csv')}</button>
      </form></section>`);
  const sf = main.querySelector('#search-form');
  if (found && found.error) showErrors(main.querySelector('#search-errors'), sf, found.error);
  sf.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = sf.elements.q.value.trim();
    if (v.length < 3 || v.length > 64) {
      showErrors(main.querySelector('#search-errors'), sf, [{ vi: 'Nhập từ 3 đến 64 ký tự: mã hồ sơ, họ tên hoặc số định danh của người nộp.',
        en: 'Type 3 to 64 characters: the dossier\'s code, the applicant\'s name or ID number.', field: 'search-q' }]);
      return;
    }
    location.hash = '#/official?q=' + encodeURIComponent(v);
  });
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

// The officials' workspace: the agency's work queue by status (overdue first, due dates marked), with the counts of
// every status. Moving a dossier (receive, route, consult, approve…) comes with the rest of issue #10; the address
// and the access rule are here so those pages join without touching the citizen's area.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { groups, claims } from '../shared/auth.js';
import { date, moment } from '../shared/format.js';
import { signInPrompt } from '../citizen/mine.js';

const STATUSES = ['SUBMITTED', 'RECEIVED', 'IN_PROCESSING', 'AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT', 'RESULT_READY'];

export async function officialPage(main, params, q) {
  if (!groups().length) return signInPrompt(main, t('official.title'));
  if (!groups().includes('officials')) {
    mount(main, html`<h1>${t('official.title')}</h1><p class="banner warn">${t('official.only')}</p>`);
    return t('official.title');
  }
  const status = STATUSES.includes(q.get('status')) ? q.get('status') : 'RECEIVED';
  const page = Math.max(1, Number(q.get('page') || 1) || 1);
  const res = await api('GET', `/api/official/dossiers/queue?status=${status}&page=${page}&size=20`);
  const pages = Math.max(1, Math.ceil(res.total / res.size));
  const agency = claims()['custom:agency'];
  mount(main, html`<h1>${t('official.title')}</h1>
    <p class="muted" id="official-agency">${t('official.agency', { agency: agency || '—' })}</p>
    <nav class="tabs" aria-label="${t('official.byStatus')}"><ul>${STATUSES.map((s) => html`<li>
      <a href="#/official?status=${s}" ${s === status ? html`aria-current="page"` : ''} data-status="${s}">${t('official.status.' + s)}
        <span class="tag">${res.counts[s] || 0}</span></a></li>`)}</ul></nav>
    ${res.items.length ? html`<table class="data" id="queue"><caption class="visually-hidden">${t('official.status.' + status)}</caption>
      <thead><tr><th scope="col">${t('dossier.code')}</th><th scope="col">${t('dossier.procedure')}</th><th scope="col">${t('track.applicant')}</th>
        <th scope="col">${t('appointment.receivedOn')}</th><th scope="col">${t('dossier.dueDate')}</th></tr></thead>
      <tbody>${res.items.map((d) => html`<tr data-id="${d.id}" class="${d.overdue ? 'overdue' : ''}">
        <td data-label="${t('dossier.code')}"><a class="code" href="#/official/dossier/${encodeURIComponent(d.id)}">${d.code || '—'}</a></td>
        <td data-label="${t('dossier.procedure')}">${pick(d.procedureName)}</td>
        <td data-label="${t('track.applicant')}">${d.applicantName || ''}</td>
        <td data-label="${t('appointment.receivedOn')}">${d.receivedAt ? moment(d.receivedAt) : '—'}</td>
        <td data-label="${t('dossier.dueDate')}">${d.dueDate ? date(d.dueDate) : '—'}
          ${d.overdue ? html` <span class="tag state-MISSING">${t('official.overdue')}</span>` : d.dueSoon ? html` <span class="tag provisional">${t('official.dueSoon')}</span>` : ''}</td>
      </tr>`)}</tbody></table>` : html`<p class="muted" id="queue-empty">${t('official.empty')}</p>`}
    <p class="muted" id="queue-count">${t('official.count', { n: res.total, page, pages })}</p>
    <nav class="pager">${page > 1 ? html`<a href="#/official?status=${status}&page=${page - 1}">${t('catalogue.prev')}</a>` : ''}
      ${page < pages ? html`<a href="#/official?status=${status}&page=${page + 1}">${t('catalogue.next')}</a>` : ''}</nav>
    <p class="muted">${t('official.soon')}</p>`);
  return t('official.title');
}

// Administrators: the catalogue's procedure codes compared with the national database of administrative procedures
// (CSDLQG về TTHC): the count of each group, then every procedure that differs with both sides' values, and those
// that match. One request; every value from either side is escaped (html``).
import { html, mount } from '../shared/html.js';
import { t } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { moment } from '../shared/format.js';
import { errorSummary } from '../shared/forms.js';
import { requireAdmin, adminNav } from './common.js';

const KINDS = ['missing-nationally', 'missing-here', 'different', 'matching'];

const side = (s, differences) => (s
  ? html`<dl class="code-side">
      <dt>${t('admin.codes.name')}</dt><dd class="${differences.includes('name') ? 'differs' : ''}">${s.name}</dd>
      <dt>${t('admin.codes.agency')}</dt><dd class="${differences.includes('agency') ? 'differs' : ''}">${s.agency}</dd>
      <dt>${t('admin.codes.level')}</dt><dd class="${differences.includes('level') ? 'differs' : ''}">${s.level}</dd>
      <dt>${t('admin.codes.decision')}</dt><dd>${s.decision || '–'}</dd></dl>`
  : html`<span class="muted">${t('admin.codes.absent')}</span>`);

function table(kind, lines) {
  if (!lines.length) return html`<p>${t('admin.codes.none')}</p>`;
  return html`<table class="data" data-kind="${kind}"><caption class="visually-hidden">${t('admin.codes.kind.' + kind)}</caption>
    <thead><tr><th scope="col">${t('procedure.code')}</th>${kind === 'different' ? html`<th scope="col">${t('admin.codes.differences')}</th>` : ''}
      <th scope="col">${t('admin.codes.catalogue')}</th><th scope="col">${t('admin.codes.national')}</th></tr></thead>
    <tbody>${lines.map((l) => html`<tr data-code="${l.code}"><th scope="row" data-label="${t('procedure.code')}">${l.code}</th>
      ${kind === 'different' ? html`<td data-label="${t('admin.codes.differences')}">${l.differences.map((d) => t('admin.codes.' + d)).join(', ')}</td>` : ''}
      <td data-label="${t('admin.codes.catalogue')}">${side(l.catalogue, l.differences)}</td>
      <td data-label="${t('admin.codes.national')}">${side(l.national, l.differences)}</td></tr>`)}</tbody></table>`;
}

/** The report under the page's heading: the counts, then each group's table (the matching ones folded). */
export function reportView(report) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, report.lines.filter((l) => l.kind === k)]));
  return html`<p>${t('admin.codes.intro')}</p>
    <p class="hint">${t('admin.codes.at', { at: moment(report.at) })}</p>
    <ul class="counts" id="code-counts">${KINDS.map((k) => html`<li data-kind="${k}"><a href="#codes-${k}" data-skip="codes-${k}">${t('admin.codes.kind.' + k)}</a>: <strong>${report.counts[k] ?? 0}</strong></li>`)}</ul>
    ${KINDS.map((k) => html`<section aria-labelledby="codes-${k}"><h2 id="codes-${k}" tabindex="-1">${t('admin.codes.kind.' + k)} (${report.counts[k] ?? 0})</h2>
      ${k === 'matching' ? html`<details><summary>${t('admin.codes.show')}</summary>${table(k, byKind[k])}</details>` : table(k, byKind[k])}</section>`)}`;
}

export async function adminCodesPage(main) {
  const title = t('admin.codes.title');
  if (!requireAdmin(main, title)) return title;
  let report;
  try {
    report = await api('GET', '/api/admin/national/procedure-codes');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    // the national database not configured (503) or out of reach (502): the server's reason, in the reader's language
    mount(main, html`<h1>${title}</h1>${adminNav()}${errorSummary(e, t('admin.codes.unavailable'))}`);
    return title;
  }
  mount(main, html`<h1>${title}</h1>${adminNav()}${reportView(report)}`);
  // in-page links without touching the hash router
  main.querySelectorAll('a[data-skip]').forEach((a) => a.addEventListener('click', (ev) => {
    ev.preventDefault();
    const target = main.querySelector('#' + a.dataset.skip);
    if (target) target.focus();
  }));
  return title;
}

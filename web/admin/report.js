// Leaders and administrators: the periodic report of form II.06a (Circular 01/2020/TT-VPCP) of an agency for a month,
// a quarter or a year — per field and procedure, the dossiers received (carried over, online, at the desk and by
// post), handled (early, on time, late) and in progress (within, past the deadline) — with its XLSX and PDF.
// #/admin/report?period=2026-11&agency=CDLQG. One request on open; every value is escaped (html``).
import { html, mount } from '../shared/html.js';
import { t, pick, strings } from '../shared/i18n.js';
import { api, download, ApiError } from '../shared/api.js';
import { date } from '../shared/format.js';
import { errorSummary } from '../shared/forms.js';
import { claims, groups } from '../shared/auth.js';
import { signInPrompt } from '../citizen/mine.js';

/** The last reporting month that has begun (the 15th of a month starts the next one's report): yyyy-mm. */
export function defaultPeriod(now = new Date()) {
  const vn = new Date(now.getTime() + 7 * 3600e3); // Vietnam time
  let y = vn.getUTCFullYear();
  let m = vn.getUTCMonth() + 1 + (vn.getUTCDate() >= 15 ? 1 : 0);
  if (m > 12) { m -= 12; y += 1; }
  return y + '-' + String(m).padStart(2, '0');
}

/** A period as the API reads it (yyyy-mm, yyyy-Qn, yyyy), or null. */
export function validPeriod(p) {
  const s = String(p || '').trim();
  return /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(s) ? s : null;
}

const num = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('vi-VN'));

function rowCells(page, row, kind) {
  const cols = [...page.columns, ...page.extraColumns];
  return cols.map((c) => html`<td data-label="${pick(c.name)}" class="num ${kind}">${num(row.values[c.key])}</td>`);
}

/** The report's table: the fields with their procedures, then the total. */
export function reportTable(page) {
  const cols = [...page.columns, ...page.extraColumns];
  const body = [];
  page.fields.forEach((f, i) => {
    body.push(html`<tr class="field" data-field="${f.row.code}"><th scope="row" data-label="${t('report.field')}">${i + 1}. ${pick(f.row.name)}</th>${rowCells(page, f.row, 'field')}</tr>`);
    f.procedures.forEach((p) => body.push(html`<tr class="procedure" data-procedure="${p.code}"><th scope="row" data-label="${t('report.procedure')}"><span class="muted">${p.code}</span> ${pick(p.name)}</th>${rowCells(page, p, 'procedure')}</tr>`));
  });
  body.push(html`<tr class="total" data-total><th scope="row">${t('report.total')}</th>${rowCells(page, page.total, 'total')}</tr>`);
  return html`<div class="table-scroll"><table class="data report" id="report-table"><caption>${t('report.caption', { period: page.period, from: date(page.from), to: date(page.to) })}</caption>
    <thead><tr><th scope="col">${t('report.fieldProcedure')}</th>${cols.map((c) => html`<th scope="col" data-key="${c.key}">${pick(c.name)}</th>`)}</tr></thead>
    <tbody>${body}</tbody></table></div>`;
}

/** Everything under the form: the period's days, the running warning, the table, the cut-off and the basis. */
export function reportView(page) {
  return html`<p id="report-heading"><strong>${pick(page.agencyName)}</strong> (${page.agency}) · ${t('report.days', { from: date(page.from), to: date(page.to) })}</p>
    ${page.running ? html`<p class="banner warn" id="report-running">${t('report.running')}</p>` : ''}
    ${page.fields.length ? '' : html`<p id="report-empty">${t('report.empty')}</p>`}
    ${reportTable(page)}
    <p class="hint" id="report-cutoff">${t('report.cutOff')}: ${pick(page.cutOff.rule)}</p>
    <p class="hint">${t('report.basis')}: ${page.basis.document}${page.basis.confirmed ? '' : html` <em>(${t('report.unconfirmed')})</em>`}</p>`;
}

export async function adminReportPage(main, _params, q) {
  const title = t('report.title');
  const g = groups();
  if (!g.length) { signInPrompt(main, title); return title; }
  const admin = g.includes('admins');
  const c = claims() || {};
  const period = validPeriod(q.get('period')) || defaultPeriod();
  const agency = (q.get('agency') || (admin ? '' : c['custom:agency'] || '')).trim();
  const form = html`<form id="report-form" class="inline-form" novalidate>
      <div class="field"><label for="f-report-period">${t('report.period')}</label>
        <p class="hint" id="f-report-period-hint">${t('report.periodHelp')}</p>
        <input id="f-report-period" name="period" value="${period}" aria-describedby="f-report-period-hint" inputmode="text" autocomplete="off" required></div>
      <div class="field"><label for="f-report-agency">${t('report.agency')}</label>
        <input id="f-report-agency" name="agency" value="${agency}" autocomplete="off" ${admin ? '' : html`readonly`}></div>
      <button type="submit">${t('report.show')}</button></form>`;
  let content;
  let page = null;
  if (admin && !agency) content = html`<p id="report-choose">${t('report.chooseAgency')}</p>`;
  else {
    try {
      page = await api('GET', `/api/admin/reports/ii06a?period=${encodeURIComponent(period)}${agency ? '&agency=' + encodeURIComponent(agency) : ''}`);
      content = reportView(page);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      content = errorSummary(e);
    }
  }
  const files = page ? html`<p class="actions" id="report-files">
      <button type="button" id="report-xlsx" data-format="xlsx">${t('report.xlsx')}</button>
      <button type="button" id="report-pdf" data-format="pdf" class="secondary">${t('report.pdf')}</button></p><div id="report-file-errors"></div>` : '';
  mount(main, html`<h1>${title}</h1><p>${t('report.intro')}</p>${form}${files}<div id="report">${content}</div>`);
  const f = main.querySelector('#report-form');
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = validPeriod(f.elements.period.value);
    if (!p) {
      mount(main.querySelector('#report'), errorSummary([{ vi: strings('vi').report.badPeriod, en: strings('en').report.badPeriod, field: 'report-period' }]));
      return;
    }
    const a = f.elements.agency.value.trim();
    location.hash = '#/admin/report?period=' + encodeURIComponent(p) + (a ? '&agency=' + encodeURIComponent(a) : '');
  });
  main.querySelectorAll('#report-files button').forEach((b) => b.addEventListener('click', async () => {
    const format = b.dataset.format;
    const errors = main.querySelector('#report-file-errors');
    try {
      const blob = await download(`/api/admin/reports/ii06a?period=${encodeURIComponent(page.period)}&agency=${encodeURIComponent(page.agency)}&format=${format}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `bao-cao-II06a-${page.agency}-${page.period}.${format}`;
      link.id = 'report-' + format + '-link';
      link.textContent = link.download;
      errors.replaceChildren(link);
      link.click();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      mount(errors, errorSummary(e));
    }
  }));
  return title;
}

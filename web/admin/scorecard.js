// Leaders and administrators: the Decision-766 scorecard of an agency for a month, a quarter or a year
// (#/admin/scorecard?period=2026-11&agency=CDLQG&scope=U:CDLQG/LUHANH), with each indicator's numerator, denominator,
// ratio, score and maximum ("not yet measured" shown as such, never 0), the last periods' ratios as a small chart, and
// the drill-down agency → unit → procedure → the dossiers behind a number (#/admin/scorecard/dossiers?…). One request
// per page; every value from the server is escaped (html``). The server decides who may read what (a leader: their
// own agency; an administrator: any); its refusal is shown as it says.
import { html, mount } from '../shared/html.js';
import { t, lang } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { claims, groups } from '../shared/auth.js';
import { date } from '../shared/format.js';
import { errorSummary } from '../shared/forms.js';
import { signInPrompt } from '../citizen/mine.js';

const VN = 'Asia/Ho_Chi_Minh';

/** The current month, quarter and year in Vietnam time: 2026-12, 2026-Q4, 2026. */
export function currentPeriods(now = new Date()) {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: VN, year: 'numeric', month: '2-digit' }).format(now).split('-');
  return { month: `${y}-${m}`, quarter: `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`, year: y };
}

const text = (i18n) => (i18n ? i18n[lang()] || i18n.vi : '');
const percent = (r) => (r === null || r === undefined ? '–' : (Math.round(r * 1000) / 10).toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN') + ' %');
const number = (n, unit) => (unit === 'VND'
  ? String(Math.round(Number(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ' ₫'
  : String(n));
const points = (p) => (p === null || p === undefined ? '–' : p.toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN'));

/** The address of a page of the scorecard (or its drill-down) with these parameters. */
export function scorecardHref(params, dossiers = false) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  return '#/admin/scorecard' + (dossiers ? '/dossiers' : '') + '?' + q.toString();
}

/** A small bar chart of the ratios of one indicator over the trend's periods (inline SVG, its figures in its title). */
export function trendChart(code, trend) {
  const w = 14;
  const gap = 4;
  const h = 32;
  const bars = trend.map((p, i) => {
    const r = p.ratios ? p.ratios[code] : undefined;
    const label = `${p.period}: ${r === undefined || r === null ? t('scorecard.noDossier') : percent(r)}`;
    const bh = r === undefined || r === null ? 0 : Math.max(1, Math.round(Math.min(1, r) * h));
    return html`<rect x="${i * (w + gap)}" y="${h - bh}" width="${w}" height="${bh}" class="trend-bar"><title>${label}</title></rect>
      <rect x="${i * (w + gap)}" y="${h}" width="${w}" height="1" class="trend-axis"></rect>`;
  });
  const summary = trend.map((p) => `${p.period} ${p.ratios && p.ratios[code] !== undefined ? percent(p.ratios[code]) : '–'}`).join(', ');
  return html`<svg class="trend" role="img" width="${trend.length * (w + gap)}" height="${h + 1}" viewBox="0 0 ${trend.length * (w + gap)} ${h + 1}"
    aria-label="${t('scorecard.trendOf', { code })}: ${summary}">${bars}</svg>`;
}

/** The table of one scope's indicators. */
export function linesTable(page, section, trend) {
  const scope = section.kind === 'agency' ? 'A:' + page.agency : (section.kind === 'unit' ? 'U:' : 'P:') + page.agency + '/' + section.code;
  return html`<table class="data scorecard" data-scope="${scope}"><caption class="visually-hidden">${t('scorecard.caption', { scope })}</caption>
    <thead><tr><th scope="col">${t('scorecard.indicator')}</th><th scope="col">${t('scorecard.numerator')}</th>
      <th scope="col">${t('scorecard.denominator')}</th><th scope="col">${t('scorecard.ratio')}</th><th scope="col">${t('scorecard.score')}</th>
      <th scope="col">${t('scorecard.max')}</th>${trend ? html`<th scope="col">${t('scorecard.trend')}</th>` : ''}</tr></thead>
    <tbody>${section.lines.map((l) => html`<tr data-indicator="${l.indicator}" class="${l.measured ? '' : 'not-measured'}">
      <th scope="row" data-label="${t('scorecard.indicator')}">${l.indicator} · ${text(l.name)}</th>
      ${l.measured
    ? html`<td data-label="${t('scorecard.numerator')}">${l.denominator > 0 && l.numerator < l.denominator
      ? html`<a href="${scorecardHref({ period: page.period, agency: page.agency, scope, indicator: l.indicator }, true)}" title="${t('scorecard.behind')}">${number(l.numerator, l.unit)}</a>`
      : number(l.numerator, l.unit)}</td>
        <td data-label="${t('scorecard.denominator')}">${number(l.denominator, l.unit)}</td>
        <td data-label="${t('scorecard.ratio')}">${percent(l.ratio)}</td>
        <td data-label="${t('scorecard.score')}">${points(l.score)}</td>`
    : html`<td colspan="4"><strong>${t('scorecard.notMeasured')}</strong>
        <span class="hint">${text(l.note)}</span></td>`}
      <td data-label="${t('scorecard.max')}">${points(l.maxPoints)}</td>
      ${trend ? html`<td data-label="${t('scorecard.trend')}">${l.measured ? trendChart(l.indicator, trend) : '–'}</td>` : ''}</tr>`)}</tbody></table>`;
}

function periodForm(period, agency, isAdmin) {
  const p = currentPeriods();
  return html`<form id="scorecard-form" class="inline-form" novalidate>
    <label for="sc-period">${t('scorecard.period')}</label>
    <input id="sc-period" name="period" value="${period}" inputmode="text" pattern="\\d{4}(-\\d{2}|-Q[1-4])?" aria-describedby="sc-period-hint" required>
    <span class="hint" id="sc-period-hint">${t('scorecard.periodHint')}</span>
    ${isAdmin ? html`<label for="sc-agency">${t('scorecard.agency')}</label><input id="sc-agency" name="agency" value="${agency}" required autocapitalize="characters">` : ''}
    <button type="submit">${t('scorecard.show')}</button></form>
    <p class="quick">${t('scorecard.quick')}:
      <a href="${scorecardHref({ period: p.month, agency })}">${t('scorecard.thisMonth')}</a> ·
      <a href="${scorecardHref({ period: p.quarter, agency })}">${t('scorecard.thisQuarter')}</a> ·
      <a href="${scorecardHref({ period: p.year, agency })}">${t('scorecard.thisYear')}</a></p>`;
}

function bindForm(main) {
  const form = main.querySelector('#scorecard-form');
  if (!form) return;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    const q = new URLSearchParams(location.hash.split('?')[1] || '');
    location.hash = scorecardHref({ period: String(fd.get('period') || '').trim(), agency: String(fd.get('agency') || q.get('agency') || '').trim().toUpperCase() });
  });
}

/** Signed in as an administrator or an official (the server decides whether a leader), else the sign-in prompt. */
function whoMay(main, title) {
  if (!claims()) { signInPrompt(main, title); return null; }
  const g = groups();
  return { admin: g.includes('admins'), agency: claims()['custom:agency'] || '' };
}

export async function adminScorecardPage(main, params, query) {
  const title = t('scorecard.title');
  const me = whoMay(main, title);
  if (!me) return title;
  const period = query.get('period') || currentPeriods().month;
  const agency = query.get('agency') || (me.admin ? '' : me.agency);
  const scope = query.get('scope') || '';
  if (me.admin && !agency) {
    mount(main, html`<h1>${title}</h1>${periodForm(period, agency, true)}<p>${t('scorecard.chooseAgency')}</p>`);
    bindForm(main);
    return title;
  }
  let page;
  try {
    page = await api('GET', '/api/admin/scorecard?' + new URLSearchParams({ period, agency }).toString());
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, html`<h1>${title}</h1>${periodForm(period, agency, me.admin)}${errorSummary(e)}`);
    bindForm(main);
    return title;
  }
  const sections = [page.total, ...page.units, ...page.procedures];
  const scopeOf = (s) => (s.kind === 'agency' ? 'A:' + page.agency : (s.kind === 'unit' ? 'U:' : 'P:') + page.agency + '/' + s.code);
  const shown = sections.find((s) => scopeOf(s) === scope) || page.total;
  const crumbs = html`<nav aria-label="${t('scorecard.path')}" class="crumbs"><a href="${scorecardHref({ period: page.period, agency: page.agency })}">${text(page.agencyName)} (${page.agency})</a>
    ${shown !== page.total ? html` › <span aria-current="page">${shown.kind === 'unit' ? t('scorecard.unit') : t('scorecard.procedure')} ${shown.code}</span>` : ''}</nav>`;
  const drill = (kind, list) => (list.length ? html`<h2>${t('scorecard.by.' + kind)}</h2><ul class="scopes">${list.map((s) => {
    const sc = scopeOf(s);
    const onTime = s.lines.find((l) => l.indicator === '2.1');
    return html`<li><a href="${scorecardHref({ period: page.period, agency: page.agency, scope: sc })}" ${sc === scope ? html`aria-current="true"` : ''}>${s.code}</a>
      <span class="muted">2.1: ${onTime ? percent(onTime.ratio) : '–'}</span></li>`;
  })}</ul>` : '');
  mount(main, html`<h1>${title}</h1>
    ${periodForm(page.period, page.agency, me.admin)}
    <p><strong>${text(page.agencyName)}</strong> · ${t('scorecard.periodFromTo', { period: page.period, from: date(page.from), to: date(page.to) })}</p>
    ${page.running ? html`<p class="banner info" id="scorecard-running">${t('scorecard.running')}</p>` : ''}
    <p><a id="scorecard-report" href="#/admin/report?${new URLSearchParams({ period: page.period, agency: page.agency }).toString()}">${t('scorecard.report')}</a></p>
    ${crumbs}
    ${linesTable(page, shown, shown === page.total ? page.trend : null)}
    ${shown === page.total ? html`<p class="hint">${t('scorecard.trendHint', { n: page.trend.length })}</p>` : ''}
    ${drill('unit', page.units)}${drill('procedure', page.procedures)}
    <p class="hint">${t('scorecard.basis')}</p>`);
  bindForm(main);
  return title;
}

/** The dossiers behind a number: #/admin/scorecard/dossiers?period=&agency=&scope=&indicator=&after= */
export async function adminScorecardDossiersPage(main, params, query) {
  const title = t('scorecard.dossiers.title');
  const me = whoMay(main, title);
  if (!me) return title;
  const q = {
    period: query.get('period') || currentPeriods().month, agency: query.get('agency') || (me.admin ? '' : me.agency),
    scope: query.get('scope') || '', indicator: query.get('indicator') || '2.1', after: query.get('after') || '',
  };
  let page;
  try {
    page = await api('GET', '/api/admin/scorecard/dossiers?' + new URLSearchParams(Object.entries(q).filter(([, v]) => v)).toString());
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, html`<h1>${title}</h1>${errorSummary(e)}<p><a href="${scorecardHref({ period: q.period, agency: q.agency })}">${t('scorecard.back')}</a></p>`);
    return title;
  }
  const rows = (list) => html`<table class="data behind"><thead><tr><th scope="col">${t('scorecard.dossiers.code')}</th>
      <th scope="col">${t('scorecard.procedure')}</th><th scope="col">${t('scorecard.unit')}</th><th scope="col">${t('scorecard.dossiers.received')}</th>
      <th scope="col">${t('scorecard.dossiers.due')}</th><th scope="col">${t('scorecard.dossiers.ended')}</th>
      <th scope="col">${t('scorecard.dossiers.status')}</th><th scope="col">${t('scorecard.dossiers.why')}</th></tr></thead>
    <tbody>${list.map((d) => html`<tr data-id="${d.id}"><th scope="row" data-label="${t('scorecard.dossiers.code')}"><a href="#/official/dossier/${encodeURIComponent(d.id)}">${d.code || d.id}</a></th>
      <td data-label="${t('scorecard.procedure')}">${d.procedure}</td><td data-label="${t('scorecard.unit')}">${d.unit || '–'}</td>
      <td data-label="${t('scorecard.dossiers.received')}">${d.received ? date(new Date(d.received).toLocaleDateString('en-CA', { timeZone: VN })) : '–'}</td>
      <td data-label="${t('scorecard.dossiers.due')}">${d.due ? date(d.due) : '–'}</td>
      <td data-label="${t('scorecard.dossiers.ended')}">${d.ended ? date(new Date(d.ended).toLocaleDateString('en-CA', { timeZone: VN })) : '–'}</td>
      <td data-label="${t('scorecard.dossiers.status')}">${d.status}</td>
      <td data-label="${t('scorecard.dossiers.why')}">${t('scorecard.why.' + d.why)}</td></tr>`)}</tbody></table>`;
  const back = scorecardHref({ period: page.period, agency: page.agency, scope: page.scope.startsWith('A:') ? '' : page.scope });
  mount(main, html`<h1>${title}</h1>
    <p><a href="${back}">${t('scorecard.back')}</a></p>
    <p>${t('scorecard.dossiers.of', { indicator: page.indicator, scope: page.scope, period: page.period })}</p>
    ${page.items.length ? rows(page.items) : html`<p>${t('scorecard.dossiers.none')}</p>`}
    ${page.next ? html`<p><a id="scorecard-next" href="${scorecardHref({ ...q, period: page.period, agency: page.agency, after: page.next }, true)}">${t('scorecard.dossiers.next')}</a></p>` : ''}
    ${page.running && page.indicator === '2.1' && !q.after ? html`<h2>${t('scorecard.dossiers.overdue')}</h2>
      <p class="hint">${t('scorecard.dossiers.overdueHint')}</p>
      ${page.overdue.length ? rows(page.overdue) : html`<p>${t('scorecard.dossiers.none')}</p>`}
      ${page.overdueMore ? html`<p class="banner warn">${t('scorecard.dossiers.overdueMore')}</p>` : ''}` : ''}`);
  return title;
}

// The catalogue: search without diacritics, filter by field and level, ten a page.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { money } from '../shared/format.js';

export function feeSummary(p) {
  if (p.fixedFeeVnd) return money(p.fixedFeeVnd) + (p.feeReduced ? ' (' + t('fee.reduced') + ')' : '');
  return p.feeByRule ? t('fee.byRule') : t('fee.free');
}

export async function cataloguePage(main, params, q) {
  const page = Math.max(1, Number(q.get('page') || 1) || 1);
  const query = new URLSearchParams();
  for (const k of ['q', 'field', 'level']) if (q.get(k)) query.set(k, q.get(k));
  query.set('page', page); query.set('size', 10);
  const res = await api('GET', '/api/procedures?' + query);
  const pages = Math.max(1, Math.ceil(res.total / res.size));
  const opt = (v, label, cur) => html`<option value="${v}" ${v === cur ? html`selected` : ''}>${label}</option>`;
  mount(main, html`<h1>${t('catalogue.title')}</h1>
    <form id="search-form" class="card search" role="search">
      <div class="field"><label for="search-q">${t('catalogue.search')}</label>
        <input id="search-q" name="q" value="${q.get('q') || ''}" placeholder="${t('catalogue.searchPlaceholder')}"></div>
      <div class="field"><label for="search-field">${t('procedure.field')}</label>
        <select id="search-field" name="field">${opt('', t('catalogue.allFields'), q.get('field') || '')}${Object.entries(res.fields).map(([k, v]) => opt(k, pick(v), q.get('field') || ''))}</select></div>
      <div class="field"><label for="search-level">${t('procedure.level')}</label>
        <select id="search-level" name="level">${opt('', t('catalogue.allLevels'), q.get('level') || '')}${opt('3', t('procedure.levelN', { n: 3 }), q.get('level') || '')}${opt('4', t('procedure.levelN', { n: 4 }), q.get('level') || '')}</select></div>
      <button type="submit">${t('catalogue.searchButton')}</button>
    </form>
    <p class="muted" id="result-count">${t('catalogue.count', { n: res.total, page: res.page, pages })}</p>
    ${res.total === 0 ? html`<p class="banner info" id="no-results" role="status">${t('publicExtra.noResults')}</p>` : ''}
    <ul class="list" id="procedures">${res.items.map((p) => html`<li>
      <a href="#/procedure/${encodeURIComponent(p.code)}">${pick(p.name)}</a>
      <div class="muted">${p.code} · ${pick(p.agencyName)} · ${t('procedure.levelN', { n: p.serviceLevel })} · ${pick(p.timeLimit.label)} · ${feeSummary(p)}</div></li>`)}</ul>
    <nav class="pager" aria-label="${t('catalogue.pages')}">
      ${page > 1 ? html`<button type="button" id="prev-page" class="secondary">${t('catalogue.prev')}</button>` : ''}
      ${page < pages ? html`<button type="button" id="next-page" class="secondary">${t('catalogue.next')}</button>` : ''}</nav>`);
  const go = (p) => { const n = new URLSearchParams(query); n.delete('size'); n.set('page', p); location.hash = '#/?' + n; };
  main.querySelector('#prev-page')?.addEventListener('click', () => go(page - 1));
  main.querySelector('#next-page')?.addEventListener('click', () => go(page + 1));
  main.querySelector('#search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const n = new URLSearchParams();
    for (const k of ['q', 'field', 'level']) if (ev.target[k].value) n.set(k, ev.target[k].value);
    location.hash = '#/?' + n;
  });
  return t('catalogue.title');
}

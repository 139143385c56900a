import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api, CONFIG } from '../shared/api.js';
import { claims, signIn } from '../shared/auth.js';
import { moment } from '../shared/format.js';

export function signInPrompt(main, title) {
  mount(main, html`<h1>${title}</h1><div class="card"><p>${t('auth.mustSignIn')}</p>
    <button type="button" id="page-sign-in">${t('auth.signIn')}</button></div>`);
  main.querySelector('#page-sign-in').addEventListener('click', () => signIn());
  return title;
}

export async function minePage(main) {
  if (!claims()) return signInPrompt(main, t('mine.title'));
  const list = await api('GET', '/api/dossiers');
  mount(main, html`<h1>${t('mine.title')}</h1><p><a href="#/warehouse" id="to-warehouse">${t('warehouse.title')}</a></p>${list.length ? html`<ul class="list" id="my-dossiers">${list.map((d) => html`<li>
      <a href="#/dossier/${encodeURIComponent(d.id)}">${pick(d.procedureName)}</a>
      <div class="muted">${d.code ? html`<span class="code">${d.code}</span> · ` : ''}<span class="tag status-${d.status}">${pick(d.statusLabel)}</span> · ${t('mine.created')} ${moment(d.createdAt)}</div></li>`)}</ul>`
    : html`<p class="muted">${t('mine.none')}</p>`}`);
  return t('mine.title');
}

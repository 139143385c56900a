// Hash routes (addresses people bookmark and messages link to: #/procedure/<code>, #/dossier/<id> …). After each
// page is drawn the router sets the title and moves focus to the page's heading, so a screen reader announces it.
import { html, mount } from './html.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';
import { errorSummary } from './forms.js';

const routes = [];
let cleanup = null;
let current = null;

/** pattern like '/procedure/:code'; page(main, params, query) draws into main and returns its title. */
export function route(pattern, page) {
  const names = [];
  const re = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '/?$');
  routes.push({ re, names, page });
}

/** A page may register what to stop (a poll) when the reader leaves it. */
export function onLeave(fn) { cleanup = fn; }

export function query() {
  return new URLSearchParams(location.hash.split('?')[1] || '');
}

export async function go() {
  if (cleanup) { cleanup(); cleanup = null; }
  const path = (location.hash.replace(/^#/, '').split('?')[0]) || '/';
  // each navigation draws into its own container, which takes the place of the previous page when it first draws
  // (the old page stays until then); a page still waiting for the API when the reader has moved on draws into a
  // container that never enters the document, never over the newer page
  const main = document.createElement('div');
  main.className = 'page';
  current = main;
  main.attach = () => { if (current === main && !main.isConnected) document.getElementById('main').replaceChildren(main); };
  let title;
  try {
    const r = routes.find((x) => x.re.test(path));
    if (!r) {
      mount(main, html`<h1>${t('notFound.title')}</h1><p>${t('notFound.text')}</p><p><a href="#/">${t('nav.procedures')}</a></p>`);
      title = t('notFound.title');
    } else {
      const m = path.match(r.re);
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      title = await r.page(main, params, query());
    }
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, { message: { vi: String(e.message || e), en: String(e.message || e) } });
    mount(main, html`<h1>${t(err.status === 404 ? 'notFound.title' : 'error.title')}</h1>${errorSummary(err)}`);
    title = t('error.title');
    if (!(e instanceof ApiError)) console.error(e);
  }
  if (current !== main) return; // a newer navigation took over
  main.attach();
  document.title = (title ? title + ' – ' : '') + t('portal');
  const h1 = main.querySelector('h1');
  if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: false }); }
  document.dispatchEvent(new Event('dvc:page'));
}

/** Redirects an old address to its new one without a history entry. */
export function redirect(to) { history.replaceState(null, '', location.pathname + to); go(); }

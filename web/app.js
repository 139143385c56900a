// Cổng Dịch vụ công – the web site's entry: the shell (header, language, account) and the routes of the three
// areas. Citizen pages live in citizen/, officials' in official/, administrators' in admin/; shared/ holds the
// API client, i18n, safe HTML, forms and the router. No build step: plain ES modules.
import { t, lang, setLang, ready } from './shared/i18n.js';
import { claims, groups, signIn, signOut, takeCodeFromUrl, takeTokenFromUrl } from './shared/auth.js';
import { CONFIG } from './shared/api.js';
import { route, go } from './shared/router.js';

/**
 * A page whose module is fetched when its address is first opened (a citizen's first visit does not download the
 * officials' and administrators' pages: bench/README.md, "First load of the web site").
 */
const lazy = (load, name) => async (...args) => (await load())[name](...args);

route('/', lazy(() => import('./citizen/catalogue.js'), 'cataloguePage'));
route('/sign-in', lazy(() => import('./citizen/signin.js'), 'signInPage'));
route('/procedure/:code', lazy(() => import('./citizen/procedure.js'), 'procedurePage'));
route('/dossier/:id', lazy(() => import('./citizen/dossier.js'), 'dossierPage'));
route('/mine', lazy(() => import('./citizen/mine.js'), 'minePage'));
route('/inbox', lazy(() => import('./citizen/inbox.js'), 'inboxPage'));
route('/lookup', lazy(() => import('./citizen/track.js'), 'trackPage'));
route('/lookup/:code', lazy(() => import('./citizen/track.js'), 'trackPage')); // the older address of the look-up: still works
route('/official', lazy(() => import('./official/workspace.js'), 'officialPage'));
route('/official/dossier/:id', lazy(() => import('./official/dossier.js'), 'officialDossierPage'));
route('/official/consultation/:id', lazy(() => import('./official/dossier.js'), 'officialConsultationPage'));
route('/admin', lazy(() => import('./admin/catalogue.js'), 'adminCataloguePage'));
route('/admin/procedure/:code', lazy(() => import('./admin/catalogue.js'), 'adminProcedurePage'));
route('/admin/calendar/:year', lazy(() => import('./admin/calendar.js'), 'adminCalendarPage'));
route('/admin/national-codes', lazy(() => import('./admin/codes.js'), 'adminCodesPage'));
route('/admin/report', lazy(() => import('./admin/report.js'), 'adminReportPage'));
route('/admin/scorecard', lazy(() => import('./admin/scorecard.js'), 'adminScorecardPage'));
route('/admin/scorecard/dossiers', lazy(() => import('./admin/scorecard.js'), 'adminScorecardDossiersPage'));
route('/admin/officials', lazy(() => import('./admin/officials.js'), 'adminOfficialsPage'));
route('/my-data', lazy(() => import('./citizen/mydata.js'), 'myDataPage'));
route('/warehouse', lazy(() => import('./citizen/warehouse.js'), 'warehousePage'));
route('/official/dossier/:id/digitise', lazy(() => import('./official/digitise.js'), 'digitiseComponentPage'));
route('/official/digitise', lazy(() => import('./official/digitise.js'), 'digitiseResultPage'));
route('/official/import', lazy(() => import('./official/digitise.js'), 'importResultsPage'));

function renderShell() {
  document.documentElement.lang = lang();
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
  const hotline = CONFIG.hotline;
  document.getElementById('hotline-line').hidden = !hotline;
  document.getElementById('hotline').textContent = hotline || '';
  const c = claims();
  const g = groups();
  document.getElementById('who').textContent = c ? c.name || '' : '';
  document.getElementById('sign-in').hidden = !!c;
  document.getElementById('sign-out').hidden = !c;
  document.getElementById('nav-admin').hidden = !g.includes('admins');
  document.getElementById('nav-official').hidden = !g.includes('officials');
  document.getElementById('nav-inbox').hidden = !c;
  document.getElementById('nav-warehouse').hidden = !c;
  const l = document.getElementById('lang');
  // the other language, named in itself (and marked as that language for screen readers)
  l.textContent = lang() === 'vi' ? 'English' : 'Tiếng Việt';
  l.setAttribute('lang', lang() === 'vi' ? 'en' : 'vi');
  document.querySelectorAll('nav.primary a').forEach((a) => {
    const here = location.hash === a.getAttribute('href') || (a.getAttribute('href') === '#/' && (location.hash === '' || location.hash.startsWith('#/?')));
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

async function start() {
  await ready;
  // back from the national sign-in with a code (or a refusal): exchanged before anything is drawn
  const failed = await takeCodeFromUrl(CONFIG);
  if (failed) history.replaceState(null, '', location.pathname + '#/sign-in?error=' + failed);
  takeTokenFromUrl();
  renderShell();
  document.getElementById('sign-in').addEventListener('click', () => signIn());
  document.getElementById('sign-out').addEventListener('click', () => { signOut(); renderShell(); location.hash = '#/'; });
  document.getElementById('lang').addEventListener('click', async () => { await setLang(lang() === 'vi' ? 'en' : 'vi'); renderShell(); go(); });
  window.addEventListener('hashchange', () => { takeTokenFromUrl(); renderShell(); go(); });
  window.addEventListener('dvc:signed-out', renderShell);
  // signing in or out in another tab
  window.addEventListener('storage', (e) => { if (e.key === 'dvc.token') { renderShell(); go(); } });
  go();
}

// a module runs after the document is parsed (it is deferred), so the page is there already in practice
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();

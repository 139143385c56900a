// Cổng Dịch vụ công – the web site's entry: the shell (header, language, account) and the routes of the three
// areas. Citizen pages live in citizen/, officials' in official/, administrators' in admin/; shared/ holds the
// API client, i18n, safe HTML, forms and the router. No build step: plain ES modules.
import { t, lang, setLang } from './shared/i18n.js';
import { claims, groups, signIn, signOut, takeCodeFromUrl, takeTokenFromUrl } from './shared/auth.js';
import { CONFIG } from './shared/api.js';
import { route, go } from './shared/router.js';
import { cataloguePage } from './citizen/catalogue.js';
import { procedurePage } from './citizen/procedure.js';
import { dossierPage } from './citizen/dossier.js';
import { minePage } from './citizen/mine.js';
import { inboxPage } from './citizen/inbox.js';
import { warehousePage } from './citizen/warehouse.js';
import { trackPage } from './citizen/track.js';
import { signInPage } from './citizen/signin.js';
import { officialPage } from './official/workspace.js';
import { officialDossierPage, officialConsultationPage } from './official/dossier.js';
import { digitiseResultPage, importResultsPage, digitiseComponentPage } from './official/digitise.js';
import { adminCataloguePage, adminProcedurePage } from './admin/catalogue.js';
import { adminCalendarPage } from './admin/calendar.js';
import { adminCodesPage } from './admin/codes.js';
import { adminReportPage } from './admin/report.js';
import { adminScorecardPage, adminScorecardDossiersPage } from './admin/scorecard.js';
import { adminOfficialsPage } from './admin/officials.js';

route('/', cataloguePage);
route('/sign-in', signInPage);
route('/procedure/:code', procedurePage);
route('/dossier/:id', dossierPage);
route('/mine', minePage);
route('/inbox', inboxPage);
route('/warehouse', warehousePage);
route('/lookup', trackPage);
route('/lookup/:code', trackPage); // the older address of the look-up: still works
route('/official', officialPage);
route('/official/dossier/:id', officialDossierPage);
route('/official/consultation/:id', officialConsultationPage);
route('/official/dossier/:id/digitise', digitiseComponentPage);
route('/official/digitise', digitiseResultPage);
route('/official/import', importResultsPage);
route('/admin', adminCataloguePage);
route('/admin/procedure/:code', adminProcedurePage);
route('/admin/calendar/:year', adminCalendarPage);
route('/admin/national-codes', adminCodesPage);
route('/admin/report', adminReportPage);
route('/admin/scorecard', adminScorecardPage);
route('/admin/scorecard/dossiers', adminScorecardDossiersPage);
route('/admin/officials', adminOfficialsPage);

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

document.addEventListener('DOMContentLoaded', async () => {
  // back from the national sign-in with a code (or a refusal): exchanged before anything is drawn
  const failed = await takeCodeFromUrl(CONFIG);
  if (failed) history.replaceState(null, '', location.pathname + '#/sign-in?error=' + failed);
  takeTokenFromUrl();
  renderShell();
  document.getElementById('sign-in').addEventListener('click', () => signIn());
  document.getElementById('sign-out').addEventListener('click', () => { signOut(); renderShell(); location.hash = '#/'; });
  document.getElementById('lang').addEventListener('click', () => { setLang(lang() === 'vi' ? 'en' : 'vi'); renderShell(); go(); });
  window.addEventListener('hashchange', () => { takeTokenFromUrl(); renderShell(); go(); });
  window.addEventListener('dvc:signed-out', renderShell);
  // signing in or out in another tab
  window.addEventListener('storage', (e) => { if (e.key === 'dvc.token') { renderShell(); go(); } });
  go();
});

// The sign-in page: citizens and organisations with VNeID through the National Public Service Portal (the usual way,
// and the only one the law leaves citizens since 1 Jul 2024), officials and administrators with their accounts.
import { html, mount } from '../shared/html.js';
import { t } from '../shared/i18n.js';
import { CONFIG } from '../shared/api.js';
import { query } from '../shared/router.js';
import { claims, signInNational, signInWithAccount } from '../shared/auth.js';

export function signInPage(main) {
  const error = query().get('error');
  const local = CONFIG.environment === 'local';
  mount(main, html`<h1>${t('signIn.title')}</h1>
    ${error ? html`<p class="error" role="alert" id="sign-in-error">${t('signIn.error.' + (['refused', 'state', 'token'].includes(error) ? error : 'token'))}</p>` : ''}
    ${claims() ? html`<p class="card">${t('signIn.already', { name: claims().name || '' })}</p>` : ''}
    ${CONFIG.national ? html`<section class="card" aria-labelledby="national-title">
      <h2 id="national-title">${t('signIn.citizens')}</h2>
      <p>${t('signIn.nationalText')}</p>
      <button type="button" id="national-sign-in">${t('signIn.national')}</button>
    </section>` : ''}
    <section class="card" aria-labelledby="account-title">
      <h2 id="account-title">${t('signIn.officials')}</h2>
      <p class="muted">${local ? t('signIn.devText') : t('signIn.accountText')}</p>
      <button type="button" id="account-sign-in" class="secondary">${local ? t('signIn.dev') : t('signIn.account')}</button>
    </section>`);
  const national = main.querySelector('#national-sign-in');
  if (national) national.addEventListener('click', () => { national.disabled = true; signInNational(CONFIG).catch(() => { national.disabled = false; }); });
  main.querySelector('#account-sign-in').addEventListener('click', () => signInWithAccount(CONFIG));
  return t('signIn.title');
}

import { html, mount } from '../shared/html.js';
import { t } from '../shared/i18n.js';
import { groups } from '../shared/auth.js';
import { signInPrompt } from '../citizen/mine.js';

/** Draws the refusal and returns false unless the signed-in user is an administrator. */
export function requireAdmin(main, title) {
  if (!groups().length) { signInPrompt(main, title); return false; }
  if (!groups().includes('admins')) {
    mount(main, html`<h1>${title}</h1><p class="banner warn">${t('admin.only')}</p>`);
    return false;
  }
  return true;
}

export const adminNav = () => html`<nav class="subnav" aria-label="${t('admin.title')}">
  <a href="#/admin">${t('admin.catalogue')}</a> <a href="#/admin/calendar/${new Date().getFullYear() + 1}">${t('admin.calendar')}</a>
  <a href="#/admin/national-codes">${t('admin.codes.nav')}</a> <a href="#/admin/scorecard">${t('scorecard.title')}</a>
  <a href="#/admin/officials">${t('officials.nav')}</a></nav>`;

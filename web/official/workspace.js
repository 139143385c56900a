// The officials' workspace: receiving, routing and approving come with issue #10. This shell keeps the address
// and the access rule so the next pages can be added here without touching the citizen's area.
import { html, mount } from '../shared/html.js';
import { t } from '../shared/i18n.js';
import { groups } from '../shared/auth.js';
import { signInPrompt } from '../citizen/mine.js';

export async function officialPage(main) {
  if (!groups().length) return signInPrompt(main, t('official.title'));
  if (!groups().includes('officials')) {
    mount(main, html`<h1>${t('official.title')}</h1><p class="banner warn">${t('official.only')}</p>`);
    return t('official.title');
  }
  mount(main, html`<h1>${t('official.title')}</h1><p>${t('official.soon')}</p>`);
  return t('official.title');
}

// The citizen's portal inbox: the notices of their dossiers' moves (newest first, unread marked), each opening its
// dossier; and how they want to be told (email, SMS; the language of the messages). The legally required notices
// reach the inbox and the email whatever is chosen; the page says which they are.
import { html, mount } from '../shared/html.js';
import { t } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { claims } from '../shared/auth.js';
import { moment } from '../shared/format.js';
import { showErrors, announce } from '../shared/forms.js';
import { signInPrompt } from './mine.js';

export async function inboxPage(main) {
  if (!claims()) return signInPrompt(main, t('inbox.title'));
  const [box, prefs] = await Promise.all([api('GET', '/api/me/inbox'), api('GET', '/api/me/preferences')]);
  mount(main, html`<h1>${t('inbox.title')}</h1>
    <p class="muted" id="inbox-unread">${t('inbox.unread', { n: box.unread })}</p>
    ${box.messages.length ? html`<ul class="list" id="inbox">${box.messages.map((m) => html`<li class="${m.read ? 'read' : 'unread'}" data-message="${m.id}">
      <details data-id="${m.id}"><summary><strong>${m.subject}</strong> ${m.read ? '' : html`<span class="tag state-PENDING">${t('inbox.new')}</span>`}
        <span class="muted"> · ${moment(m.at)}</span></summary>
        <pre class="message">${m.text}</pre>
        <p><a href="#/dossier/${encodeURIComponent(m.dossierId)}">${t('inbox.open', { code: m.dossierCode || '' })}</a></p></details></li>`)}</ul>`
      : html`<p class="muted">${t('inbox.none')}</p>`}
    <section class="card" id="preferences" aria-labelledby="prefs-title"><h2 id="prefs-title">${t('inbox.prefs')}</h2>
      <form id="prefs-form" novalidate><div id="prefs-errors"></div>
        <fieldset><legend>${t('inbox.channels')}</legend>
          ${['email', 'sms'].map((c) => html`<div class="radio"><input type="checkbox" id="pref-${c}" name="${c}" ${prefs.channels[c] ? 'checked' : ''}>
            <label for="pref-${c}">${t('inbox.channel.' + c)}</label></div>`)}
        </fieldset>
        <fieldset><legend>${t('inbox.language')}</legend>
          ${['vi', 'en'].map((l) => html`<div class="radio"><input type="radio" id="pref-lang-${l}" name="language" value="${l}" ${prefs.language === l ? 'checked' : ''}>
            <label for="pref-lang-${l}">${t('inbox.lang.' + l)}</label></div>`)}
        </fieldset>
        <p class="hint">${t('inbox.required', { kinds: prefs.required.map((k) => t('inbox.kind.' + k)).join(', ') })}</p>
        <button type="submit" class="secondary" id="save-prefs">${t('inbox.save')}</button></form></section>`);
  // opening a message marks it read
  main.querySelectorAll('details[data-id]').forEach((d) => d.addEventListener('toggle', async () => {
    if (!d.open || d.closest('li').classList.contains('read')) return;
    try {
      await api('POST', `/api/me/inbox/${encodeURIComponent(d.dataset.id)}/read`);
      d.closest('li').classList.replace('unread', 'read');
      const tag = d.querySelector('.tag');
      if (tag) tag.remove();
      const left = main.querySelectorAll('#inbox li.unread').length;
      main.querySelector('#inbox-unread').textContent = t('inbox.unread', { n: left });
    } catch { /* it stays unread; nothing else depends on it */ }
  }));
  const form = main.querySelector('#prefs-form');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { channels: { email: form.email.checked, sms: form.sms.checked }, language: (form.querySelector('input[name="language"]:checked') || {}).value || 'vi' };
    try { await api('PUT', '/api/me/preferences', body); announce(t('inbox.saved')); }
    catch (e) { showErrors(main.querySelector('#prefs-errors'), form, e); }
  });
  return t('inbox.title');
}

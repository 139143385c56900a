// Looking a dossier up by its code and the key printed on the receipt, without signing in.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { date } from '../shared/format.js';
import { showErrors } from '../shared/forms.js';

export async function trackPage(main, params, q) {
  const code = params.code || q.get('code') || '';
  mount(main, html`<h1>${t('track.title')}</h1>
    <p>${t('track.intro')}</p>
    <form id="lookup-form" class="card" novalidate>
      <div id="lookup-errors"></div>
      <div class="field"><label for="f-lookup-code">${t('track.code')}</label>
        <p class="hint" id="lookup-code-hint">${t('track.codeHelp')}</p>
        <input id="f-lookup-code" name="code" value="${code}" autocomplete="off" spellcheck="false" aria-describedby="lookup-code-hint"></div>
      <div class="field"><label for="f-lookup-key">${t('track.key')}</label>
        <p class="hint" id="lookup-key-hint">${t('track.keyHelp')}</p>
        <input id="f-lookup-key" name="key" autocomplete="off" spellcheck="false" maxlength="16" aria-describedby="lookup-key-hint"></div>
      <button type="submit">${t('track.button')}</button>
    </form>
    <div id="lookup-result"></div>`);
  const form = main.querySelector('#lookup-form');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const c = form.code.value.trim();
    const k = form.key.value.trim();
    const missing = [];
    if (!c) missing.push({ vi: 'Nhập mã hồ sơ.', en: 'Enter the dossier code.', field: 'lookup.code' });
    if (!k) missing.push({ vi: 'Nhập mã tra cứu in trên giấy tiếp nhận.', en: 'Enter the key printed on the receipt.', field: 'lookup.key' });
    const out = main.querySelector('#lookup-result');
    out.replaceChildren();
    if (missing.length) { showErrors(main.querySelector('#lookup-errors'), form, missing); return; }
    main.querySelector('#lookup-errors').replaceChildren();
    try {
      const d = await api('GET', '/api/track/' + encodeURIComponent(c) + '?key=' + encodeURIComponent(k));
      mount(out, html`<div class="card" id="track-result"><dl class="summary">
        <dt>${t('dossier.code')}</dt><dd><span class="code" id="track-code">${d.code}</span></dd>
        <dt>${t('dossier.procedure')}</dt><dd>${pick(d.procedureName)}</dd>
        <dt>${t('track.applicant')}</dt><dd id="track-initials">${d.applicantInitials}</dd>
        <dt>${t('dossier.status')}</dt><dd><span class="tag status-${d.status}" id="track-status">${pick(d.statusLabel)}</span></dd>
        ${d.receivedOn ? html`<dt>${t('appointment.receivedOn')}</dt><dd>${date(d.receivedOn)}</dd>` : ''}
        ${d.dueDate ? html`<dt>${t('dossier.dueDate')}</dt><dd><strong id="track-due">${date(d.dueDate)}</strong>${d.dueDateProvisional ? html` <span class="tag provisional">${t('appointment.provisional')}</span>` : ''}</dd>` : ''}
      </dl></div>`);
      out.querySelector('#track-result').setAttribute('tabindex', '-1');
      out.querySelector('#track-result').focus();
    } catch (e) { showErrors(main.querySelector('#lookup-errors'), form, e); }
  });
  return t('track.title');
}

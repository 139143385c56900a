// Kho dữ liệu (issue #25): the signed-in person's electronic data warehouse — every result issued to them or to the
// enterprises they applied for, the documents of finished dossiers they chose to keep, and digitised papers — each
// with its state (valid, replaced, revoked, expired), its public verification page where it has one, and its file;
// and, below, the accepted documents of their finished dossiers they may still keep. One request draws the page.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api, download } from '../shared/api.js';
import { claims } from '../shared/auth.js';
import { date } from '../shared/format.js';
import { showErrors, announce } from '../shared/forms.js';
import { signInPrompt } from './mine.js';

const STATE_CLASS = { VALID: 'state-OK', REPLACED: 'state-MISSING', REVOKED: 'state-MISSING', EXPIRED: 'state-MISSING' };

function entryLine(e) {
  const owner = e.enterprise ? t('warehouse.ofEnterprise') : t('warehouse.ofMine');
  return html`<li class="card warehouse-entry" data-entry="${e.id}" data-state="${e.state}">
    <h2 class="entry-title">${pick(e.name)}</h2>
    <p><span class="tag ${STATE_CLASS[e.state] || ''}">${t('warehouse.state.' + e.state)}</span>
      <span class="tag">${t('warehouse.kind.' + e.kind)}</span> <span class="muted">${owner}</span></p>
    <dl class="facts">
      ${e.kindName ? html`<dt>${t('warehouse.documentKind')}</dt><dd>${pick(e.kindName)}</dd>` : ''}
      ${e.numberAndSymbol ? html`<dt>${t('warehouse.number')}</dt><dd><span class="code">${e.numberAndSymbol}</span></dd>` : ''}
      ${e.issuedOn ? html`<dt>${t('warehouse.issuedOn')}</dt><dd><span class="date">${date(e.issuedOn)}</span></dd>` : ''}
      <dt>${t('warehouse.validity')}</dt><dd>${e.validUntil ? html`${t('warehouse.until')} <span class="date">${date(e.validUntil)}</span>` : t('warehouse.noEnd')}</dd>
      ${e.scope ? html`<dt>${t('warehouse.scope')}</dt><dd>${e.scope}</dd>` : ''}
      ${e.issuer ? html`<dt>${t('warehouse.issuer')}</dt><dd>${e.issuer}</dd>` : ''}
      ${e.summary ? html`<dt>${t('warehouse.summary')}</dt><dd>${e.summary}</dd>` : ''}
      ${e.statusReason ? html`<dt>${t('warehouse.reason')}</dt><dd>${e.statusReason}</dd>` : ''}
    </dl>
    <p class="actions">
      <button type="button" class="secondary" data-download-entry="${e.id}">${t('warehouse.download')}<span class="visually-hidden"> ${pick(e.name)}</span></button>
      ${e.verifyPath ? html`<a href="${e.verifyPath}" class="verify-link" rel="noopener">${t('warehouse.verify')}<span class="visually-hidden"> ${pick(e.name)}</span></a>` : ''}
      ${e.dossierId ? html`<a href="#/dossier/${encodeURIComponent(e.dossierId)}">${e.dossierCode ? t('warehouse.dossierCode', { code: e.dossierCode }) : t('warehouse.dossier')}</a>` : ''}
    </p>
    <div class="entry-link" id="entry-link-${e.id}"></div></li>`;
}

function keepLine(k) {
  return html`<li data-keep="${k.uploadId}">
    <strong>${pick(k.component) || k.fileName}</strong>
    <span class="muted"> · ${k.fileName} · ${k.dossierCode ? html`<span class="code">${k.dossierCode}</span>` : ''}</span>
    <button type="button" class="small secondary" data-keep-dossier="${k.dossierId}" data-keep-upload="${k.uploadId}">${t('warehouse.keep')}<span class="visually-hidden"> ${k.fileName}</span></button></li>`;
}

export async function warehousePage(main) {
  if (!claims()) return signInPrompt(main, t('warehouse.title'));
  const page = await api('GET', '/api/me/warehouse');
  const owners = page.owners.map((o) => (o.enterprise ? t('warehouse.enterprise', { code: o.code }) : t('warehouse.personal', { code: o.code })));
  mount(main, html`<h1>${t('warehouse.title')}</h1>
    <p class="muted">${t('warehouse.intro')}</p>
    ${owners.length ? html`<p id="warehouse-owners">${t('warehouse.owners')} ${owners.join('; ')}</p>` : ''}
    <div id="warehouse-errors"></div>
    ${page.entries.length ? html`<ul class="list warehouse" id="warehouse-entries">${page.entries.map(entryLine)}</ul>`
      : html`<p class="muted" id="warehouse-empty">${t('warehouse.none')}</p>`}
    ${page.keepable.length ? html`<section class="card" id="warehouse-keepable" aria-labelledby="keep-title"><h2 id="keep-title">${t('warehouse.keepTitle')}</h2>
      <p class="hint">${t('warehouse.keepHint')}</p><ul class="files">${page.keepable.map(keepLine)}</ul></section>` : ''}`);

  main.querySelectorAll('button[data-download-entry]').forEach((b) => b.addEventListener('click', async () => {
    const id = b.dataset.downloadEntry;
    const where = main.querySelector(`#entry-link-${CSS.escape(id)}`);
    try {
      const blob = await download(`/api/me/warehouse/${encodeURIComponent(id)}/file`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'kho-du-lieu-' + id + (blob.type === 'application/pdf' ? '.pdf' : '');
      a.textContent = a.download;
      where.replaceChildren(a);
      a.click();
    } catch (e) { showErrors(where, null, e); }
  }));
  main.querySelectorAll('button[data-keep-upload]').forEach((b) => b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await api('POST', '/api/me/warehouse/keep', { dossierId: b.dataset.keepDossier, uploadId: b.dataset.keepUpload });
      announce(t('warehouse.kept'));
      await warehousePage(main);
    } catch (e) {
      b.disabled = false;
      showErrors(main.querySelector('#warehouse-errors'), null, e);
    }
  }));
  return t('warehouse.title');
}

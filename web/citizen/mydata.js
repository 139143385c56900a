// "Dữ liệu của tôi / My data" (issue #25 item 4; Personal Data Protection Law 91/2025/QH15, rules/personal-data.json):
// one download of everything the portal holds about the signed-in person (a zip through a short-lived link), who
// looked at their dossiers (every official's read of any of them, newest first, a page at a time), and the deletions
// they may make: a draft never submitted (with its files) and a document they added to their data warehouse; the
// results the Ministry issued stay, and the page says so. Every deletion is listed afterwards.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { claims } from '../shared/auth.js';
import { moment, date, size } from '../shared/format.js';
import { showErrors, announce } from '../shared/forms.js';
import { signInPrompt } from './mine.js';
import { readLine } from './dossier.js';

const KINDS = ['RESULT', 'KEPT', 'DIGITISED', 'DIGITISED_RESULT'];
const STATES = ['VALID', 'EXPIRED', 'REPLACED', 'REVOKED'];

function citation(c) {
  return html`<li>${c.article ? html`${c.article}, ` : ''}${c.document}${c.confirmed ? '' : html` <span class="tag state-PENDING">${t('mydata.unconfirmed')}</span>`}</li>`;
}

/** One official's read of one of my dossiers: which dossier, then the read as the dossier's page shows it. */
export function line(l) {
  const label = l.dossierCode || t('mydata.dossier');
  return html`<li class="read-of" data-dossier="${l.dossierId}"><a href="#/dossier/${encodeURIComponent(l.dossierId)}" class="code">${label}</a>
    <ol class="timeline">${readLine(l.read)}</ol></li>`;
}

export function documentLine(d) {
  const kind = KINDS.includes(d.kind) ? t('mydata.kind.' + d.kind) : d.kind;
  const state = STATES.includes(d.state) ? t('mydata.state.' + d.state) : d.state;
  return html`<li data-document="${d.id}"><strong>${pick(d.name) || d.documentKind || d.id}</strong>
    <div class="muted">${kind}${d.numberAndSymbol ? html` · ${d.numberAndSymbol}` : ''}${d.issuedOn ? html` · ${date(d.issuedOn)}` : ''} · <span class="tag">${state}</span></div>
    ${d.deletable ? html`<button type="button" class="secondary delete-document" data-id="${d.id}">${t('mydata.deleteDocument')}</button>`
      : html`<p class="hint kept">${t('mydata.kept')}</p>`}</li>`;
}

export function draftLine(d) {
  return html`<li data-draft="${d.id}"><a href="#/dossier/${encodeURIComponent(d.id)}">${d.procedureCode}</a>
    <div class="muted">${t('mydata.draftMade', { at: moment(d.createdAt) })} · ${t('mydata.files', { n: d.files })}</div>
    <button type="button" class="secondary delete-draft" data-id="${d.id}">${t('mydata.deleteDraft')}</button></li>`;
}

export function erasureLine(e) {
  return html`<li data-erased="${e.ref}"><span class="when">${moment(e.at)}</span> — ${t('mydata.erased.' + (e.what === 'DRAFT' ? 'DRAFT' : 'WAREHOUSE_DOCUMENT'))}${e.label ? html` <span class="muted">${e.label}</span>` : ''}</li>`;
}

export async function myDataPage(main) {
  if (!claims()) return signInPrompt(main, t('mydata.title'));
  const [o, reads] = await Promise.all([api('GET', '/api/me/data'), api('GET', '/api/me/data/reads?size=20')]);
  mount(main, html`<h1>${t('mydata.title')}</h1>
    <p>${t('mydata.intro')}</p>
    <section class="card" id="export" aria-labelledby="export-title"><h2 id="export-title">${t('mydata.exportTitle')}</h2>
      <p>${t('mydata.exportIntro', { n: o.maxDossiers, size: size(o.maxBytes) })}</p>
      <button type="button" id="export-button">${t('mydata.export')}</button>
      <div id="export-result" aria-live="polite"></div><div id="export-errors"></div>
      <details><summary>${t('mydata.basis')}</summary><ul class="basis">${[...(o.basis.access || []), ...(o.basis.erase || []), ...(o.basis.keep || [])].map(citation)}</ul></details>
    </section>
    <section class="card" id="who-looked" aria-labelledby="who-title"><h2 id="who-title">${t('mydata.readsTitle')}</h2>
      <p class="muted">${t('reads.intro')}</p>
      ${reads.reads.length ? html`<ul class="list" id="my-reads">${reads.reads.map(line)}</ul>` : html`<p id="my-reads-none">${t('reads.none')}</p>`}
      ${reads.next ? html`<button type="button" class="secondary" id="my-reads-more" data-after="${reads.next}">${t('reads.more')}</button>` : ''}
      <div id="my-reads-errors"></div></section>
    <section class="card" id="my-drafts" aria-labelledby="drafts-title"><h2 id="drafts-title">${t('mydata.draftsTitle')}</h2>
      <p class="muted">${t('mydata.draftsIntro')}</p>
      ${o.drafts.length ? html`<ul class="list" id="drafts">${o.drafts.map(draftLine)}</ul>` : html`<p class="muted" id="drafts-none">${t('mydata.noDrafts')}</p>`}
      <div id="drafts-errors"></div></section>
    <section class="card" id="my-warehouse" aria-labelledby="warehouse-title"><h2 id="warehouse-title">${t('mydata.warehouseTitle')}</h2>
      <p class="muted">${t('mydata.warehouseIntro')}</p>
      ${o.warehouse.length ? html`<ul class="list" id="documents">${o.warehouse.map(documentLine)}</ul>` : html`<p class="muted" id="documents-none">${t('mydata.noDocuments')}</p>`}
      <div id="documents-errors"></div></section>
    <section class="card" id="my-deletions" aria-labelledby="deletions-title"><h2 id="deletions-title">${t('mydata.deletionsTitle')}</h2>
      ${o.deletions.length ? html`<ul class="list" id="deletions">${o.deletions.map(erasureLine)}</ul>` : html`<p class="muted" id="deletions-none">${t('mydata.noDeletions')}</p>`}
    </section>`);

  const exportButton = main.querySelector('#export-button');
  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    const out = main.querySelector('#export-result');
    mount(out, html`<p>${t('mydata.exporting')}</p>`);
    try {
      const e = await api('POST', '/api/me/data/export');
      const c = e.counts;
      mount(out, html`<p><a id="export-link" href="${e.link}" download="${e.fileName}" rel="noopener">${t('mydata.download', { name: e.fileName })}</a></p>
        <p class="hint">${t('mydata.linkUntil', { at: moment(e.expiresAt) })}</p>
        <p class="muted" id="export-counts">${t('mydata.counts', { dossiers: c.dossiers, files: c.files, results: c.results, payments: c.payments, messages: c.messages, warehouse: c.warehouse, reads: c.reads })}</p>`);
      announce(t('mydata.ready'));
    } catch (err) { mount(out, html``); showErrors(main.querySelector('#export-errors'), null, err); }
    exportButton.disabled = false;
  });

  const more = main.querySelector('#my-reads-more');
  if (more) {
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const page = await api('GET', `/api/me/data/reads?size=20&after=${encodeURIComponent(more.dataset.after)}`);
        main.querySelector('#my-reads').insertAdjacentHTML('beforeend', html`${page.reads.map(line)}`.text);
        if (page.next) { more.dataset.after = page.next; more.disabled = false; } else more.remove();
      } catch (e) { showErrors(main.querySelector('#my-reads-errors'), null, e); more.disabled = false; }
    });
  }

  main.querySelectorAll('button.delete-draft').forEach((b) => b.addEventListener('click', async () => {
    if (!window.confirm(t('mydata.confirmDraft'))) return;
    b.disabled = true;
    try {
      await api('DELETE', `/api/me/data/drafts/${encodeURIComponent(b.dataset.id)}`);
      announce(t('mydata.draftDeleted'));
      await myDataPage(main);
    } catch (e) { showErrors(main.querySelector('#drafts-errors'), null, e); b.disabled = false; }
  }));
  main.querySelectorAll('button.delete-document').forEach((b) => b.addEventListener('click', async () => {
    if (!window.confirm(t('mydata.confirmDocument'))) return;
    b.disabled = true;
    try {
      await api('DELETE', `/api/me/data/warehouse/${encodeURIComponent(b.dataset.id)}`);
      announce(t('mydata.documentDeleted'));
      await myDataPage(main);
    } catch (e) { showErrors(main.querySelector('#documents-errors'), null, e); b.disabled = false; }
  }));
  return t('mydata.title');
}

// Digitisation at the one-stop desk (issue #25): a paper component of a dossier, a still-valid paper result, or a
// batch of past results, signed by the official's own certificate in two phases — the server prepares the PDFs and
// answers the digests, the official's device signs them (signing-device.js, the one seam a real plug-in fills), the
// server embeds the signatures and files the documents; the batch's report row by row.
import { html, mount } from '../shared/html.js';
import { t, pick, strings } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { errorSummary, showFieldErrors } from '../shared/forms.js';
import { groups } from '../shared/auth.js';
import { signInPrompt } from '../citizen/mine.js';
import { certificate, signDigests, deviceName } from './signing-device.js';

const MAX_BYTES = 4 * 1024 * 1024;

function officialsOnly(main, title) {
  if (!groups().length) { signInPrompt(main, title); return false; }
  if (!groups().includes('officials')) {
    mount(main, html`<h1>${title}</h1><p class="banner warn">${t('official.only')}</p>`);
    return false;
  }
  return true;
}

/** The file chosen in input, as base64 (null when none; an error naming the field when it is too large). */
async function base64(input, field) {
  const f = input.files && input.files[0];
  if (!f) return null;
  if (f.size > MAX_BYTES) throw { errors: [{ vi: strings('vi').digitise.tooLarge, en: strings('en').digitise.tooLarge, field }] };
  const bytes = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function reportTable(rows) {
  return html`<h2 id="digitise-report-title">${t('digitise.report')}</h2>
    <table class="data" id="digitise-report" aria-labelledby="digitise-report-title"><caption class="visually-hidden">${t('digitise.report')}</caption>
    <thead><tr><th scope="col">${t('digitise.row')}</th><th scope="col">${t('digitise.outcome')}</th><th scope="col">${t('digitise.why')}</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr data-ref="${r.ref}" data-outcome="${r.outcome}">
      <td data-label="${t('digitise.row')}">${r.ref}</td>
      <td data-label="${t('digitise.outcome')}"><span class="tag ${r.outcome === 'REFUSED' ? 'state-MISSING' : ''}">${t('digitise.outcomes.' + r.outcome)}</span></td>
      <td data-label="${t('digitise.why')}">${r.why ? html`${pick({ vi: r.why, en: r.whyEn })}${r.field ? html` <span class="muted">(${r.field})</span>` : ''}` : ''}
        ${r.verifyPath ? html`<a href="${r.verifyPath}" target="_blank" rel="noopener" data-verify="${r.documentId}">${t('digitise.verify')}</a>` : ''}</td>
    </tr>`)}</tbody></table>`;
}

function counts(rows) {
  const n = (o) => rows.filter((r) => r.outcome === o).length;
  return t('digitise.counts', { taken: n('TAKEN'), unchanged: n('UNCHANGED'), refused: n('REFUSED') });
}

/**
 * The two phases around one prepare call: the device's certificate, the prepare (its early report), the official's
 * confirmation, the device's signatures, the completion. {@code out} shows each step; returns the final report.
 */
async function twoPhase(out, prepare, confirmLabel) {
  mount(out, html`<p role="status">${t('digitise.reading')}</p>`);
  const chain = await certificate();
  const started = await prepare(chain);
  const early = started.rows || [];
  if (!started.sessionId) {
    mount(out, html`<p role="status" id="digitise-done">${t('digitise.nothingToSign')} ${counts(early)}</p>${early.length ? reportTable(early) : ''}`);
    return;
  }
  await new Promise((resolve) => {
    mount(out, html`<div class="card" id="digitise-confirm"><h2>${t('digitise.confirmTitle')}</h2>
      <p>${t('digitise.ready', { n: started.toSign.length })} ${pick(deviceName)}.</p>
      <p class="muted">${t('digitise.expires', { at: new Date(started.expiresAt).toLocaleTimeString() })}</p>
      ${early.length ? html`<p>${counts(early)}</p>${reportTable(early)}` : ''}
      <div class="actions"><button type="button" id="digitise-sign">${confirmLabel}</button></div></div>`);
    out.querySelector('#digitise-sign').addEventListener('click', resolve, { once: true });
    out.querySelector('#digitise-sign').focus();
  });
  mount(out, html`<p role="status">${t('digitise.signing')}</p>`);
  const signatures = await signDigests(started.toSign.map((x) => x.digest));
  const done = await api('POST', `/api/official/digitisation/sessions/${encodeURIComponent(started.sessionId)}/complete`, {
    chain, signatures: Object.fromEntries(started.toSign.map((x, i) => [x.ref, signatures[i]])) });
  mount(out, html`<p role="status" id="digitise-done" class="banner">${t('digitise.done')} ${counts(done.rows)}</p>${reportTable(done.rows)}`);
}

function wireForm(main, form, out, run) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const errs = main.querySelector('#digitise-errors');
    mount(errs, html``);
    showFieldErrors(form, []);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await run();
    } catch (e) {
      const list = e.errors || [{ vi: e.message, en: e.message }];
      mount(out, html``);
      mount(errs, errorSummary(list));
      showFieldErrors(form, list);
      errs.querySelector('#error-summary')?.focus();
    } finally {
      button.disabled = false;
    }
  });
}

const field = (name, label, { type = 'text', hint, required, max } = {}) => html`<div class="field">
  <label for="f-${name}">${label}${required ? html` <span class="req" aria-hidden="true">*</span>` : ''}</label>
  ${hint ? html`<span class="hint" id="f-${name}-hint">${hint}</span>` : ''}
  <input id="f-${name}" name="${name}" type="${type}" ${required ? 'required' : ''} ${max ? html`maxlength="${max}"` : ''}
    ${hint ? html`aria-describedby="f-${name}-hint"` : ''} ${type === 'file' ? html`accept="${name === 'package' ? 'application/zip,.zip' : 'application/pdf,.pdf'}"` : ''}></div>`;

/** #/official/digitise — a still-valid paper result: its metadata, its scan, the official's signature. */
export async function digitiseResultPage(main) {
  const title = t('digitise.resultTitle');
  if (!officialsOnly(main, title)) return title;
  mount(main, html`<h1>${title}</h1>
    <p><a href="#/official">← ${t('official.back')}</a> · <a href="#/official/import" id="to-import">${t('digitise.importTitle')}</a></p>
    <p class="muted">${t('digitise.resultIntro')}</p>
    <div id="digitise-errors"></div>
    <form class="card" id="digitise-result" novalidate>
      ${field('ownerId', t('digitise.ownerId'), { hint: t('digitise.ownerIdHint'), required: true, max: 14 })}
      ${field('name', t('digitise.name'), { required: true, max: 300 })}
      ${field('numberAndSymbol', t('digitise.number'), { required: true, max: 300 })}
      ${field('issuer', t('digitise.issuer'), { required: true, max: 300 })}
      ${field('issuedOn', t('digitise.issuedOn'), { type: 'date', required: true })}
      ${field('validUntil', t('digitise.validUntil'), { type: 'date', hint: t('digitise.validUntilHint') })}
      ${field('scope', t('digitise.scope'), { max: 300 })}
      <div class="field"><label for="f-summary">${t('digitise.summary')}</label><textarea id="f-summary" name="summary" maxlength="1000" rows="3"></textarea></div>
      ${field('file', t('digitise.scan'), { type: 'file', hint: t('digitise.scanHint'), required: true })}
      <div class="actions"><button type="submit" id="digitise-prepare">${t('digitise.prepare')}</button></div>
    </form>
    <div id="digitise-out" aria-live="polite"></div>`);
  const form = main.querySelector('#digitise-result');
  const out = main.querySelector('#digitise-out');
  wireForm(main, form, out, async () => {
    const v = (n) => form.elements[n].value.trim();
    const file = await base64(form.elements.file, 'file');
    await twoPhase(out, (chain) => api('POST', '/api/official/digitisation/results/prepare', {
      ownerId: v('ownerId'), name: v('name'), numberAndSymbol: v('numberAndSymbol'), issuer: v('issuer'), issuedOn: v('issuedOn'),
      validUntil: v('validUntil'), scope: v('scope'), summary: v('summary'), file, chain }), t('digitise.sign'));
  });
  return title;
}

/** #/official/import — a ZIP of results.csv and the PDFs; the report row by row. */
export async function importResultsPage(main) {
  const title = t('digitise.importTitle');
  if (!officialsOnly(main, title)) return title;
  mount(main, html`<h1>${title}</h1>
    <p><a href="#/official">← ${t('official.back')}</a> · <a href="#/official/digitise" id="to-digitise">${t('digitise.resultTitle')}</a></p>
    <p class="muted">${t('digitise.importIntro')}</p>
    <div id="digitise-errors"></div>
    <form class="card" id="digitise-import" novalidate>
      ${field('package', t('digitise.package'), { type: 'file', hint: t('digitise.packageHint'), required: true })}
      <div class="actions"><button type="submit" id="import-prepare">${t('digitise.check')}</button></div>
    </form>
    <div id="digitise-out" aria-live="polite"></div>`);
  const form = main.querySelector('#digitise-import');
  const out = main.querySelector('#digitise-out');
  wireForm(main, form, out, async () => {
    const pkg = await base64(form.elements.package, 'package');
    await twoPhase(out, (chain) => api('POST', '/api/official/digitisation/imports/prepare', { package: pkg, chain }), t('digitise.signBatch'));
  });
  return title;
}

/** #/official/dossier/:id/digitise — a paper component of the dossier, scanned at the desk. */
export async function digitiseComponentPage(main, params) {
  const title = t('digitise.componentTitle');
  if (!officialsOnly(main, title)) return title;
  const d = await api('GET', `/api/official/dossiers/${encodeURIComponent(params.id)}`);
  const p = await api('GET', `/api/procedures/${encodeURIComponent(d.procedureCode)}`).catch(() => ({ components: [] }));
  const components = (p.components || []).filter((c) => !c.formats || c.formats.includes('pdf'));
  mount(main, html`<h1>${title} <span class="code">${d.code || ''}</span></h1>
    <p><a href="#/official/dossier/${encodeURIComponent(d.id)}">← ${t('digitise.backToDossier')}</a></p>
    <p class="muted">${t('digitise.componentIntro')}</p>
    <div id="digitise-errors"></div>
    <form class="card" id="digitise-component" novalidate>
      <div class="field"><label for="f-component">${t('digitise.component')} <span class="req" aria-hidden="true">*</span></label>
        <select id="f-component" name="component" required>${components.map((c) => html`<option value="${c.code}">${pick(c.name)}</option>`)}</select></div>
      ${field('file', t('digitise.scan'), { type: 'file', hint: t('digitise.scanHint'), required: true })}
      <div class="actions"><button type="submit" id="digitise-prepare">${t('digitise.prepare')}</button></div>
    </form>
    <div id="digitise-out" aria-live="polite"></div>`);
  const form = main.querySelector('#digitise-component');
  const out = main.querySelector('#digitise-out');
  wireForm(main, form, out, async () => {
    const input = form.elements.file;
    const file = await base64(input, 'file');
    await twoPhase(out, (chain) => api('POST', '/api/official/digitisation/components/prepare', {
      dossierId: d.id, component: form.elements.component.value, fileName: input.files[0] ? input.files[0].name : '', file, chain }), t('digitise.sign'));
  });
  return title;
}

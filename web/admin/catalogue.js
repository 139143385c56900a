// Administrators: the catalogue with its versions, and publishing a new version of a procedure in a form (the
// server checks it; its errors appear next to the fields).
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { date } from '../shared/format.js';
import { fieldId, showErrors, announce } from '../shared/forms.js';
import { requireAdmin, adminNav } from './common.js';
import { toIsoDate } from '../citizen/eform.js';
import { dateField, parseDate } from '../shared/dates.js';
import { eformEditor } from './eform-editor.js';

export async function adminCataloguePage(main) {
  const title = t('admin.catalogue');
  if (!requireAdmin(main, title)) return title;
  const res = await api('GET', '/api/procedures?size=100');
  mount(main, html`<h1>${title}</h1>${adminNav()}
    <div class="toolbar"><div class="field"><label for="admin-filter">${t('publishing.filter')}</label>
      <p class="hint" id="admin-filter-hint">${t('publishing.filterHint')}</p>
      <input id="admin-filter" type="search" aria-describedby="admin-filter-hint admin-shown" aria-controls="admin-procedures"></div>
      <a class="button" id="add-procedure" href="#/admin/procedure/new">${t('publishing.add')}</a></div>
    <p class="muted" id="admin-shown" aria-live="polite">${t('publishing.shown', { n: res.items.length, total: res.items.length })}</p>
    <table class="data" id="admin-procedures"><caption class="visually-hidden">${title}</caption>
      <thead><tr><th scope="col">${t('procedure.code')}</th><th scope="col">${t('admin.name')}</th><th scope="col">${t('procedure.agency')}</th><th scope="col">${t('procedure.time')}</th><th scope="col">${t('admin.actions')}</th></tr></thead>
      <tbody>${res.items.map((p) => html`<tr data-search="${[p.code, p.name.vi, p.name.en, p.agencyCode, p.agencyName.vi, p.agencyName.en].filter(Boolean).join(' ').toLowerCase()}">
        <td data-label="${t('procedure.code')}">${p.code}</td><td data-label="${t('admin.name')}">${pick(p.name)}</td>
        <td data-label="${t('procedure.agency')}">${pick(p.agencyName)}</td>
        <td data-label="${t('procedure.time')}">${pick(p.timeLimit.label)}</td>
        <td data-label="${t('admin.actions')}"><a href="#/admin/procedure/${encodeURIComponent(p.code)}">${t('admin.open')}</a></td></tr>`)}</tbody></table>`);
  // the filter matches every word typed, with or without diacritics
  const fold = (x) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const rowsEl = [...main.querySelectorAll('#admin-procedures tbody tr')];
  main.querySelector('#admin-filter').addEventListener('input', (ev) => {
    const words = fold(ev.target.value).split(/\s+/).filter(Boolean);
    let n = 0;
    for (const tr of rowsEl) { const hit = words.every((w) => fold(tr.dataset.search).includes(w)); tr.hidden = !hit; if (hit) n += 1; }
    main.querySelector('#admin-shown').textContent = t('publishing.shown', { n, total: rowsEl.length });
  });
  return title;
}

const text = (prefix, v, label, opts = {}) => html`<div class="field"><label for="${fieldId(prefix)}">${label}</label>
  ${opts.hint ? html`<p class="hint" id="${fieldId(prefix)}-hint">${opts.hint}</p>` : ''}
  <input id="${fieldId(prefix)}" name="${prefix}" value="${v ?? ''}" ${opts.hint ? html`aria-describedby="${fieldId(prefix)}-hint"` : ''} ${opts.inputmode ? html`inputmode="${opts.inputmode}"` : ''}></div>`;

const unitSelect = (name, v) => html`<div class="field"><label for="${fieldId(name)}">${t('admin.unit')}</label>
  <select id="${fieldId(name)}" name="${name}"><option value="WORKING_DAYS" ${v === 'WORKING_DAYS' ? html`selected` : ''}>${t('admin.workingDays')}</option>
  <option value="CALENDAR_DAYS" ${v === 'CALENDAR_DAYS' ? html`selected` : ''}>${t('admin.calendarDays')}</option></select></div>`;

function rows(kind, items, row) {
  return html`<div class="rows" data-rows="${kind}">${items.map((x, i) => html`<div class="row-card" data-row="${kind}">${row(x, i)}</div>`)}</div>
    <button type="button" class="secondary small" data-add="${kind}">${t('admin.add')}</button>`;
}

const stepRow = (s, i) => html`${text(`steps.${i}.code`, s.code, t('admin.stepCode'))}${text(`steps.${i}.vi`, s.name && s.name.vi, t('admin.nameVi'))}
  ${text(`steps.${i}.en`, s.name && s.name.en, t('admin.nameEn'))}${text(`steps.${i}.days`, s.budget && s.budget.days, t('admin.days'), { inputmode: 'numeric' })}
  ${unitSelect(`steps.${i}.unit`, s.budget && s.budget.unit)}`;

const componentRow = (c, i) => html`${text(`components.${i}.code`, c.code, t('admin.componentCode'))}${text(`components.${i}.vi`, c.name && c.name.vi, t('admin.nameVi'))}
  ${text(`components.${i}.en`, c.name && c.name.en, t('admin.nameEn'))}${text(`components.${i}.formats`, (c.formats || []).join(', '), t('admin.formats'))}
  ${text(`components.${i}.maxSizeMb`, c.maxSizeMb || 10, t('admin.maxSizeMb'), { inputmode: 'numeric' })}${text(`components.${i}.template`, c.template, t('admin.template'))}
  <label class="check"><input type="checkbox" name="components.${i}.mandatory" ${c.mandatory ? html`checked` : ''}> ${t('procedure.mandatory')}</label>`;

const feeRow = (f, i) => {
  const r = (f.rates || [])[0] || {};
  return html`${text(`fees.${i}.vi`, f.name && f.name.vi, t('admin.nameVi'))}${text(`fees.${i}.en`, f.name && f.name.en, t('admin.nameEn'))}
  ${text(`fees.${i}.amount`, f.standardAmountVnd ?? f.amountVnd, t('admin.amount'), { inputmode: 'numeric' })}
  ${text(`fees.${i}.basis`, f.basis && f.basis.document, t('admin.basisDocument'))}
  <fieldset class="sub"><legend>${t('admin.rate')}</legend>
    ${text(`fees.${i}.rate.amount`, r.amountVnd, t('admin.amount'), { inputmode: 'numeric' })}
    ${dateField(fieldId(`fees.${i}.rate.from`), `fees.${i}.rate.from`, t('admin.from'), r.from || '')}
    ${dateField(fieldId(`fees.${i}.rate.until`), `fees.${i}.rate.until`, t('admin.until'), r.until || '')}
    ${text(`fees.${i}.rate.basis`, r.basis && r.basis.document, t('admin.basisDocument'))}
  </fieldset>`;
};

const basisRow = (b, i) => html`${text(`legalBasis.${i}.document`, b.document, t('admin.basisDocument'))}${text(`legalBasis.${i}.article`, b.article, t('admin.article'))}
  <label class="check"><input type="checkbox" name="legalBasis.${i}.confirmed" ${b.confirmed ? html`checked` : ''}> ${t('admin.confirmed')}</label>`;

const BLANK = { steps: { name: {}, budget: { unit: 'WORKING_DAYS' } }, components: { name: {}, formats: ['pdf'], maxSizeMb: 10 }, fees: { name: {} }, legalBasis: { confirmed: false } };
const ROW = { steps: stepRow, components: componentRow, fees: feeRow, legalBasis: basisRow };

/** The form's values as the API's procedure version (what ProcedureVersionInput documents). */
function collect(form, base, editor) {
  const v = (n) => { const el = form.elements.namedItem(n); return el ? el.value.trim() : ''; };
  const on = (n) => { const el = form.elements.namedItem(n); return !!(el && el.checked); };
  const count = (kind) => form.querySelectorAll(`[data-row="${kind}"]`).length;
  const num = (s) => (s === '' ? null : Number(String(s).replace(/[.\s]/g, '')));
  const list = (kind, f) => Array.from({ length: count(kind) }, (_, i) => f(i)).filter(Boolean);
  const body = {
    code: base.code || v('code'), version: Number(v('version')), change: v('change'), effectiveFrom: parseDate(v('effectiveFrom')) || v('effectiveFrom'),
    decision: v('decision.document') ? { document: v('decision.document'), article: v('decision.article') || null, confirmed: on('decision.confirmed') } : null,
    name: { vi: v('name.vi'), en: v('name.en') || null }, field: base.field || v('field') || null, agencyCode: v('agencyCode'),
    agencyName: { vi: v('agencyName.vi'), en: v('agencyName.en') || null }, receivingUnitCode: v('receivingUnitCode'),
    serviceLevel: Number(v('serviceLevel')), fullProcess: on('fullProcess'),
    timeLimit: { days: num(v('timeLimit.days')), unit: v('timeLimit.unit') },
    steps: list('steps', (i) => (v(`steps.${i}.code`) ? { code: v(`steps.${i}.code`), name: { vi: v(`steps.${i}.vi`), en: v(`steps.${i}.en`) || null }, budget: { days: num(v(`steps.${i}.days`)), unit: v(`steps.${i}.unit`) } } : null)),
    components: list('components', (i) => (v(`components.${i}.code`) ? { code: v(`components.${i}.code`), name: { vi: v(`components.${i}.vi`), en: v(`components.${i}.en`) || null },
      mandatory: on(`components.${i}.mandatory`), formats: v(`components.${i}.formats`).split(/[,\s]+/).filter(Boolean), maxSizeMb: num(v(`components.${i}.maxSizeMb`)),
      template: v(`components.${i}.template`) || null } : null)),
    fees: list('fees', (i) => (v(`fees.${i}.vi`) ? { name: { vi: v(`fees.${i}.vi`), en: v(`fees.${i}.en`) || null }, amountVnd: num(v(`fees.${i}.amount`)),
      basis: v(`fees.${i}.basis`) ? { document: v(`fees.${i}.basis`), confirmed: true } : null,
      rates: v(`fees.${i}.rate.amount`) ? [{ amountVnd: num(v(`fees.${i}.rate.amount`)), from: parseDate(v(`fees.${i}.rate.from`)) || toIsoDate(v(`fees.${i}.rate.from`)), until: parseDate(v(`fees.${i}.rate.until`)) || toIsoDate(v(`fees.${i}.rate.until`)) || null,
        basis: v(`fees.${i}.rate.basis`) ? { document: v(`fees.${i}.rate.basis`), confirmed: true } : null }] : [] } : null)),
    resultType: v('resultType.vi') ? { vi: v('resultType.vi'), en: v('resultType.en') || null } : base.resultType, legalBasis: list('legalBasis', (i) => (v(`legalBasis.${i}.document`) ? { document: v(`legalBasis.${i}.document`), article: v(`legalBasis.${i}.article`) || null, confirmed: on(`legalBasis.${i}.confirmed`) } : null)),
    dataNote: v('dataNote.vi') || v('dataNote.en') ? { vi: v('dataNote.vi') || v('dataNote.en'), en: v('dataNote.en') || null } : null,
  };
  body.formFields = editor.value();
  // the official form the e-form follows is kept from the version being amended
  if (base.formSource) body.formSource = base.formSource;
  return body;
}

const BLANK_PROCEDURE = {
  code: '', name: { vi: '', en: '' }, agencyCode: '', agencyName: { vi: '', en: '' }, receivingUnitCode: '', serviceLevel: 4, fullProcess: true,
  timeLimit: { days: '', unit: 'WORKING_DAYS' }, steps: [], components: [{ name: {}, formats: ['pdf'], maxSizeMb: 10, mandatory: true }], fees: [],
  legalBasis: [{ confirmed: false }], formFields: [], resultType: { vi: '', en: '' }, field: '',
};

/** What publishing would change, drawn for the confirmation. */
function versionChangesView(c) {
  if (c.newProcedure) return html`<p id="version-new">${t('publishing.isNew')}</p>`;
  return html`<table class="data" id="version-differences"><caption>${t('publishing.differences')}</caption>
    <thead><tr><th scope="col">${t('publishing.what')}</th><th scope="col">${t('publishing.before')}</th><th scope="col">${t('publishing.after')}</th></tr></thead>
    <tbody>${c.differences.map((d) => html`<tr data-what="${d.what}"><th scope="row" data-label="${t('publishing.what')}">${pick(d.label)}</th>
      <td data-label="${t('publishing.before')}">${d.before || '—'}</td><td data-label="${t('publishing.after')}">${d.after || '—'}</td></tr>`)}</tbody></table>`;
}

/** A section of the long form, folded so the page is read part by part (errors open the part they are in). */
const section = (id, legend, body, open = false) => html`<details class="section" id="section-${id}" ${open ? html`open` : ''}>
  <summary>${legend}</summary><fieldset class="group" id="f-${id}" tabindex="-1"><legend class="visually-hidden">${legend}</legend>${body}</fieldset></details>`;

export async function adminProcedurePage(main, { code }) {
  const isNew = code === 'new';
  const title = isNew ? t('publishing.newTitle') : t('admin.publishTitle');
  if (!requireAdmin(main, title)) return title;
  const [p, pub] = isNew ? [BLANK_PROCEDURE, { history: [] }]
    : await Promise.all([api('GET', '/api/admin/procedures/' + encodeURIComponent(code)), api('GET', '/api/procedures/' + encodeURIComponent(code))]);
  const next = pub.history.length + 1;
  const sections = [['decision', t('admin.decision')], ['identity', t('admin.identity')], ['timeLimit', t('procedure.time')], ['steps', t('procedure.steps')],
    ['components', t('procedure.components')], ['fees', t('procedure.fee')], ['legalBasis', t('procedure.legal')], ['formFields', t('eformEditor.title')], ['dataNote', t('admin.dataNote')]];
  mount(main, html`<h1>${title}</h1>${adminNav()}
    ${isNew ? '' : html`<p><strong>${pick(p.name)}</strong> (${p.code}) · ${t('admin.inForce', { v: p.version })} · <a href="#/procedure/${encodeURIComponent(p.code)}">${t('admin.publicPage')}</a></p>`}
    ${p.dataNote ? html`<div class="banner info" id="data-note"><strong>${t('admin.dataNote')}:</strong>
      <p lang="vi">${p.dataNote.vi}</p>${p.dataNote.en && p.dataNote.en !== p.dataNote.vi ? html`<p lang="en">${p.dataNote.en}</p>` : ''}</div>` : ''}
    <nav class="toc" aria-label="${t('publishing.sections')}"><ul>${sections.map(([id, label]) => html`<li><a href="#section-${id}" data-section="${id}">${label}</a></li>`)}</ul></nav>
    <form id="publish-form" class="card publish-form" novalidate><div id="publish-errors"></div>
      ${section('decision', t('admin.decision'), html`<div class="grid">
        ${isNew ? text('code', '', t('publishing.code')) : ''}
        ${text('version', next, t('procedure.version'), { inputmode: 'numeric' })}
        <div class="field"><label for="f-change">${t('admin.change')}</label><select id="f-change" name="change">
          ${(isNew ? ['issued'] : ['amended', 'replaced', 'repealed', 'issued']).map((c) => html`<option value="${c}">${t('change.' + c)}</option>`)}</select></div>
        ${dateField('f-effectiveFrom', 'effectiveFrom', t('admin.effectiveFrom'))}
        <div class="field"><label for="f-decision-document">${t('admin.decisionDocument')}</label><p class="hint" id="f-decision-document-hint">${t('publishing.basisHint')}</p>
          <input id="f-decision-document" name="decision.document" aria-required="true" aria-describedby="f-decision-document-hint"></div>
        ${text('decision.article', '', t('admin.article'))}</div>
        <label class="check"><input type="checkbox" name="decision.confirmed"> ${t('admin.confirmed')}</label>`, true)}
      ${section('identity', t('admin.identity'), html`<div class="grid">
        ${text('name.vi', p.name.vi, t('admin.nameVi'))}${text('name.en', p.name.en, t('admin.nameEn'))}
        ${isNew ? text('field', '', t('publishing.field')) : ''}
        ${text('agencyCode', p.agencyCode, t('admin.agencyCode'))}${text('agencyName.vi', p.agencyName.vi, t('admin.agencyVi'))}${text('agencyName.en', p.agencyName.en, t('admin.agencyEn'))}
        ${text('receivingUnitCode', p.receivingUnitCode, t('admin.unitCode'))}
        <div class="field"><label for="f-serviceLevel">${t('procedure.level')}</label><select id="f-serviceLevel" name="serviceLevel">
          ${[3, 4].map((n) => html`<option value="${n}" ${p.serviceLevel === n ? html`selected` : ''}>${t('procedure.levelN', { n })}</option>`)}</select></div>
        ${text('resultType.vi', p.resultType && p.resultType.vi, t('publishing.resultVi'))}${text('resultType.en', p.resultType && p.resultType.en, t('publishing.resultEn'))}</div>
        <label class="check"><input type="checkbox" name="fullProcess" ${p.fullProcess ? html`checked` : ''}> ${t('procedure.fullProcess')}</label>`, isNew)}
      ${section('timeLimit', t('procedure.time'), html`<div class="grid">${text('timeLimit.days', p.timeLimit.days, t('admin.days'), { inputmode: 'numeric' })}${unitSelect('timeLimit.unit', p.timeLimit.unit)}</div>`)}
      ${section('steps', t('procedure.steps'), rows('steps', p.steps, stepRow))}
      ${section('components', t('procedure.components'), rows('components', p.components, componentRow))}
      ${section('fees', t('procedure.fee'), rows('fees', p.fees, feeRow))}
      ${section('legalBasis', t('procedure.legal'), rows('legalBasis', p.legalBasis, basisRow))}
      ${section('formFields', t('eformEditor.title'), html`<div id="eform-editor"></div>`)}
      ${section('dataNote', t('admin.dataNote'), html`<div class="grid"><div class="field"><label for="f-dataNote-vi">${t('publishing.dataNoteVi')}</label><textarea id="f-dataNote-vi" name="dataNote.vi" rows="4">${p.dataNote ? p.dataNote.vi : ''}</textarea></div>
        <div class="field"><label for="f-dataNote-en">${t('publishing.dataNoteEn')}</label><textarea id="f-dataNote-en" name="dataNote.en" rows="4" lang="en">${p.dataNote ? p.dataNote.en : ''}</textarea></div></div>`)}
      <button type="submit" id="publish">${t('publishing.check')}</button>
      <section id="version-confirm" class="confirm" hidden aria-labelledby="version-confirm-title" tabindex="-1"></section>
    </form>`);
  const form = main.querySelector('#publish-form');
  const editor = eformEditor(main.querySelector('#eform-editor'), p.formFields);
  main.querySelector('nav.toc').addEventListener('click', (ev) => {
    const a = ev.target.closest('a[data-section]');
    if (!a) return;
    ev.preventDefault();
    const d = main.querySelector('#section-' + a.dataset.section);
    d.open = true;
    d.querySelector('summary').focus();
    d.scrollIntoView({ block: 'start' });
  });
  form.addEventListener('click', (ev) => {
    const add = ev.target.closest('button[data-add]');
    if (!add) return;
    const kind = add.dataset.add;
    const box = form.querySelector(`[data-rows="${kind}"]`);
    const i = box.children.length;
    const div = document.createElement('div');
    div.className = 'row-card'; div.dataset.row = kind;
    mount(div, ROW[kind](BLANK[kind], i));
    box.append(div);
    div.querySelector('input').focus();
  });
  // "Công bố" asks the server what would change (the same checks as publishing: basis, unchanged, numbering, the
  // catalogue's rules), shows it, and publishes only on confirmation; then says what was published
  const confirmBox = main.querySelector('#version-confirm');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    main.querySelector('#publish-errors').replaceChildren();
    confirmBox.hidden = true;
    const body = collect(form, isNew ? {} : p, editor);
    if (!body.code) {
      showErrors(main.querySelector('#publish-errors'), form, [{ vi: 'Cần mã thủ tục.', en: 'The procedure code is required.', field: 'code' }]);
      return;
    }
    const target = encodeURIComponent(body.code);
    let changes;
    try { changes = await api('POST', `/api/admin/procedures/${target}/versions/preview`, body); }
    catch (e) { showErrors(main.querySelector('#publish-errors'), form, e); return; }
    mount(confirmBox, html`<h2 id="version-confirm-title">${t('publishing.confirmTitle')}</h2>${versionChangesView(changes)}
      <div class="actions"><button type="button" id="confirm-publish">${t('publishing.confirm')}</button>
        <button type="button" class="secondary" id="cancel-publish">${t('publishing.cancel')}</button></div>`);
    confirmBox.hidden = false;
    confirmBox.focus();
    confirmBox.querySelector('#cancel-publish').addEventListener('click', () => { confirmBox.hidden = true; form.querySelector('#publish').focus(); });
    confirmBox.querySelector('#confirm-publish').addEventListener('click', async () => {
      try {
        const v = await api('POST', `/api/admin/procedures/${target}/versions`, body);
        const done = t('publishing.versionDone', { v: v.version ?? body.version, code: body.code, from: date(body.effectiveFrom) });
        announce(done);
        mount(confirmBox, html`<div class="banner ok" id="version-published" role="status">${done}
          <a href="#/procedure/${encodeURIComponent(body.code)}">${t('admin.publicPage')}</a></div>`);
        form.querySelector('#publish').disabled = true;
        confirmBox.focus();
      } catch (e) { confirmBox.hidden = true; showErrors(main.querySelector('#publish-errors'), form, e); }
    });
  });
  return title;
}

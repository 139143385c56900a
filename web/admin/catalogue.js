// Administrators: the catalogue with its versions, and publishing a new version of a procedure in a form (the
// server checks it; its errors appear next to the fields).
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { date } from '../shared/format.js';
import { fieldId, showErrors, announce } from '../shared/forms.js';
import { requireAdmin, adminNav } from './common.js';
import { toIsoDate } from '../citizen/eform.js';

export async function adminCataloguePage(main) {
  const title = t('admin.catalogue');
  if (!requireAdmin(main, title)) return title;
  const res = await api('GET', '/api/procedures?size=100');
  mount(main, html`<h1>${title}</h1>${adminNav()}
    <table class="data" id="admin-procedures"><caption class="visually-hidden">${title}</caption>
      <thead><tr><th scope="col">${t('procedure.code')}</th><th scope="col">${t('admin.name')}</th><th scope="col">${t('procedure.time')}</th><th scope="col"><span class="visually-hidden">${t('admin.actions')}</span></th></tr></thead>
      <tbody>${res.items.map((p) => html`<tr><td data-label="${t('procedure.code')}">${p.code}</td><td data-label="${t('admin.name')}">${pick(p.name)}</td>
        <td data-label="${t('procedure.time')}">${pick(p.timeLimit.label)}</td>
        <td><a href="#/admin/procedure/${encodeURIComponent(p.code)}">${t('admin.open')}</a></td></tr>`)}</tbody></table>`);
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
    ${text(`fees.${i}.rate.from`, r.from ? date(r.from) : '', t('admin.from'), { hint: 'dd/mm/yyyy' })}
    ${text(`fees.${i}.rate.until`, r.until ? date(r.until) : '', t('admin.until'), { hint: 'dd/mm/yyyy' })}
    ${text(`fees.${i}.rate.basis`, r.basis && r.basis.document, t('admin.basisDocument'))}
  </fieldset>`;
};

const basisRow = (b, i) => html`${text(`legalBasis.${i}.document`, b.document, t('admin.basisDocument'))}${text(`legalBasis.${i}.article`, b.article, t('admin.article'))}
  <label class="check"><input type="checkbox" name="legalBasis.${i}.confirmed" ${b.confirmed ? html`checked` : ''}> ${t('admin.confirmed')}</label>`;

const BLANK = { steps: { name: {}, budget: { unit: 'WORKING_DAYS' } }, components: { name: {}, formats: ['pdf'], maxSizeMb: 10 }, fees: { name: {} }, legalBasis: { confirmed: false } };
const ROW = { steps: stepRow, components: componentRow, fees: feeRow, legalBasis: basisRow };

/** The form's values as the API's procedure version (what ProcedureVersionInput documents). */
function collect(form, base) {
  const v = (n) => { const el = form.elements.namedItem(n); return el ? el.value.trim() : ''; };
  const on = (n) => { const el = form.elements.namedItem(n); return !!(el && el.checked); };
  const count = (kind) => form.querySelectorAll(`[data-row="${kind}"]`).length;
  const num = (s) => (s === '' ? null : Number(String(s).replace(/[.\s]/g, '')));
  const list = (kind, f) => Array.from({ length: count(kind) }, (_, i) => f(i)).filter(Boolean);
  const body = {
    code: base.code, version: Number(v('version')), change: v('change'), effectiveFrom: toIsoDate(v('effectiveFrom')),
    decision: v('decision.document') ? { document: v('decision.document'), article: v('decision.article') || null, confirmed: on('decision.confirmed') } : null,
    name: { vi: v('name.vi'), en: v('name.en') || null }, field: base.field, agencyCode: v('agencyCode'),
    agencyName: { vi: v('agencyName.vi'), en: v('agencyName.en') || null }, receivingUnitCode: v('receivingUnitCode'),
    serviceLevel: Number(v('serviceLevel')), fullProcess: on('fullProcess'),
    timeLimit: { days: num(v('timeLimit.days')), unit: v('timeLimit.unit') },
    steps: list('steps', (i) => (v(`steps.${i}.code`) ? { code: v(`steps.${i}.code`), name: { vi: v(`steps.${i}.vi`), en: v(`steps.${i}.en`) || null }, budget: { days: num(v(`steps.${i}.days`)), unit: v(`steps.${i}.unit`) } } : null)),
    components: list('components', (i) => (v(`components.${i}.code`) ? { code: v(`components.${i}.code`), name: { vi: v(`components.${i}.vi`), en: v(`components.${i}.en`) || null },
      mandatory: on(`components.${i}.mandatory`), formats: v(`components.${i}.formats`).split(/[,\s]+/).filter(Boolean), maxSizeMb: num(v(`components.${i}.maxSizeMb`)),
      template: v(`components.${i}.template`) || null } : null)),
    fees: list('fees', (i) => (v(`fees.${i}.vi`) ? { name: { vi: v(`fees.${i}.vi`), en: v(`fees.${i}.en`) || null }, amountVnd: num(v(`fees.${i}.amount`)),
      basis: v(`fees.${i}.basis`) ? { document: v(`fees.${i}.basis`), confirmed: true } : null,
      rates: v(`fees.${i}.rate.amount`) ? [{ amountVnd: num(v(`fees.${i}.rate.amount`)), from: toIsoDate(v(`fees.${i}.rate.from`)), until: toIsoDate(v(`fees.${i}.rate.until`)) || null,
        basis: v(`fees.${i}.rate.basis`) ? { document: v(`fees.${i}.rate.basis`), confirmed: true } : null }] : [] } : null)),
    resultType: base.resultType, legalBasis: list('legalBasis', (i) => (v(`legalBasis.${i}.document`) ? { document: v(`legalBasis.${i}.document`), article: v(`legalBasis.${i}.article`) || null, confirmed: on(`legalBasis.${i}.confirmed`) } : null)),
    dataNote: v('dataNote') || null,
  };
  const ff = v('formFields');
  if (ff) body.formFields = JSON.parse(ff);
  // the official form the e-form follows is kept from the version being amended (the e-form's JSON may change it)
  if (ff && base.formSource) body.formSource = base.formSource;
  return body;
}

export async function adminProcedurePage(main, { code }) {
  const title = t('admin.publishTitle');
  if (!requireAdmin(main, title)) return title;
  const [p, pub] = await Promise.all([api('GET', '/api/admin/procedures/' + encodeURIComponent(code)), api('GET', '/api/procedures/' + encodeURIComponent(code))]);
  const next = pub.history.length + 1;
  mount(main, html`<h1>${title}</h1>${adminNav()}
    <p><strong>${pick(p.name)}</strong> (${p.code}) · ${t('admin.inForce', { v: p.version })} · <a href="#/procedure/${encodeURIComponent(p.code)}">${t('admin.publicPage')}</a></p>
    ${p.dataNote ? html`<div class="banner info" id="data-note"><strong>${t('admin.dataNote')}:</strong> ${p.dataNote}</div>` : ''}
    <form id="publish-form" class="card" novalidate><div id="publish-errors"></div>
      <fieldset class="group"><legend>${t('admin.decision')}</legend>
        ${text('version', next, t('procedure.version'), { inputmode: 'numeric' })}
        <div class="field"><label for="f-change">${t('admin.change')}</label><select id="f-change" name="change">
          ${['amended', 'replaced', 'repealed', 'issued'].map((c) => html`<option value="${c}">${t('change.' + c)}</option>`)}</select></div>
        ${text('effectiveFrom', '', t('admin.effectiveFrom'), { hint: 'dd/mm/yyyy' })}
        ${text('decision.document', '', t('admin.decisionDocument'))}${text('decision.article', '', t('admin.article'))}
        <label class="check"><input type="checkbox" name="decision.confirmed"> ${t('admin.confirmed')}</label>
      </fieldset>
      <fieldset class="group"><legend>${t('admin.identity')}</legend>
        ${text('name.vi', p.name.vi, t('admin.nameVi'))}${text('name.en', p.name.en, t('admin.nameEn'))}
        ${text('agencyCode', p.agencyCode, t('admin.agencyCode'))}${text('agencyName.vi', p.agencyName.vi, t('admin.agencyVi'))}${text('agencyName.en', p.agencyName.en, t('admin.agencyEn'))}
        ${text('receivingUnitCode', p.receivingUnitCode, t('admin.unitCode'))}
        <div class="field"><label for="f-serviceLevel">${t('procedure.level')}</label><select id="f-serviceLevel" name="serviceLevel">
          ${[3, 4].map((n) => html`<option value="${n}" ${p.serviceLevel === n ? html`selected` : ''}>${t('procedure.levelN', { n })}</option>`)}</select></div>
        <label class="check"><input type="checkbox" name="fullProcess" ${p.fullProcess ? html`checked` : ''}> ${t('procedure.fullProcess')}</label>
      </fieldset>
      <fieldset class="group" id="f-timeLimit" tabindex="-1"><legend>${t('procedure.time')}</legend>
        ${text('timeLimit.days', p.timeLimit.days, t('admin.days'), { inputmode: 'numeric' })}${unitSelect('timeLimit.unit', p.timeLimit.unit)}</fieldset>
      <fieldset class="group" id="f-steps" tabindex="-1"><legend>${t('procedure.steps')}</legend>${rows('steps', p.steps, stepRow)}</fieldset>
      <fieldset class="group" id="f-components" tabindex="-1"><legend>${t('procedure.components')}</legend>${rows('components', p.components, componentRow)}</fieldset>
      <fieldset class="group" id="f-fees" tabindex="-1"><legend>${t('procedure.fee')}</legend>${rows('fees', p.fees, feeRow)}</fieldset>
      <fieldset class="group" id="f-legalBasis" tabindex="-1"><legend>${t('procedure.legal')}</legend>${rows('legalBasis', p.legalBasis, basisRow)}</fieldset>
      <fieldset class="group"><legend>${t('admin.eform')}</legend>
        <div class="field"><label for="f-formFields">${t('admin.formFields')}</label><p class="hint" id="f-formFields-hint">${t('admin.formFieldsHelp')}</p>
        <textarea id="f-formFields" name="formFields" rows="6" class="code" aria-describedby="f-formFields-hint">${p.formFields.length ? JSON.stringify(p.formFields, null, 1) : ''}</textarea></div>
        <div class="field"><label for="f-dataNote">${t('admin.dataNote')}</label><textarea id="f-dataNote" name="dataNote" rows="2">${p.dataNote || ''}</textarea></div>
      </fieldset>
      <button type="submit" id="publish">${t('admin.publish')}</button>
    </form>`);
  const form = main.querySelector('#publish-form');
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
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    main.querySelector('#publish-errors').replaceChildren();
    let body;
    try { body = collect(form, p); } catch (e) {
      showErrors(main.querySelector('#publish-errors'), form, [{ vi: 'Trường biểu mẫu điện tử không phải JSON hợp lệ.', en: 'The e-form fields are not valid JSON.', field: 'formFields' }]);
      return;
    }
    try {
      await api('POST', `/api/admin/procedures/${encodeURIComponent(code)}/versions`, body);
      announce(t('admin.published'));
      location.hash = '#/procedure/' + encodeURIComponent(code);
    } catch (e) { showErrors(main.querySelector('#publish-errors'), form, e); }
  });
  return title;
}

// The e-form of a procedure, built from its catalogue definition (formFields) — the same definition the server
// checks — and the applicant's block. Field ids follow the API's error fields (applicant.phone, form.companyName)
// so that every server error lands next to its field.
import { html } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { fieldId } from '../shared/forms.js';

const hint = (id, text) => (text ? html`<p class="hint" id="${id}-hint">${text}</p>` : '');
const described = (id, text) => (text ? html`aria-describedby="${id}-hint"` : '');

function input(field, label, value, opts = {}) {
  const id = fieldId(field);
  return html`<div class="field">
    <label for="${id}">${label}${opts.required ? html` <span class="req" aria-hidden="true">*</span>` : ''}</label>
    ${hint(id, opts.help)}
    <input id="${id}" name="${field}" type="${opts.type || 'text'}" value="${value ?? ''}" ${described(id, opts.help)}
      ${opts.readonly ? html`readonly` : ''} ${opts.required ? html`aria-required="true"` : ''}
      ${opts.autocomplete ? html`autocomplete="${opts.autocomplete}"` : ''} ${opts.inputmode ? html`inputmode="${opts.inputmode}"` : ''}
      ${opts.maxlength ? html`maxlength="${opts.maxlength}"` : ''}>
  </div>`;
}

/**
 * The applicant's block: name and ID from the verified identity (read-only), for an organisation signed in with
 * VNeID also its enterprise code (the person signing in is its representative); the rest prefilled from the profile
 * and editable.
 */
export function applicantFields(a, fromIdentity) {
  const org = fromIdentity && a.organisation ? a.organisation : null;
  if (org) a = { ...a, enterpriseCode: org.code };
  return html`<fieldset class="group"><legend>${t('applicant.title')}</legend>
    <p class="hint" id="identity-hint">${t('applicant.fromIdentity')}</p>
    ${org ? html`<p class="hint" id="organisation-hint">${t('applicant.organisation', { name: org.name || org.code })}</p>` : ''}
    ${input('applicant.fullName', t('applicant.fullName'), a.fullName, { readonly: fromIdentity, autocomplete: 'name', help: null })}
    ${input('applicant.idNumber', t('applicant.idNumber'), a.idNumber, { readonly: fromIdentity, inputmode: 'numeric', help: t('applicant.idNumberHelp') })}
    ${input('applicant.enterpriseCode', t('applicant.enterpriseCode'), a.enterpriseCode, { readonly: !!org, inputmode: 'numeric', help: t('applicant.enterpriseCodeHelp') })}
    ${input('applicant.address', t('applicant.address'), a.address, { autocomplete: 'street-address' })}
    ${input('applicant.phone', t('applicant.phone'), a.phone, { type: 'tel', autocomplete: 'tel', help: t('applicant.phoneHelp') })}
    ${input('applicant.email', t('applicant.email'), a.email, { type: 'email', autocomplete: 'email' })}
  </fieldset>`;
}

/**
 * The dossier's filled e-form as a person reads it: the labels and values in words the server drew from the
 * version's definition (formLines); an older answer without them shows its raw fields.
 */
export function formLines(d) {
  if (d.formLines) return d.formLines;
  return Object.entries(d.form || {}).map(([k, v]) => ({ name: k, label: { vi: k, en: k }, value: { vi: v, en: v } }));
}

/** The official application form an e-form follows (document, annex and form number), or ''. */
function formSource(p) {
  const s = p.formSource;
  if (!s) return '';
  return html`<p class="hint" id="eform-source">${t('eform.source')}: ${s.article ? s.article + ', ' : ''}${s.document}</p>`;
}

/** The procedure's own fields (or one free-text request when the procedure declares none). */
export function procedureFields(p, values) {
  const fields = p.formFields && p.formFields.length ? p.formFields
    : [{ name: 'note', type: 'textarea', label: { vi: t('eform.note'), en: t('eform.note') }, required: false, options: [], maxLength: 4000 }];
  return html`<fieldset class="group"><legend>${t('eform.title')}</legend>${formSource(p)}${fields.map((f) => field(f, (values || {})[f.name]))}</fieldset>`;
}

function field(f, value) {
  const name = 'form.' + f.name;
  const id = fieldId(name);
  const label = pick(f.label);
  const help = f.help ? pick(f.help) : (f.patternHint ? pick(f.patternHint) : null);
  const req = f.required ? html` <span class="req" aria-hidden="true">*</span>` : '';
  if (f.type === 'textarea') {
    return html`<div class="field"><label for="${id}">${label}${req}</label>${hint(id, help)}
      <textarea id="${id}" name="${name}" rows="3" maxlength="${f.maxLength}" ${described(id, help)} ${f.required ? html`aria-required="true"` : ''}>${value ?? ''}</textarea></div>`;
  }
  if (f.type === 'select') {
    return html`<div class="field"><label for="${id}">${label}${req}</label>${hint(id, help)}
      <select id="${id}" name="${name}" ${described(id, help)} ${f.required ? html`aria-required="true"` : ''}>
        <option value="">${t('eform.choose')}</option>
        ${f.options.map((o) => html`<option value="${o.value}" ${o.value === value ? html`selected` : ''}>${pick(o.label)}</option>`)}
      </select></div>`;
  }
  if (f.type === 'checkboxes') {
    const chosen = String(value || '').split(',').map((s) => s.trim());
    return html`<div class="field"><fieldset id="${id}" tabindex="-1" ${described(id, help)}><legend>${label}${req}</legend>${hint(id, help)}
      <div class="options">${f.options.map((o, i) => html`<label class="check"><input type="checkbox" name="${name}" value="${o.value}" id="${id}-${i}" ${chosen.includes(o.value) ? html`checked` : ''}> ${pick(o.label)}</label>`)}</div>
      </fieldset></div>`;
  }
  const type = { number: 'text', email: 'email', tel: 'tel', date: 'text', text: 'text' }[f.type] || 'text';
  return input(name, label, value, { type, required: f.required, help: f.type === 'date' ? t('eform.dateHelp') : help, maxlength: f.maxLength,
    inputmode: f.type === 'number' ? 'decimal' : null });
}

/** Reads the applicant block and the e-form back into the API's shapes. */
export function readForm(formEl, p) {
  const val = (n) => (formEl.elements.namedItem(n) ? formEl.elements.namedItem(n).value.trim() : '');
  const applicant = {};
  for (const k of ['fullName', 'idNumber', 'enterpriseCode', 'address', 'phone', 'email']) applicant[k] = val('applicant.' + k);
  const form = {};
  const fields = p.formFields && p.formFields.length ? p.formFields : [{ name: 'note', type: 'textarea' }];
  for (const f of fields) {
    let v;
    if (f.type === 'checkboxes') v = [...formEl.querySelectorAll(`input[name="form.${f.name}"]:checked`)].map((c) => c.value).join(',');
    else if (f.type === 'date') v = toIsoDate(val('form.' + f.name));
    else v = val('form.' + f.name);
    if (v) form[f.name] = v;
  }
  return { applicant, form };
}

/** "24/01/2025" → "2025-01-24" (what the API stores); anything else is left for the server to refuse. */
export function toIsoDate(s) {
  const m = String(s || '').match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : s;
}

/** The checks of the catalogue definition that need no server: required and pattern. Every error, at once. */
export function checkRequired(p, body) {
  const out = [];
  for (const f of p.formFields || []) {
    const v = body.form[f.name];
    if (f.required && !v) out.push({ vi: `Chưa nhập "${f.label.vi}".`, en: `"${f.label.en || f.label.vi}" is required.`, field: 'form.' + f.name });
    else if (v && f.pattern && !new RegExp('^(?:' + f.pattern + ')$').test(v)) {
      const h = f.patternHint || { vi: 'không đúng định dạng', en: 'is not in the expected format' };
      out.push({ vi: `"${f.label.vi}": ${h.vi}.`, en: `"${f.label.en || f.label.vi}": ${h.en || h.vi}.`, field: 'form.' + f.name });
    }
  }
  if (!body.applicant.phone && !body.applicant.email) out.push({ vi: 'Cần ít nhất một cách liên lạc (thư điện tử hoặc số điện thoại).', en: 'At least one contact (email or phone) is required.', field: 'applicant.phone' });
  return out;
}

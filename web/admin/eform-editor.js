// Administrators: the e-form of a procedure version edited field by field (labels in both languages, type, choices
// with their labels, required, pattern and its hint, help), instead of JSON. The editor keeps its state as the API's
// formFields (FormField: name, type, label {vi, en}, required, pattern, patternHint, options [{value, label}], help,
// maxLength) and draws itself again from it on every structural change (add, remove, move).
import { html, mount } from '../shared/html.js';
import { t } from '../shared/i18n.js';

export const TYPES = ['text', 'textarea', 'number', 'select', 'checkboxes', 'email', 'tel', 'date'];
const CHOICES = ['select', 'checkboxes'];

const blankField = () => ({ name: '', type: 'text', label: { vi: '', en: '' }, required: false, options: [] });

/** An input bound to a path of the state ("3.label.vi"). */
const bound = (id, path, label, value, opts = {}) => html`<div class="field"><label for="${id}">${label}</label>
  <input id="${id}" data-path="${path}" value="${value ?? ''}" ${opts.code ? html`spellcheck="false" autocapitalize="off"` : ''}></div>`;

function fieldCard(f, i, n) {
  const p = (k) => `${i}.${k}`;
  const id = (k) => `ef-${i}-${k.replace(/\./g, '-')}`;
  return html`<fieldset class="row-card eform-field" data-field-index="${i}"><legend>${t('eformEditor.field', { n: i + 1 })}${f.label && f.label.vi ? ': ' + f.label.vi : ''}</legend>
    <div class="grid">
      ${bound(id('name'), p('name'), t('eformEditor.name'), f.name, { code: true })}
      <div class="field"><label for="${id('type')}">${t('eformEditor.type')}</label>
        <select id="${id('type')}" data-path="${p('type')}" data-structural="1">${TYPES.map((x) => html`<option value="${x}" ${x === f.type ? html`selected` : ''}>${t('eformEditor.types.' + x)}</option>`)}</select></div>
      ${bound(id('label-vi'), p('label.vi'), t('eformEditor.labelVi'), f.label && f.label.vi)}
      ${bound(id('label-en'), p('label.en'), t('eformEditor.labelEn'), f.label && f.label.en)}
      ${bound(id('pattern'), p('pattern'), t('eformEditor.pattern'), f.pattern, { code: true })}
      ${bound(id('pattern-vi'), p('patternHint.vi'), t('eformEditor.patternVi'), f.patternHint && f.patternHint.vi)}
      ${bound(id('pattern-en'), p('patternHint.en'), t('eformEditor.patternEn'), f.patternHint && f.patternHint.en)}
      ${bound(id('help-vi'), p('help.vi'), t('eformEditor.helpVi'), f.help && f.help.vi)}
      ${bound(id('help-en'), p('help.en'), t('eformEditor.helpEn'), f.help && f.help.en)}
    </div>
    <label class="check"><input type="checkbox" data-path="${p('required')}" ${f.required ? html`checked` : ''}> ${t('eformEditor.required')}</label>
    ${CHOICES.includes(f.type) ? html`<fieldset class="sub options-editor"><legend>${t('eformEditor.options')}</legend>
      <p class="hint">${t('eformEditor.optionsHelp')}</p>
      ${(f.options || []).map((o, j) => html`<div class="grid option-row">
        ${bound(`${id('opt')}-${j}-value`, `${i}.options.${j}.value`, t('eformEditor.optionValue'), o.value, { code: true })}
        ${bound(`${id('opt')}-${j}-vi`, `${i}.options.${j}.label.vi`, t('eformEditor.optionVi'), o.label && o.label.vi)}
        ${bound(`${id('opt')}-${j}-en`, `${i}.options.${j}.label.en`, t('eformEditor.optionEn'), o.label && o.label.en)}
        <button type="button" class="secondary small" data-act="remove-option" data-i="${i}" data-j="${j}">${t('eformEditor.removeOption')}</button></div>`)}
      <button type="button" class="secondary small" data-act="add-option" data-i="${i}">${t('eformEditor.addOption')}</button></fieldset>` : ''}
    <div class="actions">
      ${i > 0 ? html`<button type="button" class="secondary small" data-act="up" data-i="${i}">${t('eformEditor.up')}</button>` : ''}
      ${i < n - 1 ? html`<button type="button" class="secondary small" data-act="down" data-i="${i}">${t('eformEditor.down')}</button>` : ''}
      <button type="button" class="secondary small" data-act="remove" data-i="${i}">${t('eformEditor.remove')}</button></div>
  </fieldset>`;
}

/** Sets state[path] = value ("2.options.0.label.en"), making the objects on the way. */
function set(state, path, value) {
  const keys = path.split('.');
  let o = state;
  for (let k = 0; k < keys.length - 1; k++) {
    const key = /^\d+$/.test(keys[k]) ? Number(keys[k]) : keys[k];
    if (o[key] == null) o[key] = /^\d+$/.test(keys[k + 1]) ? [] : {};
    o = o[key];
  }
  o[keys[keys.length - 1]] = value;
}

/**
 * Mounts the editor in {@code box} over a copy of {@code fields}; returns {value()} giving the API's formFields
 * (empty texts left out, the choices only for the types that have them).
 */
export function eformEditor(box, fields) {
  const state = JSON.parse(JSON.stringify(fields || [])).map((f) => ({ ...f, options: f.options || [] }));
  const draw = (focus) => {
    mount(box, html`${state.length ? '' : html`<p class="muted" id="eform-empty">${t('eformEditor.none')}</p>`}
      <div id="eform-fields">${state.map((f, i) => fieldCard(f, i, state.length))}</div>
      <button type="button" class="secondary" id="eform-add" data-act="add">${t('eformEditor.add')}</button>`);
    if (focus) box.querySelector(focus)?.focus();
  };
  box.addEventListener('input', (ev) => {
    const el = ev.target.closest('[data-path]');
    if (!el) return;
    set(state, el.dataset.path, el.type === 'checkbox' ? el.checked : el.value);
  });
  box.addEventListener('change', (ev) => {
    const el = ev.target.closest('[data-path]');
    if (!el) return;
    set(state, el.dataset.path, el.type === 'checkbox' ? el.checked : el.value);
    if (el.dataset.structural) draw('#' + el.id);
  });
  box.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-act]');
    if (!b) return;
    const i = Number(b.dataset.i);
    switch (b.dataset.act) {
      case 'add': state.push(blankField()); draw(`#ef-${state.length - 1}-name`); break;
      case 'remove': state.splice(i, 1); draw('#eform-add'); break;
      case 'up': [state[i - 1], state[i]] = [state[i], state[i - 1]]; draw(`#ef-${i - 1}-name`); break;
      case 'down': [state[i + 1], state[i]] = [state[i], state[i + 1]]; draw(`#ef-${i + 1}-name`); break;
      case 'add-option': state[i].options.push({ value: '', label: { vi: '', en: '' } }); draw(`#ef-${i}-opt-${state[i].options.length - 1}-value`); break;
      case 'remove-option': state[i].options.splice(Number(b.dataset.j), 1); draw(`#ef-${i}-type`); break;
      default:
    }
  });
  draw();
  const text = (x) => (x && (x.vi || '').trim() ? { vi: x.vi.trim(), en: (x.en || '').trim() || null } : null);
  return {
    value: () => state.map((f) => {
      const out = { name: (f.name || '').trim(), type: f.type, label: text(f.label) || { vi: '', en: null }, required: !!f.required };
      if ((f.pattern || '').trim()) out.pattern = f.pattern.trim();
      if (text(f.patternHint)) out.patternHint = text(f.patternHint);
      if (text(f.help)) out.help = text(f.help);
      if (f.maxLength) out.maxLength = f.maxLength;
      if (CHOICES.includes(f.type)) out.options = f.options.filter((o) => (o.value || '').trim()).map((o) => ({ value: o.value.trim(), label: text(o.label) || { vi: o.value.trim(), en: null } }));
      return out;
    }),
  };
}

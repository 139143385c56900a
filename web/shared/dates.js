// Date inputs as dd/mm/yyyy in every browser and language: a text input with a pattern and a parser, not
// <input type=date> (its order follows the browser's locale: month first in some). The value sent to the API is ISO.
import { html } from './html.js';
import { date } from './format.js';

const PATTERN = '\\d{1,2}/\\d{1,2}/\\d{4}';

/** "06/12/2026" (or "6/12/2026") → "2026-12-06"; null for anything that is not a real day. */
export function parseDate(s) {
  const m = String(s || '').trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A labelled date field: text input, numeric keypad, pattern, placeholder and a visible hint "dd/mm/yyyy" tied to it
 * (aria-describedby); {@code iso} is shown as dd/mm/yyyy.
 */
export function dateField(id, name, label, iso = '', { required = false } = {}) {
  return html`<div class="field"><label for="${id}">${label}</label>
    <p class="hint" id="${id}-hint">dd/mm/yyyy</p>
    ${dateInput(id, name, iso, { describedBy: id + '-hint', required })}</div>`;
}

/** The input alone (for a form that draws its own label). */
export function dateInput(id, name, iso = '', { describedBy = null, required = false } = {}) {
  return html`<input id="${id}" name="${name}" class="date-input" type="text" inputmode="numeric" autocomplete="off" size="10" maxlength="10"
    pattern="${PATTERN}" placeholder="dd/mm/yyyy" value="${iso ? date(iso) : ''}" ${describedBy ? html`aria-describedby="${describedBy}"` : ''} ${required ? html`required aria-required="true"` : ''}>`;
}

/** The ISO value of a date input (dd/mm/yyyy typed), or what was typed when it is not a day (the server refuses it in both languages). */
export function isoValue(input) {
  const v = input ? input.value.trim() : '';
  return parseDate(v) || v;
}

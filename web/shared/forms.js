// Errors, GOV.UK style: a summary at the top that lists every error and links to its field, and the same message
// next to the field (aria-describedby, aria-invalid). Fields are named as the API names them: applicant.phone,
// form.companyName, component.DON.
import { html } from './html.js';
import { t, pick } from './i18n.js';

export const fieldId = (field) => 'f-' + String(field).replace(/[^A-Za-z0-9_-]/g, '-');

/** The error summary for an ApiError (or a list of {vi, en, field}); focus it after mounting. */
export function errorSummary(err, title) {
  const list = Array.isArray(err) ? err : err.errors;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${title || t('error.summary')}</h2>
    <ul>${list.map((e) => html`<li>${e.field ? html`<a href="#${fieldId(e.field)}" data-field="${e.field}">${pick(e)}</a>` : pick(e)}</li>`)}</ul>
  </div>`;
}

/** Puts each error next to its field in root; returns the errors that have no field there. */
export function showFieldErrors(root, errors) {
  root.querySelectorAll('.field-error').forEach((el) => el.remove());
  root.querySelectorAll('[aria-invalid]').forEach((el) => { el.removeAttribute('aria-invalid'); restoreDescribedBy(el); });
  const rest = [];
  const seen = new Set();
  for (const e of errors) {
    const input = e.field ? root.querySelector('#' + fieldId(e.field)) : null;
    if (!input) { rest.push(e); continue; }
    const id = fieldId(e.field) + '-error';
    if (seen.has(id)) { document.getElementById(id).append(' ' + pick(e)); continue; }
    seen.add(id);
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = id;
    p.textContent = pick(e);
    if (input.tagName === 'FIELDSET') {
      const legend = input.querySelector('legend');
      input.insertBefore(p, legend ? legend.nextSibling : input.firstChild);
    } else {
      const wrap = input.closest('.field') || input.parentElement;
      wrap.insertBefore(p, wrap === input.parentElement || input.closest('.field') ? input : null);
    }
    input.setAttribute('aria-invalid', 'true');
    const closed = input.closest('details');
    if (closed) closed.open = true;
    input.dataset.describedby = input.getAttribute('aria-describedby') || '';
    input.setAttribute('aria-describedby', (input.dataset.describedby + ' ' + id).trim());
  }
  return rest;
}

function restoreDescribedBy(el) {
  if (el.dataset.describedby !== undefined) {
    if (el.dataset.describedby) el.setAttribute('aria-describedby', el.dataset.describedby); else el.removeAttribute('aria-describedby');
    delete el.dataset.describedby;
  }
}

/** A short status message for the polite live region (not the whole page). */
export function announce(text) {
  const s = document.getElementById('status');
  if (!s) return;
  s.textContent = '';
  setTimeout(() => { s.textContent = text; }, 30);
}

/** Shows the errors of err in container (summary) and next to the fields of form, and focuses the summary. */
export function showErrors(container, form, err) {
  const errors = err.errors || err;
  if (form) showFieldErrors(form, errors);
  container.replaceChildren();
  const div = document.createElement('div');
  div.innerHTML = errorSummary(errors).text;
  container.append(div.firstElementChild);
  const summary = container.querySelector('#error-summary');
  summary.addEventListener('click', (ev) => {
    const a = ev.target.closest('a[data-field]');
    if (!a) return;
    ev.preventDefault();
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (target) target.focus();
  });
  summary.focus();
}

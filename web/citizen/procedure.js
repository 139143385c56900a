// A procedure: what it needs, what it costs (the rate in force today, with its basis), how long it takes, the
// expected completion date for any moment, and the e-form to start a dossier.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api, CONFIG } from '../shared/api.js';
import { claims, organisation, signIn } from '../shared/auth.js';
import { date, weekday, money } from '../shared/format.js';
import { showErrors } from '../shared/forms.js';
import { applicantFields, procedureFields, readForm, checkRequired } from './eform.js';

/** A citation: "Điều 50, Luật Du lịch …", marked when it was not checked against the text. */
export function cite(c) {
  if (!c) return '';
  // whether the text was checked against the original is the administrators' working note, not the public's
  return html`${c.article ? c.article + ', ' : ''}${c.document}`;
}

/** A fee as charged today: the temporary rate with its period and basis, or the standard amount, or its rule. */
export function feeText(f) {
  if (f.amountVnd == null) return html`${pick(f.name)}: ${pick(f.rule)}`;
  const basis = f.rateInForce
    ? html` <span class="muted">(${t('fee.reducedFrom', { amount: money(f.standardAmountVnd) })}${f.rateInForce.until ? ', ' + t('fee.until', { date: date(f.rateInForce.until) }) : ''}; ${cite(f.rateInForce.basis)})</span>`
    : (f.basis ? html` <span class="muted">(${cite(f.basis)})</span>` : '');
  return html`${pick(f.name)}: <strong>${money(f.amountVnd)}</strong>${basis}`;
}

/** "24/01/2025" + "10:00" → "2025-01-24T10:00" for the API (Vietnam local time); null when not a date. */
export function localMoment(d, time) {
  const m = String(d || '').trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (!m) return null;
  const tm = String(time || '').trim().match(/^(\d{1,2}):(\d{2})$/) || [null, '09', '00'];
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}T${tm[1].padStart(2, '0')}:${tm[2]}`;
}

export function appointmentText(a) {
  return html`<p>${t('appointment.due')}: <strong id="appointment-due">${weekday(a.dueDate)} ${date(a.dueDate)}</strong>
      ${a.provisional ? html` <span class="tag provisional" id="appointment-provisional">${t('appointment.provisional')}</span>` : ''}</p>
    ${a.provisional ? html`<p class="muted" id="appointment-provisional-reason">${pick(a.provisionalReason)}</p>` : ''}
    <p class="muted">${t('appointment.receivedOn')}: ${date(a.receivedOn)} · ${pick(a.timeLimit.label)}${a.holidaysSkipped.length
      ? html` · ${t('appointment.skipped')}: ${a.holidaysSkipped.map((h, i) => html`${i ? ', ' : ''}${date(h.date)} (${pick(h.reason)})`)}` : ''}</p>`;
}

/** The application forms: each component's official form by its number, and the e-form as a form to print. */
function templatesCard(p) {
  const named = p.components.filter((x) => x.template);
  if (!named.length && !(p.formFields || []).length) return '';
  return html`<section class="card" id="templates" aria-labelledby="templates-title"><h2 id="templates-title">${t('publicExtra.templates')}</h2>
    ${named.length ? html`<ul>${named.map((x) => html`<li>${t('publicExtra.templateOf', { component: pick(x.name), template: x.template })}</li>`)}</ul>` : ''}
    ${(p.formFields || []).length ? html`<p class="hint" id="template-help">${t('publicExtra.downloadHelp')}</p>
      <button type="button" class="secondary" id="download-template" aria-describedby="template-help">${t('publicExtra.download')}</button>` : ''}</section>`;
}

/** The e-form as a printable page (labels, choices, blank lines), in the page's language, as a file to save or print. */
export function printableForm(p) {
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const items = (p.formFields || []).map((f, i) => {
    const choices = (f.options || []).map((o) => `<li>☐ ${esc(pick(o.label))}</li>`).join('');
    return `<li><p><strong>${i + 1}. ${esc(pick(f.label))}</strong>${f.required ? ' (*)' : ''}${f.type === 'date' ? ' (dd/mm/yyyy)' : ''}</p>`
      + (choices ? `<ul class="choices">${choices}</ul>` : `<p class="line">${'.'.repeat(f.type === 'textarea' ? 240 : 90)}</p>`) + '</li>';
  }).join('');
  const parts = p.components.map((x) => `<li>${esc(pick(x.name))}${x.template ? ' — ' + esc(x.template) : ''}</li>`).join('');
  return `<!doctype html><html lang="${document.documentElement.lang || 'vi'}"><head><meta charset="utf-8"><title>${esc(t('publicExtra.printedTitle'))} — ${esc(p.code)}</title>
<style>body{font-family:"Times New Roman","Noto Serif",serif;max-width:45rem;margin:2rem auto;line-height:1.6}h1{text-align:center;font-size:1.3rem}
.line{color:#777;overflow-wrap:anywhere}ul.choices{list-style:none}ol{padding-left:1.2rem}</style></head><body>
<p style="text-align:center"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br>Độc lập - Tự do - Hạnh phúc</p>
<h1>${esc(t('publicExtra.printedTitle'))}<br>${esc(pick(p.name))}</h1><p>${esc(p.code)} · ${esc(pick(p.agencyName))}</p>
<p><strong>${esc(t('publicExtra.applicant'))}</strong></p><p class="line">${'.'.repeat(180)}</p>
<ol>${items}</ol><p><strong>${esc(t('procedure.components'))}</strong></p><ul>${parts}</ul>
<p style="text-align:right">${esc(t('publicExtra.dateLine'))}<br>${esc(t('publicExtra.signature'))}</p></body></html>`;
}

export async function procedurePage(main, { code }) {
  const p = await api('GET', '/api/procedures/' + encodeURIComponent(code));
  const c = claims();
  mount(main, html`<h1>${pick(p.name)}</h1>
    <div class="card"><table class="facts">
      <tr><th scope="row">${t('procedure.code')}</th><td>${p.code} (${t('procedure.version')} ${p.version})</td></tr>
      <tr><th scope="row">${t('procedure.agency')}</th><td>${pick(p.agencyName)}</td></tr>
      <tr><th scope="row">${t('procedure.level')}</th><td>${t('procedure.levelN', { n: p.serviceLevel })}${p.fullProcess ? ' (' + t('procedure.fullProcess') + ')' : ''}</td></tr>
      <tr><th scope="row">${t('procedure.time')}</th><td id="time-limit">${pick(p.timeLimit.label)}</td></tr>
      <tr><th scope="row">${t('procedure.fee')}</th><td id="fees">${p.fees.length ? p.fees.map((f, i) => html`${i ? html`<br>` : ''}${feeText(f)}`) : t('fee.free')}</td></tr>
      <tr><th scope="row">${t('procedure.components')}</th><td><ul>${p.components.map((x) => html`<li>${pick(x.name)}
        <span class="muted">(${x.mandatory ? t('procedure.mandatory') : t('procedure.optional')}${x.condition ? ': ' + pick(x.condition) : ''};
        ${x.formats.join(', ')}; ≤ ${x.maxSizeMb} MB; ${t('procedure.copies', { n: x.copies })}${x.template ? '; ' + x.template : ''})</span></li>`)}</ul></td></tr>
      ${p.steps.length ? html`<tr><th scope="row">${t('procedure.steps')}</th><td>${p.steps.map((s, i) => html`${i ? html`<br>` : ''}${pick(s.name)}: ${pick(s.budget.label)}`)}</td></tr>` : ''}
      <tr><th scope="row">${t('procedure.result')}</th><td>${pick(p.resultType)}</td></tr>
      <tr><th scope="row">${t('procedure.legal')}</th><td>${p.legalBasis.map((l, i) => html`${i ? html`<br>` : ''}${cite(l)}`)}</td></tr>
      <tr><th scope="row">${t('procedure.versions')}</th><td><ul id="versions">${p.history.map((v) => html`<li>${t('procedure.version')} ${v.version}
        (${t('change.' + v.change)}), ${t('procedure.effective', { date: date(v.effectiveFrom) })}${v.decision ? ' — ' + v.decision.document : ''}</li>`)}</ul></td></tr>
    </table></div>
    ${templatesCard(p)}
    <section class="card" id="appointment-card" aria-labelledby="appointment-title"><h2 id="appointment-title">${t('appointment.title')}</h2>
      <form id="appointment-form" class="inline-form" novalidate>
        <div class="field"><label for="f-appointment-date">${t('appointment.date')}</label>
          <p class="hint" id="appointment-date-hint">${t('appointment.dateHelp')}</p>
          <input id="f-appointment-date" name="date" inputmode="numeric" placeholder="dd/mm/yyyy" aria-describedby="appointment-date-hint" size="10"></div>
        <div class="field"><label for="f-appointment-time">${t('appointment.time')}</label>
          <input id="f-appointment-time" name="time" inputmode="numeric" placeholder="hh:mm" size="5"></div>
        <button type="submit" class="secondary">${t('appointment.compute')}</button>
      </form>
      <div id="appointment"></div></section>
    <section aria-labelledby="apply-title"><h2 id="apply-title">${t('apply.title')}</h2>
    ${c ? html`<form id="dossier-form" class="card" novalidate>
        <div id="form-errors"></div>
        ${applicantFields({ fullName: c.name, idNumber: c['custom:id_number'], email: c.email, organisation: organisation(CONFIG) }, true)}
        ${procedureFields(p, {})}
        <button type="submit" id="create-dossier">${t('apply.continue')}</button>
      </form>`
    : html`<p class="card">${t('auth.mustSignIn')} <button type="button" id="form-sign-in">${t('auth.signIn')}</button></p>`}
    </section>`);
  const out = main.querySelector('#appointment');
  const show = async (at) => {
    const a = await api('GET', `/api/procedures/${encodeURIComponent(p.code)}/appointment` + (at ? '?at=' + encodeURIComponent(at) : ''));
    mount(out, appointmentText(a));
  };
  main.querySelector('#download-template')?.addEventListener('click', () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([printableForm(p)], { type: 'text/html;charset=utf-8' }));
    a.download = `to-khai-${p.code}.html`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });
  main.querySelector('#appointment-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const at = localMoment(ev.target.date.value, ev.target.time.value);
    if (!at) { showErrors(out, ev.target, [{ vi: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 24/01/2025.', en: 'Enter the date as day/month/year, e.g. 24/01/2025.', field: 'appointment.date' }]); return; }
    show(at).catch((e) => showErrors(out, null, e));
  });
  // the page is on screen from its first mount: its buttons and form work before the appointment has come back
  const appointment = show();
  if (!c) {
    main.querySelector('#form-sign-in').addEventListener('click', () => signIn());
    await appointment;
    return pick(p.name);
  }
  // one key per form shown: a double click or a retry creates one dossier, not two
  const idempotencyKey = 'form-' + (crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2));
  const formEl = main.querySelector('#dossier-form');
  formEl.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { procedureCode: p.code, ...readForm(formEl, p) };
    const problems = checkRequired(p, body);
    const errors = main.querySelector('#form-errors');
    if (problems.length) { showErrors(errors, formEl, problems); return; }
    const btn = main.querySelector('#create-dossier');
    btn.disabled = true;
    try {
      const d = await api('POST', '/api/dossiers', body, { 'Idempotency-Key': idempotencyKey });
      location.hash = '#/dossier/' + encodeURIComponent(d.id);
    } catch (e) { showErrors(errors, formEl, e); btn.disabled = false; }
  });
  await appointment;
  return pick(p.name);
}

// Administrators: a year's announced days off and swapped working days, with a preview of the effect on an
// appointment date before publishing.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { date } from '../shared/format.js';
import { fieldId, showErrors, announce } from '../shared/forms.js';
import { requireAdmin, adminNav } from './common.js';
import { toIsoDate } from '../citizen/eform.js';
import { localMoment, appointmentText } from '../citizen/procedure.js';

/** "14/02/2026, 15/02/2026" or a range "14/02/2026-22/02/2026" → ISO dates. */
export function parseDays(s) {
  const out = [];
  for (const part of String(s || '').split(/[,;\n]+/).map((x) => x.trim()).filter(Boolean)) {
    const range = part.split(/\s*[–-]\s*(?=\d{1,2}\/)/);
    if (range.length === 2) {
      const a = new Date(toIsoDate(range[0]) + 'T00:00:00Z');
      const b = new Date(toIsoDate(range[1]) + 'T00:00:00Z');
      if (isNaN(a) || isNaN(b) || b < a || (b - a) / 864e5 > 31) { out.push(part); continue; }
      for (let d = a; d <= b; d = new Date(d.getTime() + 864e5)) out.push(d.toISOString().slice(0, 10));
    } else out.push(toIsoDate(part));
  }
  return out;
}

const daysText = (days) => days.map(date).join(', ');

function blockRow(b, i, rules) {
  return html`<div class="row-card" data-row="blocks"><fieldset class="sub"><legend>${t('admin.block', { n: i + 1 })}</legend>
    <div class="options">${rules.map((r) => html`<label class="check"><input type="checkbox" name="blocks.${i}.replaces" value="${r.id}" ${(b.replaces || []).includes(r.id) ? html`checked` : ''}> ${pick(r.name)}</label>`)}</div>
    <div class="field"><label for="${fieldId('blocks.' + i + '.days')}">${t('admin.daysOff')}</label>
      <p class="hint" id="${fieldId('blocks.' + i + '.days')}-hint">${t('admin.daysHelp')}</p>
      <textarea id="${fieldId('blocks.' + i + '.days')}" name="blocks.${i}.days" rows="2" aria-describedby="${fieldId('blocks.' + i + '.days')}-hint">${daysText(b.days || [])}</textarea></div>
  </fieldset></div>`;
}

export async function adminCalendarPage(main, { year, published }) {
  const y = Number(year);
  const title = t('admin.calendarTitle', { year: y });
  if (!requireAdmin(main, title)) return title;
  // just published: the administrators' function's answer is the year as it now stands (the public function's
  // cache takes up to a second to see it)
  const cal = published || await api('GET', '/api/calendar/' + y);
  const rules = cal.holidayRules;
  mount(main, html`<h1>${title}</h1>${adminNav()}
    <nav class="pager"><a href="#/admin/calendar/${y - 1}">← ${y - 1}</a> <a href="#/admin/calendar/${y + 1}">${y + 1} →</a></nav>
    ${cal.provisional ? html`<div class="banner warn" id="calendar-provisional">${pick(cal.provisionalReason)}</div>` : ''}
    <section class="card"><h2>${t('admin.daysOffNow')}</h2><ul class="days" id="days-off">${cal.daysOff.map((d) => html`<li>${date(d.date)} — ${pick(d.reason)}</li>`)}</ul>
      ${cal.workingWeekendDays.length ? html`<p>${t('admin.workingWeekend')}: ${daysText(cal.workingWeekendDays)}</p>` : ''}</section>
    <form id="calendar-form" class="card" novalidate><div id="calendar-errors"></div>
      <h2>${t('admin.announce')}</h2>
      <div class="field"><label for="f-basis-document">${t('admin.basisDocument')}</label>
        <input id="f-basis-document" name="basis.document" value="${cal.announcement ? cal.announcement.document : ''}"></div>
      <div class="field"><label for="f-basis-note">${t('admin.note')}</label>
        <input id="f-basis-note" name="basis.note" value="${cal.announcement && cal.announcement.note ? cal.announcement.note : ''}"></div>
      <div class="rows" data-rows="blocks">${(cal.blocks.length ? cal.blocks : [{ replaces: [], days: [] }]).map((b, i) => blockRow(b, i, rules))}</div>
      <button type="button" class="secondary small" id="add-block">${t('admin.add')}</button>
      <div class="field"><label for="f-working">${t('admin.workingWeekend')}</label>
        <p class="hint" id="f-working-hint">${t('admin.daysHelp')}</p>
        <textarea id="f-working" name="working" rows="1" aria-describedby="f-working-hint">${daysText(cal.workingWeekendDays)}</textarea></div>
      <fieldset class="group" id="pending-holidays" aria-describedby="f-pending-hint"><legend>${t('admin.pending')}</legend>
        <p class="hint" id="f-pending-hint">${t('admin.pendingHelp')}</p>
        <div class="options">${rules.map((r) => html`<label class="check"><input type="checkbox" name="pending" value="${r.id}" ${(cal.pending || []).includes(r.id) ? html`checked` : ''}> ${pick(r.name)}</label>`)}</div>
      </fieldset>
      <fieldset class="group"><legend>${t('admin.preview')}</legend>
        <div class="inline-form">
          <div class="field"><label for="f-preview-date">${t('appointment.date')}</label><input id="f-preview-date" name="previewDate" placeholder="dd/mm/yyyy" inputmode="numeric" size="10"></div>
          <div class="field"><label for="f-preview-days">${t('admin.days')}</label><input id="f-preview-days" name="previewDays" value="10" inputmode="numeric" size="4"></div>
          <div class="field"><label for="f-preview-unit">${t('admin.unit')}</label><select id="f-preview-unit" name="previewUnit">
            <option value="WORKING_DAYS">${t('admin.workingDays')}</option><option value="CALENDAR_DAYS">${t('admin.calendarDays')}</option></select></div>
          <button type="button" class="secondary" id="preview">${t('admin.previewButton')}</button></div>
        <div id="preview-result"></div></fieldset>
      <button type="submit" id="publish-calendar">${t('admin.publish')}</button>
    </form>`);
  const form = main.querySelector('#calendar-form');
  const collect = () => {
    const v = (n) => (form.elements.namedItem(n) ? form.elements.namedItem(n).value.trim() : '');
    const blocks = [...form.querySelectorAll('[data-row="blocks"]')].map((_, i) => ({
      replaces: [...form.querySelectorAll(`input[name="blocks.${i}.replaces"]:checked`)].map((c) => c.value),
      days: parseDays(v(`blocks.${i}.days`)),
    })).filter((b) => b.replaces.length || b.days.length);
    return { year: y, basis: v('basis.document') ? { document: v('basis.document'), note: v('basis.note') || null, confirmed: false } : null,
      holidays: blocks, workingWeekendDays: parseDays(v('working')),
      // what this letter leaves unannounced stays provisional (carried from the year as it stands unless unticked)
      pending: [...form.querySelectorAll('input[name="pending"]:checked')].map((c) => c.value) };
  };
  main.querySelector('#add-block').addEventListener('click', () => {
    const box = form.querySelector('[data-rows="blocks"]');
    const div = document.createElement('div');
    mount(div, blockRow({ replaces: [], days: [] }, box.children.length, rules));
    box.append(div.firstElementChild);
  });
  main.querySelector('#preview').addEventListener('click', async () => {
    const out = main.querySelector('#preview-result');
    const at = localMoment(form.previewDate.value, '09:00') || `${y}-01-02T09:00`;
    try {
      const r = await api('POST', `/api/admin/calendar/${y}/preview`, { schedule: collect(), at, days: Number(form.previewDays.value) || 10, unit: form.previewUnit.value });
      mount(out, html`<div class="preview"><h3>${t('admin.previewNow')}</h3>${appointmentText(r.now)}<h3>${t('admin.previewDraft')}</h3><div id="preview-draft">${appointmentText(r.withDraft)}</div></div>`);
      out.querySelectorAll('[id^="appointment-"]').forEach((el) => el.removeAttribute('id'));
    } catch (e) { showErrors(main.querySelector('#calendar-errors'), form, e); }
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try { const now = await api('PUT', '/api/admin/calendar/' + y, collect()); announce(t('admin.published')); await adminCalendarPage(main, { year, published: now }); }
    catch (e) { showErrors(main.querySelector('#calendar-errors'), form, e); }
  });
  return title;
}

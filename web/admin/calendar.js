// Administrators: a year's announced days off and swapped working days, with a preview of the effect on an
// appointment date before publishing.
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { date, dateSpan } from '../shared/format.js';
import { dateInput, parseDate } from '../shared/dates.js';
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

/** What publishing would change, drawn for the confirmation (every list, even empty, so nothing is hidden). */
function changesView(c) {
  const days = (list) => (list.length ? html`${list.map((d, i) => html`${i ? ', ' : ''}${dateSpan(d)}`)}` : t('publishing.none'));
  return html`<dl class="summary" id="calendar-changes">
      <dt>${t('publishing.daysOffAdded')}</dt><dd id="changes-off-added">${days(c.daysOffAdded)}</dd>
      <dt>${t('publishing.daysOffRemoved')}</dt><dd id="changes-off-removed">${days(c.daysOffRemoved)}</dd>
      <dt>${t('publishing.workingAdded')}</dt><dd>${days(c.workingAdded)}</dd>
      <dt>${t('publishing.workingRemoved')}</dt><dd>${days(c.workingRemoved)}</dd>
      <dt>${t('publishing.pendingLeft')}</dt><dd>${c.pending.length ? c.pending.join(', ') : t('publishing.none')}</dd></dl>
    <h3>${t('publishing.moved')}</h3>
    ${c.moved.length ? html`<table class="data" id="moved-due-dates"><caption class="visually-hidden">${t('publishing.moved')}</caption>
      <thead><tr><th scope="col">${t('publishing.dossierCode')}</th><th scope="col">${t('publishing.procedure')}</th><th scope="col">${t('publishing.recorded')}</th><th scope="col">${t('publishing.withDraft')}</th></tr></thead>
      <tbody>${c.moved.map((m) => html`<tr><td data-label="${t('publishing.dossierCode')}">${m.code}</td><td data-label="${t('publishing.procedure')}">${m.procedureCode}</td>
        <td data-label="${t('publishing.recorded')}">${dateSpan(m.recorded)}</td><td data-label="${t('publishing.withDraft')}">${dateSpan(m.withDraft)}</td></tr>`)}</tbody></table>
      <p class="hint">${t('publishing.movedNote')}</p>` : html`<p id="moved-none">${t('publishing.movedNone')}</p>`}
    ${c.movedTruncated ? html`<p class="banner warn">${t('publishing.movedTruncated')}</p>` : ''}`;
}

export async function adminCalendarPage(main, { year, published, done }) {
  const y = Number(year);
  const title = t('admin.calendarTitle', { year: y });
  if (!requireAdmin(main, title)) return title;
  // just published: the administrators' function's answer is the year as it now stands (the public function's
  // cache takes up to a second to see it)
  const cal = published || await api('GET', '/api/calendar/' + y);
  const rules = cal.holidayRules;
  mount(main, html`<h1>${title}</h1>${adminNav()}
    ${done ? html`<div class="banner ok" id="calendar-published" role="status" tabindex="-1">${done}</div>` : ''}
    <nav class="pager"><a href="#/admin/calendar/${y - 1}">← ${y - 1}</a> <a href="#/admin/calendar/${y + 1}">${y + 1} →</a></nav>
    ${cal.provisional ? html`<div class="banner warn" id="calendar-provisional">${pick(cal.provisionalReason)}</div>` : ''}
    <section class="card"><h2>${t('admin.daysOffNow')}</h2><ul class="days" id="days-off">${cal.daysOff.map((d) => html`<li>${date(d.date)} — ${pick(d.reason)}</li>`)}</ul>
      ${cal.workingWeekendDays.length ? html`<p>${t('admin.workingWeekend')}: ${daysText(cal.workingWeekendDays)}</p>` : ''}</section>
    <form id="calendar-form" class="card" novalidate><div id="calendar-errors"></div>
      <h2>${t('admin.announce')}</h2>
      <div class="field"><label for="f-basis-document">${t('admin.basisDocument')}</label>
        <p class="hint" id="f-basis-document-hint">${t('publishing.basisHint')}</p>
        <input id="f-basis-document" name="basis.document" aria-required="true" aria-describedby="f-basis-document-hint" value="${cal.announcement ? cal.announcement.document : ''}"></div>
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
          <div class="field"><label for="f-preview-date">${t('appointment.date')}</label><p class="hint" id="f-preview-date-hint">dd/mm/yyyy</p>${dateInput('f-preview-date', 'previewDate', '', { describedBy: 'f-preview-date-hint' })}</div>
          <div class="field"><label for="f-preview-days">${t('admin.days')}</label><input id="f-preview-days" name="previewDays" value="10" inputmode="numeric" size="4"></div>
          <div class="field"><label for="f-preview-unit">${t('admin.unit')}</label><select id="f-preview-unit" name="previewUnit">
            <option value="WORKING_DAYS">${t('admin.workingDays')}</option><option value="CALENDAR_DAYS">${t('admin.calendarDays')}</option></select></div>
          <button type="button" class="secondary" id="preview">${t('admin.previewButton')}</button></div>
        <div id="preview-result"></div></fieldset>
      <button type="submit" id="publish-calendar">${t('publishing.check')}</button>
      <section id="calendar-confirm" class="confirm" hidden aria-labelledby="calendar-confirm-title" tabindex="-1"></section>
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
    const typed = parseDate(form.previewDate.value);
    const at = (typed && localMoment(date(typed), '09:00')) || `${y}-01-02T09:00`;
    try {
      const r = await api('POST', `/api/admin/calendar/${y}/preview`, { schedule: collect(), at, days: Number(form.previewDays.value) || 10, unit: form.previewUnit.value });
      mount(out, html`<div class="preview"><h3>${t('admin.previewNow')}</h3>${appointmentText(r.now)}<h3>${t('admin.previewDraft')}</h3><div id="preview-draft">${appointmentText(r.withDraft)}</div></div>`);
      out.querySelectorAll('[id^="appointment-"]').forEach((el) => el.removeAttribute('id'));
    } catch (e) { showErrors(main.querySelector('#calendar-errors'), form, e); }
  });
  // "Công bố" first asks the server what would change (it refuses a form without basis, empty or unchanged, with the
  // reasons next to the fields), shows it, and publishes only on confirmation; then says what was published
  const confirmBox = main.querySelector('#calendar-confirm');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    main.querySelector('#calendar-errors').replaceChildren();
    confirmBox.hidden = true;
    const body = collect();
    let changes;
    try { changes = await api('POST', `/api/admin/calendar/${y}/changes`, body); }
    catch (e) { showErrors(main.querySelector('#calendar-errors'), form, e); return; }
    mount(confirmBox, html`<h2 id="calendar-confirm-title">${t('publishing.confirmTitle')}</h2>${changesView(changes)}
      <div class="actions"><button type="button" id="confirm-publish">${t('publishing.confirm')}</button>
        <button type="button" class="secondary" id="cancel-publish">${t('publishing.cancel')}</button></div>`);
    confirmBox.hidden = false;
    confirmBox.focus();
    confirmBox.querySelector('#cancel-publish').addEventListener('click', () => { confirmBox.hidden = true; form.querySelector('#publish-calendar').focus(); });
    confirmBox.querySelector('#confirm-publish').addEventListener('click', async () => {
      try {
        const now = await api('PUT', '/api/admin/calendar/' + y, body);
        const done = t('publishing.calendarDone', { year: y, basis: body.basis.document });
        announce(done);
        await adminCalendarPage(main, { year, published: now, done });
        main.querySelector('#calendar-published')?.focus();
      } catch (e) { confirmBox.hidden = true; showErrors(main.querySelector('#calendar-errors'), form, e); }
    });
  });
  return title;
}

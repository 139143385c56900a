// Administrators: the officials' and administrators' accounts. Create one (name, e-mail, agency, unit, role, title,
// signing delegation KT./TL. with the superior), change
// an account's assignment, deactivate it (a second, explicit confirmation; it takes effect at the account's next
// request), read its trail (who changed what, when). One request draws the page: the accounts with the agencies and
// units they may be assigned to. Every value is escaped (html``); the table keeps its labels on a phone (data-label).
import { html, mount } from '../shared/html.js';
import { t, pick } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { moment } from '../shared/format.js';
import { fieldId, showErrors, announce, errorSummary } from '../shared/forms.js';
import { requireAdmin, adminNav } from './common.js';

const ROLES = ['DESK', 'SPECIALIST', 'LEADER', 'ADMIN'];

const roleName = (r) => t('officials.role.' + r);

function unitName(agencies, agency, unit) {
  const a = agencies.find((x) => x.code === agency);
  if (!a) return agency || '–';
  const u = unit ? a.units.find((x) => x.code === unit) : null;
  return u ? `${pick(u.name)} — ${pick(a.name)}` : pick(a.name);
}

const agencyOptions = (agencies, chosen) => html`<option value="">${t('officials.none')}</option>${agencies.map((a) => html`<option value="${a.code}" ${a.code === chosen ? html`selected` : ''}>${pick(a.name)}</option>`)}`;

const unitOptions = (agencies, agency, chosen) => {
  const a = agencies.find((x) => x.code === agency);
  return html`<option value="">${t('officials.none')}</option>${(a ? a.units : []).map((u) => html`<option value="${u.code}" ${u.code === chosen ? html`selected` : ''}>${pick(u.name)}</option>`)}`;
};

const roleOptions = (chosen) => ROLES.map((r) => html`<option value="${r}" ${r === chosen ? html`selected` : ''}>${roleName(r)}</option>`);

const MODES = ['OWN', 'KT', 'TL'];

/**
 * The title and signing delegation (KT./TL., rules/signing.json): the official's title, how they sign, and for whom
 * (a name, or another active account); the server checks that KT./TL. names the superior.
 */
function signingFields(prefix, a, accounts) {
  const id = (f) => (prefix ? prefix + '-' : '') + fieldId(f);
  const mode = a.signMode || 'OWN';
  const others = accounts.filter((x) => x.status === 'ACTIVE' && x.role !== 'ADMIN' && x.subject !== a.subject);
  return html`<fieldset class="signing"><legend>${t('officials.signing')}</legend>
    <div class="field"><label for="${id('title')}">${t('officials.jobTitle')}</label>
      <p class="hint" id="${id('title')}-hint">${t('officials.jobTitleHint')}</p>
      <input id="${id('title')}" name="title" maxlength="80" autocomplete="off" value="${a.title || ''}" aria-describedby="${id('title')}-hint"></div>
    <div class="field"><label for="${id('signMode')}">${t('officials.signMode')}</label>
      <p class="hint" id="${id('signMode')}-hint">${t('officials.signModeHint')}</p>
      <select id="${id('signMode')}" name="signMode" aria-describedby="${id('signMode')}-hint">${MODES.map((m) => html`<option value="${m}" ${m === mode ? html`selected` : ''}>${t('officials.mode.' + m)}</option>`)}</select></div>
    <div class="field"><label for="${id('signFor')}">${t('officials.signFor')}</label>
      <p class="hint" id="${id('signFor')}-hint">${t('officials.signForHint')}</p>
      <input id="${id('signFor')}" name="signFor" maxlength="120" autocomplete="off" value="${a.signFor || ''}" aria-describedby="${id('signFor')}-hint"></div>
    <div class="field"><label for="${id('signForAccount')}">${t('officials.signForAccount')}</label>
      <select id="${id('signForAccount')}" name="signForAccount"><option value="">${t('officials.none')}</option>${others.map((x) => html`<option value="${x.subject}">${x.name}${x.title ? ` — ${x.title}` : ''}</option>`)}</select></div>
  </fieldset>`;
}

/** Enables "for whom" only for KT./TL. */
function wireSigning(form) {
  const mode = form.querySelector('select[name=signMode]');
  const sync = () => form.querySelectorAll('[name=signFor],[name=signForAccount]').forEach((i) => { i.disabled = mode.value === 'OWN'; });
  mode.addEventListener('change', sync);
  sync();
}

/** The assignment fields (agency, unit, role); prefix keeps the ids of several forms apart. */
function assignmentFields(agencies, prefix, a) {
  const id = (f) => (prefix ? prefix + '-' : '') + fieldId(f);
  return html`<div class="field"><label for="${id('role')}">${t('officials.roleLabel')}</label>
      <select id="${id('role')}" name="role" required>${roleOptions(a.role || 'DESK')}</select></div>
    <div class="field"><label for="${id('agency')}">${t('officials.agency')}</label>
      <select id="${id('agency')}" name="agency" data-agency>${agencyOptions(agencies, a.agency)}</select></div>
    <div class="field"><label for="${id('unit')}">${t('officials.unit')}</label>
      <p class="hint" id="${id('unit')}-hint">${t('officials.unitHint')}</p>
      <select id="${id('unit')}" name="unit" data-unit aria-describedby="${id('unit')}-hint">${unitOptions(agencies, a.agency, a.unit)}</select></div>`;
}

function row(agencies, a, accounts) {
  const active = a.status === 'ACTIVE';
  return html`<tr data-subject="${a.subject}" data-status="${a.status}">
    <th scope="row" data-label="${t('officials.name')}">${a.name}</th>
    <td data-label="${t('officials.email')}">${a.email || '–'}</td>
    <td data-label="${t('officials.roleLabel')}">${roleName(a.role)}${a.title ? html`<br><span class="hint">${a.title}</span>` : ''}${a.signMode
      ? html`<br><span class="hint" data-sign="${a.signMode}">${t('officials.signsFor', { mode: a.signMode + '.', name: a.signFor || '' })}</span>` : ''}</td>
    <td data-label="${t('officials.where')}">${unitName(agencies, a.agency, a.unit)}</td>
    <td data-label="${t('officials.status')}"><span class="badge ${active ? '' : 'warn'}">${t('officials.state.' + a.status)}</span>
      <span class="hint">${t('officials.changed', { at: moment(a.changedAt) })}</span></td>
    <td data-label="${t('officials.actions')}">
      ${active ? html`<details class="change"><summary>${t('officials.change')}</summary>
        <form class="assign" data-subject="${a.subject}" data-version="${a.version}" novalidate>
          <div class="errors" aria-live="polite"></div>
          ${assignmentFields(agencies, 'c-' + a.subject.replace(/[^A-Za-z0-9_-]/g, '-'), a)}
          ${signingFields('c-' + a.subject.replace(/[^A-Za-z0-9_-]/g, '-'), a, accounts)}
          <button type="submit">${t('officials.save')}</button></form></details>
        <p><button type="button" class="secondary" data-deactivate="${a.subject}" data-version="${a.version}" data-name="${a.name}">${t('officials.deactivate')}</button></p>
        <div class="confirm" hidden></div>` : ''}
      <details class="trail" data-subject="${a.subject}"><summary>${t('officials.trail')}</summary><div class="trail-body"></div></details>
    </td></tr>`;
}

/** The trail, oldest first; who made each change by name when they have an account here. */
function trailView(history, names) {
  return html`<ol class="trail-list">${history.map((c) => html`<li>${moment(c.at)} — ${t('officials.action.' + c.action)}
    ${c.before ? html`<span class="muted">${c.before} →</span>` : ''} ${c.after || ''} <span class="muted">(${t('officials.by', { by: names[c.by] || c.by })})</span></li>`)}</ol>`;
}

/** Keeps a form's unit list to the chosen agency's units, and clears it for an administrator. */
function wireAssignment(form, agencies) {
  const agency = form.querySelector('[data-agency]');
  const unit = form.querySelector('[data-unit]');
  const role = form.querySelector('select[name=role]');
  const sync = () => {
    const keep = unit.value;
    unit.innerHTML = unitOptions(agencies, agency.value, keep).text;
    unit.disabled = role.value === 'ADMIN';
  };
  agency.addEventListener('change', sync);
  role.addEventListener('change', sync);
  unit.disabled = role.value === 'ADMIN';
}

const values = (form) => {
  const f = new FormData(form);
  const v = (k) => (f.get(k) || '').toString().trim();
  const mode = v('signMode');
  const own = !mode || mode === 'OWN';
  return { name: v('name'), email: v('email'), agency: v('agency') || null, unit: v('unit') || null, role: v('role'),
    title: v('title') || null, signMode: own ? null : mode, signFor: own ? null : v('signFor') || null,
    signForAccount: own ? null : v('signForAccount') || null };
};

export async function adminOfficialsPage(main) {
  const title = t('officials.title');
  if (!requireAdmin(main, title)) return title;
  let page;
  try {
    page = await api('GET', '/api/admin/officials');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, html`<h1>${title}</h1>${adminNav()}${errorSummary(e.errors, t('error.title'))}`);
    return title;
  }
  const { accounts, agencies } = page;
  mount(main, html`<h1>${title}</h1>${adminNav()}
    <p>${t('officials.intro')}</p>
    <div id="officials-done" role="status" class="banner ok" hidden></div>
    <section aria-labelledby="officials-new"><h2 id="officials-new">${t('officials.new')}</h2>
      <form id="official-create" class="card" novalidate>
        <div class="errors"></div>
        <div class="field"><label for="${fieldId('name')}">${t('officials.name')}</label>
          <input id="${fieldId('name')}" name="name" required maxlength="120" autocomplete="off"></div>
        <div class="field"><label for="${fieldId('email')}">${t('officials.email')}</label>
          <p class="hint" id="${fieldId('email')}-hint">${t('officials.emailHint')}</p>
          <input id="${fieldId('email')}" name="email" type="email" required maxlength="254" autocomplete="off" aria-describedby="${fieldId('email')}-hint"></div>
        ${assignmentFields(agencies, '', { role: 'DESK' })}
        ${signingFields('', {}, accounts)}
        <button type="submit" id="official-create-submit">${t('officials.create')}</button>
      </form></section>
    <section aria-labelledby="officials-list"><h2 id="officials-list">${t('officials.list', { n: accounts.length })}</h2>
      ${accounts.length ? html`<table class="data" id="officials-table"><caption class="visually-hidden">${t('officials.list', { n: accounts.length })}</caption>
        <thead><tr><th scope="col">${t('officials.name')}</th><th scope="col">${t('officials.email')}</th><th scope="col">${t('officials.roleLabel')}</th>
          <th scope="col">${t('officials.where')}</th><th scope="col">${t('officials.status')}</th><th scope="col">${t('officials.actions')}</th></tr></thead>
        <tbody>${accounts.map((a) => row(agencies, a, accounts))}</tbody></table>` : html`<p>${t('officials.empty')}</p>`}
    </section>`);

  const done = main.querySelector('#officials-done');
  const reload = async (message) => {
    await adminOfficialsPage(main);
    const banner = main.querySelector('#officials-done');
    banner.textContent = message;
    banner.hidden = false;
    announce(message);
  };

  const create = main.querySelector('#official-create');
  wireAssignment(create, agencies);
  wireSigning(create);
  create.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = values(create);
    try {
      const a = await api('POST', '/api/admin/officials', v);
      await reload(t('officials.created', { name: a.name, role: roleName(a.role) }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      showErrors(create.querySelector('.errors'), create, e);
    }
  });

  main.querySelectorAll('form.assign').forEach((form) => {
    wireAssignment(form, agencies);
    wireSigning(form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const v = values(form);
      try {
        const a = await api('PUT', `/api/admin/officials/${encodeURIComponent(form.dataset.subject)}/assignment`,
          { agency: v.agency, unit: v.unit, role: v.role, title: v.title, signMode: v.signMode, signFor: v.signFor,
            signForAccount: v.signForAccount, version: Number(form.dataset.version) });
        await reload(t('officials.assigned', { name: a.name, role: roleName(a.role) }));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        showErrors(form.querySelector('.errors'), null, e);
      }
    });
  });

  // deactivation: the first button asks, the second (naming the person) does it
  main.querySelectorAll('button[data-deactivate]').forEach((b) => b.addEventListener('click', () => {
    const box = b.closest('td').querySelector('.confirm');
    box.hidden = false;
    box.innerHTML = html`<p class="banner warn" role="alert">${t('officials.confirm', { name: b.dataset.name })}</p>
      <button type="button" class="danger" data-confirm>${t('officials.confirmButton')}</button>
      <button type="button" class="secondary" data-cancel>${t('officials.cancel')}</button>`.text;
    box.querySelector('[data-cancel]').addEventListener('click', () => { box.hidden = true; box.replaceChildren(); b.focus(); });
    const yes = box.querySelector('[data-confirm]');
    yes.focus();
    yes.addEventListener('click', async () => {
      try {
        const a = await api('POST', `/api/admin/officials/${encodeURIComponent(b.dataset.deactivate)}/deactivate`, { version: Number(b.dataset.version) });
        await reload(t('officials.deactivated', { name: a.name }));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        showErrors(box, null, e);
      }
    });
  }));

  main.querySelectorAll('details.trail').forEach((d) => d.addEventListener('toggle', async () => {
    if (!d.open || d.dataset.loaded) return;
    d.dataset.loaded = '1';
    try {
      const p = await api('GET', `/api/admin/officials/${encodeURIComponent(d.dataset.subject)}`);
      mount(d.querySelector('.trail-body'), trailView(p.history, Object.fromEntries(accounts.map((x) => [x.subject, x.name]))));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      mount(d.querySelector('.trail-body'), errorSummary(e.errors, t('error.title')));
    }
  }));
  done.hidden = true;
  return title;
}

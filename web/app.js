// Cổng Dịch vụ công – citizen web app (no build step). Vietnamese first; English on demand.
'use strict';

const CONFIG = window.DVC_CONFIG || { apiBase: '', signInUrl: '/dev/sign-in' };

const TEXT = {
  vi: {
    portal: 'Cổng Dịch vụ công', ministry: 'Bộ Văn hóa, Thể thao và Du lịch',
    navProcedures: 'Thủ tục hành chính', navMine: 'Hồ sơ của tôi', navLookup: 'Tra cứu hồ sơ',
    signIn: 'Đăng nhập', signOut: 'Đăng xuất', footer: 'Hệ thống thông tin một cửa điện tử – thực hiện Nghị định 45/2020/NĐ-CP.',
    proceduresTitle: 'Thủ tục hành chính', level: 'Mức độ', days: 'ngày làm việc', fee: 'Phí, lệ phí', free: 'Không thu phí',
    agency: 'Cơ quan giải quyết', components: 'Thành phần hồ sơ', mandatory: 'bắt buộc', optional: 'nếu có', legal: 'Căn cứ pháp lý',
    time: 'Thời hạn giải quyết', startDossier: 'Nộp hồ sơ trực tuyến', applicant: 'Thông tin người nộp',
    fullName: 'Họ và tên', idNumber: 'Số định danh cá nhân', enterpriseCode: 'Mã số doanh nghiệp (nếu nộp cho doanh nghiệp)',
    address: 'Địa chỉ', phone: 'Số điện thoại', email: 'Thư điện tử', formNote: 'Nội dung đề nghị',
    saveDraft: 'Lưu hồ sơ nháp', submit: 'Nộp hồ sơ', mustSignIn: 'Vui lòng đăng nhập để nộp và theo dõi hồ sơ.',
    dossier: 'Hồ sơ', code: 'Mã hồ sơ', noCodeYet: 'Mã hồ sơ sẽ được cấp khi hồ sơ được tiếp nhận.', status: 'Trạng thái',
    history: 'Quá trình xử lý', mineTitle: 'Hồ sơ của tôi', none: 'Chưa có hồ sơ nào.', lookupTitle: 'Tra cứu hồ sơ theo mã',
    lookup: 'Tra cứu', codePlaceholder: 'VD: 000.00.12.G17-260115-0042', submittedWait: 'Đã nộp. Hệ thống đang kiểm tra hồ sơ…',
    received: 'Hồ sơ đã được tiếp nhận.', draftSaved: 'Đã lưu hồ sơ nháp.', loading: 'Đang tải…', missing: 'Cần bổ sung',
    reason: 'Lý do', procedure: 'Thủ tục', created: 'Ngày tạo', unverified: 'Dữ liệu cần đối chiếu văn bản gốc',
    search: 'Tìm thủ tục', searchPlaceholder: 'VD: giay phep lu hanh', allFields: 'Tất cả lĩnh vực', allLevels: 'Mọi mức độ',
    found: 'thủ tục', prev: 'Trang trước', next: 'Trang sau', pageOf: 'Trang', feeByRule: 'Phí theo quy định',
    expected: 'Ngày hẹn trả dự kiến', ifSubmittedAt: 'Nếu nộp vào lúc', compute: 'Tính', receivedOn: 'Ngày tiếp nhận',
    skipped: 'Ngày nghỉ không tính', versions: 'Các phiên bản', version: 'Phiên bản', effective: 'hiệu lực từ',
    steps: 'Thời hạn từng bước', result: 'Kết quả', dueDate: 'Ngày hẹn trả', field: 'Lĩnh vực', copies: 'bản',
    changes: { issued: 'ban hành', amended: 'sửa đổi', replaced: 'thay thế', repealed: 'bãi bỏ' },
  },
  en: {
    portal: 'Public Service Portal', ministry: 'Ministry of Culture, Sports and Tourism',
    navProcedures: 'Procedures', navMine: 'My dossiers', navLookup: 'Track a dossier',
    signIn: 'Sign in', signOut: 'Sign out', footer: 'One-stop electronic system – implementing Decree 45/2020/ND-CP.',
    proceduresTitle: 'Administrative procedures', level: 'Level', days: 'working days', fee: 'Fees', free: 'No fee',
    agency: 'Competent agency', components: 'Dossier components', mandatory: 'required', optional: 'if any', legal: 'Legal basis',
    time: 'Time limit', startDossier: 'Apply online', applicant: 'Applicant',
    fullName: 'Full name', idNumber: 'Personal ID number', enterpriseCode: 'Enterprise code (when applying for a business)',
    address: 'Address', phone: 'Phone', email: 'Email', formNote: 'Request details',
    saveDraft: 'Save draft', submit: 'Submit', mustSignIn: 'Please sign in to submit and follow dossiers.',
    dossier: 'Dossier', code: 'Dossier code', noCodeYet: 'The code is given when the dossier is received.', status: 'Status',
    history: 'History', mineTitle: 'My dossiers', none: 'No dossiers yet.', lookupTitle: 'Track a dossier by code',
    lookup: 'Look up', codePlaceholder: 'e.g. 000.00.12.G17-260115-0042', submittedWait: 'Submitted. The system is checking it…',
    received: 'The dossier has been received.', draftSaved: 'Draft saved.', loading: 'Loading…', missing: 'To supplement',
    reason: 'Reason', procedure: 'Procedure', created: 'Created', unverified: 'Data to be checked against the official text',
    search: 'Search procedures', searchPlaceholder: 'e.g. travel licence', allFields: 'All fields', allLevels: 'All levels',
    found: 'procedures', prev: 'Previous', next: 'Next', pageOf: 'Page', feeByRule: 'Fee by rule',
    expected: 'Expected completion date', ifSubmittedAt: 'If submitted at', compute: 'Compute', receivedOn: 'Counts as received on',
    skipped: 'Days off not counted', versions: 'Versions', version: 'Version', effective: 'in force from',
    steps: 'Time per step', result: 'Result', dueDate: 'Appointment date', field: 'Field', copies: 'copies',
    changes: { issued: 'issued', amended: 'amended', replaced: 'replaced', repealed: 'repealed' },
  },
};

let lang = localStorage.getItem('dvc.lang') || 'vi';
const t = (k) => (TEXT[lang] && TEXT[lang][k]) || TEXT.vi[k] || k;
const pick = (i18n) => (i18n ? (lang === 'en' ? i18n.en || i18n.vi : i18n.vi) : '');
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const vnd = (n) => new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN').format(n) + ' ₫';
const day = (iso) => (iso ? new Date(iso + 'T12:00:00+07:00').toLocaleDateString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }) : '');
const when = (iso) => (iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '');
const view = () => document.getElementById('view');

// ---- identity: the ID token comes back in the URL fragment after sign-in --------------------------------------
function takeTokenFromUrl() {
  const m = location.hash.match(/id_token=([^&]+)/);
  if (m) {
    sessionStorage.setItem('dvc.token', decodeURIComponent(m[1]));
    const back = sessionStorage.getItem('dvc.after') || '#/';
    sessionStorage.removeItem('dvc.after');
    history.replaceState(null, '', location.pathname + back);
  }
}
const token = () => sessionStorage.getItem('dvc.token');
function claims() {
  const tk = token();
  if (!tk) return null;
  try {
    const c = JSON.parse(decodeURIComponent(escape(atob(tk.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
    if (c.exp && c.exp * 1000 < Date.now()) { sessionStorage.removeItem('dvc.token'); return null; }
    return c;
  } catch { return null; }
}
function signIn() {
  sessionStorage.setItem('dvc.after', location.hash || '#/');
  location.href = CONFIG.signInUrl + '?redirect=' + encodeURIComponent(location.pathname);
}

// ---- API: errors are application/problem+json with vi and en messages ---------------------------------------
class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.message ? pick(problem.message) : 'HTTP ' + status);
    this.status = status; this.problem = problem;
  }
}
async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token()) headers.authorization = 'Bearer ' + token();
  const res = await fetch(CONFIG.apiBase + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (res.status === 401) { sessionStorage.removeItem('dvc.token'); renderAccount(); }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
function errorBox(e) {
  const items = e.problem && e.problem.errors ? '<ul>' + e.problem.errors.map((x) => `<li>${esc(pick(x))}</li>`).join('') + '</ul>' : '';
  return `<div class="error" role="alert">${esc(e.message)}${items}</div>`;
}

// ---- pages -------------------------------------------------------------------------------------------------
function hashParams() {
  const q = (location.hash.split('?')[1] || '');
  return new URLSearchParams(q);
}

async function pageProcedures() {
  const params = hashParams();
  const page = Number(params.get('page') || 1);
  const query = new URLSearchParams();
  for (const k of ['q', 'field', 'level']) if (params.get(k)) query.set(k, params.get(k));
  query.set('page', page); query.set('size', 10);
  const res = await api('GET', '/api/procedures?' + query);
  const opt = (v, label, cur) => `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(label)}</option>`;
  const pages = Math.max(1, Math.ceil(res.total / res.size));
  view().innerHTML = `<h1>${t('proceduresTitle')}</h1>
    <form id="search-form" class="card" role="search">
      <label>${t('search')} <input name="q" id="search-q" value="${esc(params.get('q') || '')}" placeholder="${t('searchPlaceholder')}"></label>
      <label>${t('field')} <select name="field" id="search-field">${opt('', t('allFields'), params.get('field') || '')}${Object.entries(res.fields).map(([k, v]) => opt(k, pick(v), params.get('field') || '')).join('')}</select></label>
      <label>${t('level')} <select name="level" id="search-level">${opt('', t('allLevels'), params.get('level') || '')}${opt('3', '3', params.get('level') || '')}${opt('4', '4', params.get('level') || '')}</select></label>
      <button type="submit">${t('search')}</button>
    </form>
    <p class="muted" id="result-count">${res.total} ${t('found')} · ${t('pageOf')} ${res.page}/${pages}</p>
    <ul class="list" id="procedures">` + res.items.map((p) => `
    <li><a href="#/procedure/${encodeURIComponent(p.code)}">${esc(pick(p.name))}</a>
      <div class="muted">${esc(p.code)} · ${esc(pick(p.agencyName))} · ${t('level')} ${p.serviceLevel}
      · ${p.processingWorkingDays} ${t('days')} · ${p.fixedFeeVnd ? vnd(p.fixedFeeVnd) : (p.feeByRule ? t('feeByRule') : t('free'))}</div></li>`).join('') + `</ul>
    <nav class="pager">${page > 1 ? `<button type="button" id="prev-page" class="secondary">${t('prev')}</button>` : ''}
      ${page < pages ? `<button type="button" id="next-page" class="secondary">${t('next')}</button>` : ''}</nav>`;
  const go = (p) => { const n = new URLSearchParams(params); n.set('page', p); location.hash = '#/?' + n; };
  if (document.getElementById('prev-page')) document.getElementById('prev-page').onclick = () => go(page - 1);
  if (document.getElementById('next-page')) document.getElementById('next-page').onclick = () => go(page + 1);
  document.getElementById('search-form').onsubmit = (ev) => {
    ev.preventDefault();
    const n = new URLSearchParams();
    for (const k of ['q', 'field', 'level']) if (ev.target[k].value) n.set(k, ev.target[k].value);
    location.hash = '#/?' + n;
  };
}

async function pageProcedure(code) {
  const p = await api('GET', '/api/procedures/' + encodeURIComponent(code));
  const c = claims();
  view().innerHTML = `
    <h1>${esc(pick(p.name))}</h1>
    <div class="card"><table>
      <tr><th>${t('agency')}</th><td>${esc(pick(p.agencyName))}</td></tr>
      <tr><th>${t('level')}</th><td>${p.serviceLevel}${p.fullProcess ? ' (toàn trình)' : ''}</td></tr>
      <tr><th>${t('time')}</th><td>${p.processingWorkingDays} ${t('days')}</td></tr>
      <tr><th>${t('fee')}</th><td>${p.fees.length ? p.fees.map((f) => `${esc(pick(f.name))}: ${f.amountVnd != null ? vnd(f.amountVnd) : esc(pick(f.rule))}`).join('<br>') : t('free')}</td></tr>
      <tr><th>${t('components')}</th><td><ul>${p.components.map((x) => `<li>${esc(pick(x.name))} <span class="muted">(${x.mandatory ? t('mandatory') : t('optional')}${x.condition ? ': ' + esc(pick(x.condition)) : ''}; ${x.formats.join(', ')}; ${x.copies} ${t('copies')}${x.template ? '; ' + esc(x.template) : ''})</span></li>`).join('')}</ul></td></tr>
      ${p.steps.length ? `<tr><th>${t('steps')}</th><td>${p.steps.map((s) => `${esc(pick(s.name))}: ${s.workingDays}`).join('<br>')}</td></tr>` : ''}
      <tr><th>${t('result')}</th><td>${esc(pick(p.resultType))}</td></tr>
      <tr><th>${t('legal')}</th><td>${p.legalBasis.map((l) => esc((l.article ? l.article + ', ' : '') + l.document)).join('<br>')}</td></tr>
      <tr><th>${t('versions')}</th><td><ul id="versions">${p.history.map((v) => `<li>${t('version')} ${v.version} (${esc(TEXT[lang].changes[v.change] || v.change)}), ${t('effective')} ${esc(v.effectiveFrom)}${v.decision ? ' — ' + esc(v.decision.document) : ''}</li>`).join('')}</ul></td></tr>
    </table>${p.dataNote ? `<p class="muted">${t('unverified')}: ${esc(p.dataNote)}</p>` : ''}</div>
    <div class="card" id="appointment-card"><h2>${t('expected')}</h2>
      <form id="appointment-form"><label>${t('ifSubmittedAt')} <input type="datetime-local" name="at" id="appointment-at"></label>
      <button type="submit" class="secondary">${t('compute')}</button></form>
      <div id="appointment" aria-live="polite"></div></div>
    <h2>${t('startDossier')}</h2>
    ${c ? dossierForm(p, c) : `<p class="card">${t('mustSignIn')} <button type="button" id="form-sign-in">${t('signIn')}</button></p>`}`;
  const showAppointment = async (at) => {
    const a = await api('GET', `/api/procedures/${encodeURIComponent(p.code)}/appointment` + (at ? '?at=' + encodeURIComponent(at) : ''));
    document.getElementById('appointment').innerHTML = `<p>${t('dueDate')}: <strong id="appointment-due">${esc(day(a.dueDate))}</strong></p>
      <p class="muted">${t('receivedOn')}: ${esc(day(a.receivedOn))}${a.holidaysSkipped.length ? ` · ${t('skipped')}: ${a.holidaysSkipped.map((h) => esc(h.date.slice(8) + '/' + h.date.slice(5, 7)) + ' (' + esc(pick(h.reason)) + ')').join(', ')}` : ''}</p>`;
  };
  document.getElementById('appointment-form').onsubmit = (ev) => { ev.preventDefault(); showAppointment(ev.target.at.value).catch((e) => { document.getElementById('appointment').innerHTML = errorBox(e); }); };
  await showAppointment();
  if (!c) { document.getElementById('form-sign-in').onclick = signIn; return; }
  document.getElementById('dossier-form').onsubmit = async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const submitNow = ev.submitter && ev.submitter.id === 'submit-dossier';
    const btns = f.querySelectorAll('button'); btns.forEach((b) => { b.disabled = true; });
    const out = document.getElementById('form-result');
    try {
      const body = {
        procedureCode: p.code,
        applicant: { fullName: f.fullName.value, idNumber: f.idNumber.value, enterpriseCode: f.enterpriseCode.value,
          address: f.address.value, phone: f.phone.value, email: f.email.value },
        form: f.note.value ? { note: f.note.value } : {},
      };
      const d = await api('POST', '/api/dossiers', body);
      if (submitNow) await api('POST', `/api/dossiers/${d.id}/submit`);
      location.hash = '#/dossier/' + d.id;
    } catch (e) { out.innerHTML = errorBox(e); btns.forEach((b) => { b.disabled = false; }); }
  };
}

function dossierForm(p, c) {
  return `<form id="dossier-form" class="card" novalidate>
    <h3>${t('applicant')}</h3>
    <label>${t('fullName')} <input name="fullName" value="${esc(c.name)}" autocomplete="name"></label>
    <label>${t('idNumber')} <input name="idNumber" value="${esc(c['custom:id_number'])}" inputmode="numeric"></label>
    <label>${t('enterpriseCode')} <input name="enterpriseCode"></label>
    <label>${t('address')} <input name="address" autocomplete="street-address"></label>
    <label>${t('phone')} <input name="phone" type="tel" autocomplete="tel"></label>
    <label>${t('email')} <input name="email" type="email" value="${esc(c.email)}" autocomplete="email"></label>
    <label>${t('formNote')} <textarea name="note" rows="3"></textarea></label>
    <div id="form-result"></div>
    <button type="submit" id="save-draft" class="secondary">${t('saveDraft')}</button>
    <button type="submit" id="submit-dossier">${t('submit')}</button>
  </form>`;
}

function dossierCard(d) {
  return `<div class="card" id="dossier">
    <p>${t('procedure')}: <strong>${esc(pick(d.procedureName))}</strong></p>
    <p>${t('code')}: ${d.code ? `<span class="code" id="dossier-code">${esc(d.code)}</span>` : `<span class="muted">${t('noCodeYet')}</span>`}</p>
    <p>${t('status')}: <span class="status ${esc(d.status)}" id="dossier-status">${esc(pick(d.statusLabel))}</span></p>
    ${d.dueDate ? `<p>${t('dueDate')}: <strong id="dossier-due">${esc(day(d.dueDate))}</strong></p>` : ''}
    ${d.statusReason ? `<p class="error">${t('reason')}: ${esc(d.statusReason)}</p>` : ''}
    ${d.status === 'DRAFT' ? `<button type="button" id="submit-draft">${t('submit')}</button>` : ''}
    <div id="dossier-result"></div>
    ${d.history ? `<h3>${t('history')}</h3><ol class="timeline">${d.history.map((h) => `<li>${when(h.at)} — ${esc(h.toLabel ? pick(h.toLabel) : h.action)}${h.reason ? ` <span class="muted">(${esc(h.reason)})</span>` : ''}</li>`).join('')}</ol>` : ''}
  </div>`;
}

let poll;
async function pageDossier(id) {
  const d = await api('GET', '/api/dossiers/' + encodeURIComponent(id));
  view().innerHTML = `<h1>${t('dossier')}</h1>` + dossierCard(d);
  const btn = document.getElementById('submit-draft');
  if (btn) btn.onclick = async () => {
    btn.disabled = true;
    try { await api('POST', `/api/dossiers/${d.id}/submit`); pageDossier(id); }
    catch (e) { document.getElementById('dossier-result').innerHTML = errorBox(e); btn.disabled = false; }
  };
  if (d.status === 'SUBMITTED') {
    document.getElementById('dossier-result').innerHTML = `<p class="muted">${t('submittedWait')}</p>`;
    clearTimeout(poll);
    poll = setTimeout(() => { if (location.hash === '#/dossier/' + id) pageDossier(id); }, 1000);
  }
}

async function pageMine() {
  if (!claims()) { view().innerHTML = `<p class="card">${t('mustSignIn')}</p>`; return; }
  const list = await api('GET', '/api/dossiers');
  view().innerHTML = `<h1>${t('mineTitle')}</h1>` + (list.length ? `<ul class="list" id="my-dossiers">` + list.map((d) => `
    <li><a href="#/dossier/${encodeURIComponent(d.id)}">${esc(pick(d.procedureName))}</a>
    <div class="muted">${d.code ? `<span class="code">${esc(d.code)}</span> · ` : ''}<span class="status ${esc(d.status)}">${esc(pick(d.statusLabel))}</span> · ${t('created')} ${when(d.createdAt)}</div></li>`).join('') + '</ul>'
    : `<p class="muted">${t('none')}</p>`);
}

async function pageLookup(code) {
  view().innerHTML = `<h1>${t('lookupTitle')}</h1>
    <form id="lookup-form" class="card"><label>${t('code')} <input name="code" id="lookup-code" required placeholder="${t('codePlaceholder')}" value="${esc(code || '')}"></label>
    <button type="submit">${t('lookup')}</button></form><div id="lookup-result"></div>`;
  document.getElementById('lookup-form').onsubmit = (ev) => {
    ev.preventDefault();
    location.hash = '#/lookup/' + encodeURIComponent(ev.target.code.value.trim());
  };
  if (!code) return;
  if (!claims()) { document.getElementById('lookup-result').innerHTML = `<p class="card">${t('mustSignIn')}</p>`; return; }
  try {
    const d = await api('GET', '/api/dossiers/by-code/' + encodeURIComponent(code));
    document.getElementById('lookup-result').innerHTML = dossierCard(d);
  } catch (e) { document.getElementById('lookup-result').innerHTML = errorBox(e); }
}

// ---- shell -------------------------------------------------------------------------------------------------
function renderAccount() {
  const c = claims();
  document.getElementById('who').textContent = c ? c.name || '' : '';
  document.getElementById('sign-in-link').hidden = !!c;
  document.getElementById('sign-out').hidden = !c;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.getElementById('lang').textContent = lang === 'vi' ? 'EN' : 'VI';
  document.documentElement.lang = lang;
}

async function router() {
  clearTimeout(poll);
  const [, page, arg] = (location.hash.split('?')[0] || '#/').match(/^#\/([^/]*)\/?(.*)$/) || [];
  try {
    if (page === 'procedure') await pageProcedure(decodeURIComponent(arg));
    else if (page === 'dossier') await pageDossier(decodeURIComponent(arg));
    else if (page === 'mine') await pageMine();
    else if (page === 'lookup') await pageLookup(decodeURIComponent(arg || ''));
    else await pageProcedures();
  } catch (e) { view().innerHTML = errorBox(e); }
}

document.addEventListener('DOMContentLoaded', () => {
  takeTokenFromUrl();
  renderAccount();
  document.getElementById('sign-in-link').onclick = (e) => { e.preventDefault(); signIn(); };
  document.getElementById('sign-out').onclick = () => { sessionStorage.removeItem('dvc.token'); renderAccount(); location.hash = '#/'; };
  document.getElementById('lang').onclick = () => { lang = lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('dvc.lang', lang); renderAccount(); router(); };
  window.addEventListener('hashchange', router);
  router();
});

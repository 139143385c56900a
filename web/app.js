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
    fullName: 'Họ và tên', idNumber: 'Số định danh cá nhân', fromIdentity: 'Lấy từ tài khoản định danh điện tử, không sửa được.', enterpriseCode: 'Mã số doanh nghiệp (nếu nộp cho doanh nghiệp)',
    address: 'Địa chỉ', phone: 'Số điện thoại', email: 'Thư điện tử', formNote: 'Nội dung đề nghị',
    saveDraft: 'Lưu hồ sơ nháp', submit: 'Nộp hồ sơ', mustSignIn: 'Vui lòng đăng nhập để nộp và theo dõi hồ sơ.',
    dossier: 'Hồ sơ', code: 'Mã hồ sơ', noCodeYet: 'Mã hồ sơ sẽ được cấp khi hồ sơ được tiếp nhận.', status: 'Trạng thái',
    history: 'Quá trình xử lý', mineTitle: 'Hồ sơ của tôi', none: 'Chưa có hồ sơ nào.', lookupTitle: 'Tra cứu hồ sơ theo mã',
    lookup: 'Tra cứu', codePlaceholder: 'VD: 000.00.12.G17-260115-0042', submittedWait: 'Đã nộp. Hệ thống đang kiểm tra hồ sơ…',
    received: 'Hồ sơ đã được tiếp nhận.', draftSaved: 'Đã lưu hồ sơ nháp.', loading: 'Đang tải…', missing: 'Cần bổ sung',
    reason: 'Lý do', procedure: 'Thủ tục', created: 'Ngày tạo', unverified: 'Dữ liệu cần đối chiếu văn bản gốc', provisional: 'dự kiến', reduced: 'đang giảm', reducedFrom: 'giảm từ', until: 'đến hết ngày', unconfirmed: 'chưa đối chiếu văn bản',
    search: 'Tìm thủ tục', searchPlaceholder: 'VD: giay phep lu hanh', allFields: 'Tất cả lĩnh vực', allLevels: 'Mọi mức độ',
    found: 'thủ tục', prev: 'Trang trước', next: 'Trang sau', pageOf: 'Trang', feeByRule: 'Phí theo quy định',
    expected: 'Ngày hẹn trả dự kiến', ifSubmittedAt: 'Nếu nộp vào lúc', compute: 'Tính', receivedOn: 'Ngày tiếp nhận',
    skipped: 'Ngày nghỉ không tính', versions: 'Các phiên bản', version: 'Phiên bản', effective: 'hiệu lực từ',
    steps: 'Thời hạn từng bước', result: 'Kết quả', dueDate: 'Ngày hẹn trả', field: 'Lĩnh vực', copies: 'bản',
    changes: { issued: 'ban hành', amended: 'sửa đổi', replaced: 'thay thế', repealed: 'bãi bỏ' },
    continueFiles: 'Tiếp tục: đính kèm tệp', files: 'Thành phần hồ sơ', upload: 'Tải lên', uploading: 'Đang tải lên…',
    checklist: 'Kiểm tra trước khi nộp', states: { OK: 'Đã đủ', MISSING: 'Còn thiếu', PENDING: 'Đang kiểm tra tệp', REJECTED: 'Tệp bị từ chối', OPTIONAL: 'Không bắt buộc' },
    fileStates: { PENDING: 'đang kiểm tra', ACCEPTED: 'hợp lệ', REJECTED: 'bị từ chối' },
    receipt: 'Tải giấy tiếp nhận và hẹn trả (PDF)', resubmit: 'Nộp lại hồ sơ đã bổ sung', supplementAsked: 'Cơ quan yêu cầu bổ sung',
    withdraw: 'Rút hồ sơ', withdrawReason: 'Lý do rút hồ sơ', confirmWithdraw: 'Xác nhận rút hồ sơ', pages: 'trang', chooseFile: 'Chọn tệp',
    actions: { 'attachment-accepted': 'Tệp hợp lệ', 'attachment-rejected': 'Tệp bị từ chối', edit: 'Sửa thông tin hồ sơ' },
    submittedContent: 'Nội dung đã nộp', editForm: 'Sửa thông tin', save: 'Lưu', saved: 'Đã lưu.',
    next4: 'Dịch vụ công mức độ 4: nộp phí trực tuyến và nhận kết quả điện tử có chữ ký số.',
    next3: 'Dịch vụ công mức độ 3: nộp phí và nhận kết quả tại cơ quan giải quyết (hoặc qua bưu chính).',
  },
  en: {
    portal: 'Public Service Portal', ministry: 'Ministry of Culture, Sports and Tourism',
    navProcedures: 'Procedures', navMine: 'My dossiers', navLookup: 'Track a dossier',
    signIn: 'Sign in', signOut: 'Sign out', footer: 'One-stop electronic system – implementing Decree 45/2020/ND-CP.',
    proceduresTitle: 'Administrative procedures', level: 'Level', days: 'working days', fee: 'Fees', free: 'No fee',
    agency: 'Competent agency', components: 'Dossier components', mandatory: 'required', optional: 'if any', legal: 'Legal basis',
    time: 'Time limit', startDossier: 'Apply online', applicant: 'Applicant',
    fullName: 'Full name', idNumber: 'Personal ID number', fromIdentity: 'From your verified identity; cannot be changed.', enterpriseCode: 'Enterprise code (when applying for a business)',
    address: 'Address', phone: 'Phone', email: 'Email', formNote: 'Request details',
    saveDraft: 'Save draft', submit: 'Submit', mustSignIn: 'Please sign in to submit and follow dossiers.',
    dossier: 'Dossier', code: 'Dossier code', noCodeYet: 'The code is given when the dossier is received.', status: 'Status',
    history: 'History', mineTitle: 'My dossiers', none: 'No dossiers yet.', lookupTitle: 'Track a dossier by code',
    lookup: 'Look up', codePlaceholder: 'e.g. 000.00.12.G17-260115-0042', submittedWait: 'Submitted. The system is checking it…',
    received: 'The dossier has been received.', draftSaved: 'Draft saved.', loading: 'Loading…', missing: 'To supplement',
    reason: 'Reason', procedure: 'Procedure', created: 'Created', unverified: 'Data to be checked against the official text', provisional: 'provisional', reduced: 'reduced', reducedFrom: 'reduced from', until: 'until', unconfirmed: 'not yet checked against the text',
    search: 'Search procedures', searchPlaceholder: 'e.g. travel licence', allFields: 'All fields', allLevels: 'All levels',
    found: 'procedures', prev: 'Previous', next: 'Next', pageOf: 'Page', feeByRule: 'Fee by rule',
    expected: 'Expected completion date', ifSubmittedAt: 'If submitted at', compute: 'Compute', receivedOn: 'Counts as received on',
    skipped: 'Days off not counted', versions: 'Versions', version: 'Version', effective: 'in force from',
    steps: 'Time per step', result: 'Result', dueDate: 'Appointment date', field: 'Field', copies: 'copies',
    changes: { issued: 'issued', amended: 'amended', replaced: 'replaced', repealed: 'repealed' },
    continueFiles: 'Continue: attach files', files: 'Dossier components', upload: 'Upload', uploading: 'Uploading…',
    checklist: 'Checklist before submitting', states: { OK: 'Complete', MISSING: 'Missing', PENDING: 'File being checked', REJECTED: 'File rejected', OPTIONAL: 'Optional' },
    fileStates: { PENDING: 'being checked', ACCEPTED: 'accepted', REJECTED: 'rejected' },
    receipt: 'Download the receipt and appointment slip (PDF)', resubmit: 'Resubmit the supplemented dossier', supplementAsked: 'The agency asks for a supplement',
    withdraw: 'Withdraw', withdrawReason: 'Reason for withdrawing', confirmWithdraw: 'Confirm withdrawal', pages: 'pages', chooseFile: 'Choose a file',
    actions: { 'attachment-accepted': 'File accepted', 'attachment-rejected': 'File rejected', edit: 'Dossier edited' },
    submittedContent: 'What was submitted', editForm: 'Edit the details', save: 'Save', saved: 'Saved.',
    next4: 'Level 4 service: pay the fees online and receive a digitally signed electronic result.',
    next3: 'Level 3 service: pay the fees and collect the result at the agency (or by post).',
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
async function api(method, path, body, extra) {
  const headers = { accept: 'application/json', ...(extra || {}) };
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
      · ${esc(pick(p.timeLimit.label))} · ${p.fixedFeeVnd ? vnd(p.fixedFeeVnd) + (p.feeReduced ? ' (' + t('reduced') + ')' : '') : (p.feeByRule ? t('feeByRule') : t('free'))}</div></li>`).join('') + `</ul>
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

/** A citation as text: "Điều 50, Luật Du lịch …" and, when not confirmed in a source, a mark that says so. */
function cite(c) {
  return esc((c.article ? c.article + ', ' : '') + c.document) + (c.confirmed ? '' : ` <span class="muted">(${t('unconfirmed')})</span>`);
}

/** A fee as charged today: the temporary rate with its period and basis, or the standard amount, or the rule. */
function feeText(f) {
  if (f.amountVnd == null) return `${esc(pick(f.name))}: ${esc(pick(f.rule))}`;
  let out = `${esc(pick(f.name))}: <strong>${vnd(f.amountVnd)}</strong>`;
  if (f.rateInForce) {
    out += ` <span class="muted">(${t('reducedFrom')} ${vnd(f.standardAmountVnd)}${f.rateInForce.until ? ', ' + t('until') + ' ' + esc(day(f.rateInForce.until)) : ''}; ${cite(f.rateInForce.basis)})</span>`;
  } else if (f.basis) {
    out += ` <span class="muted">(${cite(f.basis)})</span>`;
  }
  return out;
}

async function pageProcedure(code) {
  const p = await api('GET', '/api/procedures/' + encodeURIComponent(code));
  const c = claims();
  view().innerHTML = `
    <h1>${esc(pick(p.name))}</h1>
    <div class="card"><table>
      <tr><th>${t('agency')}</th><td>${esc(pick(p.agencyName))}</td></tr>
      <tr><th>${t('level')}</th><td>${p.serviceLevel}${p.fullProcess ? ' (toàn trình)' : ''}</td></tr>
      <tr><th>${t('time')}</th><td id="time-limit">${esc(pick(p.timeLimit.label))}</td></tr>
      <tr><th>${t('fee')}</th><td id="fees">${p.fees.length ? p.fees.map(feeText).join('<br>') : t('free')}</td></tr>
      <tr><th>${t('components')}</th><td><ul>${p.components.map((x) => `<li>${esc(pick(x.name))} <span class="muted">(${x.mandatory ? t('mandatory') : t('optional')}${x.condition ? ': ' + esc(pick(x.condition)) : ''}; ${x.formats.join(', ')}; ${x.copies} ${t('copies')}${x.template ? '; ' + esc(x.template) : ''})</span></li>`).join('')}</ul></td></tr>
      ${p.steps.length ? `<tr><th>${t('steps')}</th><td>${p.steps.map((s) => `${esc(pick(s.name))}: ${esc(pick(s.budget.label))}`).join('<br>')}</td></tr>` : ''}
      <tr><th>${t('result')}</th><td>${esc(pick(p.resultType))}</td></tr>
      <tr><th>${t('legal')}</th><td>${p.legalBasis.map(cite).join('<br>')}</td></tr>
      <tr><th>${t('versions')}</th><td><ul id="versions">${p.history.map((v) => `<li>${t('version')} ${v.version} (${esc(TEXT[lang].changes[v.change] || v.change)}), ${t('effective')} ${esc(v.effectiveFrom)}${v.decision ? ' — ' + esc(v.decision.document) : ''}</li>`).join('')}</ul></td></tr>
    </table></div>
    <div class="card" id="appointment-card"><h2>${t('expected')}</h2>
      <form id="appointment-form"><label>${t('ifSubmittedAt')} <input type="datetime-local" name="at" id="appointment-at"></label>
      <button type="submit" class="secondary">${t('compute')}</button></form>
      <div id="appointment" aria-live="polite"></div></div>
    <h2>${t('startDossier')}</h2>
    ${c ? dossierForm(p, c) : `<p class="card">${t('mustSignIn')} <button type="button" id="form-sign-in">${t('signIn')}</button></p>`}`;
  const showAppointment = async (at) => {
    const a = await api('GET', `/api/procedures/${encodeURIComponent(p.code)}/appointment` + (at ? '?at=' + encodeURIComponent(at) : ''));
    document.getElementById('appointment').innerHTML = `<p>${t('dueDate')}: <strong id="appointment-due">${esc(day(a.dueDate))}</strong>${a.provisional ? ` <span class="status provisional" id="appointment-provisional">(${t('provisional')})</span>` : ''}</p>
      ${a.provisional ? `<p class="muted" id="appointment-provisional-reason">${esc(pick(a.provisionalReason))}</p>` : ''}
      <p class="muted">${t('receivedOn')}: ${esc(day(a.receivedOn))}${a.holidaysSkipped.length ? ` · ${t('skipped')}: ${a.holidaysSkipped.map((h) => esc(h.date.slice(8) + '/' + h.date.slice(5, 7)) + ' (' + esc(pick(h.reason)) + ')').join(', ')}` : ''}</p>`;
  };
  document.getElementById('appointment-form').onsubmit = (ev) => { ev.preventDefault(); showAppointment(ev.target.at.value).catch((e) => { document.getElementById('appointment').innerHTML = errorBox(e); }); };
  await showAppointment();
  if (!c) { document.getElementById('form-sign-in').onclick = signIn; return; }
  // one key per form shown: a double click or a retry creates one dossier, not two
  const idempotencyKey = 'form-' + (crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2));
  document.getElementById('dossier-form').onsubmit = async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const btns = f.querySelectorAll('button'); btns.forEach((b) => { b.disabled = true; });
    const out = document.getElementById('form-result');
    try {
      const body = {
        procedureCode: p.code,
        applicant: { fullName: f.fullName.value, idNumber: f.idNumber.value, enterpriseCode: f.enterpriseCode.value,
          address: f.address.value, phone: f.phone.value, email: f.email.value },
        form: f.note.value ? { note: f.note.value } : {},
      };
      const d = await api('POST', '/api/dossiers', body, { 'Idempotency-Key': idempotencyKey });
      location.hash = '#/dossier/' + d.id;
    } catch (e) { out.innerHTML = errorBox(e); btns.forEach((b) => { b.disabled = false; }); }
  };
}

function dossierForm(p, c) {
  return `<form id="dossier-form" class="card" novalidate>
    <h3>${t('applicant')}</h3>
    <p class="muted" id="identity-hint">${t('fromIdentity')}</p>
    <label>${t('fullName')} <input name="fullName" value="${esc(c.name)}" autocomplete="name" readonly aria-describedby="identity-hint"></label>
    <label>${t('idNumber')} <input name="idNumber" value="${esc(c['custom:id_number'])}" inputmode="numeric" readonly aria-describedby="identity-hint"></label>
    <label>${t('enterpriseCode')} <input name="enterpriseCode"></label>
    <label>${t('address')} <input name="address" autocomplete="street-address"></label>
    <label>${t('phone')} <input name="phone" type="tel" autocomplete="tel"></label>
    <label>${t('email')} <input name="email" type="email" value="${esc(c.email)}" autocomplete="email"></label>
    <label>${t('formNote')} <textarea name="note" rows="3"></textarea></label>
    <div id="form-result"></div>
    <button type="submit" id="create-dossier">${t('continueFiles')}</button>
  </form>`;
}

function dossierCard(d) {
  return `<div class="card" id="dossier">
    <p>${t('procedure')}: <strong>${esc(pick(d.procedureName))}</strong></p>
    <p>${t('code')}: ${d.code ? `<span class="code" id="dossier-code">${esc(d.code)}</span>` : `<span class="muted">${t('noCodeYet')}</span>`}</p>
    <p>${t('status')}: <span class="status ${esc(d.status)}" id="dossier-status">${esc(pick(d.statusLabel))}</span></p>
    ${d.dueDate ? `<p>${t('dueDate')}: <strong id="dossier-due">${esc(day(d.dueDate))}</strong>${d.dueDateProvisional ? ` <span class="status provisional">(${t('provisional')})</span>` : ''}</p>` : ''}
    ${d.statusReason ? `<div class="${d.status === 'AWAITING_SUPPLEMENT' ? 'error' : 'muted'}" id="dossier-reason"><strong>${d.status === 'AWAITING_SUPPLEMENT' ? t('supplementAsked') : t('reason')}:</strong><pre>${esc(d.statusReason)}</pre></div>` : ''}
    ${d.code ? `<button type="button" id="download-receipt" class="secondary">${t('receipt')}</button>` : ''}
    <div id="dossier-result"></div>
    ${d.serviceLevel ? `<p class="muted" id="next-steps">${t(d.serviceLevel === 4 ? 'next4' : 'next3')}</p>` : ''}
    ${d.history ? `<h3>${t('history')}</h3><ol class="timeline" id="timeline">${d.history.map((h) => `<li>${when(h.at)} — ${esc(h.toLabel && !TEXT[lang].actions[h.action] ? pick(h.toLabel) : (TEXT[lang].actions[h.action] || h.action))}${h.reason ? ` <span class="muted">(${esc(h.reason)})</span>` : ''}${h.details && h.details.file ? ` <span class="muted">${esc(h.details.file)}</span>` : ''}${h.details && h.details.form && h.details.form.startsWith('{') ? `<details><summary class="muted">${t('submittedContent')}</summary><pre>${esc(Object.entries(JSON.parse(h.details.form)).map(([k, v]) => k + ': ' + v).join('\n') || '—')}</pre></details>` : ''}</li>`).join('')}</ol>` : ''}
  </div>`;
}

const EDITABLE = ['DRAFT', 'AWAITING_SUPPLEMENT'];
const WITHDRAWABLE = ['DRAFT', 'SUBMITTED', 'AWAITING_SUPPLEMENT', 'RECEIVED', 'IN_PROCESSING'];

function checklistCard(d, list, procedure) {
  const comps = Object.fromEntries(procedure.components.map((c) => [c.code, c]));
  const files = (code) => (d.attachments || []).filter((a) => a.componentCode === code);
  return `<div class="card" id="checklist"><h2>${t('checklist')}</h2><ul class="list">` + list.items.map((i) => {
    const c = i.componentCode ? comps[i.componentCode] : null;
    return `<li data-component="${esc(i.componentCode || '')}" data-state="${esc(i.state)}">
      <strong>${esc(pick(i.name))}</strong> <span class="status ${i.state === 'OK' ? 'RECEIVED' : i.state === 'OPTIONAL' ? '' : 'AWAITING_SUPPLEMENT'}">${esc(TEXT[lang].states[i.state] || i.state)}</span>
      ${i.reason ? `<div class="muted">${esc(pick(i.reason))}</div>` : ''}
      ${c ? `<div class="muted">${c.formats.join(', ')} · ≤ ${c.maxSizeMb} MB</div>
        <ul class="files">${files(c.code).map((a) => `<li class="file ${esc(a.status)}">${esc(a.fileName)} — ${esc(TEXT[lang].fileStates[a.status] || a.status)}${a.pages ? `, ${a.pages} ${t('pages')}` : ''}${a.reason ? ` (${esc(pick(a.reason))})` : ''}</li>`).join('')}</ul>
        ${EDITABLE.includes(d.status) ? `<label class="inline">${t('chooseFile')} <input type="file" data-upload="${esc(c.code)}" accept="${c.formats.map((f) => '.' + f).join(',')}"></label>
        <progress max="100" value="0" hidden data-progress="${esc(c.code)}"></progress>` : ''}` : ''}
    </li>`;
  }).join('') + `</ul>${EDITABLE.includes(d.status) ? `<button type="button" id="submit-draft"${list.complete ? '' : ' disabled'}>${d.status === 'DRAFT' ? t('submit') : t('resubmit')}</button>` : ''}</div>`;
}

function editCard(d) {
  if (!EDITABLE.includes(d.status)) return '';
  const a = d.applicant || {};
  return `<details class="card"><summary>${t('editForm')}</summary><form id="edit-form">
    <p class="muted" id="edit-identity-hint">${t('fromIdentity')}</p>
    <label>${t('fullName')} <input name="fullName" value="${esc(a.fullName)}" readonly aria-describedby="edit-identity-hint"></label>
    <label>${t('idNumber')} <input name="idNumber" value="${esc(a.idNumber)}" inputmode="numeric" readonly aria-describedby="edit-identity-hint"></label>
    <label>${t('enterpriseCode')} <input name="enterpriseCode" value="${esc(a.enterpriseCode)}"></label>
    <label>${t('address')} <input name="address" value="${esc(a.address)}"></label>
    <label>${t('phone')} <input name="phone" value="${esc(a.phone)}"></label>
    <label>${t('email')} <input name="email" value="${esc(a.email)}"></label>
    <label>${t('formNote')} <textarea name="note" rows="3">${esc((d.form || {}).note)}</textarea></label>
    <button type="submit" class="secondary">${t('save')}</button></form></details>`;
}

function withdrawCard(d) {
  if (!WITHDRAWABLE.includes(d.status)) return '';
  return `<details class="card"><summary>${t('withdraw')}</summary><form id="withdraw-form">
    <label>${t('withdrawReason')} <textarea name="reason" rows="2" required maxlength="500"></textarea></label>
    <button type="submit" class="secondary">${t('confirmWithdraw')}</button></form></details>`;
}

function uploadFile(d, code, file) {
  return new Promise((resolve, reject) => {
    api('POST', `/api/dossiers/${d.id}/attachments`, { componentCode: code, fileName: file.name, size: file.size }).then((u) => {
      const bar = document.querySelector(`[data-progress="${code}"]`);
      bar.hidden = false;
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', u.uploadUrl);
      Object.entries(u.headers).forEach(([k, v]) => xhr.setRequestHeader(k, v));
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total); };
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(u) : reject(new Error('S3 ' + xhr.status)));
      xhr.onerror = () => reject(new Error('upload failed'));
      xhr.send(file);
    }, reject);
  });
}

let poll;
async function pageDossier(id) {
  const d = await api('GET', '/api/dossiers/' + encodeURIComponent(id));
  let extra = '';
  if (EDITABLE.includes(d.status)) {
    const [list, procedure] = await Promise.all([api('GET', `/api/dossiers/${d.id}/checklist`),
      api('GET', '/api/procedures/' + encodeURIComponent(d.procedureCode)).catch(() => ({ components: [] }))]);
    extra = checklistCard(d, list, procedure);
  }
  view().innerHTML = `<h1>${t('dossier')}</h1>` + dossierCard(d) + extra + editCard(d) + withdrawCard(d);
  const ed = document.getElementById('edit-form');
  if (ed) ed.onsubmit = async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    try {
      await api('PUT', `/api/dossiers/${d.id}`, { applicant: { fullName: f.fullName.value, idNumber: f.idNumber.value,
        enterpriseCode: f.enterpriseCode.value, address: f.address.value, phone: f.phone.value, email: f.email.value },
      form: f.note.value ? { note: f.note.value } : {} });
      pageDossier(id);
    } catch (e) { document.getElementById('dossier-result').innerHTML = errorBox(e); }
  };
  const result = document.getElementById('dossier-result');
  document.querySelectorAll('input[data-upload]').forEach((input) => {
    input.onchange = async () => {
      if (!input.files.length) return;
      input.disabled = true;
      try { await uploadFile(d, input.dataset.upload, input.files[0]); pageDossier(id); }
      catch (e) { result.innerHTML = errorBox(e); input.disabled = false; }
    };
  });
  const btn = document.getElementById('submit-draft');
  if (btn) btn.onclick = async () => {
    btn.disabled = true;
    try { await api('POST', `/api/dossiers/${d.id}/submit`); pageDossier(id); }
    catch (e) { result.innerHTML = errorBox(e); btn.disabled = false; }
  };
  const receipt = document.getElementById('download-receipt');
  if (receipt) receipt.onclick = async () => {
    try {
      const res = await fetch(`/api/dossiers/${d.id}/receipt`.replace(/^/, CONFIG.apiBase), { headers: { authorization: 'Bearer ' + token() } });
      if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
      const blob = await res.blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'giay-hen-' + d.code + '.pdf';
      a.id = 'receipt-link';
      a.textContent = a.download;
      result.replaceChildren(a);
      a.click();
    } catch (e) { result.innerHTML = errorBox(e); }
  };
  const wd = document.getElementById('withdraw-form');
  if (wd) wd.onsubmit = async (ev) => {
    ev.preventDefault();
    try { await api('POST', `/api/dossiers/${d.id}/withdraw`, { reason: ev.target.reason.value }); pageDossier(id); }
    catch (e) { result.innerHTML = errorBox(e); }
  };
  const pending = (d.attachments || []).some((a) => a.status === 'PENDING');
  if (d.status === 'SUBMITTED' || pending) {
    if (d.status === 'SUBMITTED') result.innerHTML = `<p class="muted">${t('submittedWait')}</p>`;
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

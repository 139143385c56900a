// The API client: JSON in and out, the bearer token, problem+json errors (Vietnamese and English, with the field
// each error is about), and two retries with back-off when the service answers 503 or the network drops.
import { token, forget } from './auth.js';
import { pick } from './i18n.js';

export const CONFIG = globalThis.DVC_CONFIG || { apiBase: '', signInUrl: '/dev/sign-in' };

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.message ? pick(problem.message) : 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }

  /** The individual errors: [{vi, en, field}] (just the message itself when there is no list). */
  get errors() {
    if (Array.isArray(this.problem.errors) && this.problem.errors.length) return this.problem.errors;
    return this.problem.message ? [this.problem.message] : [{ vi: this.message, en: this.message }];
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function api(method, path, body, headers) {
  const h = { accept: 'application/json', ...(headers || {}) };
  if (body !== undefined) h['content-type'] = 'application/json';
  const tk = token();
  if (tk) h.authorization = 'Bearer ' + tk;
  for (let attempt = 0; ; attempt++) {
    let res;
    try {
      res = await fetch(CONFIG.apiBase + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      if (attempt < 2) { await sleep(400 * 2 ** attempt); continue; }
      throw new ApiError(0, { message: { vi: 'Không kết nối được với hệ thống. Vui lòng thử lại.', en: 'Cannot reach the service. Please try again.' } });
    }
    if (res.status === 503 && attempt < 2) { await sleep(400 * 2 ** attempt); continue; }
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    if (res.status === 401) { forget(); window.dispatchEvent(new Event('dvc:signed-out')); }
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }
}

/** A download the API answers with a redirect to a short-lived link (the receipt): returns the Blob. */
export async function download(path) {
  const res = await fetch(CONFIG.apiBase + path, { headers: { authorization: 'Bearer ' + token() } });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  return res.blob();
}

// Sign-in. Citizens and organisations sign in with VNeID through the national portal's single sign-on: the
// authorization code flow with PKCE at the user pool (Cognito on AWS, the runner's stand-in offline), which sends
// them on to the national portal (identity_provider) and comes back to this site with a code; the code_verifier and
// the state wait in sessionStorage (this tab only) and the state must come back unchanged. Officials and
// administrators sign in with their accounts of the user pool (Cognito's hosted page; offline the development
// sign-in), whose ID token comes back in the URL fragment. It is kept in localStorage so that it survives a reload and opens in a new tab, as people expect of a
// portal; the price is that script on the page could read it, which is why nothing on the site renders
// unescaped data (shared/html.js) and the page allows scripts from its own origin only (CSP in index.html). It
// is removed on sign-out, on expiry and when the API says 401.
const KEY = 'dvc.token';

export function takeTokenFromUrl() {
  const m = location.hash.match(/id_token=([^&]+)/);
  if (!m) return;
  localStorage.setItem(KEY, decodeURIComponent(m[1]));
  const back = sessionStorage.getItem('dvc.after') || '#/';
  sessionStorage.removeItem('dvc.after');
  history.replaceState(null, '', location.pathname + back);
}

export const token = () => (claims() ? localStorage.getItem(KEY) : null);

/** The claims of a valid, unexpired token, or null. */
export function claims() {
  const tk = localStorage.getItem(KEY);
  if (!tk) return null;
  try {
    const b64 = tk.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    const c = JSON.parse(json);
    if (c.exp && c.exp * 1000 < Date.now()) { localStorage.removeItem(KEY); return null; }
    return c;
  } catch { localStorage.removeItem(KEY); return null; }
}

export function groups() {
  const c = claims();
  if (!c) return [];
  const g = c['cognito:groups'];
  return Array.isArray(g) ? g : typeof g === 'string' ? g.replace(/[[\]]/g, '').split(/[ ,]+/).filter(Boolean) : [];
}

/** To the sign-in page (the choice of VNeID or an account), coming back here afterwards. */
export function signIn() {
  if (!location.hash.startsWith('#/sign-in')) sessionStorage.setItem('dvc.after', location.hash || '#/');
  location.hash = '#/sign-in';
}

/** Officials and administrators: the user pool's own sign-in page (offline: the development sign-in). */
export function signInWithAccount(config) {
  if (!sessionStorage.getItem('dvc.after')) sessionStorage.setItem('dvc.after', '#/');
  location.href = config.signInUrl + '?redirect=' + encodeURIComponent(location.pathname);
}

const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const PKCE = 'dvc.pkce';
const redirectUri = () => location.origin + '/';

/** VNeID through the national portal: authorization code with PKCE (S256) at the user pool, identity_provider set. */
export async function signInNational(config) {
  const n = config.national;
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  if (!sessionStorage.getItem('dvc.after')) sessionStorage.setItem('dvc.after', '#/');
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const q = new URLSearchParams({ response_type: 'code', client_id: n.clientId, redirect_uri: redirectUri(),
    identity_provider: n.provider, scope: 'openid email profile', state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(n.authorizeUrl + '?' + q);
}

/**
 * Back from the national sign-in (?code=…&state=… or ?error=…): the code is exchanged with the verifier of this tab
 * if the state is the one this tab sent; the address loses the code either way. Returns null when signed in or
 * nothing to do, else why not ('refused', 'state', 'token').
 */
export async function takeCodeFromUrl(config) {
  const q = new URLSearchParams(location.search);
  if (!q.has('code') && !q.has('error')) return null;
  const saved = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  const back = sessionStorage.getItem('dvc.after') || '#/';
  sessionStorage.removeItem('dvc.after');
  history.replaceState(null, '', location.pathname + back);
  if (q.has('error')) return 'refused';
  if (!saved || !q.get('state') || q.get('state') !== saved.state) return 'state';
  try {
    const r = await fetch(config.national.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.national.clientId, code: q.get('code'),
        redirect_uri: redirectUri(), code_verifier: saved.verifier }) });
    if (!r.ok) return 'token';
    const tokens = await r.json();
    if (!tokens.id_token) return 'token';
    localStorage.setItem(KEY, tokens.id_token);
    return null;
  } catch { return 'token'; }
}

/** Signed in with VNeID (the national portal's identity provider named in the token's identities claim). */
export function verifiedByVneid(config) {
  const c = claims();
  const provider = config.national && config.national.provider;
  if (!c || !provider) return false;
  const ids = c.identities;
  const list = Array.isArray(ids) ? ids : typeof ids === 'string' ? (() => { try { return JSON.parse(ids); } catch { return []; } })() : [];
  return list.some((i) => i && i.providerName === provider);
}

/** The organisation of a VNeID organisation sign-in ({code, name}), or null for a citizen. */
export function organisation(config) {
  const c = claims();
  if (!c || !verifiedByVneid(config)) return null;
  const type = String(c['custom:account_type'] || '').toLowerCase();
  const code = c['custom:enterprise_code'];
  if (!code || !['2', '3', 'organisation', 'organization', 'enterprise', 'doanh_nghiep', 'doanhnghiep', 'to_chuc', 'tochuc'].includes(type)) return null;
  return { code, name: c['custom:organisation'] || '' };
}

export function signOut() {
  localStorage.removeItem(KEY);
}

export function forget() { localStorage.removeItem(KEY); }

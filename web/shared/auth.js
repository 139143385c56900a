// Sign-in. The ID token comes back in the URL fragment (the development sign-in and Cognito's implicit flow both
// do that). It is kept in localStorage so that it survives a reload and opens in a new tab, as people expect of a
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

export function signIn(config) {
  sessionStorage.setItem('dvc.after', location.hash || '#/');
  location.href = config.signInUrl + '?redirect=' + encodeURIComponent(location.pathname);
}

export function signOut() {
  localStorage.removeItem(KEY);
}

export function forget() { localStorage.removeItem(KEY); }

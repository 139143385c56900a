// The browser's signing step of the two-phase signature (issue #25, docs/signing.md): the one seam between this site
// and the official's signing device. Officials sign with their own certificate of the Government Cipher Committee on
// a USB token (through the vendor's signing plug-in) or at a remote-signing service; the key never reaches the site.
//
// A deployment replaces the two functions' bodies with the plug-in's (or the service's) calls; nothing else changes:
//   certificate()        → the chain, base64 DER, the official's certificate first
//   signDigests(digests) → one base64 signature per base64 SHA-256 digest (RSA PKCS#1 v1.5 over the DigestInfo,
//                          what a token's "sign hash" does), in the same order; one confirmation for the whole list
// Offline the runner plays the token: /sandbox/signing-token signs for the official the sign-in names (development only).
import { token } from '../shared/auth.js';
import { ApiError } from '../shared/api.js';

const BASE = '/sandbox/signing-token';

/** Which device this is, for the page to say (offline: the development token). */
export const deviceName = { vi: 'Thiết bị ký số thử nghiệm (môi trường phát triển)', en: 'Development signing token (offline only)' };

async function call(method, path, body) {
  let res;
  try {
    res = await fetch(BASE + path, {
      method,
      headers: { authorization: 'Bearer ' + token(), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, { message: { vi: 'Không kết nối được với thiết bị ký số.', en: 'Cannot reach the signing device.' } });
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data || { message: { vi: 'Thiết bị ký số từ chối.', en: 'The signing device refused.' } });
  return data;
}

/** The official's certificate chain (base64 DER, signer first). */
export async function certificate() {
  return (await call('GET', '/certificate')).chain;
}

/** The device's signatures over the digests (base64 in, base64 out, same order). */
export async function signDigests(digests) {
  return (await call('POST', '/sign', { digests })).signatures;
}

// First load of the citizen's pages in Chromium on a slow network (issue #28 item 5): for the home page (the
// procedures) and a dossier page, each opened RUNS times in a fresh browser context (empty cache), it reports the
// bytes transferred (as encoded on the wire), the number of requests, and the time from navigation to the first
// meaningful content — the page's heading drawn with its data (the router's `dvc:page` event), not the shell.
// Usage (against the offline stack, `local/run`): node bench/web-first-load.mjs <base-url> [runs] [profile]
//   profile: slow4g (default: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up — Lighthouse's mobile throttling)
//            3g (300 ms, 700 kbit/s down, 700 kbit/s up) or none.
// The network is emulated by Chromium (DevTools protocol), so the figures depend little on this machine's load; the
// script rendering time does, which is why the median of the runs is printed with the load average.
import { chromium } from 'playwright-core';
import { loadavg } from 'node:os';

const base = process.argv[2];
const runs = Number(process.argv[3] || 5);
const profileName = process.argv[4] || 'slow4g';
if (!base) { console.error('usage: node bench/web-first-load.mjs <base-url> [runs] [slow4g|3g|none]'); process.exit(2); }
const PROFILES = {
  slow4g: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  '3g': { latency: 300, downloadThroughput: 700e3 / 8, uploadThroughput: 700e3 / 8 },
  none: null,
};
const profile = PROFILES[profileName];
if (profile === undefined) { console.error('unknown profile ' + profileName); process.exit(2); }

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });

/** A development token of the citizen the dossier page is measured for (the runner's development sign-in). */
async function devToken() {
  const r = await fetch(base + '/dev/sign-in', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: 'Nguyễn Văn Đo', idNumber: '001199000777', email: 'do.nguyen@example.vn', role: 'citizen', redirect: '/' }) });
  return decodeURIComponent(r.headers.get('location').split('id_token=')[1]);
}

/** A draft dossier of that citizen, made through the API (the page reads it with its checklist). */
async function draft(token) {
  const r = await fetch(base + '/api/dossiers', { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
    body: JSON.stringify({ procedureCode: 'BVHTTDL-DL-002', applicant: { phone: '0987000777', email: 'do.nguyen@example.vn' },
      form: { licenceNumber: '01-789/2021/TCDL-GP', reason: 'scope-change' } }) });
  if (!r.ok) throw new Error('create dossier → ' + r.status + ' ' + await r.text());
  return (await r.json()).id;
}

async function once(hash, token) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  if (token) await context.addInitScript((tk) => localStorage.setItem('dvc.token', tk), token);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
  let bytes = 0; let requests = 0; const byType = {};
  const types = new Map();
  cdp.on('Network.requestWillBeSent', (e) => { requests++; types.set(e.requestId, e.type || 'Other'); });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    const ty = types.get(e.requestId) || 'Other';
    byType[ty] = (byType[ty] || 0) + e.encodedDataLength;
  });
  await page.addInitScript(() => {
    document.addEventListener('dvc:page', () => { if (!window.__firstPage) window.__firstPage = performance.now(); });
  });
  await page.goto(base + '/' + hash, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstPage, null, { timeout: 120000, polling: 50 });
  const firstContent = await page.evaluate(() => window.__firstPage);
  await page.waitForLoadState('networkidle').catch(() => {});
  await context.close();
  return { firstContent, bytes, requests, byType };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const token = await devToken();
const id = await draft(token);
const pages = [['home (procedures)', '#/', null], ['dossier', '#/dossier/' + encodeURIComponent(id), token]];
console.log(`First load, ${runs} runs each, profile ${profileName}${profile ? ` (${profile.latency} ms, ${Math.round(profile.downloadThroughput * 8 / 1000)} kbit/s down)` : ''}, 390×844 phone, empty cache; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('');
console.log('| page | requests | KiB transferred | of which script KiB | first meaningful content ms (median) | min – max |');
console.log('|---|---:|---:|---:|---:|---|');
for (const [name, hash, tk] of pages) {
  const rs = [];
  for (let i = 0; i < runs; i++) rs.push(await once(hash, tk));
  const fc = rs.map((r) => r.firstContent);
  const last = rs[rs.length - 1];
  console.log(`| ${name} | ${last.requests} | ${(last.bytes / 1024).toFixed(1)} | ${((last.byType.Script || 0) / 1024).toFixed(1)} | ${Math.round(median(fc))} | ${Math.round(Math.min(...fc))} – ${Math.round(Math.max(...fc))} |`);
}
await browser.close();

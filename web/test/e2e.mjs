// Browser test of the first slice, in Debian's Chromium driven by playwright-core:
// sign in → choose a procedure → fill the e-form → submit → see the dossier code → look it up by code.
// Usage: node web/test/e2e.mjs <base-url> [screenshot-dir]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.argv[2];
const shots = process.argv[3] || 'target/e2e';
if (!base) { console.error('usage: node e2e.mjs <base-url> [screenshot-dir]'); process.exit(2); }
mkdirSync(shots, { recursive: true });

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
let passed = 0; let failed = 0;
async function step(name, fn) {
  try { await fn(); passed++; console.log('ok   ' + name); }
  catch (e) { failed++; console.log('FAIL ' + name + '\n     ' + (e && e.stack || e)); throw e; }
}
try {
  const page = await browser.newPage({ locale: 'vi-VN' });
  page.setDefaultTimeout(20000);
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await step('the catalogue lists procedures in Vietnamese', async () => {
    await page.goto(base + '/');
    await page.waitForSelector('#procedures li');
    const list = await page.textContent('#procedures');
    if (!list.includes('Cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế')) throw new Error('procedures: ' + list);
    const count = await page.textContent('#result-count');
    if (parseInt(count, 10) < 15) throw new Error('fewer than 15 procedures: ' + count);
    if ((await page.$$('#procedures li')).length !== 10) throw new Error('a page holds 10 procedures');
    await page.click('#next-page');
    await page.waitForFunction(() => document.querySelector('#result-count').textContent.includes('2/'));
    await page.screenshot({ path: shots + '/1-procedures.png', fullPage: true });
  });

  await step('search ignores diacritics and the procedure page gives the appointment date of a dossier sent just before Tết', async () => {
    await page.fill('#search-q', 'giay phep lu hanh');
    await page.click('#search-form button');
    await page.waitForSelector('#result-count');
    await page.waitForFunction(() => document.querySelector('#procedures li a') && document.querySelector('#procedures li a').textContent.includes('lữ hành quốc tế'));
    const count = await page.textContent('#result-count');
    if (!/^\d+ thủ tục/.test(count)) throw new Error('count: ' + count);
    await page.click('#procedures li a');
    await page.waitForSelector('#appointment-due');
    await page.fill('#appointment-at', '2025-01-24T10:00');
    await page.click('#appointment-form button');
    await page.waitForFunction(() => document.querySelector('#appointment-due').textContent.includes('13/02/2025'));
    const skipped = await page.textContent('#appointment');
    if (!skipped.includes('Tết Âm lịch')) throw new Error('Tết not listed among the days skipped: ' + skipped);
    await page.screenshot({ path: shots + '/1b-appointment.png', fullPage: true });
  });

  await step('a procedure page asks to sign in, and the sign-in comes back to it', async () => {
    await page.waitForSelector('#form-sign-in');
    await page.click('#form-sign-in');
    await page.waitForSelector('#sign-in');
    await page.fill('input[name=name]', 'Phạm Thị Hoa');
    await page.fill('input[name=idNumber]', '079199001234');
    await page.fill('input[name=email]', 'hoa.pham@example.vn');
    await page.click('#sign-in');
    await page.waitForSelector('#dossier-form');
    const who = await page.textContent('#who');
    if (who !== 'Phạm Thị Hoa') throw new Error('signed in as ' + who);
    const prefilled = await page.inputValue('input[name=idNumber]');
    if (prefilled !== '079199001234') throw new Error('ID number not prefilled: ' + prefilled);
  });

  let code;
  await step('submitting the e-form gives a dossier code once received', async () => {
    await page.fill('input[name=phone]', '0987000111');
    await page.fill('input[name=address]', '51 Ngô Quyền, Hoàn Kiếm, Hà Nội');
    await page.fill('textarea[name=note]', 'Đề nghị cấp giấy phép lữ hành quốc tế cho thị trường Nhật Bản.');
    await page.click('#submit-dossier');
    await page.waitForSelector('#dossier-code', { timeout: 30000 });
    code = (await page.textContent('#dossier-code')).trim();
    if (!/^000\.00\.12\.G17-\d{6}-\d{4}$/.test(code)) throw new Error('code: ' + code);
    const status = await page.textContent('#dossier-status');
    if (status !== 'Đã tiếp nhận') throw new Error('status: ' + status);
    const due = await page.textContent('#dossier-due');
    if (!/\d{2}\/\d{2}\/\d{4}/.test(due)) throw new Error('no appointment date on the dossier: ' + due);
    await page.screenshot({ path: shots + '/2-received.png', fullPage: true });
  });

  await step('the dossier is found by its code and in "my dossiers"', async () => {
    await page.click('text=Tra cứu hồ sơ');
    await page.fill('#lookup-code', code);
    await page.click('#lookup-form button');
    await page.waitForSelector('#lookup-result #dossier-code');
    if ((await page.textContent('#lookup-result #dossier-code')).trim() !== code) throw new Error('lookup shows another code');
    await page.click('text=Hồ sơ của tôi');
    await page.waitForSelector('#my-dossiers li');
    if (!(await page.textContent('#my-dossiers')).includes(code)) throw new Error('my dossiers lacks ' + code);
    await page.screenshot({ path: shots + '/3-mine.png', fullPage: true });
  });

  await step('a wrong code gets a clear Vietnamese message, and English is one click away', async () => {
    await page.click('text=Tra cứu hồ sơ');
    await page.fill('#lookup-code', 'abc');
    await page.click('#lookup-form button');
    await page.waitForSelector('#lookup-result .error');
    const msg = await page.textContent('#lookup-result .error');
    if (!msg.includes('không đúng định dạng')) throw new Error('message: ' + msg);
    await page.click('#lang');
    await page.waitForSelector('text=Track a dossier by code');
  });

  if (consoleErrors.length) throw new Error('page errors: ' + consoleErrors.join('; '));
} catch (e) {
  if (!failed) { failed++; console.log('FAIL ' + (e && e.stack || e)); }
} finally {
  await browser.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// No Vietnamese left on an English page and the reverse: both files have the same keys, none empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vi from '../../i18n/vi.js';
import en from '../../i18n/en.js';

function keys(o, prefix = '') {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k])).sort();
}
const get = (o, k) => k.split('.').reduce((x, p) => x[p], o);

test('Vietnamese and English have the same strings', () => {
  assert.deepEqual(keys(en), keys(vi));
  for (const k of keys(vi)) {
    assert.ok(String(get(vi, k)).trim(), 'vi.' + k + ' is empty');
    assert.ok(String(get(en, k)).trim(), 'en.' + k + ' is empty');
  }
});

test('the English strings carry no Vietnamese letters (names of laws aside)', () => {
  const viLetters = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
  for (const k of keys(en)) {
    // Tết is the English name of the festival too
    assert.ok(!viLetters.test(String(get(en, k)).replace(/Tết/g, '')), 'en.' + k + ' has Vietnamese: ' + get(en, k));
  }
});

test('the English strings are fetched only when English is chosen; until then a string falls back to Vietnamese', async () => {
  globalThis.localStorage = { store: {}, getItem(k) { return this.store[k] ?? null; }, setItem(k, v) { this.store[k] = String(v); } };
  globalThis.document = { documentElement: {} };
  const i18n = await import('../../shared/i18n.js?lazy');
  await i18n.ready;
  assert.equal(i18n.lang(), 'vi');
  assert.equal(i18n.strings('en'), i18n.strings('vi'), 'English not loaded on a Vietnamese start');
  assert.equal(i18n.t('nav.procedures'), vi.nav.procedures);
  await i18n.setLang('en');
  assert.equal(i18n.lang(), 'en');
  assert.equal(i18n.t('nav.procedures'), en.nav.procedures);
  assert.equal(i18n.strings('en').nav.procedures, en.nav.procedures);
  assert.equal(globalThis.localStorage.getItem('dvc.lang'), 'en');
  assert.equal(globalThis.document.documentElement.lang, 'en');
  await i18n.setLang('xx');
  assert.equal(i18n.lang(), 'vi', 'an unknown language falls back to Vietnamese');
});

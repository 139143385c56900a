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

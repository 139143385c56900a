// Issue 24: every date shown is the Hà Nội day (not the UTC one), dd/mm/yyyy inputs parse only real days, and a file
// under 1 MB never reads "0 MB".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { date, hanoiDay, size } from '../../shared/format.js';
import { parseDate, dateInput } from '../../shared/dates.js';

test('an instant is shown as its day in Hà Nội', () => {
  // 05/12 17:30 UTC is 06/12 00:30 in Hà Nội: the results card must say 06/12 like the PDF and the verification page
  assert.equal(date('2026-12-05T17:30:00Z'), '06/12/2026');
  assert.equal(date('2026-12-05T16:59:59Z'), '05/12/2026');
  assert.equal(date('2026-12-05T17:30:00.123456Z'), '06/12/2026');
  assert.equal(hanoiDay('2026-12-31T18:00:00Z'), '2027-01-01');
  assert.equal(date('2026-02-14'), '14/02/2026', 'a calendar day is kept as it is');
  assert.equal(date(''), '');
});

test('dd/mm/yyyy inputs: real days only', () => {
  assert.equal(parseDate('06/12/2026'), '2026-12-06');
  assert.equal(parseDate(' 6/1/2027 '), '2027-01-06');
  for (const bad of ['31/02/2026', '2026-12-06', '12/31/2026', '00/01/2026', '', null, '6/12/26']) assert.equal(parseDate(bad), null, String(bad));
  const input = String(dateInput('f-x', 'x', '2026-12-06'));
  assert.match(input, /type="text"/);
  assert.match(input, /value="06\/12\/2026"/);
  assert.match(input, /inputmode="numeric"/);
  assert.doesNotMatch(input, /type="date"/);
});

test('sizes under 1 MB are in kB', () => {
  assert.equal(size(340 * 1024), '340 kB');
  assert.equal(size(500), '0,5 kB');
  assert.equal(size(1), '0,1 kB', 'never zero for a file that has bytes');
  assert.equal(size(0), '0 kB');
  assert.equal(size(1.5 * 1024 * 1024), '1,5 MB');
  assert.notEqual(size(900 * 1024), '0 MB');
});

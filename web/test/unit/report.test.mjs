// The periodic report's page: its default period follows the 15th-to-14th cut-off, a period is read as the API reads
// it, and every value from the API is escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPeriod, validPeriod, reportView } from '../../admin/report.js';

const EVIL = '<img src=x onerror=alert(1)>';
const T = { vi: EVIL, en: EVIL };

test('the default period is the reporting month that has begun, in Vietnam time', () => {
  assert.equal(defaultPeriod(new Date('2026-12-06T03:00:00Z')), '2026-12');
  assert.equal(defaultPeriod(new Date('2026-12-14T16:59:00Z')), '2026-12', '14 Dec 23:59 in Hanoi');
  assert.equal(defaultPeriod(new Date('2026-12-14T17:00:00Z')), '2027-01', '15 Dec 00:00 in Hanoi begins January');
  assert.equal(defaultPeriod(new Date('2026-11-20T03:00:00Z')), '2026-12');
});

test('periods as the API reads them', () => {
  for (const ok of ['2026-11', '2026-Q4', '2026', ' 2026-01 ']) assert.ok(validPeriod(ok), ok);
  for (const bad of ['2026-13', '2026-Q5', '26-11', 'abc', '', null, '2026-11&agency=X']) assert.equal(validPeriod(bad), null, String(bad));
});

test('every value from the API is escaped', () => {
  const row = (code) => ({ kind: 'procedure', code, name: T, values: { receivedTotal: 3, carriedOver: 1, online: 1, directPostal: 1, handledTotal: 1, early: 1, onTime: 0, late: 0, inProgressTotal: 2, withinDeadline: 1, pastDeadline: 1, withdrawn: 0 } });
  const col = (key) => ({ key, group: 'received', name: T });
  const page = {
    period: EVIL, from: '2026-10-15', to: '2026-11-14', running: true, agency: EVIL, agencyName: T,
    columns: ['receivedTotal', 'carriedOver', 'online', 'directPostal', 'handledTotal', 'early', 'onTime', 'late', 'inProgressTotal', 'withinDeadline', 'pastDeadline'].map(col),
    extraColumns: [col('withdrawn')],
    fields: [{ row: { ...row(EVIL), kind: 'field' }, procedures: [row(EVIL)] }], total: { ...row(EVIL), kind: 'total' },
    cutOff: { rule: T, basis: { document: EVIL, confirmed: false } }, basis: { document: EVIL, confirmed: false },
  };
  const s = reportView(page).text;
  assert.ok(!s.includes('<img'), s);
  assert.ok(s.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(s.includes('data-total'));
  // 12 columns in each of the three rows
  assert.equal((s.match(/class="num /g) || []).length, 36);
});

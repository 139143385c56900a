// The scorecard page's parts: every server value escaped, "not yet measured" shown as such (never 0), the drill-down's
// links, the trend chart, Vietnam's current periods.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesTable, trendChart, currentPeriods, scorecardHref } from '../../admin/scorecard.js';

const EVIL = '<img src=x onerror=alert(1)>';
const T = { vi: EVIL, en: EVIL };
const basis = { document: EVIL, confirmed: false };

const page = { period: '2026-11', agency: 'CDLQG' };
const section = {
  kind: 'agency', code: 'CDLQG', lines: [
    { indicator: '2.1', group: 2, name: T, maxPoints: 20, fullScoreAt: 1, measured: true, numerator: 3, denominator: 4, ratio: 0.75, score: 15, basis, unit: 'dossiers' },
    { indicator: '3.6', group: 3, name: T, maxPoints: 2, fullScoreAt: 0.8, measured: true, numerator: 150000, denominator: 150000, ratio: 1, score: 2, basis, unit: 'VND' },
    { indicator: '5.4', group: 5, name: T, maxPoints: 6, fullScoreAt: 0.95, measured: false, note: T, basis, unit: 'dossiers' },
  ],
};
const trend = [{ period: '2026-10', ratios: {} }, { period: EVIL, ratios: { '2.1': 0.75 } }];

test('the lines escape the server text, link a number short of its total to its dossiers, and never show 0 for not measured', () => {
  const out = linesTable(page, section, trend).text;
  assert.ok(!out.includes('<img'), out);
  assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(out.includes('href="#/admin/scorecard/dossiers?period=2026-11&amp;agency=CDLQG&amp;scope=A%3ACDLQG&amp;indicator=2.1"'), out);
  assert.ok(!out.includes('indicator=3.6'), 'a line at its total has nothing behind it');
  assert.ok(out.includes('150.000 ₫'), 'an amount in đồng');
  const notMeasured = out.slice(out.indexOf('data-indicator="5.4"'));
  assert.ok(/Chưa đo|Not yet measured/.test(notMeasured), notMeasured);
  assert.ok(!/>0</.test(notMeasured), 'not measured is not 0: ' + notMeasured);
});

test('the trend is an SVG whose bars carry their figures, escaped', () => {
  const svg = trendChart('2.1', trend).text;
  assert.ok(svg.startsWith('<svg'));
  assert.equal((svg.match(/class="trend-bar"/g) || []).length, 2);
  assert.ok(!svg.includes('<img'));
  assert.ok(svg.includes('75'));
});

test('the current periods are Vietnam time', () => {
  // 31 Dec 2026 18:30 UTC is 1 Jan 2027 in Hanoi
  assert.deepEqual(currentPeriods(new Date('2026-12-31T18:30:00Z')), { month: '2027-01', quarter: '2027-Q1', year: '2027' });
  assert.deepEqual(currentPeriods(new Date('2026-11-15T03:00:00Z')), { month: '2026-11', quarter: '2026-Q4', year: '2026' });
  assert.equal(scorecardHref({ period: '2026', agency: 'X', scope: '' }), '#/admin/scorecard?period=2026&agency=X');
});

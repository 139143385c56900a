// "Who looked at my dossier" on the citizen's dossier page: each official's read with when, who, unit, post and what,
// every server value escaped, nothing for a draft, the button for older reads only when there are more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readsCard } from '../../citizen/dossier.js';

const EVIL = '<img src=x onerror=alert(1)>';
const T = { vi: EVIL, en: EVIL };
const read = (over) => ({ at: '2026-12-02T03:04:00Z', officialName: 'Nguyễn Thị Bàn', agency: 'CDLQG', agencyName: { vi: 'Cục Du lịch Quốc gia Việt Nam', en: 'VNAT' },
  unit: 'MOTCUA', unitName: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' }, post: 'ONE_STOP', postName: { vi: 'Cán bộ một cửa', en: 'One-stop officer' },
  action: 'view-dossier', detail: null, ...over });

test('each read shows when, who, unit, post and what was opened (Vietnam time)', () => {
  const out = readsCard({ status: 'RECEIVED', reads: { reads: [read({ action: 'download-file', detail: 'don.pdf (DON)' }), read({})], next: null } }).text;
  assert.match(out, /Ai đã xem hồ sơ của tôi/);
  assert.match(out, /10:04 02\/12\/2026/, 'the moment in Vietnam time');
  assert.match(out, /Nguyễn Thị Bàn/);
  assert.match(out, /Bộ phận Một cửa, Cục Du lịch Quốc gia Việt Nam/);
  assert.match(out, /Cán bộ một cửa/);
  assert.match(out, /mở tệp <span class="muted">don.pdf \(DON\)<\/span>/);
  assert.match(out, /xem hồ sơ/);
  assert.equal((out.match(/data-read=/g) || []).length, 2);
  assert.ok(!out.includes('reads-more'), 'no more to load');
});

test('every value from the server is escaped', () => {
  const out = readsCard({ status: 'RECEIVED', reads: { reads: [read({ officialName: EVIL, unitName: T, agencyName: T, postName: T, detail: EVIL, action: EVIL })], next: EVIL } }).text;
  assert.ok(!out.includes('<img'), out);
  assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
});

test('no reads yet, a draft, more to load, a name the sign-in did not give', () => {
  assert.match(readsCard({ status: 'RECEIVED', reads: { reads: [], next: null } }).text, /Chưa có cán bộ nào xem hồ sơ/);
  assert.equal(readsCard({ status: 'DRAFT', reads: { reads: [], next: null } }), '');
  const more = readsCard({ status: 'IN_PROCESSING', reads: { reads: [read({ officialName: null })], next: 'READ#x' } }).text;
  assert.match(more, /id="reads-more" data-after="READ#x"/);
  assert.match(more, /<strong>Cán bộ<\/strong>/);
});

// "My data": each read names its dossier, a warehouse document the owner added has a delete button and one the
// Ministry issued says it stays, a draft can be deleted, every server value is escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { line, documentLine, draftLine, erasureLine } from '../../citizen/mydata.js';

const EVIL = '<img src=x onerror=alert(1)>';
const read = { at: '2026-12-02T03:04:00Z', officialName: 'Nguyễn Thị Bàn', agency: 'CDLQG', agencyName: { vi: 'Cục Du lịch Quốc gia Việt Nam', en: 'VNAT' },
  unit: 'MOTCUA', unitName: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' }, post: 'ONE_STOP', postName: { vi: 'Cán bộ một cửa', en: 'One-stop officer' },
  action: 'view-dossier', detail: null };
const doc = (over) => ({ id: 'w-1', kind: 'KEPT', documentKind: 'ID_CARD', name: { vi: 'Bản sao CCCD', en: 'ID card copy' }, numberAndSymbol: null,
  issuer: 'CDLQG', issuedOn: '2026-01-05', state: 'VALID', deletable: true, ...over });

test('a read names its dossier by code and links to it, then who, unit and what', () => {
  const out = line({ dossierId: 'd-1', dossierCode: '000.00.12.G17-260302-0901', procedureCode: 'BVHTTDL-DL-001', read }).text;
  assert.match(out, /href="#\/dossier\/d-1"/);
  assert.match(out, /000\.00\.12\.G17-260302-0901/);
  assert.match(out, /Nguyễn Thị Bàn/);
  assert.match(out, /Bộ phận Một cửa, Cục Du lịch Quốc gia Việt Nam/);
  assert.match(out, /10:04 02\/12\/2026/);
});

test('what the owner added can be deleted; what the Ministry issued stays, and says so', () => {
  const kept = documentLine(doc({})).text;
  assert.match(kept, /class="secondary delete-document" data-id="w-1"/);
  assert.match(kept, /Giấy tờ ông\/bà lưu/);
  const issued = documentLine(doc({ id: 'w-2', kind: 'RESULT', deletable: false, state: 'REVOKED' })).text;
  assert.ok(!issued.includes('delete-document'), issued);
  assert.match(issued, /được giữ lại/);
  assert.match(issued, /Đã bị thu hồi/);
  assert.match(draftLine({ id: 'd-9', procedureCode: 'BVHTTDL-DL-001', createdAt: '2026-12-02T03:04:00Z', files: 2 }).text, /delete-draft" data-id="d-9"/);
  assert.match(erasureLine({ at: '2026-12-02T03:04:00Z', what: 'DRAFT', ref: 'd-9', label: 'BVHTTDL-DL-001' }).text, /Đã xóa hồ sơ nháp/);
});

test('every value from the server is escaped', () => {
  const out = [
    line({ dossierId: EVIL, dossierCode: EVIL, procedureCode: EVIL, read: { ...read, officialName: EVIL, detail: EVIL } }).text,
    documentLine(doc({ id: EVIL, name: { vi: EVIL, en: EVIL }, numberAndSymbol: EVIL, kind: EVIL, state: EVIL })).text,
    draftLine({ id: EVIL, procedureCode: EVIL, createdAt: '2026-12-02T03:04:00Z', files: EVIL }).text,
    erasureLine({ at: '2026-12-02T03:04:00Z', what: EVIL, ref: EVIL, label: EVIL }).text,
  ].join('\n');
  assert.ok(!out.includes('<img'), out);
  assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
});

// The officials' action chooser: form 04's dd/mm/yyyy date read back for the API, and the message after a move
// naming what it issued (from the trail's new entries), in Vietnamese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoOf, issuedBy } from '../../official/dossier.js';

test('a dd/mm/yyyy date becomes yyyy-mm-dd; anything else is no date', () => {
  assert.equal(isoOf('21/12/2026'), '2026-12-21');
  assert.equal(isoOf(' 1/2/2027 '), '2027-02-01');
  for (const bad of ['31/02/2027', '2026-12-21', '12/21/2026', '21/12/26', '', null, '21/12/2026x']) assert.equal(isoOf(bad), null, String(bad));
});

test('the message after a move names the letter, the result number and the new date it added', () => {
  const before = { history: [{ action: 'receive', details: {} }] };
  const extended = { history: [...before.history, { action: 'extend', details: { template: '04', dueDate: '2026-12-21' } }] };
  const said = issuedBy('extend', before, extended);
  assert.match(said, /mẫu 04/);
  assert.match(said, /21\/12\/2026/);
  const approved = { history: [...before.history, { action: 'approve', details: {} }, { action: 'issue-result', details: { result: '000.00.12.G17-261206-0001-KQ1' } }] };
  assert.match(issuedBy('approve', before, approved), /000\.00\.12\.G17-261206-0001-KQ1/);
  // nothing issued: the move's own name
  const moved = { history: [...before.history, { action: 'start-processing', details: { step: 'specialist' } }] };
  assert.match(issuedBy('start-processing', before, moved), /Chuyển đơn vị chuyên môn/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpDb } from '../helpers/tmp.js';
import { buildSampleAudit, insertFlag, reviewer } from '../helpers/fixtures.js';
import { addVerdict } from '../../server/db/verdicts.js';
import { getFlag } from '../../server/db/queue.js';
import { undoLast } from '../../server/db/undo.js';
import { bulkCounts, bulkVerdict } from '../../server/db/bulk.js';

// Undo as a per-reviewer stack, and bulk decisions, over a real SQLite file with two reviewers at work.

function setup() {
  const { db } = tmpDb();
  const s = buildSampleAudit(db);
  const me = reviewer(db, 'me').reviewer;
  const other = reviewer(db, 'other').reviewer;
  const decide = (flagId: number, who = me, action: 'approve' | 'reject' = 'approve') =>
    addVerdict(db, { flagId, reviewer: who, action, version: getFlag(db, flagId)!.version });
  return { db, s, me, other, decide, state: (id: number) => getFlag(db, id)!.decision?.action ?? null };
}

test('undo-last pops my own verdicts newest first, skipping other reviewers and verdicts they replaced', () => {
  const { db, s, me, other, decide, state } = setup();
  const [a, b, c, d] = s.flags as [number, number, number, number];
  decide(a);
  decide(b);
  decide(c, other); // someone else's verdict, given after mine: not on my stack
  decide(d);
  decide(d, other, 'reject'); // they replaced my verdict on d: mine no longer decides anything
  assert.deepEqual(undoLast(db, me)?.flagIds, [b]);
  assert.equal(state(b), null);
  assert.equal(state(c), 'approve', "the other reviewer's verdict stays");
  assert.equal(state(d), 'reject');
  assert.deepEqual(undoLast(db, me)?.flagIds, [a]);
  assert.equal(undoLast(db, me), null, 'nothing of mine left to undo');
  assert.equal(state(c), 'approve');
});

test('a bulk decision decides every identical pending finding, leaves decided ones alone, and undoes whole', () => {
  const { db, s, me, other, decide, state } = setup();
  const base = getFlag(db, s.flags[0]!)!;
  // three more findings of the same words with the same suggestion, one with another suggestion
  const same = [1, 2, 3].map(() =>
    insertFlag(db, {
      auditId: s.auditId,
      documentId: s.spin,
      detector: base.detector,
      category: 'style/spin',
      severity: 'major',
      confidence: 0.9,
      segments: base.segments,
      start: base.start,
      end: base.end,
      message: base.message,
      suggestion: base.suggestion,
    }),
  );
  const differs = insertFlag(db, {
    auditId: s.auditId,
    documentId: s.spin,
    detector: base.detector,
    category: 'style/spin',
    severity: 'major',
    confidence: 0.9,
    segments: base.segments,
    start: base.start,
    end: base.end,
    message: base.message,
    suggestion: 'something else',
  });
  decide(same[2]!, other, 'reject');
  // the sample's three spin findings, three of the same words, one with another suggestion, less the decided one
  assert.deepEqual(bulkCounts(db, base.id), { identical: { audit: 3, batch: null }, detector: 6 });
  const out = bulkVerdict(db, { flagId: base.id, match: 'identical', scope: 'audit', action: 'approve', reviewer: me });
  assert.deepEqual(
    out.flagIds.sort((x, y) => x - y),
    [base.id, same[0]!, same[1]!].sort((x, y) => x - y),
  );
  assert.equal(state(same[2]!), 'reject', "another reviewer's verdict is not overwritten");
  assert.equal(state(differs), null, 'another suggestion is another finding');
  decide(differs, other);
  const undone = undoLast(db, me);
  assert.equal(undone?.bulkId, out.bulkId);
  assert.equal(undone?.flagIds.length, 3);
  for (const id of [base.id, same[0]!, same[1]!]) assert.equal(state(id), null);
  assert.equal(undoLast(db, me), null);
});

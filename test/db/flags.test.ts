import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpDb } from '../helpers/tmp.js';
import { tx } from '../../server/db/index.js';
import { storeDocument } from '../../server/db/documents.js';
import { createAudit } from '../../server/db/audits.js';
import { listAuditFlags, reconcileFlags, type FindingToStore } from '../../server/db/flags.js';
import { docFromLines } from '../../server/pipeline/detect/examples.js';
import type { Finding } from '../../server/pipeline/types.js';

function setup() {
  const { db } = tmpDb();
  const en = docFromLines(['The fire killed 12 people.', 'Putin met Kim.'], 'en', 'en.txt');
  const tl = docFromLines(['Labing-anim na tao ang namatay sa sunog.', 'Nagkita sina Putin at Kim.'], 'tl', 'tl.txt');
  const ids = tx(db, () => {
    const a = storeDocument(db, en).id;
    const b = storeDocument(db, tl).id;
    return {
      en: a,
      tl: b,
      audit: createAudit(
        db,
        'story',
        [
          { document_id: a, role: 'source' },
          { document_id: b, role: 'translation' },
        ],
        a,
      ),
    };
  });
  return { db, ids, en, tl };
}

function numberFinding(tlStart: number, message = 'Number "12" reads "Labing-anim"'): Finding {
  return {
    detector: 'numbers',
    category: 'accuracy/mistranslation',
    severity: 'major',
    confidence: 0.9,
    rawScore: 2,
    segments: [0],
    otherSegments: [0],
    span: { start: tlStart, end: tlStart + 11 },
    otherSpan: { start: 15, end: 17 },
    message,
    evidence: { source: ['12'], translation: ['Labing-anim'], z: 1.5 },
    suggestion: '12',
  };
}

test('reconcile: unchanged flags keep id, version and verdicts; changed ones bump the version; gone ones go stale and come back', () => {
  const { db, ids } = setup();
  const store = (fs: Finding[]) =>
    tx(db, () =>
      reconcileFlags(
        db,
        ids.audit,
        fs.map((finding): FindingToStore => ({ documentId: ids.tl, otherDocumentId: ids.en, finding })),
      ),
    );

  assert.deepEqual(store([numberFinding(0)]), { inserted: 1, updated: 0, unchanged: 0, staled: 0 });
  const [first] = listAuditFlags(db, ids.audit);
  assert.ok(first);
  db.prepare("INSERT INTO reviewers (name, token_hash, created_at) VALUES ('ana', 'h', 't')").run();
  db.prepare(
    "INSERT INTO verdicts (flag_id, action, reviewer_id, flag_version, created_at) VALUES (?, 'approve', 1, 1, 't')",
  ).run(first.id);

  // Same finding again: nothing changes.
  assert.deepEqual(store([numberFinding(0)]), { inserted: 0, updated: 0, unchanged: 1, staled: 0 });
  assert.equal(listAuditFlags(db, ids.audit)[0]!.version, 1);

  // Same flagged text and evidence, new wording of the message: same flag, version + 1, verdict kept.
  assert.deepEqual(store([numberFinding(0, 'Number 12 became 16')]), {
    inserted: 0,
    updated: 1,
    unchanged: 0,
    staled: 0,
  });
  const changed = listAuditFlags(db, ids.audit)[0]!;
  assert.equal(changed.id, first.id);
  assert.equal(changed.version, 2);
  assert.equal(changed.message, 'Number 12 became 16');
  assert.equal(
    (db.prepare('SELECT COUNT(*) AS n FROM verdicts WHERE flag_id = ?').get(first.id) as { n: number }).n,
    1,
  );

  // It no longer fires: stale, not deleted.
  assert.deepEqual(store([]), { inserted: 0, updated: 0, unchanged: 0, staled: 1 });
  const stale = listAuditFlags(db, ids.audit)[0]!;
  assert.equal(stale.status, 'stale');
  assert.equal(stale.version, 3);
  assert.equal(listAuditFlags(db, ids.audit, 'active').length, 0);

  // It fires again: the same row becomes active.
  assert.deepEqual(store([numberFinding(0, 'Number 12 became 16')]), {
    inserted: 0,
    updated: 1,
    unchanged: 0,
    staled: 0,
  });
  const back = listAuditFlags(db, ids.audit)[0]!;
  assert.equal(back.id, first.id);
  assert.equal(back.status, 'active');
  assert.equal(back.version, 4);
});

test('reconcile: a different flagged text is a different flag; repeated identical findings stay distinct', () => {
  const { db, ids } = setup();
  const store = (fs: Finding[]) =>
    tx(db, () =>
      reconcileFlags(
        db,
        ids.audit,
        fs.map((finding) => ({ documentId: ids.tl, otherDocumentId: ids.en, finding })),
      ),
    );
  store([numberFinding(0)]);
  // Span moved onto other text ("na tao ang" instead of "Labing-anim"): old one stale, new one inserted.
  assert.deepEqual(store([numberFinding(12)]), { inserted: 1, updated: 0, unchanged: 0, staled: 1 });
  assert.deepEqual(store([numberFinding(12), numberFinding(12)]), { inserted: 1, updated: 0, unchanged: 1, staled: 0 });
  const active = listAuditFlags(db, ids.audit, 'active');
  assert.equal(active.length, 2);
  assert.notEqual(active[0]!.fingerprint, active[1]!.fingerprint);
});

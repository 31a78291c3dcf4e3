import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpDb } from '../helpers/tmp.js';
import { tx } from '../../server/db/index.js';
import { storeDocument } from '../../server/db/documents.js';
import { createAudit } from '../../server/db/audits.js';
import { getAlignment, listAlignments, storeAlignment } from '../../server/db/alignments.js';
import { segmentDoc } from '../../server/pipeline/segment/index.js';
import { alignStory, storyRows } from '../../server/pipeline/align/story.js';
import type { IngestedDoc } from '../../server/pipeline/types.js';

const doc = (path: string, text: string): IngestedDoc => ({
  path,
  url: null,
  title: null,
  format: 'txt',
  encoding: 'utf-8',
  declaredLang: null,
  text,
});

test('alignments of a story are stored with their beads, replaced whole, and read back in order', () => {
  const { db } = tmpDb();
  const en = segmentDoc(
    doc(
      'en.txt',
      'The president met the leader of Japan in Tokyo on Monday.\n\nThey discussed trade and security in the South China Sea with 300 officials.\n\nSubscribe to our newsletter',
    ),
  );
  const tl = segmentDoc(
    doc(
      'tl.txt',
      'Nagpulong ang pangulo at ang pinuno ng Japan sa Tokyo noong Lunes.\n\nPinag-usapan nila ang kalakalan at seguridad sa South China Sea kasama ang 300 opisyal.',
    ),
  );
  const spun = segmentDoc(
    doc(
      'spun.txt',
      'The president met the chief of Japan in Tokyo on Monday.\n\nThey talked about commerce and safety in the South China Sea with 300 officers.',
    ),
  );
  const { enId, tlId, spunId, auditId } = tx(db, () => {
    const enId = storeDocument(db, en).id;
    const tlId = storeDocument(db, tl).id;
    const spunId = storeDocument(db, spun).id;
    const auditId = createAudit(
      db,
      'story',
      [
        { document_id: enId, role: 'source' },
        { document_id: tlId, role: 'translation' },
        { document_id: spunId, role: 'spin' },
      ],
      enId,
    );
    return { enId, tlId, spunId, auditId };
  });
  const versions = [
    { documentId: enId, doc: en },
    { documentId: tlId, doc: tl },
    { documentId: spunId, doc: spun },
  ];
  const aligned = alignStory(versions, 0);
  assert.equal(aligned[0], null);
  aligned.forEach((beads, k) => {
    if (beads) storeAlignment(db, auditId, enId, versions[k]?.documentId ?? -1, beads, 'lexical-dp');
  });

  const tlAlign = getAlignment(db, auditId, enId, tlId);
  assert.ok(tlAlign);
  assert.deepEqual(
    tlAlign.beads.map((b) => [b.src, b.tgt]),
    [
      [[0], [0]],
      [[1], [1]],
      [[2], []],
    ],
  );
  assert.equal(listAlignments(db, auditId).length, 2);

  // Storing the pair again replaces the old alignment and its beads (one alignment per pair).
  storeAlignment(db, auditId, enId, tlId, [{ src: [0, 1, 2], tgt: [0, 1], score: 0.4 }], 'manual');
  const again = getAlignment(db, auditId, enId, tlId);
  assert.equal(again?.method, 'manual');
  assert.deepEqual(again?.beads, [{ src: [0, 1, 2], tgt: [0, 1], score: 0.4 }]);
  const beadRows = db
    .prepare('SELECT COUNT(*) AS n FROM beads b JOIN alignments a ON a.id = b.alignment_id WHERE a.audit_id = ?')
    .get(auditId) as { n: number };
  assert.equal(beadRows.n, 1 + (aligned[2]?.length ?? 0));

  // One row per story sentence across the versions: the boilerplate line of the pivot has a row of its own.
  const rows = storyRows(3, 0, en.segments.length, aligned);
  assert.deepEqual(
    rows.map((r) => r.cells),
    [
      [[0], [0], [0]],
      [[1], [1], [1]],
      [[2], [], []],
    ],
  );
});

test('a failed store leaves the earlier alignment in place', () => {
  const { db } = tmpDb();
  const a = segmentDoc(doc('a.txt', 'One sentence here.'));
  const b = segmentDoc(doc('b.txt', 'Another sentence there.'));
  const { aId, bId, auditId } = tx(db, () => {
    const aId = storeDocument(db, a).id;
    const bId = storeDocument(db, b).id;
    return { aId, bId, auditId: createAudit(db, 's', [], aId) };
  });
  storeAlignment(db, auditId, aId, bId, [{ src: [0], tgt: [0], score: 0.9 }], 'lexical-dp');
  assert.throws(() =>
    storeAlignment(
      db,
      auditId,
      aId,
      bId,
      [
        { src: [0], tgt: [0], score: Number.NaN },
        { src: [0], tgt: [0], score: 1 },
      ],
      'x',
    ),
  );
  assert.equal(getAlignment(db, auditId, aId, bId)?.method, 'lexical-dp');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpDb } from '../../helpers/tmp.js';
import { toJson } from '../../../server/db/index.js';
import { storeDocument } from '../../../server/db/documents.js';
import { createAudit } from '../../../server/db/audits.js';
import { segmentLines } from '../../../server/pipeline/segment/index.js';
import { auditView } from '../../../server/pipeline/review/rows.js';
import type { Bead, Lang, Role } from '../../../server/pipeline/types.js';
import { insertFlag } from '../../helpers/fixtures.js';

function doc(db: ReturnType<typeof tmpDb>['db'], name: string, lang: Lang, lines: string[]): number {
  const text = lines.join('\n') + '\n';
  return storeDocument(db, {
    path: name,
    url: null,
    title: name,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: lang,
    text,
    lang,
    segments: segmentLines(text, lang),
  }).id;
}
function align(db: ReturnType<typeof tmpDb>['db'], audit: number, src: number, tgt: number, beads: Bead[]): void {
  const id = Number(
    db
      .prepare(
        `INSERT INTO alignments (audit_id, src_document_id, tgt_document_id, method, created_at) VALUES (?, ?, ?, 'test', '')`,
      )
      .run(audit, src, tgt).lastInsertRowid,
  );
  beads.forEach((b, i) =>
    db
      .prepare('INSERT INTO beads (alignment_id, ord, src, tgt, score) VALUES (?, ?, ?, ?, ?)')
      .run(id, i, toJson(b.src), toJson(b.tgt), b.score),
  );
}
const b = (src: number[], tgt: number[]): Bead => ({ src, tgt, score: 1 });

test('rows follow the pivot; added sentences get rows where they occur; merges, reversed and missing alignments', () => {
  const { db } = tmpDb();
  const en = doc(db, 'en', 'en', ['E0', 'E1', 'E2', 'E3']);
  const tl = doc(db, 'tl', 'tl', ['T0', 'T-extra', 'T1', 'T23']);
  const spin = doc(db, 'spin', 'en', ['S0', 'S1', 'S2', 'S3', 'S-tail']);
  const other = doc(db, 'other', 'en', ['O0']);
  const versions: { document_id: number; role: Role }[] = [
    { document_id: spin, role: 'spin' },
    { document_id: en, role: 'source' },
    { document_id: tl, role: 'translation' },
    { document_id: other, role: 'unknown' },
  ];
  const audit = createAudit(db, 'story', versions, en);
  // tl: 1-1, an added sentence (0-1), 1-1, a 2-1 merge of E2+E3
  align(db, audit, en, tl, [b([0], [0]), b([], [1]), b([1], [2]), b([2, 3], [3])]);
  // spin stored the other way round (spin → en), with an added tail sentence
  align(db, audit, spin, en, [b([0], [0]), b([1], [1]), b([2], [2]), b([3], [3]), b([4], [])]);
  const f = insertFlag(db, {
    auditId: audit,
    documentId: tl,
    detector: 'x',
    category: 'accuracy/addition',
    severity: 'major',
    confidence: 0.5,
    segments: [1],
    message: 'added',
  });
  const g = insertFlag(db, {
    auditId: audit,
    documentId: spin,
    detector: 'y',
    category: 'style/spin',
    severity: 'minor',
    confidence: 0.5,
    segments: [],
    start: 3,
    end: 5,
    message: 'span only',
  });
  const v = auditView(db, audit)!;
  assert.deepEqual(
    v.versions.map((x) => x.document_id),
    [tl, en, other, spin],
    'tl, pivot, others, spin last',
  );
  assert.equal(v.versions.find((x) => x.document_id === other)!.aligned, false);
  const text = (r: (typeof v.rows)[number], d: number): string =>
    r.cells[d]?.continued ? '^' : (r.cells[d]?.segments.map((s) => s.text).join('+') ?? '');
  assert.deepEqual(
    v.rows.map((r) => [text(r, tl), text(r, en), text(r, spin), text(r, other)]),
    [
      ['T0', 'E0', 'S0', ''],
      ['T-extra', '', '', ''],
      ['T1', 'E1', 'S1', ''],
      ['T23', 'E2', 'S2', ''],
      ['^', 'E3', 'S3', ''],
      ['', '', 'S-tail', ''],
      ['', '', '', 'O0'],
    ],
  );
  assert.deepEqual(v.rows[1]!.cells[tl]!.flags, [f]);
  assert.deepEqual(v.rows[1 + 0]!.pivot, null);
  assert.deepEqual(
    v.rows[2]!.cells[spin]!.flags,
    [g],
    'a flag with only a span is placed by its offset (S1 starts at 3)',
  );
  assert.deepEqual(v.unplaced, []);
  assert.equal(auditView(db, 999), undefined);
});

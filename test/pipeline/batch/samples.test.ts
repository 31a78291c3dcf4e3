import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../../helpers/server.js';

test('npm start loads the samples as real audits: the Vostochny story with its translation, and 003 alone', async () => {
  const srv = await testServer({ loadSamples: true });
  const rows = srv.db
    .prepare(
      `SELECT v.audit_id AS audit, substr(d.path, -24, 3) AS seed, v.role, d.lang, a.pivot_document_id = d.id AS pivot
       FROM audit_versions v JOIN documents d ON d.id = v.document_id JOIN audits a ON a.id = v.audit_id ORDER BY seed`,
    )
    .all() as { audit: number; seed: string; role: string; lang: string; pivot: number }[];
  assert.deepEqual(
    rows.map((r) => r.seed),
    ['000', '001', '002', '004', '003'].sort(),
  );
  const bySeed = Object.fromEntries(rows.map((r) => [r.seed, r]));
  const story = bySeed['001']!.audit;
  for (const s of ['000', '002', '004'])
    assert.equal(bySeed[s]!.audit, story, `${s} is a version of the Vostochny story`);
  assert.notEqual(bySeed['003']!.audit, story, '003 (the Pyongyang visit) is its own story');
  assert.equal(bySeed['003']!.role, 'spin', '003 is a spun copy (no original in the batch)');
  const spinFlags = srv.db
    .prepare("SELECT COUNT(*) FROM flags WHERE audit_id = ? AND category = 'style/spin'")
    .pluck()
    .get(bySeed['003']!.audit);
  assert.ok((spinFlags as number) > 10, 'its spun wording is flagged');
  assert.equal(bySeed['000']!.role, 'translation');
  assert.equal(bySeed['000']!.lang, 'tl');
  const pivot = rows.find((r) => r.audit === story && r.pivot)!;
  assert.equal(pivot.lang, 'en');
  assert.notEqual(pivot.role, 'spin');
  const beads = srv.db
    .prepare('SELECT COUNT(*) FROM beads b JOIN alignments l ON l.id = b.alignment_id WHERE l.audit_id = ?')
    .pluck()
    .get(story);
  assert.ok((beads as number) > 20, 'every version is aligned to the pivot');
});

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '../../testkit/postgres.js';
import { tmpDb, tmpDir } from '../helpers/tmp.js';
import { openPg, pgTx, type PgPool } from '../../server/db/pg/connect.js';
import { migratePg, PG_MIGRATIONS_DIR } from '../../server/db/pg/migrate.js';
import { loadMigrations } from '../../server/db/migrate.js';
import { storeDocumentPg, loadSegmentedDocsPg } from '../../server/db/pg/documents.js';
import { commitStoryPg, type StoryCommit } from '../../server/db/pg/stories.js';
import { tx } from '../../server/db/index.js';
import { storeDocument } from '../../server/db/documents.js';
import { commitStory } from '../../server/pipeline/batch/story.js';
import { analyseStory, ALIGN_METHOD, type StoryAnalysis } from '../../server/pipeline/batch/analyse.js';
import { storyKey } from '../../server/pipeline/group/index.js';
import { ingestSynth, synthCorpus } from '../../testkit/synth.js';
import type { SegmentedDoc } from '../../server/pipeline/types.js';

// PostgreSQL storage on a real, throwaway cluster: migrations recorded with checksums, documents stored once
// by text, and a story committed as on SQLite: the same rows (same fingerprints), verdicts kept on re-runs.

const pgc: TestPostgres = await startPostgres();
const pools: PgPool[] = [];
after(async () => {
  for (const p of pools) await p.end();
});
async function freshDb(name: string): Promise<PgPool> {
  const pool = await openPg(await pgc.createDb(name));
  pools.push(pool);
  return pool;
}

test('migrations: applied once each, recorded with checksums; an edited applied migration stops everything', async () => {
  const url = await pgc.createDb('migrations');
  const dir = join(tmpDir(), 'postgres');
  cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
  const pool = await openPg(url, { migrate: false });
  pools.push(pool);
  const all = loadMigrations(PG_MIGRATIONS_DIR).map((m) => m.id);
  assert.ok(all.length >= 3 && all[0] === 1);
  assert.deepEqual(await migratePg(pool, dir), all);
  assert.deepEqual(await migratePg(pool, dir), [], 'nothing to apply the second time');
  const rows = (
    await pool.query<{ id: number; checksum: string }>('SELECT id, checksum FROM schema_migrations ORDER BY id')
  ).rows;
  assert.deepEqual(
    rows.map((r) => r.id),
    all,
  );
  assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum)));
  appendFileSync(join(dir, '0001_baseline.sql'), '\n-- edited\n');
  await assert.rejects(migratePg(pool, dir), /0001_baseline\.sql was edited after it was applied/);
});

test('migrations: a failing migration leaves no trace of itself', async () => {
  const url = await pgc.createDb('broken');
  const dir = join(tmpDir(), 'postgres');
  cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
  writeFileSync(join(dir, '9999_broken.sql'), 'CREATE TABLE half_done (id int);\nCREATE TABLE x (;');
  const pool = await openPg(url, { migrate: false });
  pools.push(pool);
  await assert.rejects(migratePg(pool, dir), /syntax error/);
  const ids = (await pool.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).rows.map((r) => r.id);
  assert.deepEqual(
    ids,
    loadMigrations(PG_MIGRATIONS_DIR).map((m) => m.id),
    'the migrations before it stay applied',
  );
  assert.equal((await pool.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'")).rowCount, 0);
});

test('documents: the same text is one document, its sentences read back as stored', async () => {
  const pool = await freshDb('documents');
  const [doc] = ingestSynth(synthCorpus({ maxStories: 1 }).records);
  assert.ok(doc && doc.segments.length > 1);
  const a = await pgTx(pool, (c) => storeDocumentPg(c, doc));
  const b = await pgTx(pool, (c) => storeDocumentPg(c, { ...doc, path: 'elsewhere.txt' }));
  assert.deepEqual([a.created, b.created, b.id], [true, false, a.id]);
  const back = (await loadSegmentedDocsPg(pool, [a.id])).get(a.id)!;
  assert.deepEqual(back.segments, doc.segments);
  assert.equal(back.text, doc.text);
});

/** One synthetic story (source, translation, spun copy), analysed by the pure phase. */
function story(): { docs: SegmentedDoc[] } {
  const corpus = synthCorpus({ maxStories: 3, seed: 5 });
  const docs = ingestSynth(corpus.records);
  // the records of the first article's story (by its url), in input order
  const first = docs[0]!.url!.split('/')[3];
  return { docs: docs.filter((d) => d.url!.split('/')[3] === first) };
}

function commitOf(ids: number[], docs: SegmentedDoc[], a: StoryAnalysis, runId: number | null): StoryCommit {
  return {
    runId,
    storyKey: storyKey(ids),
    name: 'story',
    versions: ids.map((id, i) => ({ documentId: id, role: a.roles[i]!, doc: docs[i]! })),
    pivotDocumentId: ids[a.pivot]!,
    alignments: a.alignments.flatMap((beads, i) => (beads ? [{ tgtDocumentId: ids[i]!, beads }] : [])),
    method: ALIGN_METHOD,
    findings: a.findings.map((f) => ({
      documentId: ids[f.versionIndex]!,
      otherDocumentId: f.otherVersionIndex === null ? null : ids[f.otherVersionIndex]!,
      finding: f.finding,
    })),
  };
}

const FLAG_COLUMNS =
  'document_id, other_document_id, detector, category, severity, confidence, raw_score, segments, other_segments, start, "end", other_start, other_end, message, evidence, suggestion, fingerprint, version, status';

test('a story commits as on SQLite: the same audit, alignments and flags (fingerprints included)', async () => {
  const { docs } = story();
  assert.ok(docs.length >= 2, 'a story of several versions');
  const versions = docs.map((doc, i) => ({ documentId: i + 1, doc }));
  const analysis = analyseStory({ versions, thresholds: {} });
  assert.ok(analysis.findings.length > 0, 'the story has findings to compare');

  const { db } = tmpDb();
  const ids = tx(db, () => docs.map((d) => storeDocument(db, d).id));
  const auditId = commitStory(
    db,
    { plan: { key: storyKey(ids), documentIds: ids }, job: { versions, thresholds: {} } },
    analysis,
    null,
  );

  const pool = await freshDb('story');
  const pgIds = await pgTx(pool, async (c) => {
    const out: number[] = [];
    for (const d of docs) out.push((await storeDocumentPg(c, d)).id);
    return out;
  });
  assert.deepEqual(pgIds, ids, 'fresh databases hand out the same ids');
  const r = await pgTx(pool, (c) => commitStoryPg(c, commitOf(pgIds, docs, analysis, null)));
  assert.equal(r.auditId, auditId);

  const sqlite = db.prepare(`SELECT ${FLAG_COLUMNS} FROM flags ORDER BY id`).all();
  const pg = (await pool.query(`SELECT ${FLAG_COLUMNS} FROM flags ORDER BY id`)).rows;
  assert.equal(pg.length, analysis.findings.length);
  assert.deepEqual(pg, sqlite);
  const beads =
    'SELECT l.src_document_id, l.tgt_document_id, b.ord, b.src, b.tgt, b.score FROM beads b JOIN alignments l ON l.id = b.alignment_id ORDER BY l.tgt_document_id, b.ord';
  assert.deepEqual((await pool.query(beads)).rows, db.prepare(beads).all());
  const roles = 'SELECT audit_id, document_id, role FROM audit_versions ORDER BY document_id';
  assert.deepEqual((await pool.query(roles)).rows, db.prepare(roles).all());
});

test('re-committing a story keeps reviewer verdicts; a finding gone goes stale; a run records the story once', async () => {
  const { docs } = story();
  const pool = await freshDb('rerun');
  const ids = await pgTx(pool, async (c) => {
    const out: number[] = [];
    for (const d of docs) out.push((await storeDocumentPg(c, d)).id);
    return out;
  });
  const analysis = analyseStory({
    versions: ids.map((documentId, i) => ({ documentId, doc: docs[i]! })),
    thresholds: {},
  });
  assert.ok(analysis.findings.length >= 2);
  const run = (
    await pool.query<{ id: number }>(
      "INSERT INTO batch_runs (key, status, started_at) VALUES ('k', 'running', 't') RETURNING id",
    )
  ).rows[0]!.id;
  const first = await pgTx(pool, (c) => commitStoryPg(c, commitOf(ids, docs, analysis, null)));
  assert.equal(first.flags!.inserted, analysis.findings.length);
  const flag = (await pool.query<{ id: number }>('SELECT id FROM flags ORDER BY id LIMIT 1')).rows[0]!;
  await pool.query("INSERT INTO reviewers (name, token_hash, created_at) VALUES ('ana', 'h', 't')");
  await pool.query(
    "INSERT INTO verdicts (flag_id, action, reviewer_id, flag_version, created_at) VALUES ($1, 'reject', 1, 1, 't')",
    [flag.id],
  );
  await assert.rejects(pool.query("UPDATE verdicts SET action = 'approve'"), /append-only/);

  const again = await pgTx(pool, (c) => commitStoryPg(c, commitOf(ids, docs, analysis, run)));
  assert.deepEqual(again.flags, { inserted: 0, updated: 0, unchanged: analysis.findings.length, staled: 0 });
  const fewer = { ...analysis, findings: analysis.findings.slice(1) };
  const twice = await pgTx(pool, (c) => commitStoryPg(c, commitOf(ids, docs, fewer, run)));
  assert.equal(twice.flags, null, 'the run has the story already: nothing is changed');
  const third = await pgTx(pool, (c) => commitStoryPg(c, commitOf(ids, docs, fewer, null)));
  assert.equal(third.flags!.staled, 1);
  const rows = (
    await pool.query<{ id: number; status: string; version: number }>(
      'SELECT id, status, version FROM flags ORDER BY id',
    )
  ).rows;
  assert.equal(rows.length, analysis.findings.length, 'no flag is duplicated or deleted');
  assert.deepEqual(rows[0], { id: flag.id, status: 'stale', version: 2 });
  assert.equal(
    (await pool.query('SELECT 1 FROM verdicts WHERE flag_id = $1', [flag.id])).rowCount,
    1,
    'the verdict stays',
  );
  assert.equal((await pool.query('SELECT 1 FROM audits')).rowCount, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../server/config.js';
import { runBatch } from '../../../server/pipeline/batch/driver.js';
import { Progress } from '../../../server/pipeline/batch/progress.js';
import { batchReport } from '../../../server/pipeline/batch/report.js';
import { reportHtml } from '../../../server/pipeline/batch/report-html.js';
import type { Db } from '../../../server/db/index.js';
import { tmpDb, tmpDir } from '../../helpers/tmp.js';
import { synthCorpus, synthJsonl } from '../../../testkit/synth.js';
import { batchDump } from '../../../testkit/batch-digest.js';

const cfg = loadConfig({}, '/nonexistent');
const quiet = (): Progress => new Progress('quiet');

const n = (db: Db, sql: string): number => db.prepare(sql).pluck().get() as number;
const counts = (db: Db) => ({
  documents: n(db, 'SELECT COUNT(*) FROM documents'),
  segments: n(db, 'SELECT COUNT(*) FROM segments'),
  audits: n(db, 'SELECT COUNT(*) FROM audits'),
  versions: n(db, 'SELECT COUNT(*) FROM audit_versions'),
  alignments: n(db, 'SELECT COUNT(*) FROM alignments'),
  beads: n(db, 'SELECT COUNT(*) FROM beads'),
  flags: n(db, 'SELECT COUNT(*) FROM flags'),
});

test('malformed records in the middle of a JSONL batch are refused by line; the rest is processed', async () => {
  const { db } = tmpDb();
  const dir = tmpDir();
  const corpus = synthCorpus({ maxStories: 4 });
  const lines = corpus.records.map((r) => JSON.stringify(r));
  lines.splice(3, 0, '{"text": "unterminated');
  lines.splice(7, 0, '{"url": "no text here"}');
  lines.splice(9, 0, '');
  const file = join(dir, 'batch.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const refusals: string[] = [];
  const s = await runBatch(db, cfg, [file], { workers: 0, progress: quiet(), onRefusal: (r) => refusals.push(r.item) });
  assert.deepEqual(refusals, [`${file}#L4`, `${file}#L8`]);
  assert.deepEqual(
    s.refused.map((r) => r.item),
    refusals,
  );
  assert.match(s.refused[0]!.message, /not valid JSON/);
  assert.match(s.refused[1]!.message, /text/);
  assert.equal(s.documents, corpus.records.length);
  assert.equal(counts(db).documents, corpus.records.length);
  assert.ok(s.audits.length >= corpus.stories, 'every story has an audit');
});

test('a re-run on the same inputs adds nothing; the report and its HTML page cover every document', async () => {
  const { db } = tmpDb();
  const dir = tmpDir();
  const corpus = synthCorpus({ maxStories: 6, seed: 3 });
  const file = join(dir, 'b.jsonl');
  writeFileSync(file, synthJsonl(corpus));
  const first = await runBatch(db, cfg, [file], { workers: 1, progress: quiet() });
  const before = counts(db);
  assert.ok(before.documents === corpus.records.length && before.audits > 0 && before.beads > 0);
  const second = await runBatch(db, cfg, [file], { workers: 0, progress: quiet() });
  assert.deepEqual(counts(db), before);
  assert.deepEqual(second.audits, first.audits);
  assert.notEqual(second.runId, first.runId, 'a finished run is not resumed; a new one finds everything stored');

  const report = batchReport(db, second.runId, second.audits, second.refused);
  assert.equal(report.documents, corpus.records.length);
  const paths = report.stories.flatMap((st) => st.documents.map((d) => d.path)).sort();
  assert.equal(new Set(paths).size, corpus.records.length);
  for (const st of report.stories) {
    assert.equal(st.documents.filter((d) => d.document === st.pivot).length, 1);
    for (const d of st.documents)
      if (st.documents.length > 1) assert.ok(d.coverage !== null && d.coverage >= 0 && d.coverage <= 1);
  }
  const html = reportHtml({
    ...report,
    stories: [{ ...report.stories[0]!, name: '<script>alert(1)</script>' }, ...report.stories.slice(1)],
  });
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'));
  assert.match(html, /<svg[^>]*aria-label="Flags per category"|<p>No flags\.<\/p>/);
});

test('a UTF-16 JSONL batch is decoded whole; its records are audited like UTF-8 ones', async () => {
  const { db } = tmpDb();
  const file = join(tmpDir(), 'u16.jsonl');
  const body = [
    JSON.stringify({ text: 'Ang bagyo ay tumama sa Cagayan noong Martes.', lang: 'tl' }),
    JSON.stringify({ text: 'The typhoon hit Cagayan on Tuesday.' }),
  ].join('\r\n');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
  const s = await runBatch(db, cfg, [file], { workers: 0, progress: quiet() });
  assert.deepEqual(s.refused, []);
  assert.deepEqual(db.prepare('SELECT path, text FROM documents ORDER BY id').raw().all(), [
    [`${file}#L1`, 'Ang bagyo ay tumama sa Cagayan noong Martes.'],
    [`${file}#L2`, 'The typhoon hit Cagayan on Tuesday.'],
  ]);
});

test('items prepared and stories analysed by two or three workers (each story read on one, finished on another) are stored as when done inline', async () => {
  const dir = tmpDir();
  const corpus = synthCorpus({ maxStories: 12, seed: 5 });
  const lines = corpus.records.map((r) => JSON.stringify(r));
  lines.splice(5, 0, '{"text": "unterminated');
  const file = join(dir, 'b.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const results = [];
  for (const workers of [0, 2, 3]) {
    const { db, file: dbFile } = tmpDb();
    const refusals: string[] = [];
    const s = await runBatch(db, cfg, [file], { workers, progress: quiet(), onRefusal: (r) => refusals.push(r.item) });
    results.push({ dump: batchDump(dbFile), refusals, documents: s.documents, audits: s.audits.length });
  }
  const [inline, pooled, three] = results;
  assert.deepEqual(inline!.refusals, [`${file}#L6`]);
  // each distinct text is one document (a spun copy with no word to swap is its original)
  assert.equal(inline!.documents, new Set(corpus.records.map((r) => r.text)).size);
  assert.ok(inline!.audits > 1);
  assert.ok(
    inline!.dump.some((story) => story.includes('\n  align ')),
    'the dump holds alignments',
  );
  assert.ok(
    inline!.dump.some((story) => story.includes('\n  flag ')),
    'the dump holds flags',
  );
  assert.deepEqual(pooled, inline);
  assert.deepEqual(three, inline);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { synthCorpus, synthJsonl } from '../../testkit/synth.js';

// Kill-and-resume: the built CLI is killed with SIGKILL in the middle of a batch, run again with the
// same inputs, and the database must then hold exactly what an uninterrupted run stores.

/** The database's content, independent of row ids and timestamps. */
function content(file: string): Record<string, string[]> {
  const c = new Database(file, { readonly: true });
  const q = (sql: string) => (c.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
  const out = {
    documents: q('SELECT sha256, path, lang FROM documents'),
    segments: q('SELECT d.sha256, s.idx, s.start, s.end FROM segments s JOIN documents d ON d.id = s.document_id'),
    audits: q('SELECT a.story_key, a.name, d.sha256 FROM audits a JOIN documents d ON d.id = a.pivot_document_id'),
    versions: q(
      'SELECT a.story_key, d.sha256, v.role FROM audit_versions v JOIN audits a ON a.id = v.audit_id JOIN documents d ON d.id = v.document_id',
    ),
    beads: q(
      `SELECT a.story_key, s.sha256, t.sha256, b.ord, b.src, b.tgt FROM beads b JOIN alignments l ON l.id = b.alignment_id
       JOIN audits a ON a.id = l.audit_id JOIN documents s ON s.id = l.src_document_id JOIN documents t ON t.id = l.tgt_document_id`,
    ),
    flags: q(
      'SELECT a.story_key, d.sha256, f.fingerprint, f.version, f.status FROM flags f JOIN audits a ON a.id = f.audit_id JOIN documents d ON d.id = f.document_id',
    ),
  };
  c.close();
  return out;
}

const count = (file: string, sql: string): number => {
  try {
    const c = new Database(file, { readonly: true, fileMustExist: true });
    c.pragma('busy_timeout = 1000');
    const n = c.prepare(sql).pluck().get() as number;
    c.close();
    return n;
  } catch {
    return 0; // not created yet
  }
};

/** Starts the CLI and SIGKILLs it once `ready` holds (polled); resolves with whether it was killed mid-run. */
function killWhen(args: string[], ready: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore', env: { ...process.env, TAPAT_DB: '' } });
    let killed = false;
    const timer = setInterval(() => {
      if (!killed && ready()) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

test('a batch killed with SIGKILL (while reading, then while auditing) resumes to the same database as an uninterrupted run', async () => {
  const dir = tmpDir();
  const input = join(dir, 'corpus.jsonl');
  const corpus = synthCorpus({ maxStories: 250, seed: 11 });
  writeFileSync(input, synthJsonl(corpus));

  const clean = join(dir, 'clean.db');
  const r0 = runCli(['audit', input, '--db', clean, '--quiet', '--workers', '1']);
  assert.equal(r0.code, 0, r0.stderr);
  const expected = content(clean);
  assert.equal(expected.documents!.length, new Set(corpus.records.map((r) => r.text)).size);
  assert.ok(expected.audits!.length > 0 && expected.beads!.length > 0);

  const db = join(dir, 'killed.db');
  const args = ['audit', input, '--db', db, '--quiet', '--workers', '1'];
  const half = Math.floor(corpus.records.length / 2);
  assert.ok(await killWhen(args, () => count(db, 'SELECT COUNT(*) FROM batch_items') >= half), 'killed while reading');
  const items = count(db, 'SELECT COUNT(*) FROM batch_items');
  assert.ok(items >= half && items < corpus.records.length);
  assert.equal(
    count(db, 'SELECT COUNT(*) FROM documents'),
    count(db, 'SELECT COUNT(DISTINCT document_id) FROM batch_items'),
    'each record is committed with its document',
  );

  const stories = expected.audits!.length;
  const killedAuditing = await killWhen(args, () => count(db, 'SELECT COUNT(*) FROM batch_stories') >= 3);
  assert.ok(killedAuditing, 'killed while auditing');
  const done = count(db, 'SELECT COUNT(*) FROM batch_stories');
  assert.ok(done >= 3 && done < stories, `killed part-way through the stories (${done} of ${stories})`);

  const r = runCli(args);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(content(db), expected);
  assert.equal(count(db, "SELECT COUNT(*) FROM batch_runs WHERE status = 'done'"), 1, 'one run, resumed twice');
  // the full-text index, filled after each kill (migrations/0079_search_backlog.sql), holds exactly the stored
  // sentences and flag messages: FTS5 checks itself against its tables
  for (const file of [clean, db]) {
    const c = new Database(file);
    c.exec("INSERT INTO segments_fts (segments_fts, rank) VALUES ('integrity-check', 1)");
    c.exec("INSERT INTO flags_fts (flags_fts, rank) VALUES ('integrity-check', 1)");
    const seen = c.prepare("SELECT COUNT(*) FROM segments_fts WHERE segments_fts MATCH 'the'").pluck().get() as number;
    assert.ok(seen > 0, 'sentences are found');
    assert.equal(c.prepare('SELECT segments_from FROM search_backlog').pluck().get(), null, 'nothing waits');
    c.close();
  }
});

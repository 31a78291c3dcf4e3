import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { SEEDS } from '../helpers/paths.js';

test('tapat audit then tapat export: corrected copy and pairs from the command line', () => {
  const dir = tmpDir();
  const db = join(dir, 'e.db');
  assert.equal(runCli(['audit', SEEDS, '--db', db, '--quiet']).code, 0);
  const c = new Database(db, { readonly: true });
  const { id, pivot } = c.prepare('SELECT id, pivot_document_id AS pivot FROM audits ORDER BY id LIMIT 1').get() as {
    id: number;
    pivot: number;
  };
  const text = c.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(pivot) as string;
  c.close();
  const out = join(dir, 'copy.txt');
  const r = runCli(['export', '--db', db, '--audit', String(id), '--format', 'txt', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(out, 'utf8'), text, 'no verdicts: the copy is the document as ingested');
  const tmx = runCli(['export', '--db', db, '--audit', String(id), '--format', 'tmx']);
  assert.equal(tmx.code, 0, tmx.stderr);
  assert.match(tmx.stdout, /^<\?xml[^>]*\?>\s*<tmx version="1.4">/);
  assert.equal(runCli(['export', '--db', db, '--audit', String(id), '--format', 'docx']).code, 2);
  assert.equal(runCli(['export', '--db', db, '--audit', '999', '--format', 'txt']).code, 3);
  assert.equal(runCli(['export', '--db', db, '--format', 'txt']).code, 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../server/db/index.js';
import { runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

// Hostile strings through every CLI argument and file field that reaches SQL, and hostile files through
// the CLI: tables stay intact, values are stored verbatim, refused input writes nothing.
const HOSTILE = [
  "x'; DROP TABLE documents;--",
  'Robert"); DELETE FROM reviewers; --',
  "' OR '1'='1",
  '\u0000nul\u0000',
  '%_\\', // LIKE wildcards and a backslash
  `${"'".repeat(3000)}${'A'.repeat(100_000)}`,
  '<img src=x onerror=alert(1)>',
];

function schema(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all() as {
        type: string;
        name: string;
        sql: string | null;
      }[]
    ).map((r) => `${r.type} ${r.name} ${r.sql ?? ''}`);
  } finally {
    db.close();
  }
}
function freshSchema(): string[] {
  const f = join(tmpDir(), 'fresh.db');
  openDb(f).close();
  return schema(f);
}
const count = (file: string, table: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

test('hostile file names, --db names and JSONL titles/urls are stored verbatim; no table is touched', () => {
  const dir = tmpDir();
  const db = join(dir, "db'; DROP TABLE reviewers;--.db");
  const files: string[] = [];
  HOSTILE.filter((h) => !h.includes('\u0000') && h.length < 200).forEach((h, i) => {
    const f = join(dir, `${h.replaceAll('/', '_').replaceAll('\\', '_')}.txt`);
    writeFileSync(f, `The President said talks would resume on Monday, story ${i}.\n`);
    files.push(f);
  });
  const jsonl = join(dir, 'records.jsonl');
  writeFileSync(
    jsonl,
    HOSTILE.map((h, i) => JSON.stringify({ url: h, title: h, text: `Story number ${i} about the navy.` })).join('\n') +
      '\n',
  );
  const r = runCli(['audit', '--db', db, ...files, jsonl]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(schema(db), freshSchema(), 'schema unchanged');
  const conn = new Database(db, { readonly: true });
  try {
    const paths = (conn.prepare('SELECT path FROM documents').all() as { path: string }[]).map((x) => x.path);
    for (const f of files) assert.ok(paths.includes(f), `stored path ${f}`);
    const recs = conn.prepare("SELECT title, url FROM documents WHERE format = 'jsonl' ORDER BY id").all() as {
      title: string;
      url: string;
    }[];
    assert.equal(recs.length, HOSTILE.length);
    recs.forEach((rec, i) => {
      assert.equal(rec.url, HOSTILE[i], 'url verbatim');
      // Titles are display text: ingest may normalise whitespace/control characters, but never lose the payload.
      assert.ok(rec.title.includes(HOSTILE[i]!.replaceAll('\u0000', '').trim().slice(0, 50)), `title ${i} kept`);
    });
  } finally {
    conn.close();
  }
});

test('reviewer add refuses hostile names with a usage error and writes nothing', () => {
  const db = join(tmpDir(), 'r.db');
  assert.equal(runCli(['reviewer', 'add', '--db', db, 'maria']).code, 0);
  for (const h of HOSTILE.filter((s) => !s.includes('\u0000'))) {
    const r = runCli(['reviewer', 'add', '--db', db, h]);
    assert.equal(r.code, 2, `${h.slice(0, 40)}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
  assert.equal(count(db, 'reviewers'), 1);
  assert.deepEqual(schema(db), freshSchema());
});

test('a hostile file named beside a good one: exit 3, one line naming it, and nothing is written', () => {
  const dir = tmpDir();
  const db = join(dir, 'h.db');
  assert.equal(runCli(['audit', '--db', db, join(dir, 'none')]).code, 3);
  const good = join(dir, 'a-good.txt');
  writeFileSync(good, 'A good article about the navy.\n');
  const cases: [string, Buffer | string][] = [
    ['binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0])],
    ['empty.txt', ''],
    ['nul.txt', Buffer.alloc(4096)],
  ];
  for (const [name, body] of cases) {
    const bad = join(dir, name);
    writeFileSync(bad, body);
    const r = runCli(['audit', '--db', db, good, bad]);
    assert.equal(r.code, 3, `${name}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0]!.includes(name), `names the file: ${lines[0]}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
  // Either no database was created or it holds no document.
  if (existsSync(db)) assert.equal(count(db, 'documents'), 0);
});

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, type CliResult } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

// Nothing a user types as an output file can destroy data (issue #22): the database and its -wal/-shm are
// refused however they are named, an existing file needs --force, a folder gets one line, and a full disk
// leaves the old file or none, never a truncated one. Read-only commands refuse a --db that does not exist.

const ARTICLE =
  'The president said talks would resume on Monday in Manila.\n\nThe navy ships sailed north on Tuesday.\n';

function oneLine(r: CliResult, code: number, re: RegExp): void {
  assert.equal(r.code, code, `exit ${r.code}: ${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got: ${r.stderr}`);
  assert.match(lines[0]!, re);
  assert.doesNotMatch(r.stderr, /\n\s+at |node:internal|^tapat: E[A-Z]+:/m);
}

/** A folder with an audited database (v.db, audit 1) and its input. */
function audited(): { dir: string; db: string } {
  const dir = tmpDir();
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  const db = join(dir, 'v.db');
  const r = runCli(['audit', '--db', db, '--quiet', join(dir, 'a.txt')]);
  assert.equal(r.code, 0, r.stderr);
  return { dir, db };
}

function intact(db: string): number {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
    return (conn.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

test('export --out, audit --report/--report-html and backup --out refuse the database and its -wal/-shm, by any name', () => {
  const { dir, db } = audited();
  const docs = intact(db);
  symlinkSync(db, join(dir, 'link.db'));
  linkSync(db, join(dir, 'hard.db'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(dir, join(dir, 'dirlink'));
  const names = [
    db,
    join(dir, 'link.db'),
    join(dir, 'hard.db'),
    join(dir, 'sub', '..', 'v.db'),
    join(dir, 'dirlink', 'v.db'),
    `${db}-wal`,
    `${db}-shm`,
    join(dir, 'dirlink', 'v.db-wal'),
  ];
  for (const out of names) {
    oneLine(
      runCli(['export', '--db', db, '--audit', '1', '--format', 'txt', '--out', out, '--force']),
      2,
      /--out .* is the database or one of its files/,
    );
    oneLine(runCli(['backup', '--db', db, '--out', out, '--force']), 2, /--out .* is the database/);
  }
  for (const out of [db, `${db}-wal`, join(dir, 'link.db')]) {
    oneLine(
      runCli(['export', '--db', db, '--audit', '1', '--format', 'txt', '--out', out]),
      2,
      /--out .* is the database or one of its files/,
    );
    oneLine(
      runCli(['audit', '--db', db, '--quiet', join(dir, 'a.txt'), '--report', out, '--force']),
      2,
      /--report .* is the database/,
    );
    oneLine(
      runCli(['audit', '--db', db, '--quiet', join(dir, 'a.txt'), '--report-html', out, '--force']),
      2,
      /--report-html .* is the database/,
    );
  }
  // relative names, from the database's folder
  oneLine(
    runCli(['export', '--db', 'v.db', '--audit', '1', '--format', 'txt', '--out', './sub/../v.db-wal'], { cwd: dir }),
    2,
    /is the database/,
  );
  assert.equal(intact(db), docs, 'the database is whole, with the same documents');
  const r = runCli(['export', '--db', join(dir, 'link.db'), '--audit', '1', '--format', 'txt']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /talks would resume/);
});

test('an existing output file is kept unless --force; a folder gets one line; with --force it is replaced whole', () => {
  const { dir, db } = audited();
  const out = join(dir, 'out.txt');
  const report = join(dir, 'report.json');
  const html = join(dir, 'report.html');
  const bak = join(dir, 'b.db');
  for (const f of [out, report, html, bak]) writeFileSync(f, 'precious\n');
  oneLine(
    runCli(['export', '--db', db, '--audit', '1', '--format', 'txt', '--out', out]),
    2,
    /--out .*out\.txt exists already; add --force/,
  );
  oneLine(
    runCli(['audit', '--db', db, '--quiet', join(dir, 'a.txt'), '--report', report]),
    2,
    /--report .* exists already/,
  );
  oneLine(
    runCli(['audit', '--db', db, '--quiet', join(dir, 'a.txt'), '--report-html', html]),
    2,
    /--report-html .* exists already/,
  );
  oneLine(runCli(['backup', '--db', db, '--out', bak]), 2, /--out .* exists already/);
  for (const f of [out, report, html, bak]) assert.equal(readFileSync(f, 'utf8'), 'precious\n', `${f} kept`);
  oneLine(
    runCli(['export', '--db', db, '--audit', '1', '--format', 'txt', '--out', dir]),
    2,
    /--out .* is a folder; give a file name/,
  );
  oneLine(runCli(['audit', '--db', db, '--quiet', join(dir, 'a.txt'), '--report', dir]), 2, /is a folder/);
  oneLine(
    runCli(['export', '--db', db, '--audit', '1', '--format', 'txt', '--out', join(dir, 'no', 'such', 'x.txt')]),
    3,
    /the folder of --out does not exist/,
  );
  // refused before the batch runs, not after it
  const long = join(dir, `${'x'.repeat(300)}.json`);
  oneLine(
    runCli(['audit', '--db', join(dir, 'other.db'), '--quiet', join(dir, 'a.txt'), '--report', long]),
    3,
    /--report cannot be written \(ENAMETOOLONG/,
  );
  assert.equal(existsSync(join(dir, 'other.db')), false, 'no batch was run');

  assert.equal(runCli(['export', '--db', db, '--audit', '1', '--format', 'txt', '--out', out, '--force']).code, 0);
  assert.match(readFileSync(out, 'utf8'), /talks would resume/);
  const a = runCli([
    'audit',
    '--db',
    db,
    '--quiet',
    join(dir, 'a.txt'),
    '--report',
    report,
    '--report-html',
    html,
    '--force',
  ]);
  assert.equal(a.code, 0, a.stderr);
  assert.ok(JSON.parse(readFileSync(report, 'utf8')), 'the JSON report replaced the old file');
  assert.match(readFileSync(html, 'utf8'), /<html/i);
  assert.equal(runCli(['backup', '--db', db, '--out', bak, '--force']).code, 0);
  intact(bak);
  // written aside and renamed: nothing left beside
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.startsWith('.')),
    [],
  );
});

test('read-only commands refuse a --db that does not exist, and create nothing', () => {
  const dir = tmpDir();
  const typo = join(dir, 'typo.db');
  oneLine(runCli(['export', '--db', typo, '--audit', '1', '--format', 'txt']), 3, /typo\.db: no such database/);
  oneLine(runCli(['backup', '--db', typo, '--out', join(dir, 'b.db')]), 3, /typo\.db: no such database/);
  const judge = runCli(['judge', '--db', typo, '--audit', '1'], {
    env: { TAPAT_LLM_BASE_URL: 'http://127.0.0.1:9/v1', TAPAT_LLM_MODEL: 'm' },
  });
  oneLine(judge, 3, /typo\.db: no such database/);
  assert.deepEqual(readdirSync(dir), [], 'no database, WAL or backup created');
});

// A real small tmpfs (needs root, as disk.test.ts): skipped with the reason when it cannot be mounted, never passed.
function mountTmpfs(sizeKb: number): { dir: string } | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tapat-mnt-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmdirSync(dir);
    return { skip: `cannot mount a tmpfs (${(r.stderr || r.error?.message || '').trim()}); run as root` };
  }
  after(() => {
    spawnSync('umount', [dir]);
    rmdirSync(dir);
  });
  return { dir };
}

test('a full disk on --out leaves the old file or none, never a truncated one, with one line', (t) => {
  const m = mountTmpfs(64);
  if ('skip' in m) return t.skip(m.skip);
  const dir = tmpDir();
  // an article of ~200 KB: its corrected copy does not fit in 64 KB
  const big = Array.from(
    { length: 1500 },
    (_, i) => `Paragraph ${i}: the president said talks would resume on Monday in Manila.`,
  ).join('\n\n');
  writeFileSync(join(dir, 'big.txt'), big + '\n');
  const db = join(dir, 'v.db');
  assert.equal(runCli(['audit', '--db', db, '--quiet', '--workers', '0', join(dir, 'big.txt')]).code, 0);
  const fresh = join(m.dir, 'new.txt');
  oneLine(runCli(['export', '--db', db, '--audit', '1', '--format', 'txt', '--out', fresh]), 3, /ENOSPC.*disk is full/);
  assert.equal(existsSync(fresh), false, 'no file under the requested name');
  const old = join(m.dir, 'old.txt');
  writeFileSync(old, 'the previous export\n');
  oneLine(
    runCli(['export', '--db', db, '--audit', '1', '--format', 'txt', '--out', old, '--force']),
    3,
    /ENOSPC.*disk is full/,
  );
  assert.equal(readFileSync(old, 'utf8'), 'the previous export\n', 'the old file is whole');
  // the disk made full to the last block: the small report no longer fits either
  const filler = join(m.dir, 'filler');
  for (let kb = 64; kb >= 1; kb = Math.floor(kb / 2)) {
    try {
      appendFileSync(filler, Buffer.alloc(kb * 1024));
      kb *= 2;
    } catch {
      // full at this size: try a smaller piece
    }
  }
  oneLine(
    runCli([
      'audit',
      '--db',
      db,
      '--quiet',
      '--workers',
      '0',
      join(dir, 'big.txt'),
      '--report-html',
      join(m.dir, 'r.html'),
    ]),
    3,
    /ENOSPC.*the batch itself was saved \(run \d+: 1 documents in 1 stories\); no report was written/,
  );
  assert.deepEqual(readdirSync(m.dir).sort(), ['filler', 'old.txt'], 'no temporary file left');
  assert.ok(statSync(old).size > 0);
});

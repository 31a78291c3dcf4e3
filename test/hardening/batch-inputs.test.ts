import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

// Batch inputs that once stopped or bloated a batch (issue #22): unreadable folder entries, JSONL records
// over the size limit or not UTF-8, and the same batch started twice at once.

function rows<T>(db: string, sql: string): T[] {
  const c = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return c.prepare(sql).all() as T[];
  } finally {
    c.close();
  }
}

test('a folder with a dangling symlink, a symlink loop and a link to its parent: those entries are reported, the batch goes on', () => {
  const dir = tmpDir();
  const folder = join(dir, 'in');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  writeFileSync(join(folder, 'a.txt'), 'The president said talks would resume on Monday in Manila.\n');
  writeFileSync(
    join(folder, 'sub', 'b.txt'),
    'Ang pangulo ay nagsabi na magpapatuloy ang usapan sa Lunes sa Maynila.\n',
  );
  symlinkSync(join(folder, 'nowhere.txt'), join(folder, 'dangling.txt'));
  symlinkSync(join(folder, 'loop2'), join(folder, 'loop1'));
  symlinkSync(join(folder, 'loop1'), join(folder, 'loop2'));
  symlinkSync(folder, join(folder, 'sub', 'up'));
  const db = join(dir, 'v.db');
  const r = runCli(['audit', '--db', db, '--quiet', folder]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /ENOENT|ELOOP|\n\s+at /);
  assert.match(r.stderr, /dangling\.txt: refused: a dangling symbolic link/);
  assert.match(r.stderr, /loop1: refused: a symbolic link loop/);
  const items = rows<{ item_key: string; status: string }>(
    db,
    'SELECT item_key, status FROM batch_items ORDER BY item_key',
  );
  assert.deepEqual(
    items.map((i) => [i.item_key.slice(folder.length + 1), i.status]),
    [
      ['a.txt', 'done'],
      ['dangling.txt', 'refused'],
      ['loop1', 'refused'],
      ['loop2', 'refused'],
      ['sub/b.txt', 'done'],
    ],
  );
  assert.equal(rows(db, 'SELECT id FROM documents').length, 2);
});

test('JSONL: a record over limits.maxFileBytes is skipped unread, one that is not UTF-8 is refused, the others stored', () => {
  const dir = tmpDir();
  const file = join(dir, 'r.jsonl');
  const rec = (url: string, text: string): Buffer => Buffer.from(JSON.stringify({ url, text }));
  const invalid = Buffer.concat([
    Buffer.from('{"url":"u2","text":"The navy '),
    Buffer.from([0xff, 0xfe, 0x81]),
    Buffer.from(' said the ships left."}'),
  ]);
  const huge = rec('u3', 'word '.repeat(400_000)); // 2 MB, over a 1 MB limit
  writeFileSync(
    file,
    Buffer.concat([
      rec('u1', 'The president said talks would resume on Monday in Manila.'),
      Buffer.from('\n'),
      invalid,
      Buffer.from('\r\n'),
      huge,
      Buffer.from('\n'),
      rec('u4', 'Ang pangulo ay nagsabi na magpapatuloy ang usapan.'),
    ]),
  );
  // the same bytes as a .txt file: refused too
  const txt = join(dir, 'same.txt');
  writeFileSync(
    txt,
    Buffer.concat([Buffer.from('The navy '), Buffer.from([0xff, 0xfe, 0x81]), Buffer.from(' said the ships left.')]),
  );
  assert.equal(runCli(['segment', txt]).code, 3, 'a .txt with these bytes is refused');
  const db = join(dir, 'v.db');
  const r = runCli(['audit', '--db', db, '--quiet', file], { env: { TAPAT_MAX_FILE_BYTES: String(1024 * 1024) } });
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    /r\.jsonl#L2: refused: undecodable bytes: the record is not valid UTF-8 \(byte 0xFF at offset 29 of the line\)/,
  );
  assert.match(
    r.stderr,
    /r\.jsonl#L3: refused: record is 2000\d+ bytes, over the limit of 1048576 \(limits\.maxFileBytes\)/,
  );
  assert.deepEqual(
    rows<{ url: string }>(db, 'SELECT url FROM documents ORDER BY url').map((d) => d.url),
    ['u1', 'u4'],
  );
  assert.equal(rows(db, "SELECT id FROM documents WHERE text LIKE '%\uFFFD%'").length, 0, 'nothing stored with U+FFFD');
});

test('the same batch started twice at once: the second refuses with one line, the first completes, a re-run then works', async () => {
  const dir = tmpDir();
  const folder = join(dir, 'in');
  mkdirSync(folder);
  // enough distinct articles that the first run is still going when the second starts
  const words = [
    'the',
    'president',
    'said',
    'talks',
    'would',
    'resume',
    'in',
    'Manila',
    'after',
    'a',
    'week',
    'navy',
    'ships',
  ];
  for (let i = 0; i < 60; i++) {
    const paras = Array.from(
      { length: 40 },
      (_, p) =>
        `Story ${i} part ${p}: ${Array.from({ length: 25 }, (_, k) => words[(i * 7 + p * 3 + k * k) % words.length]).join(' ')}.`,
    );
    writeFileSync(join(folder, `a${String(i).padStart(2, '0')}.txt`), paras.join('\n\n') + '\n');
  }
  const db = join(dir, 'v.db');
  const run = (): Promise<{ code: number; stderr: string }> =>
    new Promise((res) => {
      const p = spawn(process.execPath, [BIN, 'audit', '--db', db, '--quiet', '--workers', '0', folder], {
        env: { ...process.env, TAPAT_DB: '' },
      });
      let stderr = '';
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      p.on('close', (code) => res({ code: code ?? -1, stderr }));
    });
  const first = run();
  // the second starts once the first has claimed its run
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      if (rows(db, "SELECT id FROM batch_runs WHERE status = 'running'").length) break;
    } catch {
      // not created yet
    }
  }
  const second = await run();
  const done = await first;
  assert.equal(done.code, 0, done.stderr);
  assert.equal(second.code, 3, second.stderr);
  assert.equal(second.stderr.trim().split('\n').length, 1, second.stderr);
  assert.match(second.stderr, /this batch is already running \(process \d+, since .*\); wait for it to finish/);
  assert.doesNotMatch(second.stderr, /UNIQUE|constraint/);
  assert.equal(rows(db, 'SELECT id FROM documents').length, 60);
  const again = runCli(['audit', '--db', db, '--quiet', '--workers', '0', folder]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(rows(db, 'SELECT id FROM documents').length, 60);
});

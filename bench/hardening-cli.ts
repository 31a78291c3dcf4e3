// Command-line hardening probes (issue #22, the CLI half): each probe runs the built CLI as a user would and
// records what happened, beside what must happen. Writes bench/results/hardening-cli.json (the server's
// probes are in hardening.json). Disk-full probes need root (a small tmpfs); without it they are recorded as
// skipped, never as held. The 100 MB JSONL record probe records the peak RSS of the audit (it took 6 GB).
// Usage: npm run bench:hardening-cli
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { REPO } from './paths.js';
import { BIN, runCli, type CliResult } from '../testkit/cli.js';

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-hcli-'));

interface Probe {
  probe: string;
  expected: string;
  exit: number | null;
  stderr: string;
  held: boolean | 'skipped';
  [k: string]: unknown;
}
const probes: Probe[] = [];
const firstLine = (r: CliResult): string => r.stderr.trim().split('\n')[0] ?? '';
const oneLine = (r: CliResult): boolean =>
  r.stderr.trim().split('\n').length === 1 && !/\n\s+at |node:internal/.test(r.stderr);
function record(
  probe: string,
  expected: string,
  r: CliResult | null,
  held: boolean | 'skipped',
  extra: Record<string, unknown> = {},
): void {
  const p = { probe, expected, exit: r?.code ?? null, stderr: r ? firstLine(r) : '', held, ...extra };
  console.log(`${held === true ? 'held   ' : held === false ? 'BROKEN ' : 'skipped'} ${probe}: ${p.stderr}`);
  probes.push(p);
}
const docCount = (db: string): number => {
  const c = new Database(db, { readonly: true, fileMustExist: true });
  try {
    if (c.pragma('integrity_check', { simple: true }) !== 'ok') return -1;
    return c.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
  } finally {
    c.close();
  }
};

// an audited database
const a = join(work, 'a.txt');
writeFileSync(
  a,
  'The president said talks would resume on Monday in Manila.\n\nThe navy ships sailed north on Tuesday.\n',
);
const db = join(work, 'v.db');
runCli(['audit', '--db', db, '--quiet', a]);
const exp = (out: string, ...more: string[]): string[] => [
  'export',
  '--db',
  db,
  '--audit',
  '1',
  '--format',
  'txt',
  '--out',
  out,
  ...more,
];

for (const [name, out] of [
  ['export --out the database', db],
  ['export --out the database -wal', `${db}-wal`],
  ['export --out the database -shm', `${db}-shm`],
  ['export --out a symlink to the database', (symlinkSync(db, join(work, 'link.db')), join(work, 'link.db'))],
  ['export --out the database by a relative name through ..', join(work, 'sub', '..', 'v.db')],
] as const) {
  mkdirSync(join(work, 'sub'), { recursive: true });
  const r = runCli(exp(out, '--force'));
  record(
    `${name} (with --force)`,
    'exit 2, one line, database intact',
    r,
    r.code === 2 && oneLine(r) && docCount(db) === 1,
  );
}
for (const [opt, name] of [
  ['--report', 'audit --report the database'],
  ['--report-html', 'audit --report-html the database -wal'],
] as const) {
  const r = runCli(['audit', '--db', db, '--quiet', a, opt, opt === '--report' ? db : `${db}-wal`, '--force']);
  record(name, 'exit 2 before any work, database intact', r, r.code === 2 && oneLine(r) && docCount(db) === 1);
}
{
  const r = runCli(['backup', '--db', db, '--out', db, '--force']);
  record('backup --out the database', 'exit 2, database intact', r, r.code === 2 && oneLine(r) && docCount(db) === 1);
}
{
  const f = join(work, 'precious.txt');
  writeFileSync(f, 'precious\n');
  const r = runCli(exp(f));
  record(
    'export --out an existing file without --force',
    'exit 2, the file unchanged',
    r,
    r.code === 2 && oneLine(r) && readFileSync(f, 'utf8') === 'precious\n',
  );
  const b = runCli(['backup', '--db', db, '--out', f]);
  record(
    'backup --out an existing file without --force',
    'exit 2, the file unchanged',
    b,
    b.code === 2 && oneLine(b) && readFileSync(f, 'utf8') === 'precious\n',
  );
}
{
  const fresh = join(work, 'fresh.db');
  const r = runCli(['audit', '--db', fresh, '--quiet', a, '--report', join(work, `${'x'.repeat(300)}.json`)]);
  record(
    'audit --report a name too long for the file system',
    'exit 3 before the batch runs (nothing stored)',
    r,
    r.code === 3 && oneLine(r) && !existsSync(fresh),
  );
}
{
  const r = runCli(exp(work));
  record(
    'export --out a folder',
    'exit 2, one line (no raw EISDIR)',
    r,
    r.code === 2 && oneLine(r) && !/EISDIR/.test(r.stderr),
  );
}
for (const cmd of [
  ['export', '--audit', '1', '--format', 'txt'],
  ['backup', '--out', join(work, 'b2.db')],
]) {
  const typo = join(work, 'typo.db');
  const r = runCli([cmd[0]!, '--db', typo, ...cmd.slice(1)]);
  record(
    `${cmd[0]} --db a file that does not exist`,
    'exit 3, one line, no database created',
    r,
    r.code === 3 && oneLine(r) && !existsSync(typo),
  );
}
{
  const typo = join(work, 'typo.db');
  const r = runCli(['judge', '--db', typo, '--audit', '1'], {
    env: { TAPAT_LLM_BASE_URL: 'http://127.0.0.1:9/v1', TAPAT_LLM_MODEL: 'm' },
  });
  record(
    'judge --db a file that does not exist',
    'exit 3, one line, no database created',
    r,
    r.code === 3 && oneLine(r) && !existsSync(typo),
  );
}
{
  const folder = join(work, 'in');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), readFileSync(a));
  symlinkSync(join(folder, 'nowhere.txt'), join(folder, 'dangling.txt'));
  symlinkSync(join(folder, 'l2'), join(folder, 'l1'));
  symlinkSync(join(folder, 'l1'), join(folder, 'l2'));
  const r = runCli(['audit', '--db', join(work, 'f.db'), '--quiet', folder]);
  record(
    'audit of a folder with a dangling symlink and a symlink loop',
    'exit 0, the entries reported, the rest stored',
    r,
    r.code === 0 && /dangling/.test(r.stderr) && /loop/.test(r.stderr) && docCount(join(work, 'f.db')) === 1,
  );
}
{
  const f = join(work, 'bad.jsonl');
  writeFileSync(
    f,
    Buffer.concat([Buffer.from('{"url":"u","text":"The navy '), Buffer.from([0xff, 0x81]), Buffer.from(' said."}\n')]),
  );
  const r = runCli(['audit', '--db', join(work, 'u.db'), '--quiet', f]);
  record(
    'JSONL record with invalid UTF-8',
    'refused as a .txt with the same bytes is; nothing stored with U+FFFD',
    r,
    /not valid UTF-8/.test(r.stderr) && docCount(join(work, 'u.db')) === 0,
  );
}
{
  // 100 MB in one record, default limits (20 MB): skipped unread
  const f = join(work, 'huge.jsonl');
  writeFileSync(f, '{"url":"small","text":"The president said talks would resume."}\n');
  const chunk = 'word '.repeat(200_000);
  appendFileSync(f, '{"url":"huge","text":"');
  for (let i = 0; i < 100; i++) appendFileSync(f, chunk);
  appendFileSync(f, '"}\n');
  const stats = join(work, 'time.txt');
  const t0 = performance.now();
  const p = spawnSync(
    '/usr/bin/time',
    ['-o', stats, '-f', '%M', process.execPath, BIN, 'audit', '--db', join(work, 'h.db'), '--quiet', f],
    { encoding: 'utf8', env: { ...process.env, TAPAT_DB: '' } },
  );
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  const rssMiB = existsSync(stats)
    ? Math.round(Number(readFileSync(stats, 'utf8').trim().split('\n').at(-1)) / 1024)
    : null;
  const r = { code: p.status ?? -1, stdout: p.stdout, stderr: p.stderr };
  record(
    'JSONL with a 100 MB record (limit 20 MB)',
    'the record refused without reading it whole; the other stored; bounded memory',
    r,
    r.code === 0 &&
      /over the limit/.test(r.stderr) &&
      docCount(join(work, 'h.db')) === 1 &&
      rssMiB !== null &&
      rssMiB < 512,
    { peakRssMiB: rssMiB, wallSeconds: seconds },
  );
  rmSync(f);
}
{
  // the same batch twice at once
  const folder = join(work, 'many');
  mkdirSync(folder);
  for (let i = 0; i < 60; i++)
    writeFileSync(
      join(folder, `a${i}.txt`),
      Array.from(
        { length: 40 },
        (_, k) => `Story ${i} part ${k}: the navy said ship ${i * 100 + k} left port on Monday.`,
      ).join('\n\n'),
    );
  const cdb = join(work, 'c.db');
  const first = new Promise<number>((res) =>
    spawn(process.execPath, [BIN, 'audit', '--db', cdb, '--quiet', '--workers', '0', folder], {
      stdio: 'ignore',
      env: { ...process.env, TAPAT_DB: '' },
    }).on('close', (c) => res(c ?? -1)),
  );
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      const c = new Database(cdb, { readonly: true, fileMustExist: true });
      const n = c.prepare("SELECT COUNT(*) FROM batch_runs WHERE status = 'running'").pluck().get() as number;
      c.close();
      if (n) break;
    } catch {
      // not created yet
    }
  }
  const r = runCli(['audit', '--db', cdb, '--quiet', '--workers', '0', folder]);
  const firstExit = await first;
  record(
    'the same batch run twice at once',
    'the second refuses with one line (exit 3), the first completes',
    r,
    r.code === 3 && oneLine(r) && /already running/.test(r.stderr) && firstExit === 0,
    { firstExit },
  );
}

// Disk-full probes: a small tmpfs (root only)
function mount(kb: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'tapat-mnt-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]).status === 0) return dir;
  rmdirSync(dir);
  return null;
}
const unmount = (dir: string): void => {
  spawnSync('umount', [dir]);
  rmdirSync(dir);
};
{
  const m = mount(64);
  if (!m) record('export --out on a full disk', 'the old file kept, no 0-byte file', null, 'skipped');
  else {
    const big = join(work, 'big.txt');
    writeFileSync(
      big,
      Array.from(
        { length: 1500 },
        (_, i) => `Paragraph ${i}: the president said talks would resume on Monday in Manila.`,
      ).join('\n\n'),
    );
    const bdb = join(work, 'big.db');
    runCli(['audit', '--db', bdb, '--quiet', '--workers', '0', big]);
    const old = join(m, 'old.txt');
    writeFileSync(old, 'previous export\n');
    const r = runCli(['export', '--db', bdb, '--audit', '1', '--format', 'txt', '--out', old, '--force']);
    const fresh = runCli(['export', '--db', bdb, '--audit', '1', '--format', 'txt', '--out', join(m, 'new.txt')]);
    record(
      'export --out on a full disk (replacing a file)',
      'exit 3, one line, the old file whole',
      r,
      r.code === 3 && oneLine(r) && readFileSync(old, 'utf8') === 'previous export\n',
    );
    record(
      'export --out on a full disk (new file)',
      'exit 3, one line, no file under the name',
      fresh,
      fresh.code === 3 && oneLine(fresh) && !existsSync(join(m, 'new.txt')),
    );
    unmount(m);
  }
}
{
  const story = join(work, 'story.txt');
  const x = 'Si Vladimir Putin ay binati ang pinuno ng North Korea na si Kim Jong Un sa silangang Rusya';
  const y = 'Batiin ni Vladimir Putin ang pinuno ng North Korea na si Kim Jong Un sa silangang Rusya';
  writeFileSync(
    story,
    Array.from({ length: 1200 }, (_, i) =>
      i % 3 === 2 ? `Ulat bilang ${i} tungkol sa pagpupulong.` : i % 3 ? y : x,
    ).join('\n\n'),
  );
  let done = false;
  for (const kb of [500, 600, 700, 800, 900]) {
    const m = mount(kb);
    if (!m) break;
    const r = runCli(['audit', '--db', join(m, 'x.db'), '--quiet', '--workers', '0', story]);
    if (r.code !== 0 && /this command saved [1-9]/.test(r.stderr)) {
      record(
        'audit whose story hits a full disk after its documents were committed',
        'the message says exactly what was saved',
        r,
        oneLine(r),
        { tmpfsKb: kb },
      );
      done = true;
    }
    unmount(m);
    if (done) break;
  }
  if (!done)
    record(
      'audit whose story hits a full disk after its documents were committed',
      'the message says exactly what was saved',
      null,
      'skipped',
    );
}

const result = {
  command: 'npm run bench:hardening-cli',
  tried: probes.length,
  held: probes.filter((p) => p.held === true).length,
  broken: probes.filter((p) => p.held === false).length,
  skipped: probes.filter((p) => p.held === 'skipped').length,
  probes,
};
writeFileSync(join(REPO, 'bench', 'results', 'hardening-cli.json'), JSON.stringify(result, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
console.log(`${result.held}/${result.tried} held, ${result.broken} broken, ${result.skipped} skipped`);
if (result.broken) process.exitCode = 1;

// Scale-out benchmark: the bench:batch corpus (seed 42) audited by the built CLI on SQLite in one process
// (`tapat audit --workers N`) and on a throwaway PostgreSQL cluster by N `tapat worker` processes of one thread
// each (`audit --enqueue`, then the workers with --until-idle), N = 1 and 2 on this 2-core machine. Writes
// bench/results/scale.json: wall-clock, the processes' CPU seconds (PostgreSQL's own not counted), sentences/s,
// the ratio to SQLite with as many threads, and whether the stored stories and flags are identical.
// The machine is shared: wall-clock figures are noisy (the load average is recorded). The cluster runs with
// fsync off (a benchmark, not a durability test).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { synthCorpus, synthJsonl } from '../testkit/synth.js';
import { REPO } from './paths.js';
import { BIN } from '../testkit/cli.js';
import { startCluster } from '../testkit/postgres.js';

const SEED = 42;
const WORKERS = [1, 2];
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
const corpus = synthCorpus({ seed: SEED });
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-scale-'));
const input = join(work, 'corpus.jsonl');
writeFileSync(input, synthJsonl(corpus));

interface Timed {
  wallS: number;
  cpuS: number;
}

/** Runs the CLI processes at once; wall-clock of the slowest, CPU seconds of all (each polled from /proc until it exits). */
function runAll(argsList: string[][]): Promise<Timed> {
  const start = performance.now();
  return Promise.all(
    argsList.map(
      (args) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, [BIN, ...args], {
            stdio: ['ignore', 'ignore', 'pipe'],
            env: { ...process.env, TAPAT_DB: '' },
          });
          let err = '';
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('exit', (code) => {
            if (code !== 0) reject(new Error(`tapat ${args.join(' ')} exited ${code}: ${err}`));
          });
          const pid = child.pid!;
          let last = 0;
          const poll = setInterval(() => (last = cpuOf(pid) ?? last), 100);
          child.on('exit', () => (clearInterval(poll), resolve(last)));
        }),
    ),
  ).then((cpus) => ({
    wallS: round((performance.now() - start) / 1000),
    cpuS: round(cpus.reduce((a, b) => a + b, 0)),
  }));
}

const TICKS = 100;
/** utime + stime + children's of a live process and its threads, in seconds (Linux /proc). */
function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS;
  } catch {
    return null;
  }
}
const round = (x: number): number => Math.round(x * 100) / 100;

type Query = (sql: string) => Promise<Record<string, unknown>[]>;
/** Stories with roles and flags, by document text hash: what must be identical across backends. */
async function digest(q: Query): Promise<string> {
  const sha = new Map((await q('SELECT id, sha256 FROM documents')).map((r) => [String(r.id), String(r.sha256)]));
  const stories = new Map<string, string[]>();
  for (const v of await q('SELECT audit_id, document_id, role FROM audit_versions')) {
    const k = String(v.audit_id);
    (stories.get(k) ?? stories.set(k, []).get(k)!).push(`${sha.get(String(v.document_id))}:${v.role}`);
  }
  const flags = (
    await q(
      'SELECT document_id, other_document_id, detector, severity, confidence, segments, other_segments, start, "end", message, evidence, status FROM flags',
    )
  ).map((r) =>
    JSON.stringify([
      sha.get(String(r.document_id)),
      sha.get(String(r.other_document_id)),
      r.detector,
      r.severity,
      r.confidence,
      r.segments,
      r.other_segments,
      r.start,
      r.end,
      r.message,
      r.evidence,
      r.status,
    ]),
  );
  return JSON.stringify([[...stories.values()].map((s) => s.sort().join(',')).sort(), flags.sort()]);
}

const loadAtStart = loadavg().map((x) => Math.round(x * 10) / 10);
const cluster = await startCluster();
const runs: Record<string, unknown>[] = [];
try {
  let sqliteDigest = '';
  const sqliteRate = new Map<number, number>();
  for (const n of WORKERS) {
    const db = join(work, `sqlite-${n}.db`);
    const t = await runAll([['audit', input, '--db', db, '--quiet', '--workers', String(n)]]);
    const lite = new Database(db, { readonly: true });
    sqliteDigest = await digest(async (sql) => lite.prepare(sql).all() as Record<string, unknown>[]);
    lite.close();
    sqliteRate.set(n, corpus.sentences / t.wallS);
    runs.push({
      backend: 'sqlite',
      processes: 1,
      threads: n,
      ...t,
      sentencesPerS: Math.round(corpus.sentences / t.wallS),
    });
    process.stderr.write(`sqlite, ${n} threads: ${t.wallS} s\n`);
  }
  for (const n of WORKERS) {
    const url = await cluster.createDb(`scale${n}`);
    const enq = await runAll([['audit', input, '--db', url, '--enqueue', '--quiet']]);
    const t = await runAll(
      Array.from({ length: n }, () => ['worker', '--db', url, '--workers', '1', '--until-idle', '--quiet']),
    );
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const same = (await digest(async (sql) => (await c.query(sql)).rows as Record<string, unknown>[])) === sqliteDigest;
    await c.end();
    const rate = corpus.sentences / t.wallS;
    runs.push({
      backend: 'postgres',
      processes: n,
      threads: 1,
      enqueueS: enq.wallS,
      ...t,
      sentencesPerS: Math.round(rate),
      ratioToSqliteSameThreads: round(rate / sqliteRate.get(n)!),
      identicalToSqlite: same,
    });
    process.stderr.write(`postgres, ${n} worker processes: ${t.wallS} s, identical to SQLite: ${same}\n`);
  }
} finally {
  cluster.stop();
  rmSync(work, { recursive: true, force: true });
}
const result = {
  corpus: { seed: SEED, records: corpus.records.length, sentences: corpus.sentences },
  machine: { loadAtStart, loadAtEnd: loadavg().map((x) => Math.round(x * 10) / 10) },
  runs,
};
mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO, 'bench', 'results', 'scale.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));

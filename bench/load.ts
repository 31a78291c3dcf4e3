// Load and soak benchmark (issue 10). Loopback only, bounded in time. Writes bench/results/load.json and the
// summary bench/results/hardening.json.
//  (a) 50 reviewers post verdicts with autocannon to a real `tapat serve` process while `tapat audit` writes
//      a batch of FLORES-200 dev articles (en + tl) into the same SQLite file (WAL, busy timeout): every 201 must be stored exactly once,
//      and nothing unacknowledged; p50/p99 latencies.
//  (b) soak: 10 connections at a moderate fixed rate (verdict posts and queue reads) for --minutes (default 10);
//      the server's RSS sampled every 5 s; growth after warm-up must stay under --rss-bound MiB (default 64).
// Usage: npm run bench:load [-- --minutes 10 --rate 50 --stories 200 --rss-bound 64]
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../server/db/index.js';
import { buildSampleAudit, insertFlag, reviewer } from '../test/helpers/fixtures.js';
import { loadCorpus } from './load-corpus.js';
import { REPO } from '../test/helpers/paths.js';
import { serveProcess as serve } from '../test/hardening/serve-process.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MINUTES = arg('minutes', 10);
const RATE = arg('rate', 50);
const STORIES = arg('stories', 200);
const RSS_BOUND_MIB = arg('rss-bound', 64);
const REVIEWERS = 50;
const BIN = join(REPO, 'bin', 'tapat.js');

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-load-'));

const stop = async (cp: ChildProcess): Promise<void> => {
  const done = new Promise((r) => cp.once('exit', r));
  cp.kill('SIGTERM');
  await done;
};
const rssMiB = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : NaN;
};

interface Slot {
  flag: number;
  token: string;
  version: number;
  decided: number;
}
function seed(file: string): Slot[] {
  const db = openDb(file);
  const sample = buildSampleAudit(db);
  const slots = Array.from({ length: REVIEWERS }, (_, i) => ({
    flag: insertFlag(db, { auditId: sample.auditId, documentId: sample.spin, detector: 'load', category: 'style/spin', severity: 'minor', confidence: 0.5, segments: [0], message: `load ${i}` }),
    token: reviewer(db, `load-${i}`).token,
    version: 1,
    decided: 0,
  }));
  db.close();
  return slots;
}

/**
 * Verdict traffic: each request takes a free (flag, reviewer) slot, answers the flag's current version and
 * gives the slot back with the new version. Autocannon resets its per-connection context between request
 * cycles, so the slots live here; a 201 is recorded as acknowledged (flag, version).
 */
function verdictTraffic(slots: Slot[], withReads: boolean) {
  const free = slots.map((_, i) => i);
  const acked: [number, number][] = [];
  const status: Record<string, number> = {};
  const count = (code: number): void => {
    status[code] = (status[code] ?? 0) + 1;
  };
  // Draining: no new verdicts, so that stopping autocannon cuts no verdict in flight.
  const ctl = { draining: false, idle: () => free.length === slots.length };
  type Ctx = { slot?: number };
  const post = {
    method: 'POST' as const,
    path: '/api/health',
    setupRequest: (req: Record<string, unknown>, ctx: Ctx) => {
      const i = ctl.draining ? undefined : free.shift();
      if (i === undefined) return { ...req, method: 'GET', path: '/api/flags?limit=20', body: undefined, headers: {} };
      ctx.slot = i;
      const s = slots[i]!;
      return {
        ...req,
        path: `/api/flags/${s.flag}/verdicts`,
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: s.decided % 2 ? 'reject' : 'approve', version: s.version }),
      };
    },
    onResponse: (code: number, body: string, ctx: Ctx) => {
      count(code);
      if (ctx.slot === undefined) return;
      const s = slots[ctx.slot]!;
      if (code === 201) {
        acked.push([s.flag, s.version]);
        s.decided++;
      }
      try {
        const v = (JSON.parse(body) as { flag?: { version: number } }).flag?.version;
        if (v) s.version = v;
      } catch {
        /* not JSON: keep the version, the next answer is a 409 with the right one */
      }
      free.push(ctx.slot);
      ctx.slot = undefined;
    },
  };
  const reads = [`/api/flags?limit=50`, `/api/flags/${slots[0]!.flag}`].map((path) => ({ method: 'GET' as const, path, onResponse: count }));
  const requests = withReads ? [post, ...reads] : [post];
  return { requests, acked, status, ctl };
}

function verify(file: string, acked: [number, number][]): { ackedVerdicts: number; storedVerdicts: number; missing: number; duplicated: number; unacknowledgedStored: number; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const count = db.prepare('SELECT COUNT(*) AS n FROM verdicts WHERE flag_id = ? AND flag_version = ?');
    let missing = 0;
    let duplicated = 0;
    for (const [f, v] of acked) {
      const n = (count.get(f, v) as { n: number }).n;
      if (n === 0) missing++;
      if (n > 1) duplicated++;
    }
    const stored = (db.prepare("SELECT COUNT(*) AS n FROM verdicts v JOIN flags f ON f.id = v.flag_id WHERE f.detector = 'load'").get() as { n: number }).n;
    return {
      ackedVerdicts: acked.length,
      storedVerdicts: stored,
      missing,
      duplicated,
      unacknowledgedStored: stored - (acked.length - missing),
      integrity: String(db.pragma('integrity_check', { simple: true })),
    };
  } finally {
    db.close();
  }
}
const lat = (r: autocannon.Result) => ({ p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: Math.round(r.latency.average * 100) / 100 });

// (a) verdicts during a batch.
async function underBatch() {
  const file = join(work, 'a.db');
  const slots = seed(file);
  const input = join(work, 'corpus.jsonl');
  const corpus = loadCorpus(STORIES);
  writeFileSync(input, corpus.jsonl);
  const srv = await serve(file);
  const t0 = performance.now();
  const batch = spawn(process.execPath, [BIN, 'audit', input, '--db', file, '--quiet', '--workers', '1'], { stdio: 'ignore' });
  const batchExit = new Promise<{ code: number | null; seconds: number }>((resolve) =>
    batch.on('exit', (code) => resolve({ code, seconds: Math.round((performance.now() - t0) / 100) / 10 })),
  );
  const traffic = verdictTraffic(slots, false);
  let done: (r: autocannon.Result) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve) => (done = resolve));
  const inst = autocannon({ url: srv.url, connections: REVIEWERS, duration: 600, requests: traffic.requests as autocannon.Request[] }, (err, r) => {
    if (err) throw err;
    done(r);
  });
  const batchResult = await batchExit;
  traffic.ctl.draining = true;
  for (let i = 0; i < 200 && !traffic.ctl.idle(); i++) await new Promise((r) => setTimeout(r, 50));
  inst.stop();
  const result = await finished;
  await stop(srv.cp);
  const check = verify(file, traffic.acked);
  return {
    connections: REVIEWERS,
    batch: { records: corpus.records, stories: corpus.stories, exitCode: batchResult.code, seconds: batchResult.seconds },
    seconds: result.duration,
    requests: result.requests.total,
    statusCounts: traffic.status,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: lat(result),
    verdictsPerSecond: Math.round((traffic.acked.length / result.duration) * 10) / 10,
    exactlyOnce: check,
    pass: batchResult.code === 0 && check.missing === 0 && check.duplicated === 0 && check.unacknowledgedStored === 0 && check.integrity === 'ok',
  };
}

// (b) soak at a fixed moderate rate with RSS sampled.
async function soak() {
  const file = join(work, 'b.db');
  const slots = seed(file);
  const srv = await serve(file);
  const samples: { t: number; rssMiB: number }[] = [];
  const t0 = performance.now();
  const sample = (): void => {
    samples.push({ t: Math.round((performance.now() - t0) / 1000), rssMiB: rssMiB(srv.cp.pid!) });
  };
  sample();
  const timer = setInterval(sample, 5000);
  const traffic = verdictTraffic(slots.slice(0, 10), true);
  const result = await autocannon({ url: srv.url, connections: 10, overallRate: RATE, duration: Math.round(MINUTES * 60), requests: traffic.requests as autocannon.Request[] });
  clearInterval(timer);
  sample();
  await stop(srv.cp);
  // Leak check on medians (robust to the GC's saw-tooth): the second fifth of the run (after warm-up: JIT,
  // caches, SQLite's page cache) against the last fifth.
  const median = (xs: number[]): number => {
    const v = [...xs].sort((x, y) => x - y);
    return v.length ? v[Math.floor(v.length / 2)]! : NaN;
  };
  const n = samples.length;
  const base = median(samples.slice(Math.floor(n / 5), Math.floor((2 * n) / 5)).map((x) => x.rssMiB));
  const end = median(samples.slice(Math.floor((4 * n) / 5)).map((x) => x.rssMiB));
  const growth = Math.round((end - base) * 10) / 10;
  const check = verify(file, traffic.acked);
  return {
    minutes: MINUTES,
    targetRate: RATE,
    connections: 10,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    statusCounts: traffic.status,
    errors: result.errors,
    latencyMs: lat(result),
    rss: { baseWindow: 'second fifth (median)', endWindow: 'last fifth (median)', baseMiB: Math.round(base * 10) / 10, endMiB: Math.round(end * 10) / 10, growthMiB: growth, boundMiB: RSS_BOUND_MIB, maxMiB: Math.max(...samples.map((s) => s.rssMiB)), samples },
    exactlyOnce: check,
    pass: growth < RSS_BOUND_MIB && check.missing === 0 && check.duplicated === 0 && check.integrity === 'ok',
  };
}

try {
  const machine = { cpus: cpus().length, node: process.version, loadavgAtStart: loadavg().map((x) => Math.round(x * 10) / 10), note: 'shared 2-core machine, several engineers working: latency figures are noisy' };
  const a = await underBatch();
  process.stdout.write(`verdicts during batch: ${JSON.stringify({ pass: a.pass, acked: a.exactlyOnce.ackedVerdicts, p99: a.latencyMs.p99 })}\n`);
  const b = MINUTES > 0 ? await soak() : null;
  if (b) process.stdout.write(`soak: ${JSON.stringify({ pass: b.pass, growthMiB: b.rss.growthMiB, p99: b.latencyMs.p99 })}\n`);
  const command = `npm run bench:load -- --minutes ${MINUTES} --rate ${RATE} --stories ${STORIES}`;
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'load.json'), JSON.stringify({ command, machine, verdictsDuringBatch: a, soak: b }, null, 2) + '\n');
  const hardening = {
    command,
    machine,
    load: {
      verdictsDuringBatch: { pass: a.pass, reviewers: REVIEWERS, batchRecords: a.batch.records, batchSeconds: a.batch.seconds, acknowledged: a.exactlyOnce.ackedVerdicts, missing: a.exactlyOnce.missing, duplicated: a.exactlyOnce.duplicated, unacknowledgedStored: a.exactlyOnce.unacknowledgedStored, latencyMs: a.latencyMs },
      soak: b && { pass: b.pass, minutes: b.minutes, rate: b.targetRate, requests: b.requests, rssGrowthMiB: b.rss.growthMiB, rssBoundMiB: b.rss.boundMiB, latencyMs: b.latencyMs },
    },
    tests: {
      faults: 'test/hardening/sigkill.test.ts (migration, concurrent writes), test/hardening/verdict-faults.test.ts (serve killed mid-verdicts; 50 reviewers during a batch), test/cli/audit-resume.test.ts (batch kill and resume), test/hardening/disk.test.ts (disk full, read-only)',
      input: 'test/hardening/fuzz-ingest.test.ts, test/hardening/fuzz-align.test.ts, test/hardening/cli-hostile.test.ts',
      access: 'test/hardening/access.test.ts, test/hardening/headers.test.ts, test/hardening/traversal.test.ts, test/hardening/xss.test.ts',
    },
  };
  writeFileSync(join(REPO, 'bench', 'results', 'hardening.json'), JSON.stringify(hardening, null, 2) + '\n');
  if (!a.pass || (b && !b.pass)) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

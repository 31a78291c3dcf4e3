// API benchmark: autocannon against the real server (a separate process) over a real SQLite file with
// 10,000 flags; queue reads and verdict writes at 50 connections, 10 s each, loopback only.
// Writes bench/results/api.json. Usage: npm run bench:api [-- --duration 10 --flags 10000]
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, tx } from '../server/db/index.js';
import { loadConfig } from '../server/config.js';
import { startServer } from '../server/serve.js';
import { buildSampleAudit, insertFlag, reviewer } from '../testkit/fixtures.js';
import type { Severity } from '../server/pipeline/types.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DURATION = arg('duration', 10);
const FLAGS = arg('flags', 10_000);
const CONNECTIONS = 50;

if (process.env.TAPAT_BENCH_SERVER) {
  // The server process: the same startServer as `tapat serve`.
  const running = await startServer({
    dbFile: process.env.TAPAT_BENCH_SERVER,
    port: 0,
    host: '127.0.0.1',
    config: loadConfig({}, '/nonexistent'),
    loadSamples: false,
    log: () => {},
  });
  if (process.env.TAPAT_BENCH_PRAGMA) running.db.pragma(process.env.TAPAT_BENCH_PRAGMA);
  process.send?.({ url: running.url });
  process.on('disconnect', () => void running.close().then(() => process.exit(0)));
} else {
  await main();
}

function seed(file: string): { token: string; ids: number[]; detector: string } {
  const db = openDb(file);
  const sample = buildSampleAudit(db);
  const docs = [sample.tl, sample.en, sample.spin];
  const segCount = docs.map(
    (d) => (db.prepare('SELECT COUNT(*) AS n FROM segments WHERE document_id = ?').get(d) as { n: number }).n,
  );
  const detectors = [
    'spin-fingerprint',
    'numbers',
    'names',
    'negation',
    'length-ratio',
    'omission',
    'untranslated',
    'mt-artifact',
  ];
  const severities: Severity[] = ['minor', 'major', 'critical'];
  let x = 12345;
  const rnd = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  tx(db, () => {
    for (let i = sample.flags.length; i < FLAGS; i++) {
      const d = i % 3;
      insertFlag(db, {
        auditId: sample.auditId,
        documentId: docs[d]!,
        otherDocumentId: d === 1 ? null : sample.en,
        detector: detectors[i % detectors.length]!,
        category: 'accuracy/mistranslation',
        severity: severities[Math.floor(rnd() * 3)]!,
        confidence: Math.round(rnd() * 1000) / 1000,
        segments: [Math.floor(rnd() * segCount[d]!)],
        otherSegments: d === 1 ? [] : [Math.floor(rnd() * segCount[1]!)],
        message: `bench flag ${i}`,
        suggestion: i % 4 === 0 ? 'something' : null,
        fingerprint: `bench-${i}`,
      });
    }
  });
  const ids = (db.prepare('SELECT id FROM flags ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const { token } = reviewer(db, 'bench');
  db.close();
  return { token, ids, detector: detectors[1]! };
}

interface Figures {
  scenario: string;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

// Every read needs a token (issue 22): sent with each request unless a request sets its own headers.
let readHeaders: Record<string, string> = {};

async function run(url: string, scenario: string, requests: autocannon.Request[]): Promise<Figures> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: readHeaders, requests });
  const f: Figures = {
    scenario,
    requests_per_s: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
  console.log(
    `${scenario.padEnd(34)} ${String(f.requests_per_s).padStart(6)} req/s  p50 ${f.p50_ms} ms  p99 ${f.p99_ms} ms  (${f.requests} requests, ${f.non2xx} non-2xx)`,
  );
  return f;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tapat-bench-api-'));
  const dbFile = join(dir, 'bench.db');
  let child: ChildProcess | null = null;
  try {
    const { token, ids, detector } = seed(dbFile);
    readHeaders = { authorization: `Bearer ${token}` };
    child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, TAPAT_BENCH_SERVER: dbFile },
      execArgv: ['--import', 'tsx'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child!.once('message', (m) => resolve((m as { url: string }).url));
      child!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    let k = 0;
    const pick = (): number => ids[(k = (k * 7919 + 1) % ids.length)]!;
    const results: Figures[] = [];
    results.push(
      await run(url, 'GET queue (pending, first page)', [
        { method: 'GET', path: '/api/flags?status=pending&limit=50' },
      ]),
    );
    results.push(
      await run(url, 'GET queue (filtered)', [
        { method: 'GET', path: `/api/flags?detector=${detector}&severity=major,critical&min_confidence=0.3&limit=50` },
      ]),
    );
    results.push(
      await run(url, 'GET flag with history', [
        { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/flags/${pick()}` }) },
      ]),
    );
    results.push(await run(url, 'GET stats', [{ method: 'GET', path: '/api/stats' }]));
    // Writes: each request answers a different flag with the version it last saw, so they are real 201s.
    const version = new Map<number, number>(ids.map((id) => [id, 1]));
    let n = 0;
    const verdictRequest: autocannon.Request = {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      setupRequest: (req, ctx) => {
        const id = ids[n++ % ids.length]!;
        (ctx as { id?: number }).id = id;
        return {
          ...req,
          path: `/api/flags/${id}/verdicts`,
          body: JSON.stringify({ action: n % 2 ? 'approve' : 'reject', version: version.get(id) }),
        };
      },
      onResponse: (status, body, ctx) => {
        if (status === 201)
          version.set((ctx as { id: number }).id, (JSON.parse(body) as { flag: { version: number } }).flag.version);
      },
    };
    results.push(await run(url, 'POST verdict', [verdictRequest]));
    // A reviewer's loop: a verdict, then the queue page again; every read follows a write, so none is cached.
    results.push(
      await run(url, 'mixed: POST verdict + GET queue', [
        verdictRequest,
        { method: 'GET', path: '/api/flags?status=active&limit=50' },
      ]),
    );
    results.push(
      await run(url, 'GET queue (pending) after writes', [
        { method: 'GET', path: '/api/flags?status=pending&limit=50' },
      ]),
    );
    const reads = results.filter((r) => r.scenario.startsWith('GET'));
    const writes = results.filter((r) => !r.scenario.startsWith('GET'));
    const out = {
      command: 'npm run bench:api',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        load_average_1m_at_end: Math.round(loadavg()[0]! * 10) / 10,
        note: 'a 2-core machine shared with other jobs; autocannon runs on it too: figures are noisy',
      },
      caching:
        'the queue and stats scenarios repeat one URL, so most answers come from the response cache (valid until any write); ' +
        'flag-with-history is not cached; ' +
        "'mixed' reads the queue right after each verdict, so its reads are never cached",
      flags: ids.length,
      connections: CONNECTIONS,
      duration_s: DURATION,
      results,
      targets: {
        read_p99_under_50ms: reads.every((r) => r.p99_ms < 50),
        write_p99_under_100ms: writes.every((r) => r.p99_ms < 100),
      },
    };
    mkdirSync(join(fileURLToPath(new URL('.', import.meta.url)), 'results'), { recursive: true });
    writeFileSync(fileURLToPath(new URL('./results/api.json', import.meta.url)), JSON.stringify(out, null, 2) + '\n');
    console.log(`targets: ${JSON.stringify(out.targets)} → bench/results/api.json`);
  } finally {
    child?.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Batch benchmark: a seeded synthetic corpus from ../shared/data (stories × {English, Tagalog with
// injected errors, spun English}) audited end to end by the built CLI code (dist/), once with 1 worker
// and once with 2, each in a fresh process and database. Writes bench/results/batch.json:
// documents/s, sentences/s, peak RSS, story-grouping precision/recall (pairwise) and role accuracy.
// The machine is shared: wall-clock figures are noisy.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { goldStory, pairwisePR, synthCorpus, synthJsonl } from '../testkit/synth.js';
import { REPO } from './paths.js';
import { batchDigest } from '../testkit/batch-digest.js';

const SEED = 42;
const LOAD_AT_START = loadavg().map((x) => Math.round(x * 10) / 10);
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });

const corpus = synthCorpus({ seed: SEED });
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-batch-'));
const input = join(work, 'corpus.jsonl');
writeFileSync(input, synthJsonl(corpus));

// The same corpus as a folder of scraped pages, one HTML file per record with a site's navigation and
// footer around the article: what `tapat audit FOLDER` meets (HTML parsing, boilerplate, one file each).
const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const folder = join(work, 'pages');
mkdirSync(folder);
corpus.records.forEach((r, i) => {
  const paras = r.text
    .split(/\n\n+/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  writeFileSync(
    join(folder, `${String(i).padStart(5, '0')}.html`),
    `<!doctype html><html><head><meta charset="utf-8"><title>${esc(r.title)} | Example News</title></head><body>` +
      `<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sports">Sports</a></nav>` +
      `<article><h1>${esc(r.title)}</h1>\n${paras}</article>` +
      `<footer>© 2026 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>`,
  );
});

// The child runs the batch driver from dist/ exactly as `tapat audit` does, then reports its own figures.
const CHILD = `
const t0 = performance.now();
const { main } = await import(${JSON.stringify(join(REPO, 'dist/server/cli.js'))});
const code = await main(process.argv.slice(2));
const secs = (performance.now() - t0) / 1000;
const ru = process.resourceUsage();
process.stderr.write('BENCH ' + JSON.stringify({ code, secs, maxRssKiB: ru.maxRSS, cpuSecs: (ru.userCPUTime + ru.systemCPUTime) / 1e6 }) + '\\n');
`;

const childFile = join(work, 'child.mjs');
writeFileSync(childFile, CHILD);

interface RunFigures {
  workers: number;
  seconds: number;
  documents: number;
  sentences: number;
  documentsPerSecond: number;
  sentencesPerSecond: number;
  peakRssMiB: number;
  /** CPU time of the process, all threads: less sensitive to other people's load than wall time. */
  cpuSeconds: number;
  sentencesPerCpuSecond: number;
}

const auditArgs = (db: string, workers: number, from = input): string[] => [
  childFile,
  'audit',
  from,
  '--db',
  db,
  '--quiet',
  '--workers',
  String(workers),
];
const childOptions = { cwd: REPO, env: { ...process.env, TAPAT_DB: '' } };
type ChildFigures = { code: number; secs: number; maxRssKiB: number; cpuSecs: number };

function childFigures(stderr: string): ChildFigures {
  const line = stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`bench child failed: ${stderr}`);
  const m = JSON.parse(line.slice(6)) as ChildFigures;
  if (m.code !== 0) throw new Error(`tapat audit exited ${m.code}: ${stderr}`);
  return m;
}

function run(workers: number, from = input): { figures: RunFigures; db: string } {
  const db = join(work, `w${workers}-${Date.now()}.db`);
  const r = spawnSync(process.execPath, auditArgs(db, workers, from), {
    ...childOptions,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = childFigures(r.stderr);
  const c = new Database(db, { readonly: true });
  const documents = c.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
  const sentences = c.prepare('SELECT COUNT(*) FROM segments').pluck().get() as number;
  c.close();
  return {
    db,
    figures: {
      workers,
      seconds: round(m.secs),
      documents,
      sentences,
      documentsPerSecond: round(documents / m.secs),
      sentencesPerSecond: round(sentences / m.secs),
      peakRssMiB: round(m.maxRssKiB / 1024),
      cpuSeconds: round(m.cpuSecs),
      sentencesPerCpuSecond: round(sentences / m.cpuSecs),
    },
  };
}

const round = (x: number): number => Math.round(x * 10) / 10;

function quality(db: string) {
  const c = new Database(db, { readonly: true });
  const rows = c
    .prepare('SELECT v.audit_id AS audit, d.url, v.role FROM audit_versions v JOIN documents d ON d.id = v.document_id')
    .all() as { audit: number; url: string; role: string }[];
  c.close();
  const groups = new Map<number, string[]>();
  for (const r of rows) (groups.get(r.audit) ?? groups.set(r.audit, []).get(r.audit)!).push(r.url);
  // each distinct text is one document: a spun copy identical to its original (no word to swap) is stored once
  const gold = new Map(rows.map((r) => [r.url, goldStory(r.url)]));
  const overall = pairwisePR([...groups.values()], gold);
  const bySource: Record<string, { precision: number; recall: number }> = {};
  for (const src of ['flores', 'tico', 'tatoeba']) {
    const g = [...groups.values()].map((xs) => xs.filter((u) => u.endsWith(`/${src}`))).filter((xs) => xs.length);
    bySource[src] = pairwisePR(g, new Map([...gold].filter(([u]) => u.endsWith(`/${src}`))));
  }
  const roleOk = rows.filter((r) => r.url.split('/')[4] === r.role).length;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    precision: r3(overall.precision),
    recall: r3(overall.recall),
    bySource: Object.fromEntries(
      Object.entries(bySource).map(([k, v]) => [k, { precision: r3(v.precision), recall: r3(v.recall) }]),
    ),
    roleAccuracy: r3(roleOk / rows.length),
    stories: groups.size,
  };
}

/** The machine is shared: each configuration runs REPEATS times in fresh databases; the fastest run is reported. */
const REPEATS = 2;
function best(workers: number): {
  figures: RunFigures & { allSeconds: number[]; loadAverage: number[] };
  db: string;
  digest: string;
} {
  const load = loadavg().map((x) => Math.round(x * 10) / 10);
  const runs = Array.from({ length: REPEATS }, (_, i) => {
    const r = run(workers);
    if (i < REPEATS - 1) rmSync(r.db, { force: true });
    return r;
  });
  const fastest = runs.reduce((a, b) => (b.figures.seconds < a.figures.seconds ? b : a));
  const db = runs[runs.length - 1]!.db;
  return {
    db,
    digest: batchDigest(db),
    figures: { ...fastest.figures, allSeconds: runs.map((r) => r.figures.seconds), loadAverage: load },
  };
}

/**
 * How much the machine's cores give on this workload: two 1-worker audits at once (separate processes and
 * databases, nothing shared), against one alone. Two independent cores would take as long as one alone.
 */
async function parallelEfficiency(
  alone: number,
): Promise<{ aloneSeconds: number; concurrentSeconds: number[]; throughputOfTwoOverOne: number }> {
  const once = (i: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, auditArgs(join(work, `par${i}-${Date.now()}.db`), 1), childOptions);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.resume();
      child.on('error', reject);
      child.on('close', () => {
        try {
          resolve(round(childFigures(stderr).secs));
        } catch (e) {
          reject(e as Error);
        }
      });
    });
  const both = await Promise.all([once(1), once(2)]);
  const mean = (both[0]! + both[1]!) / 2;
  return {
    aloneSeconds: alone,
    concurrentSeconds: both,
    throughputOfTwoOverOne: Math.round(((2 * alone) / mean) * 100) / 100,
  };
}

try {
  const one = best(1);
  const two = best(2);
  const parallel = await parallelEfficiency(one.figures.seconds);
  const html = run(2, folder);
  const result = {
    command: 'npm run bench:batch',
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverageAtStart: LOAD_AT_START,
      note: `wall-clock figures are noisy when the machine is shared (load average per configuration in runs[].loadAverage), CPU seconds less so; best of ${REPEATS} runs per configuration`,
      // two audits at once each run slower than one alone when the cores share execution resources (or the
      // host): the most 2 workers can give over 1, whatever the code does
      parallelEfficiency: parallel,
    },
    corpus: {
      seed: SEED,
      stories: corpus.stories,
      records: corpus.records.length,
      from: 'FLORES-200 dev documents, TICO-19 dev documents, Tatoeba test lines in chunks of 6 (../shared/data/parallel)',
      versions:
        'English; Tagalog with injected errors (a number changed in half the stories, a sentence dropped in a quarter); English spun by synonym substitution',
    },
    runs: [one.figures, two.figures],
    // the corpus as one HTML page per record in a folder (one run, 2 workers)
    htmlFolder: { files: corpus.records.length, ...html.figures },
    // what the audit found (stories, roles, alignments, flags; bench/batch-digest.ts): speed work must leave it
    // unchanged, and 1 and 2 workers must agree
    outputs: { digest: two.digest, sameWithOneAndTwoWorkers: one.digest === two.digest },
    grouping: quality(two.db),
    targets: { sentencesPerSecond: 2000, peakRssMiB: 1024, precision: 0.95, recall: 0.95 },
  };
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'batch.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Long documents (issue #22): `tapat check` on 1.6 / 3.2 / 6.4 / 12.8 MB Tagalog–English pairs and `tapat audit`
// of a 2 MB repetitive JSONL record, as separate CLI processes (wall and CPU seconds, peak RSS), plus the work
// counter of the repeated-wording candidate search (comparisons) at each size. Before the fix the issue
// measured check at 3.2 / 7.1 / 36.8 / 90 s and the audit at > 120 s: repeated-wording compared every pair
// of sentences, and misalignment filtered the whole document for each pair's neighbours. Text: FLORES-200 dev (tl, en; ../shared/data), paragraphs repeated in order up to the size.
// Usage: npm run bench:long-docs [-- --sizes 1.6,3.2,6.4,12.8]  → bench/results/long-docs.json
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './paths.js';
import { segmentDoc } from '../server/pipeline/segment/index.js';
import { repeatedWordingDetector } from '../server/pipeline/detect/detectors/document/repeatedWording.js';
import { nearRepeatStats } from '../server/pipeline/detect/detectors/document/near-repeats.js';

const sizesArg = process.argv.indexOf('--sizes');
const SIZES_MB = (sizesArg > 0 ? process.argv[sizesArg + 1]! : '1.6,3.2,6.4,12.8').split(',').map(Number);
const BIN = join(REPO, 'bin', 'tapat.js');
const PARALLEL = join(REPO, '..', 'shared', 'data', 'parallel');
const SEED = join(REPO, '..', 'shared', 'seeds', '000_922bb823d51d308a.txt');

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-long-'));
const loadAtStart = loadavg().map((x) => Number(x.toFixed(1)));

function upTo(lines: string[], bytes: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const l = lines[i % lines.length]!;
    out.push(l);
    n += Buffer.byteLength(l) + 2;
  }
  return out.join('\n\n') + '\n';
}

interface Timed {
  exit: number;
  wallSeconds: number;
  cpuSeconds: number | null;
  maxRssMiB: number | null;
}
/** Runs the CLI under /usr/bin/time when present (CPU seconds and peak RSS of the child), else wall time only. */
function timed(args: string[], env: Record<string, string> = {}): Timed {
  const stats = join(work, 'time.txt');
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-o', stats, '-f', '%U %S %M', process.execPath, BIN, ...args] : [BIN, ...args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TAPAT_DB: '', ...env },
    maxBuffer: 1 << 26,
  });
  const wallSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  if (r.status !== 0) process.stderr.write(String(r.stderr));
  if (!useTime) return { exit: r.status ?? -1, wallSeconds, cpuSeconds: null, maxRssMiB: null };
  const [user, sys, rssKb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return {
    exit: r.status ?? -1,
    wallSeconds,
    cpuSeconds: Number((user! + sys!).toFixed(1)),
    maxRssMiB: Math.round(rssKb! / 1024),
  };
}

const read = (ext: string): string[] =>
  readFileSync(join(PARALLEL, `flores200-dev.${ext}`), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
const tl = read('tl');
const en = read('en');
const check: Record<string, unknown>[] = [];
for (const mb of SIZES_MB) {
  const bytes = Math.round(mb * 1e6);
  const src = join(work, `tl-${mb}.txt`);
  const tgt = join(work, `en-${mb}.txt`);
  writeFileSync(src, upTo(tl, bytes));
  writeFileSync(tgt, upTo(en, bytes));
  const doc = segmentDoc({
    path: src,
    url: null,
    title: null,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: null,
    text: readFileSync(src, 'utf8'),
  });
  repeatedWordingDetector.run({ doc, thresholds: {} });
  const row = {
    megabytes: mb,
    sentences: doc.segments.length,
    repeatedWordingComparisons: nearRepeatStats.compared,
    ...timed(['check', src, tgt, '--jsonl']),
  };
  console.log(JSON.stringify(row));
  check.push(row);
}

const seed = readFileSync(SEED, 'utf8');
const record = join(work, 'repetitive.jsonl');
writeFileSync(
  record,
  JSON.stringify({
    url: 'bench',
    title: 'repetitive',
    text: `${seed}\n\n`.repeat(Math.ceil(2e6 / (seed.length + 2))),
  }) + '\n',
);
const audit = { megabytes: 2, ...timed(['audit', '--db', join(work, 'a.db'), '--quiet', record]) };
console.log(JSON.stringify(audit));

const result = {
  command: `npm run bench:long-docs -- --sizes ${SIZES_MB.join(',')}`,
  machine: {
    cpus: cpus().length,
    node: process.version,
    loadavgAtStart: loadAtStart,
    note: 'shared 2-core machine: wall seconds are noisy, CPU seconds less so',
  },
  before: {
    source: 'issue #22 (same commands, before the repeated-wording and misalignment-window fixes)',
    checkWallSeconds: { '1.6': 3.2, '3.2': 7.1, '6.4': 36.8, '12.8': 90 },
    auditRepetitive2MB: '> 120 s',
  },
  check,
  auditRepetitive2MB: audit,
  pass: check.every((c) => c.exit === 0) && audit.exit === 0,
};
mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO, 'bench', 'results', 'long-docs.json'), JSON.stringify(result, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });

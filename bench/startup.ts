// Start-up benchmark: what a user checking one article pays. Whole processes of the built CLI (bin/tapat.js, so
// dist/ must be built) on a 30-sentence FLORES-200 pair (the first 30 dev lines, English and Tagalog, from
// ../shared/data/parallel), each command run RUNS times, interleaved, beside `node -e 0` (what node itself
// costs). Reports the median wall time and the median CPU time (user + system of the child, read from
// /proc/self/stat's children fields on Linux: less sensitive than wall time to other people's load on a
// shared machine). Writes bench/results/startup.json.
//   npm run bench:startup            (RUNS=10)
//   npx tsx bench/startup.ts --root DIR   (another built tree's CLI, for a before/after; nothing written)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, SHARED } from './paths.js';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const ROOT = values.root ? resolve(values.root) : REPO;
const RUNS = Number(process.env.RUNS ?? 10);
const SENTENCES = 30;
const TARGETS = { align: 0.15, check: 0.25 };

const parallel = join(SHARED, 'data', 'parallel');
const lines = (name: string): string =>
  readFileSync(join(parallel, name), 'utf8').split('\n').slice(0, SENTENCES).join('\n') + '\n';
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-startup-'));
const en = join(work, 'flores-30.en.txt');
const tl = join(work, 'flores-30.tl.txt');
writeFileSync(en, lines('flores200-dev.en'));
writeFileSync(tl, lines('flores200-dev.tl'));

if (!existsSync(join(ROOT, 'dist', 'server', 'cli.js'))) throw new Error('dist/ is not built: run npm run build first');

/** CPU seconds of this process's waited-for children so far (Linux), or null elsewhere. */
function childrenCpu(): number | null {
  try {
    // fields after the command name (which is in parentheses and may hold spaces): state is field 3
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[13]) + Number(f[14]); // cutime, cstime (fields 16 and 17)
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const COMMANDS: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'tapat align': [join(ROOT, 'bin', 'tapat.js'), 'align', en, tl],
  'tapat check': [join(ROOT, 'bin', 'tapat.js'), 'check', en, tl],
};

const wall: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
const load = loadavg().map((x) => Math.round(x * 10) / 10);
// one run of each, interleaved, RUNS times: a burst of someone else's load touches every command alike
for (let r = 0; r < RUNS + 1; r++) {
  for (const [name, args] of Object.entries(COMMANDS)) {
    const c0 = childrenCpu();
    const t0 = performance.now();
    const p = spawnSync(process.execPath, args, {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, TAPAT_CONFIG: join(work, 'none.json') },
    });
    const secs = (performance.now() - t0) / 1000;
    const c1 = childrenCpu();
    if (p.status !== 0) throw new Error(`${name} exited ${p.status}: ${p.stderr}`);
    if (r === 0) continue; // the first round fills the file cache
    (wall[name] ??= []).push(secs);
    if (c0 !== null && c1 !== null) (cpu[name] ??= []).push(c1 - c0);
  }
}
rmSync(work, { recursive: true, force: true });

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const figures = Object.fromEntries(
  Object.keys(COMMANDS).map((name) => [
    name,
    {
      medianSeconds: r3(median(wall[name]!)),
      medianCpuSeconds: cpu[name] ? r3(median(cpu[name]!)) : null,
      allSeconds: wall[name]!.map(r3),
    },
  ]),
);
const result = {
  command: 'npm run bench:startup',
  tree: ROOT,
  machine: {
    node: process.version,
    loadAverageAtStart: load,
    note: 'shared machine: wall times vary with other load; CPU seconds (children user+system, 10 ms ticks) less so',
  },
  input: `the first ${SENTENCES} lines of FLORES-200 dev, English and Tagalog (../shared/data/parallel), as two text files`,
  runs: RUNS,
  figures,
  targets: { 'tapat align': TARGETS.align, 'tapat check': TARGETS.check },
};
if (ROOT === REPO) {
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'startup.json'), JSON.stringify(result, null, 2) + '\n');
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');

// Review benchmark (issue 19): a scripted reviewer in real headless Chromium over a real server and SQLite.
// The batch is the seeded synthetic corpus of bench:batch (stories × {English, Tagalog with injected errors,
// spun English}, from ../shared/data/parallel), audited by the real CLI until the database holds at least
// REVIEW_FLAGS flags (default 5,000; one more seed per round). Then, in the browser:
//   - time to first flag: address entered → the first flag's detail in the page (3 loads, the first cold);
//   - time per decision: key press (the keydown event's time stamp) → the next flag's detail in the DOM at
//     the next animation frame, for `a`/`r` (a verdict round trip to the server) and for `j` (moving on);
//   - keystrokes per decided flag on the spun batch, deciding with bulk keys where they apply:
//     B (every identical finding in the batch), A (… in the audit), else a or r;
//   - screenshots of the queue, the help overlay and an audit at 1280 and 420 px under bench/results/review/.
// Writes bench/results/review.json. The machine is shared by several people: timings are noisy, and the
// load average at start is recorded beside them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { synthCorpus, synthJsonl } from '../testkit/synth.js';
import { REPO } from './paths.js';
import { CHROMIUM } from '../testkit/browser.js';
import { startServer } from '../server/serve.js';
import { loadConfig } from '../server/config.js';

const TARGET = Number(process.env.REVIEW_FLAGS ?? 5000);
const SEEDS = [42, 7, 99, 123, 2024];
const DECISIONS = Number(process.env.REVIEW_DECISIONS ?? 200);
const MOVES = 200;
const WALK_KEYS = Number(process.env.REVIEW_WALK_KEYS ?? 150);
const LOAD_AT_START = loadavg().map((x) => Math.round(x * 10) / 10);
const SHOTS = join(REPO, 'bench', 'results', 'review');
mkdirSync(SHOTS, { recursive: true });

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-review-'));
const dbFile = join(work, 'review.db');
const cli = (...args: string[]): string =>
  execFileSync(process.execPath, [join(REPO, 'bin/tapat.js'), ...args], { cwd: REPO, encoding: 'utf8' });

// 1. the batch
const count = (sql: string): number => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};
const seedsUsed: number[] = [];
let flags = 0;
const buildStart = performance.now();
for (const seed of SEEDS) {
  const file = join(work, `corpus-${seed}.jsonl`);
  writeFileSync(file, synthJsonl(synthCorpus({ seed })));
  cli('audit', file, '--db', dbFile, '--quiet', '--workers', '2');
  seedsUsed.push(seed);
  flags = count('SELECT COUNT(*) AS n FROM flags');
  process.stderr.write(`seed ${seed}: ${flags} flags\n`);
  if (flags >= TARGET) break;
}
const buildSeconds = Math.round((performance.now() - buildStart) / 100) / 10;
const token = cli('reviewer', 'add', 'bench', '--db', dbFile, '--admin').trim().split('\n').pop()!.trim();
const corpus = {
  seeds: seedsUsed,
  documents: count('SELECT COUNT(*) AS n FROM documents'),
  audits: count('SELECT COUNT(*) AS n FROM audits'),
  flags,
  pending: count("SELECT COUNT(*) AS n FROM flags WHERE status = 'active'"),
  spinFlags: count("SELECT COUNT(*) AS n FROM flags WHERE category = 'style/spin'"),
  buildSeconds,
  from: 'bench:batch corpus (FLORES-200 / TICO-19 / Tatoeba from ../shared/data/parallel), one seed per round, audited by `tapat audit`',
};

// 2. the server and the browser
const server = await startServer({
  dbFile,
  port: 0,
  host: '127.0.0.1',
  config: loadConfig({}, '/nonexistent'),
  loadSamples: false,
  log: () => {},
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const pageErrors: string[] = [];
async function newPage(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/#token=${token}`);
  await page.waitForSelector('text=Signed in as');
  return page;
}

// Predicates run in the page (as functions: the page's CSP forbids evaluating strings there).
interface PageGlobals {
  __marks: number[];
  __saved: number[];
  __keys: number[];
  document: {
    querySelector(sel: string): { textContent: string | null; getAttribute(name: string): string | null } | null;
  };
}
const marksAtLeast = (n: number): boolean => (globalThis as unknown as PageGlobals).__marks.length >= n;
const savedAtLeast = (n: number): boolean => (globalThis as unknown as PageGlobals).__saved.length >= n;

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};
const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: pct(xs, 100) });

// Records, in the page, key press → a different flag's detail in the DOM (at the next animation frame).
const INSTRUMENT = `(() => {
  window.__marks = [];
  let pressed = null;
  let last = document.querySelector('article.flag-detail')?.getAttribute('data-flag') ?? null;
  window.__keys = [];
  window.__saved = [];
  document.addEventListener('keydown', (e) => { pressed = e.timeStamp; window.__keys.push(e.timeStamp); }, true);
  // a verdict is stored when the status line says so ("Flag #12 approved.")
  new MutationObserver(() => {
    if (/Flag #\\d+ (approved|rejected)/.test(document.querySelector('.status')?.textContent ?? '')) window.__saved.push(performance.now());
  }).observe(document.querySelector('.status'), { childList: true, characterData: true, subtree: true });
  new MutationObserver(() => {
    const id = document.querySelector('article.flag-detail')?.getAttribute('data-flag') ?? null;
    if (id !== last && pressed !== null) {
      const t0 = pressed;
      pressed = null;
      requestAnimationFrame(() => window.__marks.push(performance.now() - t0));
    }
    last = id;
  }).observe(document.querySelector('section.detail'), { childList: true });
})()`;

try {
  // time to first flag
  const page = await newPage(1280);
  const firstFlagMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${server.url}/#/`);
    await page.waitForSelector('main h1');
    const t0 = performance.now();
    await page.goto(`${server.url}/#/queue`);
    await page.reload();
    await page.waitForSelector('article.flag-detail');
    firstFlagMs.push(Math.round(performance.now() - t0));
  }
  await page.waitForSelector('.counts');
  await page.evaluate(INSTRUMENT);
  const marks = async (): Promise<number[]> => (await page.evaluate('window.__marks')) as number[];

  // moving on with j
  for (let i = 0; i < MOVES; i++) {
    await page.keyboard.press('j');
    await page.waitForFunction(marksAtLeast, i + 1);
  }
  const moves = await marks();
  await page.evaluate('window.__marks = []; window.__keys = []; window.__saved = []');
  // deciding with a / r (about one in four rejected): the next flag is shown before the verdict is stored,
  // so both are timed; each decision waits for its verdict to be stored before the next key
  for (let i = 0; i < DECISIONS; i++) {
    await page.keyboard.press(i % 4 === 3 ? 'r' : 'a');
    await page.waitForFunction(marksAtLeast, i + 1);
    await page.waitForFunction(savedAtLeast, i + 1, { timeout: 30_000 });
  }
  const decisions = await marks();
  const saves = (await page.evaluate('window.__saved.map((t, i) => t - window.__keys[i])')) as number[];
  await page.screenshot({ path: join(SHOTS, 'queue-1280.png') });
  await page.keyboard.press('?');
  await page.waitForSelector('dialog.help[open]');
  await page.screenshot({ path: join(SHOTS, 'help-1280.png') });
  await page.keyboard.press('Escape');

  // keystrokes per decided flag: the spin findings of the batch, bulk keys where they apply
  const walk = await newPage(1280);
  await walk.goto(`${server.url}/#/queue?category=style/spin`);
  await walk.waitForSelector('article.flag-detail');
  const decidedBefore = count(
    "SELECT COUNT(*) AS n FROM flags f WHERE f.category = 'style/spin' AND EXISTS (SELECT 1 FROM verdicts v WHERE v.flag_id = f.id)",
  );
  let keystrokes = 0;
  const used = { B: 0, A: 0, a: 0, r: 0 };
  for (let i = 0; i < WALK_KEYS; i++) {
    const id = await walk
      .locator('article.flag-detail')
      .getAttribute('data-flag')
      .catch(() => null);
    if (!id) break;
    // the bulk counts arrive just after the flag; a reviewer sees the buttons before deciding
    const counts = await walk
      .waitForSelector(`article.flag-detail[data-flag="${id}"][data-identical]`, { timeout: 3000 })
      .then((el) => el.getAttribute('data-identical'))
      .catch(() => null);
    const [inAudit, inBatch] = (counts ?? '0/0').split('/').map(Number) as [number, number];
    const key = inBatch > 1 ? 'B' : inAudit > 1 ? 'A' : i % 4 === 3 ? 'r' : 'a';
    used[key]++;
    keystrokes++;
    const statusBefore = await walk.locator('.status').textContent();
    await walk.keyboard.press(key === 'B' || key === 'A' ? `Shift+${key}` : key);
    await walk.waitForFunction(
      ([flag, before]) => {
        const d = (globalThis as unknown as PageGlobals).document;
        return (
          (d.querySelector('.status')?.textContent ?? '') !== before ||
          d.querySelector('article.flag-detail')?.getAttribute('data-flag') !== flag
        );
      },
      [id, statusBefore ?? ''] as const,
      { timeout: 10_000 },
    );
    await walk.waitForTimeout(30);
  }
  const decidedAfter = count(
    "SELECT COUNT(*) AS n FROM flags f WHERE f.category = 'style/spin' AND EXISTS (SELECT 1 FROM verdicts v WHERE v.flag_id = f.id)",
  );
  const decided = decidedAfter - decidedBefore;
  await walk.screenshot({ path: join(SHOTS, 'walk-1280.png') });

  // narrow screens, and an audit
  const narrow = await newPage(420);
  await narrow.goto(`${server.url}/#/queue`);
  await narrow.waitForSelector('article.flag-detail');
  await narrow.screenshot({ path: join(SHOTS, 'queue-420.png'), fullPage: true });
  const auditId = count("SELECT audit_id AS n FROM flags WHERE category = 'style/spin' LIMIT 1");
  for (const [p, w] of [
    [narrow, 420],
    [walk, 1280],
  ] as const) {
    await p.goto(`${server.url}/#/audits/${auditId}`);
    await p.waitForSelector('table.threeway tbody tr');
    await p.screenshot({ path: join(SHOTS, `audit-${w}.png`) });
  }
  await walk.goto(`${server.url}/#/`);
  await walk.waitForSelector('.pager');
  await walk.screenshot({ path: join(SHOTS, 'audits-1280.png') });

  const result = {
    command: 'npm run bench:review',
    machine: {
      cpus: cpus().length,
      loadAverageAtStart: LOAD_AT_START,
      note: 'shared by several people at once: timings are noisy',
    },
    corpus,
    timeToFirstFlagMs: { runs: firstFlagMs, median: [...firstFlagMs].sort((a, b) => a - b)[1] },
    perDecisionMs: {
      ...summary(decisions),
      what: 'a/r key press → next flag shown (the verdict is saved behind it: see perVerdictStoredMs)',
    },
    perVerdictStoredMs: {
      ...summary(saves),
      what: 'a/r key press → the status line says the verdict is stored (POST answered)',
    },
    perMoveMs: { ...summary(moves), what: 'j key press → next flag shown' },
    bulkWalk: {
      what: 'spin findings of the batch (?category=style/spin), one decision key per flag on screen: B if identical findings exist in the batch, else A if in the audit, else a (r every 4th)',
      keystrokes,
      decided,
      keystrokesPerDecidedFlag: decided ? Math.round((keystrokes / decided) * 1000) / 1000 : null,
      keysUsed: used,
    },
    targets: {
      perDecisionP95Ms: { target: 100, at: flags, met: pct(decisions, 95) <= 100 },
      keystrokesPerDecidedFlag: { target: '< 1.5', met: decided > 0 && keystrokes / decided < 1.5 },
    },
    pageErrors,
    screenshots: 'bench/results/review/*.png',
  };
  writeFileSync(join(REPO, 'bench', 'results', 'review.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

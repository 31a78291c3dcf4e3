// Queue sort benchmark (issue 19): the time to read one page of the review queue (50 flags, pending, status
// 'active') in each sort order, first page and a page deep in the list (`after`), over a real SQLite file with
// N synthetic flags on the sample story. In-process (listFlags, the same call GET /api/flags makes), median of
// 15 reads after 3 warm-ups. Writes bench/results/queue-sort.json. Usage: npx tsx bench/queue-sort.ts [--flags 10000,100000]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, tx } from '../server/db/index.js';
import { listFlags } from '../server/db/queue.js';
import { QUEUE_SORTS } from '../contract/queue.js';
import { buildSampleAudit, insertFlag } from '../testkit/fixtures.js';
import type { Severity } from '../server/pipeline/types.js';

const i = process.argv.indexOf('--flags');
const SIZES = (i > 0 ? process.argv[i + 1]! : '10000,100000').split(',').map(Number);
const severities: Severity[] = ['minor', 'major', 'critical'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const results: { flags: number; sort: string; page: string; median_ms: number }[] = [];
for (const n of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'tapat-qsort-'));
  const db = openDb(join(dir, 'bench.db'));
  const sample = buildSampleAudit(db);
  const docs = [sample.tl, sample.en, sample.spin];
  let x = 12345;
  const rnd = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  tx(db, () => {
    for (let k = sample.flags.length; k < n; k++) {
      const start = Math.floor(rnd() * 5000);
      insertFlag(db, {
        auditId: sample.auditId,
        documentId: docs[k % 3]!,
        detector: 'bench',
        category: 'accuracy/mistranslation',
        severity: severities[Math.floor(rnd() * 3)]!,
        confidence: Math.round(rnd() * 1000) / 1000,
        segments: [0],
        start,
        end: start + 5,
        message: `bench flag ${k}`,
        fingerprint: `bench-${k}`,
      });
    }
  });
  db.exec('ANALYZE');
  for (const sort of QUEUE_SORTS) {
    // the after-flag for the deep page: the one at position n/2 in this order
    const deep = (() => {
      let after: number | undefined;
      for (let p = 0; p < Math.floor(n / 2 / 500); p++)
        after = listFlags(db, { status: 'active', sort, after, limit: 500 }).next ?? after;
      return after;
    })();
    for (const [page, after] of [
      ['first', undefined],
      ['middle', deep],
    ] as const) {
      const times: number[] = [];
      for (let r = 0; r < 18; r++) {
        const t = process.hrtime.bigint();
        const got = listFlags(db, { status: 'pending', sort, after, limit: 50 });
        if (got.flags.length !== 50) throw new Error(`${sort} ${page}: ${got.flags.length} flags`);
        if (r >= 3) times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      results.push({ flags: n, sort, page, median_ms: Math.round(median(times) * 100) / 100 });
      console.log(`${n} flags  ${sort.padEnd(16)} ${page.padEnd(7)} ${median(times).toFixed(2)} ms`);
    }
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/queue-sort.json',
  `${JSON.stringify({ when: new Date().toISOString(), page: 50, results }, null, 2)}\n`,
);

// Where a batch audit's CPU time goes, stage by stage, on one thread: the bench:batch corpus (seed 42, from
// ../shared/data) prepared (ingest, segment, story-discovery features), stored, grouped, then each story
// loaded, read (roles, spin), finished (alignment, detectors) and committed, with process.cpuUsage() around
// each stage. The machine is shared and wall time says little; CPU time of one thread is steadier, but
// still moves ±20% with other people's load: compare two trees in alternating runs.
//   npx tsx bench/batch-stages.ts [--root DIR] [--runs N]
// --root: the tree whose built code (DIR/dist) is measured (default: this one); the corpus is always this
// tree's. Prints one JSON line per run (seconds per stage) and writes nothing. searchIndex: the full-text index
// filled after the batch (a tree without db/search-index.ts indexes each row as it is stored, in store and commit).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { synthCorpus, synthJsonl } from '../testkit/synth.js';
import { REPO } from './paths.js';

const { values } = parseArgs({
  options: { root: { type: 'string', default: REPO }, runs: { type: 'string', default: '1' } },
});
const root = resolve(values.root!);
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-stages-'));
const corpus = join(work, 'corpus.jsonl');
writeFileSync(corpus, synthJsonl(synthCorpus({ seed: 42 })));

const dist = (p: string): string => join(root, 'dist', 'server', p);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function once(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let t = cpu();
  const lap = (k: string): void => {
    const n = cpu();
    out[k] = (out[k] ?? 0) + (n - t);
    t = n;
  };
  // a fresh copy of the modules per run (a query string makes a new module instance): cold caches each time
  const q = `?run=${Math.random()}`;
  const { openDb, tx } = (await import(dist('db/index.js') + q)) as typeof import('../server/db/index.js');
  const { batchItems } = (await import(
    dist('pipeline/batch/inputs.js') + q
  )) as typeof import('../server/pipeline/batch/inputs.js');
  const { prepareItem } = (await import(
    dist('pipeline/batch/prepare.js') + q
  )) as typeof import('../server/pipeline/batch/prepare.js');
  const { storeDocument } = (await import(dist('db/documents.js') + q)) as typeof import('../server/db/documents.js');
  const { storiesOf } = (await import(
    dist('pipeline/group/index.js') + q
  )) as typeof import('../server/pipeline/group/index.js');
  const { prepareStory, commitStory } = (await import(
    dist('pipeline/batch/story.js') + q
  )) as typeof import('../server/pipeline/batch/story.js');
  const { readStory, finishStory } = (await import(
    dist('pipeline/batch/analyse.js') + q
  )) as typeof import('../server/pipeline/batch/analyse.js');
  // the search backlog (db/search-index.ts) where the tree has one, as the batch driver uses it
  const search = (await import(dist('db/search-index.js') + q).catch(() => null)) as
    typeof import('../server/db/search-index.js') | null;
  lap('import');
  const db = openDb(join(work, `stages-${Date.now()}.db`));
  search?.deferSearch(db);
  const prepared: ReturnType<typeof prepareItem>[] = [];
  for await (const item of batchItems([corpus], 1e9)) prepared.push(prepareItem({ item, maxBytes: 1e9 }));
  lap('prepare');
  const features = new Map<number, import('../server/pipeline/group/features.js').DocFeatures>();
  tx(db, () => {
    for (const p of prepared) {
      if (!('docs' in p)) continue;
      for (const d of p.docs) {
        const { id, created } = storeDocument(db, d.doc);
        if (created) features.set(id, d.features);
      }
    }
  });
  lap('store');
  const plans = storiesOf([...features.keys()], (id) => features.get(id)!);
  lap('group');
  for (const plan of plans) {
    const work = prepareStory(db, plan, {});
    lap('loadStory');
    const reading = readStory(work.job);
    lap('readStory');
    const analysis = finishStory(work.job, reading);
    lap('finishStory');
    commitStory(db, work, analysis, null);
    lap('commit');
  }
  search?.catchUpSearch(db);
  lap('searchIndex');
  db.close();
  const total = Object.values(out).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries({ ...out, total }).map(([k, v]) => [k, Math.round(v * 100) / 100]));
}

try {
  // each run in this process would find the data files cached by the last: run this script N times instead
  // for cold figures; --runs measures warm code
  for (let r = 0; r < Number(values.runs); r++)
    process.stdout.write(JSON.stringify({ root, ...(await once()) }) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Story-grouping benchmark: the batch benchmark's synthetic corpus (same seed), ingested and segmented as
// `tapat audit` does (JSONL records, identical texts stored once), then only story discovery, timed, and
// the version roles each story's analysis gives. Writes bench/results/group.json: pairwise precision and
// recall overall and by source, role accuracy, grouping time. `--no-roles` skips the (slow) analysis.
// The machine is shared: times are noisy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonlLine } from '../server/pipeline/ingest/jsonl.js';
import { segmentDoc } from '../server/pipeline/segment/index.js';
import { discoverStories } from '../server/pipeline/group/index.js';
import { DEFAULT_CLUSTER, type ClusterOptions } from '../server/pipeline/group/cluster.js';
import { analyseStory } from '../server/pipeline/batch/analyse.js';
import type { SegmentedDoc } from '../server/pipeline/types.js';
import { goldStory, pairwisePR, synthCorpus } from '../test/pipeline/batch/synth.js';
import { REPO } from '../test/helpers/paths.js';

const SEED = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7) ?? 42);
const ROLES = !process.argv.includes('--no-roles');
/** `--opts='{"threshold":0.12}'`: cluster options over the defaults, for tuning (results are then not written). */
const OPTS = process.argv.find((a) => a.startsWith('--opts='))?.slice(7);
const opts: ClusterOptions = { ...DEFAULT_CLUSTER, ...(OPTS ? (JSON.parse(OPTS) as Partial<ClusterOptions>) : {}) };
const SOURCES = ['flores', 'tico', 'tatoeba'];
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

const corpus = synthCorpus({ seed: SEED });
const t0 = performance.now();
const byText = new Map<string, number>();
const docs: SegmentedDoc[] = [];
corpus.records.forEach((r, i) => {
  const doc = parseJsonlLine(JSON.stringify(r), i + 1, 'corpus.jsonl', 'utf-8');
  if (!doc || byText.has(doc.text)) return; // the database stores each distinct text once
  byText.set(doc.text, docs.length);
  docs.push(segmentDoc(doc));
});
const ingestSeconds = (performance.now() - t0) / 1000;

const t1 = performance.now();
const plans = discoverStories(docs.map((_, i) => i), (i) => docs[i]!, opts);
const groupSeconds = (performance.now() - t1) / 1000;

const url = (i: number): string => docs[i]!.url!;
const groups = plans.map((p) => p.documentIds.map(url));
const gold = new Map(docs.map((d) => [d.url!, goldStory(d.url!)]));
const overall = pairwisePR(groups, gold);
const bySource: Record<string, { precision: number; recall: number; documents: number }> = {};
for (const src of SOURCES) {
  const g = groups.map((xs) => xs.filter((u) => u.endsWith(`/${src}`))).filter((xs) => xs.length);
  const pr = pairwisePR(g, new Map([...gold].filter(([u]) => u.endsWith(`/${src}`))));
  bySource[src] = { precision: r3(pr.precision), recall: r3(pr.recall), documents: g.flat().length };
}

let roles: { accuracy: number; byRole: Record<string, number>; seconds: number } | null = null;
if (ROLES) {
  const t2 = performance.now();
  let ok = 0;
  const wrong: Record<string, number> = {};
  for (const p of plans) {
    const a = analyseStory({ versions: p.documentIds.map((i) => ({ documentId: i, doc: docs[i]! })), thresholds: {} });
    p.documentIds.forEach((i, k) => {
      const want = url(i).split('/')[4]!;
      if (a.roles[k] === want) ok++;
      else wrong[`${want}->${a.roles[k]}`] = (wrong[`${want}->${a.roles[k]}`] ?? 0) + 1;
    });
  }
  roles = { accuracy: r3(ok / docs.length), byRole: wrong, seconds: r3((performance.now() - t2) / 1000) };
}

const result = {
  command: 'npx tsx bench/group.ts',
  note: 'grouping only, in this process, on the bench:batch corpus; the machine is shared, so times are noisy',
  options: opts,
  corpus: { seed: SEED, stories: corpus.stories, records: corpus.records.length, documents: docs.length },
  grouping: {
    precision: r3(overall.precision),
    recall: r3(overall.recall),
    bySource,
    stories: plans.length,
    seconds: r3(groupSeconds),
    ingestAndSegmentSeconds: r3(ingestSeconds),
  },
  roles: roles && { accuracy: roles.accuracy, errors: roles.byRole, analyseSeconds: roles.seconds },
  targets: { precision: 0.95, recall: 0.95 },
};
if (SEED === 42 && ROLES && !OPTS) {
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'group.json'), JSON.stringify(result, null, 2) + '\n');
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');

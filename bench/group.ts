// Story-grouping benchmark: the batch benchmark's synthetic corpus (same seed), ingested and segmented as
// `tapat audit` does (JSONL records, identical texts stored once), then only story discovery, timed, and
// the version roles each story's analysis gives. Two harder variants of the same corpus, grouping only:
// - missingVersions: the English versions of every 7th story and the Tagalog version of another 7th are
//   left out, so some texts have no counterpart in the batch (they must stay alone);
// - smallBatches: consecutive slices of 300 shuffled records, where most stories are incomplete.
// - spunCopies: the realistic spun-copy set of bench/group-spun.ts (short texts, a third to a half of the
//   words swapped, by spinner family, among many same-topic articles; real spinner pairs), with the figure
//   of the grouping before spun copies were aligned through synonym swaps (alignCandidates 0, copyNeighbours 3)
//   beside it.
// Writes bench/results/group.json (seed 42, default options, with roles). `--no-roles` skips the slow
// analysis; `--seed=N`; `--opts='{"threshold":0.3}'` tries cluster options (nothing is written then).
// The machine is shared: times are noisy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverStories } from '../server/pipeline/group/index.js';
import { DEFAULT_CLUSTER, type ClusterOptions } from '../server/pipeline/group/cluster.js';
import { analyseStory } from '../server/pipeline/batch/analyse.js';
import type { SegmentedDoc } from '../server/pipeline/types.js';
import { goldStory, ingestSynth as ingest, pairwisePR, synthCorpus, type SynthRecord } from '../testkit/synth.js';
import { REPO } from './paths.js';
import { segmentDoc } from '../server/pipeline/segment/index.js';
import { spunQuality, spunSet } from './group-spun.js';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SEED = Number(arg('seed') ?? 42);
const ROLES = !process.argv.includes('--no-roles');
const OPTS = arg('opts');
const opts: ClusterOptions = { ...DEFAULT_CLUSTER, ...(OPTS ? (JSON.parse(OPTS) as Partial<ClusterOptions>) : {}) };
const SOURCES = ['flores', 'tico', 'tatoeba'];
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

const group = (docs: SegmentedDoc[]) =>
  discoverStories(
    docs.map((_, i) => i),
    (i) => docs[i]!,
    opts,
  );

function quality(docs: SegmentedDoc[], groups: number[][]) {
  const urls = groups.map((g) => g.map((i) => docs[i]!.url!));
  const gold = new Map(docs.map((d) => [d.url!, goldStory(d.url!)]));
  const pr = pairwisePR(urls, gold);
  const bySource: Record<string, { precision: number; recall: number; documents: number }> = {};
  for (const src of SOURCES) {
    const g = urls.map((xs) => xs.filter((u) => u.endsWith(`/${src}`))).filter((xs) => xs.length);
    const p = pairwisePR(g, new Map([...gold].filter(([u]) => u.endsWith(`/${src}`))));
    bySource[src] = { precision: r3(p.precision), recall: r3(p.recall), documents: g.flat().length };
  }
  return { precision: r3(pr.precision), recall: r3(pr.recall), bySource, stories: groups.length };
}

const corpus = synthCorpus({ seed: SEED });
const t0 = performance.now();
const docs = ingest(corpus.records);
const ingestSeconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
const plans = group(docs);
const groupSeconds = (performance.now() - t1) / 1000;
const main = quality(
  docs,
  plans.map((p) => p.documentIds),
);

const story = (r: SynthRecord): number => Number(goldStory(r.url));
const partial = ingest(
  corpus.records.filter((r) => !(story(r) % 7 === 1 && r.lang === 'en') && !(story(r) % 7 === 2 && r.lang === 'tl')),
);
const missingVersions = quality(
  partial,
  group(partial).map((p) => p.documentIds),
);
const smallBatches = [0, 1, 2].map((k) => {
  const slice = ingest(corpus.records.slice(k * 300, (k + 1) * 300));
  const q = quality(
    slice,
    group(slice).map((p) => p.documentIds),
  );
  return { records: `${k * 300}-${(k + 1) * 300}`, precision: q.precision, recall: q.recall };
});

const spun = spunSet(SEED);
const spunDocs = spun.docs.map((d) =>
  segmentDoc({
    path: d.id,
    url: d.id,
    title: null,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: 'en',
    text: d.text,
  }),
);
const spunGroups = (o: Partial<ClusterOptions>) =>
  discoverStories(
    spunDocs.map((_, i) => i),
    (i) => spunDocs[i]!,
    { ...opts, ...o },
  ).map((p) => p.documentIds);
const t3 = performance.now();
const spunNow = spunQuality(spun.docs, spunGroups({}));
const spunCopies = {
  documents: spun.docs.length,
  spunCopies: spun.docs.filter((d) => d.family).length,
  swappedWords: spun.swap,
  now: { ...spunNow, seconds: r3((performance.now() - t3) / 1000) },
  withoutAlignment: spunQuality(spun.docs, spunGroups({ alignCandidates: 0, copyNeighbours: 3 })),
};

let roles: { accuracy: number; errors: Record<string, number>; analyseSeconds: number } | null = null;
if (ROLES) {
  const t2 = performance.now();
  let ok = 0;
  const errors: Record<string, number> = {};
  for (const p of plans) {
    const a = analyseStory({ versions: p.documentIds.map((i) => ({ documentId: i, doc: docs[i]! })), thresholds: {} });
    p.documentIds.forEach((i, k) => {
      const want = docs[i]!.url!.split('/')[4]!;
      if (a.roles[k] === want) ok++;
      else errors[`${want}->${a.roles[k]}`] = (errors[`${want}->${a.roles[k]}`] ?? 0) + 1;
    });
  }
  roles = { accuracy: r3(ok / docs.length), errors, analyseSeconds: r3((performance.now() - t2) / 1000) };
}

const result = {
  command: 'npx tsx bench/group.ts',
  note: 'grouping only, in this process, on the bench:batch corpus; the machine is shared, so times are noisy',
  options: opts,
  corpus: { seed: SEED, stories: corpus.stories, records: corpus.records.length, documents: docs.length },
  grouping: { ...main, seconds: r3(groupSeconds), ingestAndSegmentSeconds: r3(ingestSeconds) },
  missingVersions: { documents: partial.length, precision: missingVersions.precision, recall: missingVersions.recall },
  smallBatches,
  spunCopies,
  roles,
  targets: { precision: 0.95, recall: 0.95 },
};
if (SEED === 42 && ROLES && !OPTS) {
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'group.json'), JSON.stringify(result, null, 2) + '\n');
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');

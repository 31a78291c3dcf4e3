// Why a second worker adds less than a core to `tapat audit` on this machine: each worker thread starts
// with empty word tables (frequency ranks, word vectors, lexicon keys, per-sentence features; WordNet
// lemmas and synset-mates only for words outside the news vocabulary the build prebuilds,
// data/wordnet/vocabulary.txt) and fills them for whatever it analyses, so two workers each pay for much
// of the batch's vocabulary; and the two cores slow each other down. Each figure is measured in a fresh
// process (the state of a new worker), on the stories of the batch benchmark's corpus (seed 42), grouped
// as the batch groups them:
// - allStories: every story analysed in one thread;
// - halfCold: every other story in a fresh thread (what each of two workers does);
// - halfAgain: the same half again in that thread (every table warm, per-sentence ones included);
// - halfAfterMates: a fresh thread that first reads every English text's spin units (WordNet lemmas and
//   synset-mates; its time is given), then the half: what first look-ups of WordNet still cost a worker.
// Also: two copies of the halfCold process at once, against one alone (the cores' shared resources).
// Writes bench/results/batch-cold.json. Run: npm run bench:batch-cold
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverStories } from '../server/pipeline/group/index.js';
import { analyseStory } from '../server/pipeline/batch/analyse.js';
import { warmUp } from '../server/pipeline/batch/warm.js';
import { spinUnits } from '../server/pipeline/detect/spin/units.js';
import { ingestSynth, synthCorpus } from '../test/pipeline/batch/synth.js';
import { REPO } from '../test/helpers/paths.js';

type Mode = 'allStories' | 'halfCold' | 'halfAfterMates';
const secs = (t0: number): number => Math.round((performance.now() - t0) / 10) / 100;

function child(mode: Mode): Record<string, number> {
  const docs = ingestSynth(synthCorpus({ seed: 42 }).records);
  const stories = discoverStories(docs.map((_, i) => i), (i) => docs[i]!).map((p) => p.documentIds.map((i) => ({ documentId: i, doc: docs[i]! })));
  const out: Record<string, number> = { stories: stories.length };
  let t0 = performance.now();
  warmUp();
  out.warmUpSeconds = secs(t0);
  const analyse = (xs: typeof stories): number => {
    const t = performance.now();
    for (const versions of xs) analyseStory({ versions, thresholds: {} });
    return secs(t);
  };
  const half = stories.filter((_, i) => i % 2 === 1);
  if (mode === 'allStories') out.seconds = analyse(stories);
  else {
    if (mode === 'halfAfterMates') {
      t0 = performance.now();
      for (const d of docs) if (d.lang === 'en') spinUnits(d.text);
      out.fillSeconds = secs(t0);
    }
    out.seconds = analyse(half);
    if (mode === 'halfCold') out.againSeconds = analyse(half);
  }
  return out;
}

function spawnChild(mode: Mode): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const cp = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), `--child=${mode}`], { cwd: REPO });
    let out = '';
    let err = '';
    cp.stdout.on('data', (d: Buffer) => (out += d.toString()));
    cp.stderr.on('data', (d: Buffer) => (err += d.toString()));
    cp.on('error', reject);
    cp.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`child ${mode} exited ${code}: ${err}`))));
  });
}

const childMode = process.argv.find((a) => a.startsWith('--child='))?.slice(8) as Mode | undefined;
if (childMode) process.stdout.write(JSON.stringify(child(childMode)));
else {
  const all = await spawnChild('allStories');
  const cold = await spawnChild('halfCold');
  const mates = await spawnChild('halfAfterMates');
  const both = await Promise.all([spawnChild('halfCold'), spawnChild('halfCold')]);
  const result = {
    command: 'npm run bench:batch-cold',
    stories: all.stories,
    allStoriesSeconds: all.seconds,
    warmUpSeconds: all.warmUpSeconds,
    halfColdSeconds: cold.seconds,
    halfAgainSeconds: cold.againSeconds,
    halfAfterMates: { fillSeconds: mates.fillSeconds, seconds: mates.seconds },
    twoHalvesAtOnceSeconds: both.map((b) => b.seconds),
    note: 'halfCold × 2 against allStories is what a second worker costs in duplicated first look-ups; twoHalvesAtOnce against halfCold is what the two cores lose to each other',
  };
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'batch-cold.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

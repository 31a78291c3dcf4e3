// Why a second worker adds less than a core to `tapat audit` on this machine: each worker thread starts
// with empty word tables (frequency ranks, word vectors, lexicon keys, per-sentence features; WordNet
// lemmas and synset-mates only for words outside the news vocabulary the build prebuilds,
// data/prebuilt/vocabulary.txt) and fills them for whatever it analyses, so two workers each pay for much
// of the batch's vocabulary; and the two cores slow each other down. Each figure is measured in a fresh
// process (the state of a new worker), on the stories of the batch benchmark's corpus (seed 42), grouped
// as the batch groups them:
// - allStories: every story analysed in one thread;
// - halfCold: every other story in a fresh thread (what each of two workers does);
// - halfAgain: the same half again in that thread (every table warm, per-sentence ones included);
// - halfAfterMates: a fresh thread that first reads every English text's spin units (WordNet lemmas and
//   synset-mates; its time is given), then the half: what first look-ups of WordNet still cost a worker.
// Also: two copies of the halfCold process at once, against one alone (the cores' shared resources).
// And the split the pool makes with several workers (analyse.ts): readSide (roles, pivot, spin-story: every
// story's reading in a fresh thread warmed for that side), finishSide (alignments and the other detectors,
// given the readings, in a fresh thread warmed for that side), and both at once, as two workers run them.
// Writes bench/results/batch-cold.json. Run: npm run bench:batch-cold
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverStories } from '../server/pipeline/group/index.js';
import { analyseStory, finishStory, readStory, type StoryReading } from '../server/pipeline/batch/analyse.js';
import { warmUp } from '../server/pipeline/batch/warm.js';
import { spinUnits } from '../server/pipeline/detect/spin/units.js';
import { ingestSynth, synthCorpus } from '../testkit/synth.js';
import { REPO } from './paths.js';

type Mode = 'allStories' | 'halfCold' | 'halfAfterMates' | 'readSide' | 'finishSide';
const secs = (t0: number): number => Math.round((performance.now() - t0) / 10) / 100;

function benchStories() {
  const docs = ingestSynth(synthCorpus({ seed: 42 }).records);
  const stories = discoverStories(
    docs.map((_, i) => i),
    (i) => docs[i]!,
  ).map((p) => p.documentIds.map((i) => ({ documentId: i, doc: docs[i]! })));
  return { docs, stories };
}
const READINGS = join(tmpdir(), `tapat-bench-cold-readings-${process.ppid}-${process.pid}.json`);

function sideChild(mode: 'readSide' | 'finishSide', readingsFile: string): Record<string, number> {
  const { stories } = benchStories();
  const readings = mode === 'finishSide' ? (JSON.parse(readFileSync(readingsFile, 'utf8')) as StoryReading[]) : [];
  let t0 = performance.now();
  warmUp(mode === 'readSide' ? 'read' : 'finish');
  const out: Record<string, number> = { stories: stories.length, warmUpSeconds: secs(t0) };
  t0 = performance.now();
  stories.forEach((versions, i) =>
    mode === 'readSide'
      ? readStory({ versions, thresholds: {} })
      : finishStory({ versions, thresholds: {} }, readings[i]!),
  );
  out.seconds = secs(t0);
  return out;
}

function child(mode: Mode, readingsFile: string): Record<string, number> {
  if (mode === 'readSide' || mode === 'finishSide') return sideChild(mode, readingsFile);
  const { docs, stories } = benchStories();
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
    const cp = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), `--child=${mode}`, `--readings=${READINGS}`],
      { cwd: REPO },
    );
    let out = '';
    let err = '';
    cp.stdout.on('data', (d: Buffer) => (out += d.toString()));
    cp.stderr.on('data', (d: Buffer) => (err += d.toString()));
    cp.on('error', reject);
    cp.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Record<string, number>)
        : reject(new Error(`child ${mode} exited ${code}: ${err}`)),
    );
  });
}

const childMode = process.argv.find((a) => a.startsWith('--child='))?.slice(8) as Mode | undefined;
if (childMode)
  process.stdout.write(
    JSON.stringify(child(childMode, process.argv.find((a) => a.startsWith('--readings='))?.slice(11) ?? '')),
  );
else {
  const all = await spawnChild('allStories');
  const cold = await spawnChild('halfCold');
  const mates = await spawnChild('halfAfterMates');
  const both = await Promise.all([spawnChild('halfCold'), spawnChild('halfCold')]);
  // the readings finishSide starts from, worked out here (not in the timed thread)
  writeFileSync(
    READINGS,
    JSON.stringify(benchStories().stories.map((versions) => readStory({ versions, thresholds: {} }))),
  );
  const readSide = await spawnChild('readSide');
  const finishSide = await spawnChild('finishSide');
  const sidesAtOnce = await Promise.all([spawnChild('readSide'), spawnChild('finishSide')]);
  rmSync(READINGS, { force: true });
  const result = {
    command: 'npm run bench:batch-cold',
    stories: all.stories,
    allStoriesSeconds: all.seconds,
    warmUpSeconds: all.warmUpSeconds,
    halfColdSeconds: cold.seconds,
    halfAgainSeconds: cold.againSeconds,
    halfAfterMates: { fillSeconds: mates.fillSeconds, seconds: mates.seconds },
    twoHalvesAtOnceSeconds: both.map((b) => b.seconds),
    split: {
      readSideSeconds: readSide.seconds,
      finishSideSeconds: finishSide.seconds,
      warmUpSeconds: { read: readSide.warmUpSeconds, finish: finishSide.warmUpSeconds },
      bothSidesAtOnceSeconds: sidesAtOnce.map((b) => b.seconds),
    },
    note: 'halfCold × 2 against allStories is what a second worker costs in duplicated first look-ups; twoHalvesAtOnce against halfCold is what the two cores lose to each other; split.bothSidesAtOnce (the slower of the two) is what two workers take when each story is read on one and finished on the other, against twoHalvesAtOnce',
  };
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'batch-cold.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

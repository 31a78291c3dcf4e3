// Spinner-zoo benchmark: `npm run bench:spin-zoo` → bench/results/spin-zoo.json.
// Each family of testkit/spin-zoo/ spins the clean English news of FLORES-200 dev and TICO-19 dev (by
// document) and the three clean English seeds; every other text also gets 1–3 meaning edits. Both modes of
// the CURRENT spin detectors are scored per family, then on the real pairs of testkit/spin-real/ (real
// spinner output beside its original), the reporting part apart from the tuning part.
// The thesaurus families need Debian's mythes-en-us and libaiksaurus-1.2-data: bench/spin-zoo/setup.sh.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishDocs } from './parallel-docs.js';
import { detectSpin, restore } from '../server/pipeline/detect/spin/index.js';
import { REPO, seed } from './paths.js';
import { rng } from '../testkit/spinner.js';
import { FAMILIES, spinWith, thesauriInstalled, type ZooSpun } from '../testkit/spin-zoo/index.js';
import { addMeaning } from '../testkit/spin-zoo/inject.js';
import { Tally } from './spin-zoo/evaluate.js';
import { round } from '../testkit/spin-zoo/score.js';
import { asSpun, readPairs } from '../testkit/spin-real/pairs.js';

if (!thesauriInstalled()) {
  console.error(
    'bench:spin-zoo: the thesauri are missing; run bench/spin-zoo/setup.sh (installs mythes-en-us and libaiksaurus-1.2-data)',
  );
  process.exit(2);
}

const seedText = (p: string) => readFileSync(seed(p), 'utf8').replace(/^\uFEFF/, '');
const corpus = [
  ...englishDocs('flores200-dev'),
  ...englishDocs('tico19-dev'),
  ...['001', '002', '004'].map((p) => ({ id: `seed:${p}`, text: seedText(p) })),
];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const t0 = performance.now();
// clean news: the originals themselves, unspun
let cleanWords = 0;
let cleanFlags = 0;
const cleanByDetector: Record<string, number> = {};
for (const d of corpus) {
  const f = detectSpin(d.text);
  cleanFlags += f.length;
  cleanWords += [...d.text.matchAll(/[\p{L}\p{N}]+/gu)].length;
  for (const x of f) cleanByDetector[x.detector] = (cleanByDetector[x.detector] ?? 0) + 1;
}

const families: Record<string, unknown> = {};
for (const fam of FAMILIES) {
  if (only.length && !only.includes(fam.id)) continue;
  const r = rng(17);
  const tally = new Tally();
  const examples: string[] = [];
  for (const [k, d] of corpus.entries()) {
    const rate = 0.15 + 0.2 * r();
    const meaningEdits = k % 2 === 0 ? 1 + Math.floor(r() * 3) : 0;
    const s = spinWith(fam, d.text, 5000 + k, { rate, meaningEdits });
    tally.add(s);
    if (examples.length < 6) examples.push(...s.edits.slice(0, 2).map((e) => `${e.original} → ${e.text} (${e.by})`));
  }
  families[fam.id] = { describes: fam.describes, examples, ...tally.result() };
  console.error(`${fam.id}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// real pairs; seed 003 (real spinner output, its original rebuilt from the hand labels) is tuning material
const labels = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'spin', '003.json'), 'utf8')) as {
  spans: { start: number; end: number; text: string; original: string }[];
};
const t003 = seedText('003');
const seed003: ZooSpun = {
  family: 'real:seed003',
  text: t003,
  original: restore(
    t003,
    labels.spans.map((x) => ({ ...x, suggestion: x.original })),
  ),
  edits: labels.spans.map((x) => ({
    start: x.start,
    end: x.end,
    text: x.text,
    original: x.original,
    kind: 'spin' as const,
    by: 'real',
  })),
};
const pairs = readPairs();
const real: Record<string, unknown> = {};
for (const split of ['tuning', 'reporting'] as const) {
  const set = [...pairs.filter((p) => p.split === split).map(asSpun), ...(split === 'tuning' ? [seed003] : [])];
  const plain = new Tally();
  for (const s of set) plain.add(s);
  // the same real outputs with meaning edits added on words the spinner left alone
  const withMeaning = new Tally();
  set.forEach((s, k) => withMeaning.add(addMeaning(s, rng(900 + k), 3)));
  const res = plain.result() as { withOriginal: Record<string, unknown> };
  const wm = withMeaning.result() as {
    withOriginal: { meaningLabelledMeaning: unknown; meaningBy: unknown; misses: string[] };
  };
  real[split] = {
    pairs: set.map((s) => s.family.replace(/^real:/, '')),
    ...res,
    withOriginal: {
      ...res.withOriginal,
      injectedMeaning: {
        meaningLabelledMeaning: wm.withOriginal.meaningLabelledMeaning,
        meaningBy: wm.withOriginal.meaningBy,
        misses: wm.withOriginal.misses.filter((x) => x.startsWith('meaning')),
      },
    },
  };
}

const result = {
  what: 'the CURRENT spin detectors on the spinner zoo (testkit/spin-zoo/, seeded) and on real spinner output (testkit/spin-real/)',
  corpus: {
    texts: corpus.length,
    from: 'FLORES-200 dev en and TICO-19 dev en by document (../shared/data/parallel), seeds 001/002/004',
  },
  spinRate:
    '0.15–0.35 of eligible words tried per text; every other text also gets 1–3 meaning edits (number, number word, date, name, negation, polarity, quantity) on words the spinner left alone',
  scoring:
    "withoutOriginal: span = one-to-one character-overlap match of findings to the spinner's gold edits; words = word tokens covered by a finding vs by a gold spin edit (words inside meaning edits left out). withOriginal: a gold meaning edit counts as labelled meaning when a finding overlapping it says meaning; a gold spinner change counts as labelled spin when findings overlap it and none says meaning (no finding = not labelled); an empty span (a deletion) covers two characters on each side; exactRestoration = restore(spun, findings) gives back the original exactly",
  targets: { withoutOriginalF1: 0.8, cleanFlagsPer1000Words: 1, spinLabelledSpin: 0.95, meaningLabelledMeaning: 0.95 },
  cleanNews: {
    words: cleanWords,
    flags: cleanFlags,
    per1000: round((cleanFlags * 1000) / cleanWords),
    byDetector: cleanByDetector,
  },
  families,
  real,
  seconds: round((performance.now() - t0) / 1000),
};
if (!only.length) {
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'spin-zoo.json'), `${JSON.stringify(result, null, 2)}\n`);
}
console.log(JSON.stringify(result, null, 2));

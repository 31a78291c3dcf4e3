// Spin WITHOUT the original, on the spinner zoo and the real pairs, tuning part apart from reporting part:
// `npm run bench:spin-free` (or `npx tsx bench/spin-free.ts`) → bench/results/spin-free.json (both parts;
// `--tuning` scores only the tuning part and writes nothing, for quick runs while tuning).
// Reporting part: the protocol of bench/spin-zoo.ts (FLORES-200 dev + TICO-19 dev English by document and the
// clean seeds 001/002/004, each spun by every zoo family, rate 0.15–0.35, every other text with 1–3 meaning
// edits; same seeds), so its figures compare with bench/results/spin-zoo.json's, and the real pairs marked
// 'reporting'. Tuning part: the extraction benchmark's English article bodies (news) and Tatoeba + UD English
// pseudo-documents (bench/tuning-set.ts), spun the same way
// with other seeds, the real pairs marked 'tuning' and seed 003. Clean text: the unspun texts of each part,
// whole and in three-sentence pieces. Scoring: bench/spin-zoo/evaluate.ts (one-to-one span overlap).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectSpin, restore } from '../server/pipeline/detect/spin/index.js';
import { tokenize } from '../server/pipeline/detect/spin/tokens.js';
import { SHARED, REPO, seed } from './paths.js';
import { rng } from '../testkit/spinner.js';
import { FAMILIES, spinWith, thesauriInstalled, type ZooSpun } from '../testkit/spin-zoo/index.js';
import { Tally } from './spin-zoo/evaluate.js';
import { round } from '../testkit/spin-zoo/score.js';
import { asSpun, readPairs } from '../testkit/spin-real/pairs.js';
import { tuningNews, tuningTexts } from './tuning-set.js';

if (!thesauriInstalled()) {
  console.error('bench/spin-free.ts: the thesauri are missing; run bench/spin-zoo/setup.sh');
  process.exit(2);
}
const onlyTuning = process.argv.includes('--tuning');
const limit = Number(process.env.SPIN_FREE_DOCS ?? Infinity);
const words = (t: string): number => tokenize(t).filter((x) => x.word).length;
const seedText = (p: string): string => readFileSync(seed(p), 'utf8').replace(/^\uFEFF/, '');

function benchDocs(name: string): string[] {
  const dir = join(SHARED, 'data', 'parallel');
  const lines = readFileSync(join(dir, `${name}.en`), 'utf8').split('\n');
  const ids = readFileSync(join(dir, `${name}.docid`), 'utf8').split('\n');
  const by = new Map<string, string[]>();
  lines.forEach((l, i) => {
    if (l.trim()) by.set(ids[i] as string, [...(by.get(ids[i] as string) ?? []), l.trim()]);
  });
  return [...by.values()].map((ls) => ls.join(' '));
}

function seed003(): ZooSpun {
  const labels = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'spin', '003.json'), 'utf8')) as {
    spans: { start: number; end: number; text: string; original: string }[];
  };
  const t = seedText('003');
  return {
    family: 'real:seed003',
    text: t,
    original: restore(
      t,
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
}

type NoOrig = { span: unknown; words: unknown; byDetector: unknown };
const noOriginal = (t: Tally): NoOrig => (t.result() as { withoutOriginal: NoOrig }).withoutOriginal;

function clean(texts: string[]): Record<string, unknown> {
  let flags = 0;
  let n = 0;
  let shortFlags = 0;
  let shortWords = 0;
  const byDetector: Record<string, number> = {};
  const flagged: string[] = [];
  for (const d of texts) {
    const f = detectSpin(d);
    flags += f.length;
    n += words(d);
    for (const x of f) {
      byDetector[x.detector] = (byDetector[x.detector] ?? 0) + 1;
      if (flagged.length < 30) flagged.push(`${x.text} → ${x.suggestion ?? ''} (${x.detector})`);
    }
    // three-sentence pieces (a scraped teaser's length), where a document gate has less to go on
    const sentences = d.match(/[^.!?]+[.!?]+(?:\s+|$)/g) ?? [d];
    for (let k = 0; k < sentences.length; k += 3) {
      const piece = sentences
        .slice(k, k + 3)
        .join('')
        .trim();
      shortFlags += detectSpin(piece).length;
      shortWords += words(piece);
    }
  }
  return {
    words: n,
    flags,
    per1000: round((flags * 1000) / Math.max(1, n)),
    byDetector,
    flagged,
    threeSentencePieces: {
      words: shortWords,
      flags: shortFlags,
      per1000: round((shortFlags * 1000) / Math.max(1, shortWords)),
    },
  };
}

function part(
  name: 'tuning' | 'reporting',
  texts: string[],
  seedBase: number,
  extraReal: ZooSpun[],
): Record<string, unknown> {
  const t0 = performance.now();
  const families: Record<string, NoOrig> = {};
  for (const fam of FAMILIES) {
    const r = rng(17);
    const tally = new Tally();
    texts.forEach((d, k) => {
      const rate = 0.15 + 0.2 * r();
      const meaningEdits = k % 2 === 0 ? 1 + Math.floor(r() * 3) : 0;
      tally.add(spinWith(fam, d, seedBase + k, { rate, meaningEdits }));
    });
    families[fam.id] = noOriginal(tally);
    console.error(`${name} ${fam.id}: ${JSON.stringify((families[fam.id] as { span: unknown }).span)}`);
  }
  const set = [
    ...readPairs()
      .filter((p) => p.split === name)
      .map(asSpun),
    ...extraReal,
  ];
  const real = new Tally();
  const byPair: Record<string, unknown> = {};
  for (const s of set) {
    real.add(s);
    const one = new Tally();
    one.add(s);
    byPair[s.family.replace(/^real:/, '')] = (noOriginal(one) as { span: unknown }).span;
  }
  return {
    texts: texts.length,
    families,
    realPairs: { pairs: set.length, ...noOriginal(real), byPair },
    clean: clean(texts),
    seconds: round((performance.now() - t0) / 1000),
  };
}

const tuningPart = part('tuning', [...tuningNews(), ...tuningTexts().map((t) => t.text)].slice(0, limit), 70_000, [
  seed003(),
]);
console.error(JSON.stringify({ realPairs: (tuningPart.realPairs as { span: unknown }).span, clean: tuningPart.clean }));
if (!onlyTuning) {
  const reportingTexts = [
    ...benchDocs('flores200-dev'),
    ...benchDocs('tico19-dev'),
    ...['001', '002', '004'].map(seedText),
  ].slice(0, limit);
  const result = {
    what: 'spin WITHOUT the original: span P/R/F1 of the current detectors per zoo family and on real spinner output, tuning and reporting parts apart, and flags on the clean texts',
    protocol:
      "bench/spin-zoo.ts's for the reporting part (same texts, rates, meaning edits and seeds: comparable with bench/results/spin-zoo.json); the tuning part spins bench/tuning-set.ts texts with seeds from 70,000",
    targets: { f1EachFamilyAndReal: 0.8, cleanFlagsPer1000Words: 1 },
    reporting: part('reporting', reportingTexts, 5000, []),
    tuning: tuningPart,
  };
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'spin-free.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

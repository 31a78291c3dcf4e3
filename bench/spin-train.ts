// Trains the spin-context model (server/pipeline/detect/spin/model.ts) and writes data/spin/spin-model.json.
// Training text is NOT the benchmark's: the tuning set of bench/tuning-set.ts (Tatoeba + UD English, grouped into
// ~150-word pseudo-documents), each spun three times by the test spinner with seeds of its own, and those with
// the extraction benchmark's English news bodies spun once by each of the zoo's word-swapping families (wordnet,
// mythes, aiksaurus; seeds from 90,000), plus the same documents clean (negatives, so the document-level weight
// learns what clean prose looks like). Needs the thesauri (bench/spin-zoo/setup.sh).
// Prints a cross-check (train on one source, score the other). `npx tsx bench/spin-train.ts [--dry]`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURES, unitFeatures, type Scored } from '../server/pipeline/detect/spin/features.js';
import { docInputs, docProbabilities, type SpinModel } from '../server/pipeline/detect/spin/model.js';
import { spinUnits } from '../server/pipeline/detect/spin/units.js';
import { REPO } from './paths.js';
import { rng, spinText } from '../testkit/spinner.js';
import { familyById, spinWith, thesauriInstalled } from '../testkit/spin-zoo/index.js';
import { tuningNews, tuningTexts } from './tuning-set.js';

interface Doc {
  source: string;
  rows: Scored[];
  y: number[];
}

/** The units of a text with their gold: 1 where a spinner's change covers the unit. */
function labelled(source: string, text: string, edits: readonly { start: number; end: number }[]): Doc {
  const { units, toks } = spinUnits(text);
  const rows = unitFeatures(units, toks);
  return {
    source,
    rows,
    y: rows.map((s) => (edits.some((e) => e.start < s.unit.end && s.unit.start < e.end) ? 1 : 0)),
  };
}

// The zoo's word-swapping families besides the test spinner: thesaurus spinners swap common words for common
// words, which a model trained on WordNet swaps alone scored as clean (the tuning part's mythes and aiksaurus
// texts). Seeds from 90,000: bench/spin-free.ts's tuning part spins the same texts from 70,000.
const ZOO = ['wordnet', 'thesaurus-mythes', 'thesaurus-aiksaurus'];

function build(): Doc[] {
  const r = rng(91);
  const docs: Doc[] = [];
  const seen = new Map<string, number>();
  for (const { source, text } of tuningTexts()) {
    const d = seen.get(source) ?? 0; // seeds numbered per source, as before
    seen.set(source, d + 1);
    for (let k = 0; k < 3; k++) {
      const sp = spinText(text, 70_000 + d * 7 + k, { rate: 0.15 + 0.15 * r(), meaningEdits: 0 });
      docs.push(labelled(source, sp.text, sp.edits));
    }
    for (let k = 0; k < 3; k++) docs.push(labelled(source, text, []));
  }
  const texts = [
    ...tuningNews().map((text) => ({ source: 'news', text })),
    ...tuningTexts().map((t) => ({ source: t.source, text: t.text })),
  ];
  texts.forEach(({ source, text }, k) => {
    for (const fam of ZOO) {
      const sp = spinWith(familyById(fam), text, 90_000 + k, { rate: 0.15 + 0.2 * r(), meaningEdits: 0 });
      docs.push(labelled(source, sp.text, sp.edits));
      docs.push(labelled(source, text, []));
    }
  });
  return docs;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Plain batch gradient descent with a small L2 penalty: few features, enough rows; deterministic. */
function logistic(X: number[][], y: number[], iters = 1500, lr = 0.5, l2 = 1e-3): number[] {
  const d = (X[0]?.length ?? 0) + 1;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iters; it++) {
    const g = new Array<number>(d).fill(0);
    X.forEach((x, i) => {
      let z = w[0] as number;
      x.forEach((v, j) => (z += (w[j + 1] as number) * v));
      const e = sigmoid(z) - (y[i] as number);
      g[0] = (g[0] as number) + e;
      x.forEach((v, j) => (g[j + 1] = (g[j + 1] as number) + e * v));
    });
    for (let j = 0; j < d; j++)
      w[j] = (w[j] as number) - lr * ((g[j] as number) / X.length + (j > 0 ? l2 * (w[j] as number) : 0));
  }
  return w;
}

function train(docs: Doc[], trainedOn: string): SpinModel {
  const rows = docs.flatMap((d) => d.rows.map((s) => s.x));
  const y = docs.flatMap((d) => d.y);
  const mean = FEATURES.map((_, j) => rows.reduce((a, x) => a + (x[j] as number), 0) / rows.length);
  const std = FEATURES.map(
    (_, j) => Math.sqrt(rows.reduce((a, x) => a + ((x[j] as number) - (mean[j] as number)) ** 2, 0) / rows.length) || 1,
  );
  const Z = rows.map((x) => x.map((v, j) => (v - (mean[j] as number)) / (std[j] as number)));
  const unit = logistic(Z, y);
  const partial: SpinModel = { features: [...FEATURES], mean, std, unit, doc: [0, 1, 0, 0], trainedOn };
  const X2 = docs.flatMap((d) => docInputs(partial, d.rows).map(({ logit: l, mean: m }) => [l, m, l * m]));
  const doc = logistic(X2, y, 3000, 0.3);
  return { ...partial, doc };
}

function evaluate(m: SpinModel, docs: Doc[], threshold: number): string {
  let tp = 0;
  let np = 0;
  let ng = 0;
  let cleanFlags = 0;
  let cleanUnits = 0;
  for (const d of docs) {
    const p = docProbabilities(m, d.rows);
    const spun = d.y.some((v) => v === 1);
    p.forEach((v, i) => {
      if (v >= threshold) {
        np++;
        if (d.y[i] === 1) tp++;
        if (!spun) cleanFlags++;
      }
    });
    ng += d.y.filter((v) => v === 1).length;
    if (!spun) cleanUnits += d.rows.length;
  }
  const P = tp / Math.max(1, np);
  const R = tp / Math.max(1, ng);
  return `t=${threshold} P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${((2 * P * R) / Math.max(1e-9, P + R)).toFixed(3)} clean flags/unit ${(cleanFlags / Math.max(1, cleanUnits)).toFixed(4)}`;
}

if (!thesauriInstalled()) {
  console.error('bench/spin-train.ts: the thesauri are missing; run bench/spin-zoo/setup.sh');
  process.exit(2);
}
const docs = build();
for (const [a, b] of [
  ['tatoeba', 'ud'],
  ['ud', 'tatoeba'],
] as const) {
  const m = train(
    docs.filter((d) => d.source === a),
    a,
  );
  for (const t of [0.3, 0.4, 0.5, 0.6])
    console.log(
      `train ${a} → test ${b}:`,
      evaluate(
        m,
        docs.filter((d) => d.source === b),
        t,
      ),
    );
}
const model = train(
  docs,
  'Tatoeba test English + UD English (../shared), spun 3× each by testkit/spinner.ts (seeds 70000+), and with the extraction benchmark English news bodies spun once by each of the zoo families wordnet, thesaurus-mythes, thesaurus-aiksaurus (seeds 90000+), plus the clean documents',
);
for (const t of [0.3, 0.4, 0.5, 0.6]) console.log('all (training fit):', evaluate(model, docs, t));
console.log(
  'weights',
  FEATURES.map((f, i) => `${f} ${(model.unit[i + 1] as number).toFixed(2)}`).join(', '),
  'doc',
  model.doc.map((x) => x.toFixed(2)).join(' '),
);
if (!process.argv.includes('--dry')) {
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  const out = {
    ...model,
    mean: model.mean.map(round),
    std: model.std.map(round),
    unit: model.unit.map(round),
    doc: model.doc.map(round),
  };
  writeFileSync(join(REPO, 'data', 'spin', 'spin-model.json'), JSON.stringify(out, null, 1) + '\n');
  console.log('wrote data/spin/spin-model.json');
}

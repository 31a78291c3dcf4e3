// Segmentation quality on real sentences from the shared dev sets (FLORES-200 dev, TICO-19 dev, Tatoeba
// test; one sentence per line, tl and en):
//  - language id accuracy per set and language (detectLang; "undecided" counts as the document language,
//    so it is scored both ways);
//  - boilerplate marks (every line should be a real sentence, except one Wikivoyage "See also:" line in
//    TICO-19, which is navigation);
//  - sentence boundaries: each FLORES document's lines are joined into one paragraph and segmented; a
//    boundary is correct when it falls at a line break. Some FLORES lines hold two sentences, so precision
//    is a lower bound.
// Writes bench/results/segment-quality.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLang } from '../server/lang/langid.js';
import { boilerplateReason } from '../server/pipeline/segment/boilerplate.js';
import { segmentText } from '../server/pipeline/segment/index.js';
import { REPO, SHARED } from './paths.js';

const lines = (name: string): string[] =>
  readFileSync(join(SHARED, 'data/parallel', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim());

const langs: Record<string, unknown> = {};
const falsePositives: { set: string; text: string; reason: string }[] = [];
for (const set of ['flores200-dev', 'tico19-dev', 'tatoeba-test']) {
  for (const lang of ['tl', 'en'] as const) {
    const xs = lines(`${set}.${lang}`);
    let right = 0;
    let undecided = 0;
    const wrong: string[] = [];
    for (const x of xs) {
      const got = detectLang(x);
      if (got === lang) right++;
      else if (got === null) undecided++;
      else if (wrong.length < 5) wrong.push(`${got}: ${x}`);
      const reason = boilerplateReason(x, { wholeParagraph: true });
      if (reason) falsePositives.push({ set: `${set}.${lang}`, text: x, reason });
    }
    langs[`${set}.${lang}`] = {
      n: xs.length,
      accuracyDecided: +(right / Math.max(1, xs.length - undecided)).toFixed(4),
      accuracyUndecidedAsWrong: +(right / xs.length).toFixed(4),
      undecided,
      wrongExamples: wrong,
    };
  }
}

const boundaries: Record<string, unknown> = {};
for (const lang of ['tl', 'en'] as const) {
  const xs = lines(`flores200-dev.${lang}`);
  const ids = lines('flores200-dev.docid');
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const missed: string[] = [];
  for (let i = 0; i < xs.length;) {
    let j = i;
    while (j < xs.length && ids[j] === ids[i]) j++;
    const doc = xs.slice(i, j).map((x) => x.trim());
    const text = doc.join(' ');
    const goldCuts = new Set<number>();
    let pos = 0;
    for (const d of doc.slice(0, -1)) goldCuts.add((pos += d.length + 1));
    const segs = segmentText(text);
    const cuts = segs.slice(1).map((s) => s.start);
    predicted += cuts.length;
    gold += goldCuts.size;
    for (const c of cuts) if (goldCuts.has(c)) tp++;
    for (const g of goldCuts)
      if (!cuts.includes(g) && missed.length < 8) missed.push(text.slice(Math.max(0, g - 40), g + 30));
    i = j;
  }
  boundaries[`flores200-dev.${lang}`] = {
    gold,
    predicted,
    precision: +(tp / predicted).toFixed(4),
    recall: +(tp / gold).toFixed(4),
    missedExamples: missed,
  };
}

const result = {
  languageId: langs,
  boilerplateMarked: { count: falsePositives.length, examples: falsePositives.slice(0, 10) },
  boundaries,
};
mkdirSync(join(REPO, 'bench/results'), { recursive: true });
writeFileSync(join(REPO, 'bench/results/segment-quality.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));

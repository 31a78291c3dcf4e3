// Tuning set for the without-original spin thresholds — NOT the bench corpus: Tatoeba English and the UD
// English sentences (../shared), grouped into ~150-word pseudo-documents and spun by the bench spinner with
// seeds of their own. Prints span P/R/F1 on the spun copies and flags per 1,000 words on the clean ones for
// the default thresholds, or for overrides per detector given as JSON:
// `npx tsx bench/spin-tune.ts '{"spin-context":{"gateMean":0.1}}'`. Writes nothing.
import { detectSpin } from '../server/pipeline/detect/spin/index.js';
import { tokenize } from '../server/pipeline/detect/spin/tokens.js';
import { rng, spinText, type Spun } from '../testkit/spinner.js';
import { tuningTexts } from './tuning-set.js';

const texts = tuningTexts().map((t) => t.text);
const r = rng(77);
const set: { clean: string; spun: Spun; words: number }[] = texts.map((t, d) => ({
  clean: t,
  spun: spinText(t, 5000 + d, { rate: 0.15 + 0.15 * r(), meaningEdits: 0 }),
  words: tokenize(t).filter((x) => x.word).length,
}));

function score(th: Record<string, Record<string, number>>): string {
  let tp = 0;
  let np = 0;
  let ng = 0;
  let cf = 0;
  let cw = 0;
  for (const x of set) {
    const f = detectSpin(x.spun.text, { thresholds: th }).filter(
      (p) => p.confidence >= (th[p.detector]?.minConfidence ?? 0),
    );
    np += f.length;
    ng += x.spun.edits.length;
    tp += f.filter((p) => x.spun.edits.some((e) => e.start < p.end && p.start < e.end)).length;
    cf += detectSpin(x.clean, { thresholds: th }).filter(
      (p) => p.confidence >= (th[p.detector]?.minConfidence ?? 0),
    ).length;
    cw += x.words;
  }
  const p = tp / Math.max(1, np);
  const rc = tp / Math.max(1, ng);
  const f1 = (2 * p * rc) / Math.max(1e-9, p + rc);
  return `P ${p.toFixed(3)} R ${rc.toFixed(3)} F1 ${f1.toFixed(3)} clean/1k ${((cf * 1000) / cw).toFixed(2)}`;
}

const th = process.argv[2] ? (JSON.parse(process.argv[2]) as Record<string, Record<string, number>>) : {};
console.log(JSON.stringify(th), score(th));

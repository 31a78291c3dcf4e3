import { unitFeatures } from './features.js';
import { matchCase, type SpinFinding } from './finding.js';
import { docProbabilities, spinModel } from './model.js';
import { spinUnits } from './units.js';

// spin-context: every content unit scored by the trained model (model.ts) on the channel evidence of
// features.ts; a unit is flagged when its probability clears `minProbability`. Whether the text is spun at
// all is the document gate's question (index.ts): `mean` is the model's answer to it.

// A short text's mean is pulled toward clean news's (CLEAN_MEAN: the median over the extraction
// benchmark's English article bodies) by SHRINK pseudo-units. Chosen on the tuning part of
// bench/spin-free.ts with the lower gates of index.ts: at 10 pseudo-units toward 0.08, clean three-sentence
// pieces got 5.3 flags per 1,000 words once the gate was lowered to 0.10; at 80 toward 0.055, 0.25, while a
// 400-word article (about 150 units) keeps two thirds of its own mean.
const SHRINK = 80;
const CLEAN_MEAN = 0.055;

export interface ContextThresholds {
  minProbability: number;
  /** mean unit probability from which a text counts as spun when another detector agrees */
  gateMean: number;
  /** ... and on the model's word alone: jargon-dense clean prose (medicine, law) can look spun to it */
  gateAlone: number;
}

export function contextFindings(text: string, th: ContextThresholds): { findings: SpinFinding[]; mean: number } {
  const { units, toks } = spinUnits(text);
  const scored = unitFeatures(units, toks);
  if (scored.length === 0) return { findings: [], mean: 0 };
  const p = docProbabilities(spinModel(), scored);
  // a short text's mean is noisy (two odd words in a 40-word text): it is pulled toward what clean prose
  // shows, by as many pseudo-units as SHRINK says
  const mean = (p.reduce((a, b) => a + b, 0) + SHRINK * CLEAN_MEAN) / (p.length + SHRINK);
  const out: SpinFinding[] = [];
  scored.forEach((s, i) => {
    const prob = p[i] as number;
    if (prob < th.minProbability) return;
    const span = text.slice(s.unit.start, s.unit.end);
    out.push({
      start: s.unit.start,
      end: s.unit.end,
      text: span,
      kind: 'spin',
      suggestion: matchCase(span, s.suggestion),
      confidence: Math.round(prob * 1000) / 1000,
      detector: 'spin-context',
    });
  });
  return { findings: out, mean };
}

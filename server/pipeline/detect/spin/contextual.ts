import { unitFeatures } from './features.js';
import { matchCase, type SpinFinding } from './finding.js';
import { docProbabilities, spinModel } from './model.js';
import { spinUnits } from './units.js';

// spin-context: every content unit scored by the trained model (model.ts) on the channel evidence of
// features.ts; a unit is flagged when its probability clears `minProbability`. Whether the text is spun at
// all is the document gate's question (index.ts): `mean` is the model's answer to it.

// chosen on the tuning set's 6-line Tatoeba chunks (bench/spin-tune.ts texts): clean short texts went from
// 2.1 to 0.8 flags per 1,000 words
const SHRINK = 10;
const CLEAN_MEAN = 0.08;

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
    out.push({ start: s.unit.start, end: s.unit.end, text: span, kind: 'spin', suggestion: matchCase(span, s.suggestion), confidence: Math.round(prob * 1000) / 1000, detector: 'spin-context' });
  });
  return { findings: out, mean };
}

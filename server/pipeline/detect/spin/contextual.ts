import { unitFeatures } from './features.js';
import { matchCase, type SpinFinding } from './finding.js';
import { docProbabilities, spinModel } from './model.js';
import { spinUnits } from './units.js';

// spin-context: every content unit scored by the trained model (model.ts) on the channel evidence of
// features.ts; a unit is flagged when its probability clears `minProbability`. Whether the text is spun at
// all is the document gate's question (index.ts): `mean` is the model's answer to it.

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
  const mean = p.reduce((a, b) => a + b, 0) / p.length;
  const out: SpinFinding[] = [];
  scored.forEach((s, i) => {
    const prob = p[i] as number;
    if (prob < th.minProbability) return;
    const span = text.slice(s.unit.start, s.unit.end);
    out.push({ start: s.unit.start, end: s.unit.end, text: span, kind: 'spin', suggestion: matchCase(span, s.suggestion), confidence: Math.round(prob * 1000) / 1000, detector: 'spin-context' });
  });
  return { findings: out, mean };
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { FEATURES, type Scored } from './features.js';
import { resource, use } from '../../../core/resources.js';

// The weights that turn features.ts's evidence into a probability that a unit is spun: a logistic model per
// unit, then a second one that adds how spun the rest of the document looks (a spinner touches a fifth of a
// text's words; clean prose has the odd rare synonym but not dozens). Trained by bench/spin-train.ts on
// Tatoeba and UD English spun by the test spinner — never on the benchmark documents.

// built with the model, zod too (its CommonJS build, loaded when the model is: see config.ts): `tapat check`
// registers the spin detectors and never reads it
const modelSchema = () => {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  return z
    .object({
      features: z.array(z.string()),
      mean: z.array(z.number()),
      std: z.array(z.number()),
      unit: z.array(z.number()), // bias first, then one weight per feature
      doc: z.array(z.number()).length(4), // bias, unit logit, document mean probability, their product
      trainedOn: z.string(),
    })
    .strict();
};
export type SpinModel = z.infer<ReturnType<typeof modelSchema>>;

const MODEL = resource('spin model (spin-model.json)', (res): SpinModel => {
  const m = modelSchema().parse(JSON.parse(readFileSync(res.dataPath('spin', 'spin-model.json'), 'utf8')));
  if (m.features.join() !== FEATURES.join() || m.unit.length !== FEATURES.length + 1) {
    throw new Error('data/spin/spin-model.json was trained for other features: retrain with bench/spin-train.ts');
  }
  return m;
});
export const spinModel = (): SpinModel => use(MODEL);

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function unitLogit(m: SpinModel, x: number[]): number {
  let z = m.unit[0] as number;
  x.forEach((v, i) => (z += (m.unit[i + 1] as number) * ((v - (m.mean[i] as number)) / (m.std[i] as number))));
  return z;
}

/** The document stage's inputs per unit: its own logit and the mean probability of the document's other
 * units (without the unit itself, so one odd word does not vouch for itself). Training uses the same. */
export function docInputs(m: SpinModel, scored: Scored[]): { logit: number; mean: number }[] {
  const logits = scored.map((s) => unitLogit(m, s.x));
  const probs = logits.map(sigmoid);
  const sum = probs.reduce((a, b) => a + b, 0);
  return logits.map((logit, i) => ({
    logit,
    mean: scored.length > 1 ? (sum - (probs[i] as number)) / (scored.length - 1) : 0,
  }));
}

/** Probability each unit is spun, given the unit's evidence and the rest of the document's. */
export function docProbabilities(m: SpinModel, scored: Scored[]): number[] {
  const [b0, b1, b2, b3] = m.doc as [number, number, number, number];
  return docInputs(m, scored).map(({ logit: l, mean }) => sigmoid(b0 + b1 * l + b2 * mean + b3 * l * mean));
}

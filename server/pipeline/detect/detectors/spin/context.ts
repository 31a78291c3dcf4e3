import { spinDetector } from '../../spin/detector.js';
import type { ContextThresholds } from '../../spin/contextual.js';
import { ex } from './ex.js';

// The trained model's units (spin/contextual.ts); the model's mean is the document gate's main evidence,
// so the document's spin analysis (spin/analysis.ts) works them out with these thresholds.
// chosen on Tatoeba and UD English spun by the bench spinner (bench/spin-tune.ts; not a bench corpus): clean
// text stays under 1 flag per 1,000 words; bench/spin-train.ts trains the model.
// Lowered from 0.3 / 0.12 / 0.14 (chosen on Tatoeba + UD spun by the bench spinner) on the tuning part of
// bench/spin-free.ts: thesaurus spinners (mythes, aiksaurus) leave texts whose mean is 0.09-0.12, which the
// old gate kept shut (F1 0.29 / 0.11 on tuning news; 0.42 / 0.27 with these, clean news 0.9 flags per
// 1,000 words). In a spun text a unit at probability 0.25 is right often enough to raise F1.
// Raised to 0.085 / 0.095 when the model was retrained with the word-pair features and the zoo's thesaurus
// families (bench/spin-train.ts): on the tuning part that keeps clean news at 0.70 flags per 1,000 words
// (0.77 before; 0.05 in three-sentence pieces, 0.19 before) while mythes goes 0.42 → 0.44 and aiksaurus
// 0.29 → 0.35; at the old gates the new model gave 1.10 flags per 1,000 words.
export const CONTEXT_DEFAULTS: ContextThresholds = { minProbability: 0.25, gateMean: 0.085, gateAlone: 0.095 };

export const spinContextDetector = spinDetector(
  {
    id: 'spin-context',
    name: 'Synonyms that do not fit',
    description:
      'Words a sense-blind spinner likely wrote for a WordNet synset-mate that fits the neighbours better (English word vectors) and is more common: a trained model per word, gated by how spun the whole text looks.',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0, ...CONTEXT_DEFAULTS },
    examples: {
      pass: [
        ex(
          'Nadal won 88% of net points in the match, winning 76 points on his first serve. After the match, he said he was happy to be back in the final rounds of the most important events.',
        ),
      ],
      fail: [
        ex(
          'Nadal bagged 88% net points in the tally making headway 76 points in the first serve. After the peer, he aforesaid he was felicitous to be back in the final troll of the most crucial outcome.',
        ),
      ],
    },
  },
  (ctx) => (ctx.spin?.spun ? ctx.spin.model : []),
);

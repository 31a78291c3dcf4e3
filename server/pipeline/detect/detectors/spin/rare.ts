import { spinDetector } from '../../spin/detector.js';
import type { RareThresholds } from '../../spin/rare.js';
import { ex } from './ex.js';

// Rare synonyms: their evidence is part of the document gate, so they are found by the document's spin
// analysis (spin/analysis.ts) with these thresholds, and shown only in a text the gate reads as spun.
export const RARE_DEFAULTS: RareThresholds = {
  minRank: 20000,
  minRatio: 5,
  gateDensity: 9,
  gateMin: 2,
  multiwordMateRank: 5000,
  spunTextRank: 10000,
  contextPairs: 2,
  contextRatio: 10,
};

export const spinRareDetector = spinDetector(
  {
    id: 'spin-rare',
    name: 'Unused synonyms',
    description:
      "Rare words with a common WordNet synset-mate, and (once the text looks spun) words whose synset-mate fits the neighbours far better in WordNet's glosses, and spun phrasal lemmas.",
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0, ...RARE_DEFAULTS },
    examples: {
      pass: [
        ex(
          'Researchers say this may bring early detection of cancer to patients in poor countries, using a tiny printable chip that costs one cent.',
        ),
      ],
      fail: [
        ex(
          'Researchers say this may bring betimes sleuthing of cancer to patients in poor countries, using a midget printable chip that costs one centime. Every soul has a right to care.',
          'soul → person: its neighbours pair with the mate in the glosses',
        ),
      ],
    },
  },
  (ctx) => (ctx.spin?.spun ? ctx.spin.rare : []),
);

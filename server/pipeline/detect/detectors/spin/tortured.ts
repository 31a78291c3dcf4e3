import { spinDetector } from '../../spin/detector.js';
import { ex } from './ex.js';

// Tortured phrases (the Problematic Paper Screener's list), matched with the fingerprints in the document's
// spin analysis.
export const spinTorturedDetector = spinDetector(
  {
    id: 'spin-tortured',
    name: 'Tortured phrases',
    description:
      'Phrases from the Problematic Paper Screener list ("counterfeit consciousness" for "artificial intelligence").',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0 },
    examples: {
      pass: [ex('The model uses artificial intelligence and deep learning.')],
      fail: [ex('The model uses counterfeit consciousness and profound learning.')],
    },
  },
  (ctx) => ctx.spin?.lexicon ?? [],
);

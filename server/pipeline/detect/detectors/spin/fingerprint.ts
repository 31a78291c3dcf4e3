import { spinDetector } from '../../spin/detector.js';
import type { LexiconThresholds } from '../../spin/fingerprint.js';
import { ex } from './ex.js';

// Known spinner substitutions (data/spin/fingerprints.tsv). The matches are in the document's spin analysis
// (spin/analysis.ts), which shows weak ones only past these gates.
export const FINGERPRINT_GATES: LexiconThresholds = { weakGateDensity: 4, weakGateMin: 3 };

export const spinFingerprintDetector = spinDetector(
  {
    id: 'spin-fingerprint',
    name: 'Spinner fingerprints',
    description:
      'Known article-spinner substitutions (data/spin/fingerprints.tsv), weak ones only in evidently spun text.',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0, ...FINGERPRINT_GATES },
    examples: {
      pass: [ex('The president arrived on Wednesday morning (local time) for a visit.')],
      fail: [ex('The president arrived on Wednesday morning (native time) for a press convention.')],
    },
  },
  (ctx) => ctx.spin?.lexicon ?? [],
);

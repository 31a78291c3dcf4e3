import { spinDetector } from '../../spin/detector.js';
import { originalFindings } from '../../spin/original.js';
import { ex } from './ex.js';

// With the original: the word diff of the copy against it, each change judged spin or meaning.
export const spinDiffDetector = spinDetector(
  {
    id: 'spin-diff',
    name: 'Spin against the original',
    description:
      'Word diff of a spun copy against its original; each change judged spin (synonym swap) or meaning change.',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0 },
    examples: {
      pass: [ex('Putin arrived on Wednesday.', 'identical', 'Putin arrived on Wednesday.')],
      fail: [ex('Putin made his first go to in 24 years.', 'visit → go to', 'Putin made his first visit in 24 years.')],
    },
  },
  (ctx) => (ctx.original ? originalFindings(ctx.doc.text, ctx.original.text) : []),
);

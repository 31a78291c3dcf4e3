import { spinDetector } from '../../spin/detector.js';
import { pairFindings, type PairThresholds } from '../../spin/pairs.js';
import { typedThresholds } from '../../thresholds.js';
import { ex } from './ex.js';

// chosen on the tuning part of bench/spin-free.ts (zoo-spun news and Tatoeba/UD): flags this far above the
// word's own pair strength are right about 4 times in 10 in spun text, which raises F1 there
const DEFAULTS: PairThresholds = { minGain: 4 };

export const spinPairsDetector = spinDetector(
  {
    id: 'spin-pairs',
    name: 'Broken word pairs',
    description:
      'In evidently spun text, a word whose neighbours go far better with one of its WordNet synset-mates (web-scale word-pair counts, data/spin/bigrams.tsv).',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0, ...DEFAULTS },
    examples: {
      pass: [
        ex(
          'Nadal won 88% of net points in the match, winning 76 points on his first serve. After the match, he said he was happy to be back in the final rounds of the most important events. Lighting is a big part of the concept.',
        ),
      ],
      fail: [
        ex(
          'Nadal bagged 88% net points in the tally making headway 76 points in the first serve. After the peer, he aforesaid he was felicitous to be back in the final troll of the most crucial outcome. Lighting is a big melody in the concept.',
          'tune → melody: "big tune" is a frequent pair, "big melody" is not (mythes-spun news, tuning part)',
        ),
      ],
    },
  },
  (ctx) => (ctx.spin?.spun ? pairFindings(ctx.doc.text, typedThresholds(DEFAULTS, ctx.thresholds)) : []),
);

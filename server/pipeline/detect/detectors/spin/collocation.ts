import { spinDetector } from '../../spin/detector.js';
import { collocationFindings, type CollocationThresholds } from '../../spin/collocation.js';
import { typedThresholds } from '../../thresholds.js';
import { ex } from './ex.js';

const DEFAULTS: CollocationThresholds = { minTagCount: 1 };

export const spinCollocationDetector = spinDetector(
  {
    id: 'spin-collocation',
    name: 'Collocation reconstruction',
    description: 'In evidently spun text, a word pair one WordNet synonym away from a known multiword expression.',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0, ...DEFAULTS },
    examples: {
      pass: [ex('The prime minister spoke at a news conference.')],
      fail: [
        ex(
          'On his first go to, in native time, the prime minister spoke at a word conference.',
          'news → word (a sense-blind synonym); offered only in text already shown to be spun',
        ),
      ],
    },
  },
  // a reconstructed collocation is only a guess in clean prose ("first year" is not a spun "first class"):
  // it is offered in text already shown to be spun, or carrying a strong fingerprint
  (ctx) =>
    ctx.spin && (ctx.spin.spun || ctx.spin.strongFingerprint)
      ? collocationFindings(ctx.doc.text, typedThresholds(DEFAULTS, ctx.thresholds))
      : [],
);

import { spinDetector } from '../../spin/detector.js';
import { spellingFindings } from '../../spin/spelling.js';
import { ex } from './ex.js';

export const spinSpellingDetector = spinDetector(
  {
    id: 'spin-spelling',
    name: 'Spelling and punctuation variants',
    description:
      'What a spinner changes so no sentence stays identical: a dropped full stop, "&" for "and" in prose, "on-line" for "online", an s/z form no one writes ("advertize").',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0 },
    examples: {
      pass: [
        ex(
          'The company will organize an online sale. Its center in Ohio sold 40 percent more, and its color range grew. Johnson & Johnson said The Wall Street Journal was right.',
        ),
      ],
      fail: [
        ex(
          'The company will organize an on-line sale. Its center in Ohio sold 40 percent more & its color range grew The firm said it would realize its plan.',
          'on-line → online, & → and, a full stop dropped before "The"',
        ),
      ],
    },
  },
  // each variant is evidence on its own: clean news keeps one house style, so no document gate
  (ctx) => (ctx.spin ? spellingFindings(ctx.doc.text) : []),
);

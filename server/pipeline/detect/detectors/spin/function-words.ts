import { spinDetector } from '../../spin/detector.js';
import { functionWordFindings, type FunctionWordThresholds } from '../../spin/function-words.js';
import { typedThresholds } from '../../thresholds.js';
import { ex } from './ex.js';

// chosen on the tuning part of bench/spin-free.ts: from 2 on no flag in the ~45,000 words of clean tuning
// text (news bodies, Tatoeba, UD); "letter" for "he" in a real spinner's output (word-spinner-option1,
// tuning) scores 4.3
const DEFAULTS: FunctionWordThresholds = { minGain: 4 };

export const spinFunctionWordsDetector = spinDetector(
  {
    id: 'spin-function-words',
    name: 'Function words spun',
    description:
      'A noun a sense-blind spinner wrote for a function word ("letter" or "element" for "he"), where both neighbours go far better with the function word.',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0, ...DEFAULTS },
    examples: {
      pass: [
        ex('He was born in Germany, and he was known for his theory. The candidate wrote a letter about the element.'),
      ],
      fail: [
        ex(
          'Albert Einstein was a famous physicist. He was born in Germany, and letter was known for his theory of relativity.',
          '"he" → "letter" (the Hebrew letter he)',
        ),
      ],
    },
  },
  // no document gate: the two-sided pair evidence is specific enough on its own, and short texts need it
  (ctx) => (ctx.spin ? functionWordFindings(ctx.doc.text, typedThresholds(DEFAULTS, ctx.thresholds)) : []),
);

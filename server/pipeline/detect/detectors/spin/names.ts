import { spinDetector } from '../../spin/detector.js';
import { nameFindings } from '../../spin/names.js';
import { ex } from './ex.js';

export const spinNamesDetector = spinDetector(
  {
    id: 'spin-names',
    name: 'Names made common nouns',
    description:
      'A lowercase word whose WordNet synset-mate is a name written elsewhere in the text: a sense-blind spinner\'s version of that name ("Derby" → "bowler"); or a lowercase word right before a name\'s head word ("bowler County").',
    category: 'style/spin',
    defaultSeverity: 'minor',
    thresholds: { minConfidence: 0 },
    examples: {
      pass: [ex('The fans of Derby sang all night, and the fans of Leeds cheered.')],
      fail: [
        ex(
          'Derby County lost again. The fans of Derby sang, and the manager of bowler County resigned.',
          'Derby → bowler (derby, bowler: one synset, the hat), next to the rest of the name',
        ),
      ],
    },
  },
  // a name's lowercase mate beside the rest of the name, or a lowercase word before a name's head word, needs
  // no document gate: clean prose does neither
  (ctx) => (ctx.spin ? nameFindings(ctx.doc.text) : []),
);

import { spinText } from '../spinner.js';
import type { Family, Piece } from './types.js';

// (a) Sense-blind WordNet: the spinner tests and bench:spin already use (testkit/spinner.ts),
// its gold edits turned back into pieces of the original so the zoo can add meaning edits beside them.

export const wordnetFamily: Family = {
  id: 'wordnet',
  describes:
    'sense-blind WordNet synonym swaps (NLTK-style spinners such as Synonymos): any sense, any synset-mate, multiword lemmas',
  pieces(original, r, opts) {
    const s = spinText(original, Math.floor(r() * 2 ** 31), { rate: opts.rate, meaningEdits: 0 });
    const out: Piece[] = [];
    let shift = 0; // spun offset minus original offset, up to the current edit
    for (const e of s.edits) {
      const start = e.start - shift;
      out.push({ start, end: start + e.original.length, replacement: e.text, kind: 'spin', by: 'wordnet' });
      shift += e.text.length - e.original.length;
    }
    return out;
  },
};

import { PHRASES } from './phrase-table.js';
import { likeCase, pick } from './words.js';
import type { Family, Piece } from './types.js';

// (c) Phrase rewriters: the spinners that swap whole phrases from a phrase database, longest match first,
// keeping the capital of the phrase they replace.

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(
  `\\b(?:${[...PHRASES]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([p]) => escaped(p))
    .join('|')})\\b`,
  'gi',
);
const TABLE = new Map(PHRASES.map(([p, alts]) => [p, alts]));

export const phraseFamily: Family = {
  id: 'phrase',
  describes:
    'phrase rewriters with a phrase database ("take an existing article" → "take a current post", "could" → "might")',
  pieces(original, r, opts) {
    const out: Piece[] = [];
    for (const m of original.matchAll(PATTERN)) {
      const alts = TABLE.get(m[0].toLowerCase());
      if (!alts || r() >= opts.rate * 2) continue; // phrases are fewer than words: tried twice as often
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        replacement: likeCase(m[0], pick(r, alts)),
        kind: 'spin',
        by: 'phrase',
      });
    }
    return out;
  },
};

import type { Family, Piece } from './types.js';

// (f) Word-order changes: the spinners that reorder what they cannot swap ("Kim and Putin" → "Putin and
// Kim", "tanks and drones" → "drones and tanks"). The claim is the same, so the gold is spin.

// two coordinated words (or number + noun pairs) of the same shape: both capitalised or both not
const PAIR =
  /(?<![\p{L}\p{N}'’-])((?:\d[\d,.]*\s)?\p{L}[\p{L}'-]+) and ((?:\d[\d,.]*\s)?\p{L}[\p{L}'-]+)(?![\p{L}\p{N}'’-])/gu;
const capital = (s: string) => /^\p{Lu}/u.test(s.replace(/^\d[\d,.]*\s/, ''));

export const orderFamily: Family = {
  id: 'word-order',
  describes: 'word-order changes: coordinated words swapped ("Kim and Putin" → "Putin and Kim")',
  pieces(original, r, opts) {
    const out: Piece[] = [];
    for (const m of original.matchAll(PAIR)) {
      const [whole, a, b] = m as unknown as [string, string, string];
      const before = original.slice(0, m.index).trimEnd();
      const sentenceStart = before === '' || /[.!?"“:]$/.test(before);
      if (a.toLowerCase() === b.toLowerCase() || capital(a) !== capital(b) || (sentenceStart && capital(a))) continue;
      if (r() >= Math.min(1, opts.rate * 3)) continue;
      out.push({
        start: m.index,
        end: m.index + whole.length,
        replacement: `${b} and ${a}`,
        kind: 'spin',
        by: 'word-order',
      });
    }
    return out;
  },
};

import { pick, wordsOf, type WordAt } from './words.js';
import type { Piece } from './types.js';

// Injected meaning edits: what a reviewer must see even in a spun copy. Numbers, dates, names of people or
// places, negation and polarity, and quantities ("at least 49" → "49"). Each is a change of what the text
// claims, never a synonym.

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const NAMES = ['Smith', 'Garcia', 'Tanaka', 'Okafor', 'Novak', 'Silva', 'Haddad', 'Larsen', 'Mendoza', 'Kowalski'];
const PLACES = ['Manila', 'Nairobi', 'Lima', 'Oslo', 'Hanoi', 'Quito', 'Dakar', 'Perth'];
const NUMBER_WORDS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'twelve',
  'twenty',
  'hundred',
  'thousand',
  'million',
];
const POLAR: [string, string][] = [
  ['increase', 'decrease'],
  ['increased', 'decreased'],
  ['rose', 'fell'],
  ['rise', 'fall'],
  ['won', 'lost'],
  ['win', 'lose'],
  ['higher', 'lower'],
  ['more', 'fewer'],
  ['before', 'after'],
  ['approved', 'rejected'],
  ['north', 'south'],
  ['east', 'west'],
  ['accepted', 'refused'],
  ['allowed', 'banned'],
  ['support', 'oppose'],
  ['supported', 'opposed'],
  ['positive', 'negative'],
  ['largest', 'smallest'],
  ['first', 'last'],
  ['agreed', 'refused'],
  ['open', 'closed'],
  ['early', 'late'],
  ['always', 'never'],
];
const polarOf = (w: string): string | null => {
  const l = w.toLowerCase();
  for (const [a, b] of POLAR) {
    if (l === a) return b;
    if (l === b) return a;
  }
  return null;
};
const AUX = new Set([
  'is',
  'was',
  'are',
  'were',
  'will',
  'can',
  'has',
  'have',
  'had',
  'would',
  'could',
  'should',
  'did',
  'does',
  'do',
]);

type Maker = (w: WordAt, i: number, ws: WordAt[], text: string, r: () => number) => Piece | null;

const piece = (start: number, end: number, replacement: string, by: string): Piece => ({
  start,
  end,
  replacement,
  kind: 'meaning',
  by,
});

const MAKERS: Record<string, Maker> = {
  number: (w, _i, _ws, _t, r) =>
    /^\d+$/.test(w.text)
      ? piece(w.start, w.end, String(Number(w.text) + 1 + Math.floor(r() * 9)), 'meaning:number')
      : null,
  'number-word': (w, _i, _ws, _t, r) =>
    NUMBER_WORDS.includes(w.text.toLowerCase())
      ? piece(
          w.start,
          w.end,
          pick(
            r,
            NUMBER_WORDS.filter((x) => x !== w.text.toLowerCase()),
          ),
          'meaning:number-word',
        )
      : null,
  date: (w, _i, _ws, _t, r) => {
    const list = WEEKDAYS.includes(w.text) ? WEEKDAYS : MONTHS.includes(w.text) ? MONTHS : null;
    return list
      ? piece(
          w.start,
          w.end,
          pick(
            r,
            list.filter((x) => x !== w.text),
          ),
          'meaning:date',
        )
      : null;
  },
  name: (w, _i, _ws, text, r) => {
    if (w.sentenceStart || !/^\p{Lu}\p{Ll}+$/u.test(w.text) || WEEKDAYS.includes(w.text) || MONTHS.includes(w.text))
      return null;
    const prev = text.slice(0, w.start).trimEnd();
    const list = /\b(?:in|at|from|to)$/.test(prev) ? PLACES : NAMES;
    return piece(
      w.start,
      w.end,
      pick(
        r,
        list.filter((x) => x !== w.text),
      ),
      'meaning:name',
    );
  },
  negation: (w, i, ws, text) => {
    const l = w.text.toLowerCase();
    const next = ws[i + 1];
    if (l === 'not' || l === 'never') {
      // drop the negation with its following space
      const end = next ? next.start : w.end;
      return piece(w.start, end, '', 'meaning:negation');
    }
    if (AUX.has(l) && !/^\s+(?:not|n't)\b/.test(text.slice(w.end)))
      return piece(w.start, w.end, `${w.text} not`, 'meaning:negation');
    return null;
  },
  polarity: (w) => {
    const p = polarOf(w.text);
    return p
      ? piece(w.start, w.end, /^\p{Lu}/u.test(w.text) ? p[0]?.toUpperCase() + p.slice(1) : p, 'meaning:polarity')
      : null;
  },
  quantity: (w, i, ws, text, r) => {
    const l = w.text.toLowerCase();
    const next = ws[i + 1];
    const after = ws[i + 2];
    if (l === 'at' && next?.text === 'least' && after && /^\d/.test(after.text))
      return piece(w.start, after.start, '', 'meaning:quantity');
    if ((l === 'more' || l === 'less' || l === 'fewer') && next?.text === 'than' && after && /^\d/.test(after.text))
      return piece(w.start, w.end, l === 'more' ? pick(r, ['less', 'fewer']) : 'more', 'meaning:quantity');
    if (
      (l === 'about' || l === 'nearly' || l === 'almost' || l === 'over' || l === 'around') &&
      next &&
      /^\d/.test(next.text) &&
      text.slice(w.end, next.start) === ' '
    )
      return piece(w.start, next.start, '', 'meaning:quantity');
    return null;
  },
};

export const MEANING_KINDS = Object.keys(MAKERS);

/** Up to n meaning edits at random places, each on a different word, of kinds spread at random. */
export function meaningPieces(original: string, r: () => number, n: number): Piece[] {
  const ws = wordsOf(original);
  const order = ws.map((_, i) => i).sort(() => r() - 0.5);
  const kinds = [...MEANING_KINDS].sort(() => r() - 0.5);
  const out: Piece[] = [];
  // every kind gets a turn before any kind gets a second edit
  for (let round = 0; round < 3 && out.length < n; round++) {
    for (const kind of kinds) {
      if (out.length >= n) break;
      const make = MAKERS[kind] as Maker;
      for (const i of order) {
        const p = make(ws[i] as WordAt, i, ws, original, r);
        if (p && !out.some((o) => p.start < Math.max(o.end, o.start + 1) && o.start < Math.max(p.end, p.start + 1))) {
          out.push(p);
          break;
        }
      }
    }
  }
  return out;
}

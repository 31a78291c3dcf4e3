import { likeCase, pick } from './words.js';
import type { Family, Piece } from './types.js';

// (d) Spelling and punctuation variants: what spinners add so that no sentence stays byte-identical
// ("offline" → "off-line", US ↔ UK spelling, "percent" → "per cent", a dropped full stop, a changed dash
// or comma). None of them changes what the text claims.

const WORDS: [RegExp, (w: string) => string][] = [
  [/\b(on|off)line\b/gi, (w) => w.replace(/line$/i, (l) => `-${l}`)],
  [/\be-?mail\b/gi, (w) => (w.includes('-') ? w.replace('-', '') : `${w[0]}-${w.slice(1)}`)],
  [/\bpercent\b/gi, (w) => `${w.slice(0, 3)} ${w.slice(3)}`],
  [/\btoward\b/gi, (w) => `${w}s`],
  [/\b\p{L}{3,}ization\b/giu, (w) => w.replace(/ization$/i, 'isation')],
  [
    /\b\p{L}{3,}i[sz]e[sd]?\b/giu,
    (w) => w.replace(/i([sz])(e[sd]?)$/i, (_m, z: string, e: string) => `i${z === 's' ? 'z' : 's'}${e}`),
  ],
  [/\b\p{L}*(?:cent|cen|thea|met|lit|fib)er\b/giu, (w) => w.replace(/er$/i, 're')],
  [/\b\p{L}*(?:col|hon|fav|lab|behavi|neighb|harb|rum)or(s?)\b/giu, (w) => w.replace(/or(s?)$/i, 'our$1')],
  [/\b(?:de|of)fense\b/gi, (w) => w.replace(/se$/i, 'ce')],
  [/\b(?:travel|cancel|model|label|fuel)(?:ed|ing)\b/gi, (w) => w.replace(/l(ed|ing)$/i, 'll$1')],
  [/\bdo not\b/gi, (w) => likeCase(w, "don't")],
  [/\bdoes not\b/gi, (w) => likeCase(w, "doesn't")],
  [/\bit is\b/gi, (w) => likeCase(w, "it's")],
  [/\bcannot\b/gi, (w) => likeCase(w, "can't")],
];

/** Punctuation: a sentence's full stop dropped, a dash or a comma changed, "&" for "and". */
const PUNCT: [RegExp, (m: string, r: () => number) => string][] = [
  [/\.(?=\s+\p{Lu})/gu, () => ''],
  [/\s[—–-]\s/g, (m, r) => pick(r, [m === ' - ' ? ' — ' : ' - ', ', '])],
  [/, (?=and |but )/g, () => ' '],
  [/\band\b/g, () => '&'],
];

export const spellingFamily: Family = {
  id: 'spelling',
  describes:
    'spelling and punctuation variants ("offline" → "off-line", US/UK spelling, contractions, dropped full stops)',
  pieces(original, r, opts) {
    const out: Piece[] = [];
    for (const [re, f] of WORDS) {
      for (const m of original.matchAll(re)) {
        if (r() >= Math.min(1, opts.rate * 3)) continue;
        const rep = f(m[0]);
        if (rep !== m[0])
          out.push({ start: m.index, end: m.index + m[0].length, replacement: rep, kind: 'spin', by: 'spelling' });
      }
    }
    for (const [re, f] of PUNCT) {
      for (const m of original.matchAll(re)) {
        if (r() >= opts.rate / 2) continue;
        const rep = f(m[0], r);
        if (rep !== m[0])
          out.push({ start: m.index, end: m.index + m[0].length, replacement: rep, kind: 'spin', by: 'punctuation' });
      }
    }
    return out;
  },
};

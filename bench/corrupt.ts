// Seeded corruption of tl–en dev pairs for the check benchmark: one labelled error per corrupted pair,
// on either side. Kept apart from bench/check.ts so tests can exercise it.

export type Kind = 'number' | 'entity' | 'negation' | 'truncate' | 'replace' | 'untranslated';
export const KINDS: Kind[] = ['number', 'entity', 'negation', 'truncate', 'replace', 'untranslated'];

export { mulberry32 as rng } from '../testkit/rng.js';
export const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;

export interface Pair {
  en: string;
  tl: string;
}
export interface Corruption {
  kind: Kind;
  side: 'en' | 'tl';
  before: string;
  after: string;
}

function changeNumber(r: () => number, s: string): string | null {
  const ms = [...s.matchAll(/(?<![\d.,])\d+(?![\d])/g)];
  if (!ms.length) return null;
  const m = pick(r, ms);
  const v = Number(m[0]);
  let nv = v;
  while (nv === v || nv < 0) nv = r() < 0.5 ? v + 1 + Math.floor(r() * 9) : Math.max(0, v - 1 - Math.floor(r() * 9));
  if (m[0].length === 4 && nv < 1000) nv = v + 1 + Math.floor(r() * 9);
  return s.slice(0, m.index) + String(nv) + s.slice(m.index + m[0].length);
}

// Mid-sentence capitalised runs (names), the thing an entity swap replaces.
const NAME_RE = /(?<=[\p{Ll},] )\p{Lu}\p{Ll}{2,}(?: \p{Lu}\p{Ll}{2,})*/gu;
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre|Lunes|Martes|Miyerkules|Huwebes|Biyernes|Sabado|Linggo)$/;
export function names(s: string): string[] {
  return [...s.matchAll(NAME_RE)].map((m) => m[0]).filter((n) => !n.split(' ').some((w) => CALENDAR.test(w)));
}

function swapEntity(r: () => number, s: string, other: string, pool: string[]): string | null {
  const here = names(s).filter((n) => other.includes(n.split(' ')[0]!));
  if (!here.length) return null;
  const n = pick(r, here);
  for (let k = 0; k < 20; k++) {
    const rep = pick(r, pool);
    if (!s.includes(rep) && !other.includes(rep) && rep.split(' ')[0] !== n.split(' ')[0]) return s.replace(n, rep);
  }
  return null;
}

const EN_NEG_OUT: [RegExp, string][] = [
  [/\bcan['’]t\b/i, 'can'],
  [/\bwon['’]t\b/i, 'will'],
  [/\b(\w+)n['’]t\b/i, '$1'],
  [/\bcannot\b/i, 'can'],
  [/ not\b/i, ''],
  [/\bnever /i, ''],
  [/\bno longer\b/i, 'still'],
  [/\bwithout\b/i, 'with'],
  [/\bno\b/i, 'some'],
];
const TL_NEG_OUT: [RegExp, string][] = [
  [/\b[Hh]indi /, ''],
  [/\b[Hh]uwag /, ''],
  [/\b[Ww]alang /, 'may '],
  [/\b[Ww]ala /, 'may '],
  [/\b[Aa]yaw /, 'gusto '],
];
const AUX = /\b(is|are|was|were|will|can|could|would|should|has|have|had|may|might|must|does|do|did)\b/i;

function flipNegation(s: string, lang: 'en' | 'tl'): string | null {
  for (const [re, rep] of lang === 'en' ? EN_NEG_OUT : TL_NEG_OUT) {
    if (re.test(s)) return s.replace(re, rep);
  }
  if (lang === 'en') {
    const m = AUX.exec(s);
    if (m) return s.slice(0, m.index + m[0].length) + ' not' + s.slice(m.index + m[0].length);
    const ed = /\b\p{Ll}+ed\b/u.exec(s);
    return ed ? s.slice(0, ed.index) + 'never ' + s.slice(ed.index) : null;
  }
  const ay = / ay /.exec(s);
  if (ay) return s.slice(0, ay.index) + ' ay hindi ' + s.slice(ay.index + 4);
  return 'Hindi ' + s.charAt(0).toLowerCase() + s.slice(1);
}

function truncate(r: () => number, s: string): string | null {
  const words = s.split(' ');
  if (words.length < 6) return null;
  const cut = Math.round(words.length * (0.4 + 0.2 * r()));
  return words
    .slice(0, cut)
    .join(' ')
    .replace(/[\s,;:–-]+$/u, '');
}

/** Corrupts pair i of a document (its pairs given) with one error of `kind`; null when the kind does not apply. */
export function corrupt(
  r: () => number,
  kind: Kind,
  doc: Pair[],
  i: number,
  namePool: { en: string[]; tl: string[] },
): Corruption | null {
  const p = doc[i]!;
  const sides: ('en' | 'tl')[] = r() < 0.5 ? ['en', 'tl'] : ['tl', 'en'];
  for (const side of sides) {
    const s = p[side];
    const other = p[side === 'en' ? 'tl' : 'en'];
    let after: string | null = null;
    if (kind === 'number') after = changeNumber(r, s);
    else if (kind === 'entity') after = swapEntity(r, s, other, namePool[side]);
    else if (kind === 'negation') after = flipNegation(s, side);
    else if (kind === 'truncate') after = truncate(r, s);
    else if (kind === 'replace') {
      const others = doc.map((q, k) => ({ q, k })).filter(({ q, k }) => k !== i && q[side] !== s);
      after = others.length ? pick(r, others).q[side] : null;
    } else if (kind === 'untranslated') after = other;
    if (after !== null && after !== s) return { kind, side, before: s, after };
  }
  return null;
}

import { formOf, inflect } from '../server/lang/wordnet/inflect.js';
import { lemmaSynsets, lookup, type Pos } from '../server/lang/wordnet/index.js';
import { mulberry32 } from './rng.js';

// A seeded sense-blind article spinner for tests and the benchmark, built like the real ones: for a share
// of content words, take any WordNet sense of the word at random and put another lemma of that synset in
// its place (multiword lemmas included), keeping the inflection and capitalisation. It knows nothing of
// the detector's lexicon. Optionally also makes meaning-changing edits (numbers, names, negation).

export interface GoldEdit {
  start: number; // in the spun text
  end: number;
  text: string;
  original: string;
  kind: 'spin' | 'meaning';
}
export interface Spun {
  text: string;
  original: string;
  edits: GoldEdit[];
}

/** The spinner's seeded PRNG: mulberry32 (testkit/rng.ts), with seed 0 read as 1 as it always was. */
export const rng = (seed: number): (() => number) => mulberry32(seed >>> 0 || 1);
const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;

const SKIP = new Set(
  `a an the and or but if of in on at by for with from to into is are was were be been being am do does did has have had
  will would shall should can could may might must not no this that these those it its he him his she her they them their we
  us our you your i me my who which what when where why how all any both each some such than then there here as so very also
  just only more most one two three four five six seven eight nine ten up out about over after before said says`.split(
    /\s+/,
  ),
);
const NAMES = ['Smith', 'Garcia', 'Tanaka', 'Okafor', 'Novak', 'Silva', 'Haddad', 'Larsen', 'Mendoza', 'Kowalski'];

interface Piece {
  start: number;
  end: number;
  replacement: string;
  kind: 'spin' | 'meaning';
}

/** A real spinner keeps trying senses until one gives a replacement; so does this one (a few tries). */
function spinWord(word: string, r: () => number): string | null {
  for (let k = 0; k < 6; k++) {
    const out = spinOnce(word, r);
    if (out && out.toLowerCase() !== word.toLowerCase()) return out;
  }
  return null;
}

function spinOnce(word: string, r: () => number): string | null {
  const lower = word.toLowerCase();
  const hits = lookup(lower).filter((h) => h.pos !== 'r' || lower.endsWith('ly'));
  if (hits.length === 0) return null;
  const h = pick(r, hits);
  const form = formOf(lower, h.lemma, h.pos) ?? (lower === h.lemma ? 'base' : null);
  if (!form) return null;
  const syns = lemmaSynsets(h.lemma, h.pos);
  if (syns.length === 0) return null;
  const syn = pick(r, syns); // any sense: the spinner is blind to which one the text means
  const others = syn.words.filter((w) => w !== h.lemma && /^[a-z_'-]+$/.test(w));
  if (others.length === 0) return null;
  const out = inflect(pick(r, others), form, h.pos as Pos);
  return /^\p{Lu}/u.test(word) ? out[0]?.toUpperCase() + out.slice(1) : out;
}

export interface SpinOptions {
  rate: number; // share of content words replaced (0.15–0.30)
  meaningEdits: number; // how many meaning-changing edits to add
}

export function spinText(original: string, seed: number, opts: SpinOptions): Spun {
  const r = rng(seed);
  const pieces: Piece[] = [];
  const words = [...original.matchAll(/[\p{L}]+(?:['’-][\p{L}]+)*|\d+(?:[.,]\d+)*/gu)];
  const used = new Set<number>();
  // meaning edits first, on their own words
  let m = opts.meaningEdits;
  const order = words.map((_, i) => i).sort(() => r() - 0.5);
  for (const i of order) {
    if (m <= 0) break;
    const w = words[i] as RegExpMatchArray;
    const t = w[0];
    const at = w.index as number;
    const prev = original.slice(0, at).trimEnd();
    let rep: string | null = null;
    if (/^\d+$/.test(t)) rep = String(Number(t) + 1 + Math.floor(r() * 9));
    else if (/^\p{Lu}\p{Ll}+$/u.test(t) && prev !== '' && !/[.!?"“]$/.test(prev) && !SKIP.has(t.toLowerCase()))
      rep = pick(
        r,
        NAMES.filter((n) => n !== t),
      );
    else if (
      ['is', 'was', 'are', 'were', 'will', 'can', 'has', 'have', 'had'].includes(t) &&
      !/^\s+not\b/.test(original.slice(at + t.length))
    )
      rep = `${t} not`;
    if (rep) {
      pieces.push({ start: at, end: at + t.length, replacement: rep, kind: 'meaning' });
      used.add(i);
      m--;
    }
  }
  for (let i = 0; i < words.length; i++) {
    if (used.has(i)) continue;
    const w = words[i] as RegExpMatchArray;
    const t = w[0];
    const at = w.index as number;
    const prev = original.slice(0, at).trimEnd();
    const sentenceStart = prev === '' || /[.!?"“]$/.test(prev);
    if (SKIP.has(t.toLowerCase()) || /\d/.test(t) || t.length < 3) continue;
    if (/^\p{Lu}/u.test(t) && !sentenceStart) continue; // names stay
    if (r() >= opts.rate) continue;
    // a two-word collocation is swapped whole when WordNet has it
    const next = words[i + 1];
    if (
      next &&
      original.slice(at + t.length, next.index) === ' ' &&
      lookup(`${t} ${next[0]}`).length > 0 &&
      !used.has(i + 1)
    ) {
      const rep = spinWord(`${t}_${next[0]}`, r);
      if (rep) {
        pieces.push({
          start: at,
          end: (next.index as number) + next[0].length,
          replacement: rep.replace(/_/g, ' '),
          kind: 'spin',
        });
        used.add(i + 1);
        i++;
        continue;
      }
    }
    const rep = spinWord(t, r);
    if (rep && rep.toLowerCase() !== t.toLowerCase())
      pieces.push({ start: at, end: at + t.length, replacement: rep.replace(/_/g, ' '), kind: 'spin' });
  }
  pieces.sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  const edits: GoldEdit[] = [];
  for (const p of pieces) {
    text += original.slice(at, p.start);
    edits.push({
      start: text.length,
      end: text.length + p.replacement.length,
      text: p.replacement,
      original: original.slice(p.start, p.end),
      kind: p.kind,
    });
    text += p.replacement;
    at = p.end;
  }
  text += original.slice(at);
  return { text, original, edits };
}

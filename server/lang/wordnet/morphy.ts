import { EXCEPTIONS } from './irregular.js';
import { getLemmaIndex, POS_LIST, type Pos } from './files.js';

// WordNet's morphy: exception lists first, then the detachment rules of each part of speech, keeping only
// candidates that are lemmas of that part of speech. Collocations ("goes_to") are lemmatised word by word.

const RULES: Record<Pos, [string, string][]> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  r: [],
};

export function isLemma(lemma: string, pos?: Pos): boolean {
  return getLemmaIndex().has(lemma, pos);
}

/** Candidate base forms by the rules, checked against the lemma list unless `check` is false (collocation heads). */
function morphyWord(word: string, pos: Pos, check = true): string[] {
  const out: string[] = [];
  const add = (c: string): void => {
    if (c && !out.includes(c) && (!check || isLemma(c, pos))) out.push(c);
  };
  add(word);
  if (pos !== 'r') for (const base of EXCEPTIONS[pos].get(word) ?? []) add(base);
  for (const [suf, rep] of RULES[pos]) {
    if (!word.endsWith(suf) || word.length <= suf.length + 1) continue;
    const stem = word.slice(0, -suf.length);
    add(stem + rep);
    // stopped → stop, planning → plan (WordNet lists these in verb.exc; the rule covers the regular ones)
    if (pos === 'v' && rep === '' && /([bdgklmnprtvz])\1$/.test(stem)) add(stem.slice(0, -1));
    if (pos === 'a' && rep === '' && /([bdgmnpt])\1$/.test(stem)) add(stem.slice(0, -1));
  }
  return out;
}

/** "n|words" for each collocation lemma of a part of speech: its length and the words other than its head. */
const fixedKey = (parts: string[], pos: Pos): string =>
  `${parts.length}|${(pos === 'v' ? parts.slice(1) : parts.slice(0, -1)).join('_')}`;

/**
 * The fixed (non-head) words of the multiword lemmas. By part of speech as fixedKey strings; and, for the
 * two- and three-word lemmas that spin detection asks about at every word of a text, as word sets that
 * answer for all parts of speech at once without building a key: a verb's words after its head (the
 * first), any other lemma's words before its head (the last).
 */
interface FixedParts {
  byPos: Map<Pos, Set<string>>;
  verbTail2: Set<string>; // w2 of "head w2"
  front2: Set<string>; // w1 of "w1 head"
  verbTail3: Map<string, Set<string>>; // w2 → w3 of "head w2 w3"
  front3: Map<string, Set<string>>; // w1 → w2 of "w1 w2 head"
}
let fixed: FixedParts | null = null;

function fixedParts(): FixedParts {
  if (fixed) return fixed;
  const index = getLemmaIndex();
  const f: FixedParts = { byPos: new Map(), verbTail2: new Set(), front2: new Set(), verbTail3: new Map(), front3: new Map() };
  const pair = (m: Map<string, Set<string>>, a: string, b: string): void => {
    const s = m.get(a);
    if (s) s.add(b);
    else m.set(a, new Set([b]));
  };
  for (const p of POS_LIST) {
    const set = new Set<string>();
    for (const lemma of index.collocationsOf(p)) {
      const parts = lemma.split('_');
      set.add(fixedKey(parts, p));
      if (parts.length === 2) {
        if (p === 'v') f.verbTail2.add(parts[1]!);
        else f.front2.add(parts[0]!);
      } else if (parts.length === 3) {
        if (p === 'v') pair(f.verbTail3, parts[1]!, parts[2]!);
        else pair(f.front3, parts[0]!, parts[1]!);
      }
    }
    f.byPos.set(p, set);
  }
  return (fixed = f);
}

/**
 * Whether the words can be a collocation lemma of `pos`: only the head word is inflected (the first of a
 * verb, the last otherwise), so the other words must be as written in some multiword lemma of that part
 * of speech and length. Spin detection asks this of every two and three words of a text; nearly all fail
 * here without any morphology.
 */
function mayBeCollocation(parts: string[], pos: Pos): boolean {
  return fixedParts().byPos.get(pos)!.has(fixedKey(parts, pos));
}

/** mayBeMultiword for words already lowercased and split (spin detection's two- and three-word spans). */
export function mayBeMultiwordWords(parts: string[]): boolean {
  if (parts.length < 2) return true;
  const f = fixedParts();
  if (parts.length === 2) return f.verbTail2.has(parts[1]!) || f.front2.has(parts[0]!);
  if (parts.length === 3) return Boolean(f.verbTail3.get(parts[1]!)?.has(parts[2]!) || f.front3.get(parts[0]!)?.has(parts[1]!));
  return POS_LIST.some((pos) => mayBeCollocation(parts, pos));
}

/** False when a form of several words cannot be any collocation lemma (so morphy finds nothing for it). */
export function mayBeMultiword(form: string): boolean {
  if (!MULTI.test(form)) return true; // one word (lookup asks this of every word it is given)
  return mayBeMultiwordWords(form.toLowerCase().trim().replace(/\s+/g, '_').split('_'));
}
const MULTI = /[\s_]/;

/** Base forms of a word or collocation ("goes to" / "goes_to") as WordNet lemmas of `pos`. */
export function morphy(form: string, pos: Pos): string[] {
  const word = form.toLowerCase().trim().replace(/\s+/g, '_');
  if (!word.includes('_')) return morphyWord(word, pos);
  const parts = word.split('_');
  if (!mayBeCollocation(parts, pos)) return [];
  const out: string[] = [];
  if (isLemma(word, pos)) out.push(word);
  // verbs inflect the first word (goes_to, took_part_in); nouns the last (press_conferences)
  const head = pos === 'v' ? 0 : parts.length - 1;
  for (const base of morphyWord(parts[head] as string, pos, false)) {
    const cand = parts.map((p, i) => (i === head ? base : p)).join('_');
    if (!out.includes(cand) && isLemma(cand, pos)) out.push(cand);
  }
  return out;
}

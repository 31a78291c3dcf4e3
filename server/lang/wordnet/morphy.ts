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

let fixedParts: Map<Pos, Set<string>> | null = null;
/** "n|words" for each collocation lemma of a part of speech: its length and the words other than its head. */
const fixedKey = (parts: string[], pos: Pos): string =>
  `${parts.length}|${(pos === 'v' ? parts.slice(1) : parts.slice(0, -1)).join('_')}`;

/**
 * Whether the words can be a collocation lemma of `pos`: only the head word is inflected (the first of a
 * verb, the last otherwise), so the other words must be as written in some multiword lemma of that part
 * of speech and length. Spin detection asks this of every two and three words of a text; nearly all fail
 * here without any morphology.
 */
function mayBeCollocation(parts: string[], pos: Pos): boolean {
  if (!fixedParts) {
    const index = getLemmaIndex();
    fixedParts = new Map(
      POS_LIST.map((p): [Pos, Set<string>] => {
        const set = new Set<string>();
        for (const lemma of index.keysOf(p)) if (lemma.includes('_')) set.add(fixedKey(lemma.split('_'), p));
        return [p, set];
      }),
    );
  }
  return fixedParts.get(pos)!.has(fixedKey(parts, pos));
}

/** False when a form of several words cannot be any collocation lemma (so morphy finds nothing for it). */
export function mayBeMultiword(form: string): boolean {
  const parts = form.toLowerCase().trim().replace(/\s+/g, '_').split('_');
  return parts.length < 2 || POS_LIST.some((pos) => mayBeCollocation(parts, pos));
}

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

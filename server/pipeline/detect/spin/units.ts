import { formOf, inflect } from '../../../lang/wordnet/inflect.js';
import { lemmaSynsets, lookup, mayBeMultiwordWords, senseCount, synsetCount } from '../../../lang/wordnet/index.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './tokens.js';
import { prebuiltMates } from './mates-table.js';
import { Memo } from '../../../memo.js';
import { resource, use } from '../../../core/resources.js';

// The places a sense-blind spinner can have touched: content words, and WordNet multiword lemmas written
// out in the text ("pilot film", "cut off" — spinners put these where one plain word stood). Each unit
// carries the synset-mates a spinner could have replaced (inflected like the unit): one of them is the
// original if the unit is spun.

export interface Mate {
  form: string; // inflected, words joined by spaces
  /** SemCor count of the mate lemma in the shared synset: how usual this sense of the mate is */
  senseTags: number;
  /** chance a sense-blind spinner given the mate writes the unit: over the mate's readings (hits), their
   * senses and the other lemmas of the shared synset, each picked uniformly */
  q: number;
}

/** A form's synset-mates, with its lemma's SemCor count and its number of senses (see Unit). */
export interface Mates {
  mates: Mate[];
  lemmaTags: number;
  senses: number;
}

export interface Unit {
  start: number;
  end: number;
  form: string; // lowercase, words joined by spaces
  words: number;
  /** index of the unit's first token in the token list */
  tok: number;
  sentenceStart: boolean;
  mates: Mate[];
  /** SemCor count of the unit's lemma over all senses (0: never sense-tagged) */
  lemmaTags: number;
  /** how many synsets the unit's lemma has */
  senses: number;
}

const ALPHA = /^[a-z]+(?:[-'][a-z]+)*$/i;

/** Mates of a form over all its WordNet readings; a form with no reading (or no mate) gets none. */
export function matesOf(form: string): Mates {
  const seen = new Map<string, Mate>();
  let lemmaTags = 0;
  let senses = 0;
  for (const h of lookup(form)) {
    const f = formOf(form, h.lemma, h.pos) ?? 'base';
    lemmaTags = Math.max(lemmaTags, senseCount(h.lemma));
    const syns = lemmaSynsets(h.lemma, h.pos);
    senses += syns.length;
    for (const s of syns) {
      for (const w of s.words) {
        if (w === h.lemma || !/^[a-z_'-]+$/.test(w)) continue;
        const v = inflect(w, f, h.pos).replace(/_/g, ' ');
        // spinners leave function words alone, so "is" is never what "costs" replaced
        if (v === form || STOPWORDS.has(v)) continue;
        const tags = senseCount(w, s);
        const q =
          1 / (Math.max(1, lookup(v).length) * Math.max(1, synsetCount(w, h.pos)) * Math.max(1, s.words.length - 1));
        const old = seen.get(v);
        if (!old) seen.set(v, { form: v, senseTags: tags, q });
        else {
          old.senseTags = Math.max(old.senseTags, tags);
          old.q += q;
        }
      }
    }
  }
  return { mates: [...seen.values()], lemmaTags, senses };
}

// bounded: batch runs see many distinct words
const MATES_MEMO = resource('synset-mates of a form (memo)', () => new Memo<string, Mates>(50_000));
const cachedMates = (form: string): Mates => use(MATES_MEMO).get(form, (f) => prebuiltMates(f) ?? matesOf(f));

function isSentenceStart(toks: readonly Token[], i: number): boolean {
  const prev = toks[i - 1];
  return !prev || /[.!?"“:]/.test(prev.text);
}

const PLAIN = /^[a-z]+$/i;
const CAPITAL = /^[A-Z]/;

/**
 * How many tokens from i (up to max) can be the words of one multiword unit: plain words, each after the
 * previous one and a single space, none but the first capitalised.
 */
function plainWordsFrom(text: string, toks: readonly Token[], i: number, max: number): number {
  let n = 0;
  for (; n < max && i + n < toks.length; n++) {
    const w = toks[i + n] as Token;
    if (!w.word || !PLAIN.test(w.text)) break;
    if (n > 0) {
      const prevEnd = (toks[i + n - 1] as Token).end;
      if (w.start !== prevEnd + 1 || text.charCodeAt(prevEnd) !== 32 || CAPITAL.test(w.text)) break;
    }
  }
  return n;
}

// spin-context, spin-names and spin-pairs each read the units of the same document in one spin pass:
// worked out once per document (read-only), as tokenize does for the tokens
const UNIT_LISTS_MEMO = resource(
  'spin units of a text (memo)',
  () => new Memo<string, { units: readonly Unit[]; toks: readonly Token[] }>(16),
);

/** Content units of a text, in order, non-overlapping (a multiword lemma wins over its words). Shared: read-only. */
export function spinUnits(text: string): { units: readonly Unit[]; toks: readonly Token[] } {
  return text.length < 200 ? unitsOf(text) : use(UNIT_LISTS_MEMO).get(text, unitsOf);
}

function unitsOf(text: string): { units: Unit[]; toks: readonly Token[] } {
  const toks = tokenize(text);
  const units: Unit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (!t.word || !ALPHA.test(t.text)) continue;
    const lower = t.text.toLowerCase();
    const start = isSentenceStart(toks, i);
    if (/^[A-Z]/.test(t.text) && !start) continue; // names stay
    let took = false;
    // a stopword starts no multiword unit (and is no unit itself)
    const plainRun = STOPWORDS.has(lower) ? 0 : plainWordsFrom(text, toks, i, 3);
    for (let n = Math.min(3, plainRun); n >= 2; n--) {
      const parts = toks.slice(i, i + n).map((w) => w.text.toLowerCase());
      if (!mayBeMultiwordWords(parts)) continue; // no reading, so no senses: kept out of the mates table
      const form = parts.join(' ');
      const m = cachedMates(form);
      if (m.senses === 0) continue;
      units.push({
        start: t.start,
        end: (toks[i + n - 1] as Token).end,
        form,
        words: n,
        tok: i,
        sentenceStart: start,
        ...m,
      });
      i += n - 1;
      took = true;
      break;
    }
    if (took || STOPWORDS.has(lower) || lower.length < 3) continue;
    units.push({
      start: t.start,
      end: t.end,
      form: lower,
      words: 1,
      tok: i,
      sentenceStart: start,
      ...cachedMates(lower),
    });
  }
  return { units, toks };
}

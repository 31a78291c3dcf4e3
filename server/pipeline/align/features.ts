import type { Lang } from '../types.js';
import type { Lexicon } from '../../lang/lexicon.js';
import { enKey } from '../../lang/lexicon.js';
import { cognateKey, fold, isEnStopword, words } from '../../lang/text-norm.js';
import { factNumbers } from '../../lang/numbers.js';
import { MemoFamily } from '../../memo.js';
import { EN_MULTIPLIERS, TL_MULTIPLIERS, englishWords, tagalogWords } from '../../lang/numberWords.js';

// Each sentence becomes a bag of weighted tokens, each token a short list of integer "keys" it can be matched
// by: its identity, its spelling-normalised cognate prefix, and (Tagalog facing English) its dictionary
// translations. A token of one side is covered when any of its keys occurs among the other side's keys.

export type Mode = 'cross' | 'same' | 'plain';

export interface SentenceFeatures {
  chars: number;
  /** keys of token t are keys[off[t] .. off[t+1]) */
  off: Int32Array;
  keys: Int32Array;
  weight: Float32Array;
  /** per token: its identity key (the first of its keys), for document frequencies */
  ident: Int32Array;
  totalWeight: number;
  /** every key of the sentence once, for marking */
  bag: Int32Array;
}

export class KeySpace {
  private ids = new Map<string, number>();
  id(k: string): number {
    let v = this.ids.get(k);
    if (v === undefined) this.ids.set(k, (v = this.ids.size));
    return v;
  }
  get size(): number {
    return this.ids.size;
  }
}

const MAX_TRANSLATIONS = 6;

export interface FeatureContext {
  mode: Mode;
  lang: Lang;
  lexicon: Lexicon | null;
  space: KeySpace;
  /** per-document memo of word → key ids (null: not a content word); words repeat a lot */
  memo?: Map<string, Int32Array | null>;
}

function tokenKeys(w: string, ctx: FeatureContext): string[] | null {
  const f = fold(w);
  // Digits are read as whole numbers (1,200 · 3.5) by factNumbers below, not as word tokens.
  if (!f || /^\d/.test(f)) return null;
  const digits = false;
  const keys: string[] = [];
  if (ctx.lang === 'tl' && ctx.lexicon) {
    if (!digits && ctx.lexicon.isTlStopword(f)) return null;
    keys.push('w:' + f);
    for (const t of ctx.lexicon.translate(f).slice(0, MAX_TRANSLATIONS)) keys.push('w:' + t.en);
  } else if (ctx.lang === 'en') {
    if (!digits && isEnStopword(f)) return null;
    keys.push('w:' + enKey(f));
    if (ctx.mode === 'cross') keys.push('w:' + f);
  } else {
    // No stopword list for other languages: short words are mostly function words and rarely cognates.
    if (!digits && f.length < 4) return null;
    keys.push('w:' + f);
  }
  const ck = digits ? null : cognateKey(f);
  if (ck) keys.push('c:' + ck);
  return keys;
}

// A word's keys depend only on the word, the language, the mode and the lexicon: worked out once per batch
// rather than once per alignment (the per-alignment memo only spans one document pair).
const NO_LEXICON = {};
const keyMemos = new WeakMap<object, MemoFamily<string, string[] | null>>();
function keysOfWord(w: string, ctx: FeatureContext): string[] | null {
  const owner = ctx.lexicon ?? NO_LEXICON;
  let family = keyMemos.get(owner);
  if (!family) keyMemos.set(owner, (family = new MemoFamily<string, string[] | null>(100_000)));
  return family.table(ctx.lang + ctx.mode).get(w, () => {
    const ks = tokenKeys(w, ctx);
    return ks && [...new Set(ks)];
  });
}

export function sentenceFeatures(text: string, ctx: FeatureContext): SentenceFeatures {
  const off: number[] = [0];
  const keys: number[] = [];
  const weight: number[] = [];
  const ident: number[] = [];
  const bag = new Set<number>();
  const toks = words(text);
  let total = 0;
  toks.forEach((w, idx) => {
    let ids = ctx.memo?.get(w);
    if (ids === undefined) {
      const ks = keysOfWord(w, ctx);
      ids = ks ? Int32Array.from(ks, (k) => ctx.space.id(k)) : null;
      ctx.memo?.set(w, ids);
    }
    if (!ids) return;
    for (const id of ids) {
      keys.push(id);
      bag.add(id);
    }
    ident.push(ids[0] as number);
    off.push(keys.length);
    // Numbers and names are the anchors comparable articles share; they weigh more than common words.
    const isNum = /^\d/.test(w);
    const isName = idx > 0 && /^\p{Lu}/u.test(w);
    const wt = isNum ? 2 : isName ? 1.5 : 1;
    weight.push(wt);
    total += wt;
  });
  // Numbers (digits and number words, "dalawampu't lima" = 25) are anchors across languages: one token each.
  // The extractor is only run where a number can be (a quarter of the aligner's time went to it otherwise).
  for (const num of mayHoldNumber(toks) ? factNumbers(text, ctx.lang) : []) {
    const id = ctx.space.id('n:' + num.value);
    keys.push(id);
    bag.add(id);
    off.push(keys.length);
    ident.push(id);
    weight.push(2);
    total += 2;
  }
  return {
    chars: text.length,
    off: Int32Array.from(off),
    keys: Int32Array.from(keys),
    weight: Float32Array.from(weight),
    ident: Int32Array.from(ident),
    totalWeight: total,
    bag: Int32Array.from(bag),
  };
}

/**
 * Down-weights words that occur in many sentences of the pair (in a story every sentence says "Putin" and
 * "North Korea"; such words cannot tell sentences apart): weight / (1 + ln df), df over both sides.
 */
export function weighByDocumentFrequency(sides: SentenceFeatures[][], keySpace: number): void {
  const df = new Int32Array(keySpace);
  for (const side of sides) for (const f of side) for (const id of new Set(f.ident)) df[id] = (df[id] as number) + 1;
  for (const side of sides) {
    for (const f of side) {
      let total = 0;
      for (let t = 0; t < f.weight.length; t++) {
        const w = (f.weight[t] as number) / (1 + Math.log(Math.max(1, df[f.ident[t] as number] as number)));
        f.weight[t] = w;
        total += w;
      }
      f.totalWeight = total;
    }
  }
}

let numberStarts: Set<string> | null = null;

/** Whether a digit or a word starting like a number word (its first 3 letters) occurs among the tokens. */
function mayHoldNumber(toks: string[]): boolean {
  if (!numberStarts) {
    numberStarts = new Set(['ika']);
    const all = [
      ...englishWords().keys(),
      ...tagalogWords().keys(),
      ...Object.keys(EN_MULTIPLIERS),
      ...Object.keys(TL_MULTIPLIERS),
    ];
    for (const w of all) numberStarts.add(fold(w).slice(0, 3));
  }
  for (const t of toks) {
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) return true;
    if (numberStarts.has(fold(t).slice(0, 3))) return true;
  }
  return false;
}

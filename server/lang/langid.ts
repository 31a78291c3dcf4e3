import { franc } from 'franc';
import type { Lang } from '../pipeline/types.js';

// Language id for tapat: Tagalog, English, or something else. franc is restricted to the languages we
// expect in scraped Philippine/English news plus a few likely third languages (mapped to 'other'):
// restricting it makes short strings far more reliable than picking among 400 languages, and cheaper.
export const FRANC_LANGS = ['eng', 'tgl', 'spa', 'ind', 'fra', 'deu', 'rus', 'tur', 'por', 'ita'] as const;

// Function words that decide en/tl on their own when they clearly agree (franc's trigrams are weak on
// short lines full of names). Words shared by both languages ("at", "may") are left out on purpose.
const EN_WORDS = new Set(
  (
    'the of and to in is was that for on with as by from his her it he she they are were be has have had will ' +
    'would this an a not but which who said its their been or after about than there what also we our you your ' +
    "i my me do did does don’t don't can could should if so all when how out up into over just like them then " +
    'these those because before any other only through between while where why am being here been very'
  ).split(' '),
);
const TL_WORDS = new Set(
  (
    'ang ng sa na si ni ay mga kay para ito niya nila hindi din rin ko mo siya sila kanilang noong nang dahil ' +
    'pero ngunit lamang lang po ba pa naman isang ayon habang mula upang kung tayo kami namin natin wala ' +
    'mayroon ngayon sabi sinabi ating aming kanya iyon dito doon sina nina kina pang ako ikaw akin kaniya ' +
    'kanila ninyo kayo amin atin nga kasi yung iyong iyan ganito paano bakit saan kailan sino ano gusto dapat ' +
    'kailangan marami lahat bawat walang huwag oo opo mong kong niyang ka'
  ).split(' '),
);
// Lowercase words allowed inside a name-only line ("Kim Jong Un and Vladimir Putin", "Source: Biobiochile").
const NAME_LINKERS = new Set('and at of the ng ni si kay sa y de la del dela van von bin al da dos'.split(' '));

const WORD_RE = /\p{L}[\p{L}\p{M}'’-]*/gu;
const FRANC_MAX = 400; // franc's verdict settles well before this; longer input only costs time
const SAMPLE_CHARS = 2000;
/** Share of words that are function words above which en/tl is decided without franc. */
const DENSE_SHARE = 0.15;

/** Maps a declared language tag (JSONL "lang", html lang) to ours; null when absent or unusable. */
export function normalizeLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'tl' || base === 'tgl' || base === 'fil') return 'tl';
  if (base === 'en' || base === 'eng') return 'en';
  return /^[a-z]{2,3}$/.test(base) ? 'other' : null;
}

export interface LangEvidence {
  en: number; // English function words
  tl: number; // Tagalog function words
  words: number;
  nameOnly: boolean; // every word is capitalised or a linker: names and headlines-of-names say nothing
}

export function langEvidence(text: string): LangEvidence {
  let en = 0;
  let tl = 0;
  let words = 0;
  let nameOnly = true;
  for (const m of text.matchAll(WORD_RE)) {
    const w = m[0];
    const lower = w.toLowerCase();
    words++;
    if (EN_WORDS.has(lower)) en++;
    if (TL_WORDS.has(lower)) tl++;
    if (nameOnly && w === lower && !NAME_LINKERS.has(lower)) nameOnly = false;
  }
  return { en, tl, words, nameOnly };
}

/** Letters, and how many of them are Latin script; a char-code fast path, as this runs on every sentence. */
function countLetters(text: string): { letters: number; latin: number } {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) (letters++, latin++);
    } else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) {
      letters++;
      latin++;
    } else if (c < 0xd800 || c > 0xdfff) {
      const ch = text[i]!;
      if (/\p{L}/u.test(ch)) {
        letters++;
        if (/\p{Script=Latin}/u.test(ch)) latin++;
      }
    }
  }
  return { letters, latin };
}

/**
 * The language of a short text, or null when the text says too little (very short, names only, numbers)
 * and the caller should use the document's language.
 */
export function detectLang(fullText: string): Lang | null {
  // The first stretch of a long sentence says as much as all of it, at a bounded cost.
  const text = fullText.length > SAMPLE_CHARS ? fullText.slice(0, SAMPLE_CHARS) : fullText;
  const { letters, latin } = countLetters(text);
  if (letters >= 3 && latin * 2 < letters) return 'other'; // Cyrillic, CJK, Arabic…: not tl or en
  if (letters < 12) return null;
  const ev = langEvidence(text);
  if (ev.nameOnly) return null;
  // Real en/tl text is dense with its function words (a third or more of the words); a Spanish or Italian
  // line may hold a stray "a" or "para", but sparsely.
  const dense = (hits: number): boolean => hits >= 2 && hits >= ev.words * DENSE_SHARE;
  if (dense(ev.tl) && ev.tl >= 2 * ev.en) return 'tl';
  if (dense(ev.en) && ev.en >= 2 * ev.tl) return 'en';
  // Short lines without a single function word ("Talks ended at 3 p.m. Monday.") are where trigram
  // statistics guess: the document's language is the better bet there.
  if (letters < 40 && ev.en + ev.tl === 0) return null;
  const code = franc(text.slice(0, FRANC_MAX), { only: [...FRANC_LANGS], minLength: 10 });
  if (code === 'eng') return 'en';
  if (code === 'tgl') return 'tl';
  if (code === 'und') return null;
  // A third language wins only on enough text with few en/tl function words; franc confuses short en/tl
  // lines with Indonesian or Spanish far more often than a third language really appears in one line.
  if (letters >= 40 && ev.en + ev.tl < ev.words * DENSE_SHARE) return 'other';
  if (ev.tl > ev.en) return 'tl';
  if (ev.en > ev.tl) return 'en';
  return null;
}

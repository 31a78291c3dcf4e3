import {
  AFTER_TIME,
  INNER_DOTTED,
  NUMBER_ABBREVIATIONS,
  SENTENCE_STARTERS,
  TITLE_ABBREVIATIONS,
} from './abbreviations.js';

// Sentences of one paragraph: Intl.Segmenter (ICU's UAX #29 rules) on bounded chunks, then a merge pass
// for what ICU splits wrongly in news text (titles, initials, acronyms, times, stray periods).

export interface Range {
  start: number;
  end: number;
}

/** A range from ICU; `cut` when it begins where a too-long stretch was cut (never merged back). */
interface IcuRange extends Range {
  cut: boolean;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** ICU's sentence segmentation is superlinear on huge strings: never give it more than this at once. */
export const MAX_CHUNK = 8_000;
const CUT_LOOKBACK = 2_000;

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Trims whitespace off a range of `text`; null when nothing is left. */
function trimRange(text: string, start: number, end: number): Range | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Where to cut a too-long stretch: after a sentence end if one is near, else at whitespace, else anywhere safe. */
function cutPoint(text: string, from: number, limit: number): number {
  const lo = Math.max(from + 1, limit - CUT_LOOKBACK);
  let space = -1;
  for (let i = limit; i > lo; i--) {
    if (!isSpace(text[i])) continue;
    if (/[.!?。]["”’)\]]*$/.test(text.slice(Math.max(lo, i - 4), i))) return i;
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit; // never split a surrogate pair
}

/** ICU sentence ranges over [start, end) of `text`, in chunks of at most MAX_CHUNK characters. */
function icuRanges(text: string, start: number, end: number): IcuRange[] {
  const out: IcuRange[] = [];
  let from = start;
  while (from < end) {
    const to = end - from > MAX_CHUNK ? cutPoint(text, from, from + MAX_CHUNK) : end;
    // Line breaks inside a paragraph are wrapping, not sentence ends: ICU would split at each one.
    const chunk = text.slice(from, to).replace(/[\r\n\u2028\u2029\u0085]/g, ' ');
    let first = from > start;
    for (const s of segmenter.segment(chunk)) {
      const r = trimRange(text, from + s.index, from + s.index + s.segment.length);
      if (!r) continue;
      out.push({ ...r, cut: first });
      first = false;
    }
    from = to;
  }
  return out;
}

const lastToken = (s: string): string => s.slice(s.search(/\S+$/));
const firstWord = (s: string): string => /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(s)?.[0] ?? '';
const hasAlnum = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

/** Should the sentence `b` be joined to the sentence `a` before it? */
export function continues(a: string, b: string): boolean {
  if (!hasAlnum(b)) return true; // a lone "." or closing quote left over by ICU
  if (/^\(?(?:\p{N}{1,3}|\p{L})[.)]$/u.test(a)) return true; // an inline list number: "2. Arms talks.
  // Sentences start with a capital in both languages: "Yahoo! and Microsoft", "“Help!” he cried."
  if (/^\p{Ll}/u.test(b)) return true;
  // "public television. . Russia-1.": a stray period typed after a sentence end, then a short tag; one sentence.
  if (/[.!?]["”’)]*\s+\.$/.test(a) && b.split(/\s+/).length <= 3) return true;
  const tok = lastToken(a);
  if (!tok.endsWith('.')) return false;
  const bare = tok.replace(/^[("“‘'[]+/, '').slice(0, -1);
  const last = bare.slice(bare.lastIndexOf('-') + 1); // "Ex-Pres." → "Pres", "non-U.S." → "U.S"
  const lower = last.toLowerCase();
  const next = firstWord(b);
  const nextLower = next.toLowerCase();
  const nextIsNumber = /^\p{N}/u.test(b);
  if (TITLE_ABBREVIATIONS.has(lower) && /^\p{Lu}/u.test(last)) return true; // "Gen. Lee", "Gng. Cruz"
  if (NUMBER_ABBREVIATIONS.has(lower) && nextIsNumber) return true; // "No. 5", "Sept. 13"
  if (INNER_DOTTED.has(lower)) return true; // "e.g. Russia", "Russia vs. Ukraine"
  if (/^(?:a|p)\.m$/i.test(last)) return AFTER_TIME.has(nextLower); // "3 p.m. Monday" / "3 p.m. The …"
  // Initials and dotted acronyms run on into a capitalised word unless that word usually opens a sentence:
  // "John F. Kennedy", "G. Santos", "U.S. Navy", "non-U.S. Arctic peoples" / "in the U.S. The next day".
  // (A sentence ending in "U.S." followed by a name is merged wrongly; in news it is far rarer than
  // "U.S. Noun" inside a sentence.)
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(last)) return next !== '' && !SENTENCE_STARTERS.has(nextLower);
  return false;
}

/** Sentence ranges (document offsets, trimmed) of the paragraph text [start, end). */
export function splitSentences(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  for (const r of icuRanges(text, start, end)) {
    const prev = out[out.length - 1];
    if (prev && !r.cut && continues(text.slice(prev.start, prev.end), text.slice(r.start, r.end))) prev.end = r.end;
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

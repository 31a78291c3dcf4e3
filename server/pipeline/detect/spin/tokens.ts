// Word tokens with their offsets: the unit of the spin diff and of lexicon matching.

import { Memo } from '../../../memo.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  word: boolean; // letters/digits (with inner ' ’ . -), else one punctuation character
}

// abbreviations (U.S.), numbers with separators (1,000.5), words with inner apostrophes and hyphens; a full
// stop between two words ("cancelled.School", a scrape's lost space) splits them
const TOKEN =
  /(?:\p{L}\.){2,}|\p{N}+(?:[.,]\p{N}+)*(?:[\p{L}\p{M}]+)?|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** The tokens of a text, in order. The array is shared (read-only): each spin detector reads the same document. */
export function tokenize(text: string): readonly Token[] {
  // a document is tokenised by half a dozen detectors in turn; short spans (a diff hunk) are cheap to redo
  return text.length < 200 ? tokensOf(text) : documents.get(text, tokensOf);
}

const documents = new Memo<string, readonly Token[]>(16);

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    out.push({ text: t, start: m.index, end: m.index + t.length, word: /[\p{L}\p{N}]/u.test(t) });
  }
  return out;
}

/** Folds typographic apostrophes so "wasn’t" and "wasn't" compare equal. */
export const norm = (s: string): string => s.toLowerCase().replace(/’/g, "'");

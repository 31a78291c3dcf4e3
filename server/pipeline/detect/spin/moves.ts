import { negations, words } from './claims.js';
import type { Hunk } from './diff.js';
import { STOPWORDS } from './stopwords.js';
import { norm, tokenize } from './tokens.js';

// A spinner's word-order change ("Kim and Putin" → "Putin and Kim") shows in the word diff as words
// dropped in one place and the same words added a little further on; each hunk alone reads as a name or
// a number changed. A hunk whose content words all reappear on the other side of its neighbours is a move.

const NEAR = 120; // characters: a move stays inside its sentence

const contentWords = (s: string): string[] =>
  tokenize(s)
    .map((t) => (t.word ? norm(t.text) : ''))
    .filter((w) => w && !STOPWORDS.has(w));

/** Indexes of the hunks that only move words (their words appear, the other way round, in nearby hunks). */
export function movedHunks(text: string, original: string, hunks: readonly Hunk[]): Set<number> {
  const sides = hunks.map((h) => ({
    spun: contentWords(text.slice(h.start, h.end)),
    orig: contentWords(original.slice(h.origStart, h.origEnd)),
  }));
  const out = new Set<number>();
  hunks.forEach((h, i) => {
    const mine = sides[i] as { spun: string[]; orig: string[] };
    if (mine.spun.length + mine.orig.length === 0) return;
    // a negation added here and another dropped there are two changes of claim, never one move
    if (negations(words(text.slice(h.start, h.end))) + negations(words(original.slice(h.origStart, h.origEnd))) > 0)
      return;
    const near = hunks.map((o, j) => ({ o, j })).filter(({ o, j }) => j !== i && Math.abs(o.start - h.start) <= NEAR);
    if (near.length === 0) return;
    const addedElsewhere = new Set(near.flatMap(({ j }) => (sides[j] as { spun: string[] }).spun));
    const droppedElsewhere = new Set(near.flatMap(({ j }) => (sides[j] as { orig: string[] }).orig));
    if (mine.orig.every((w) => addedElsewhere.has(w)) && mine.spun.every((w) => droppedElsewhere.has(w))) out.add(i);
  });
  return out;
}

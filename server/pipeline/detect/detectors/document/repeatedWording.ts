import type { DocDetector } from '../../types.js';
import type { Finding } from '../../../types.js';
import { plainWord } from '../../../../lang/numberWords.js';
import { th } from '../../thresholds.js';
import { qualifyingPairs, type WordList } from './near-repeats.js';

// A sentence repeated in a document (typically the title, scraped twice) with different wording: one of
// the two is a different, possibly wrong, rendering (seed 000: "Si Vladimir Putin ay binati …" then
// "Batiin ni Vladimir Putin …"). Exact repeats are not flagged here.

const words = (s: string) => plainWord(s).match(/[\p{L}\d]+/gu) ?? [];

function diffWords(a: string[], b: string[], sa: Set<string>, sb: Set<string>): { onlyA: string[]; onlyB: string[] } {
  return { onlyA: a.filter((w) => !sb.has(w)), onlyB: b.filter((w) => !sa.has(w)) };
}

/** Whether a and b differ in more than `budget` words, counted without allocating (most pairs do, early). */
function differsBeyond(a: string[], b: string[], sa: Set<string>, sb: Set<string>, budget: number): boolean {
  let n = 0;
  for (const w of a) if (!sb.has(w) && ++n > budget) return true;
  for (const w of b) if (!sa.has(w) && ++n > budget) return true;
  return false;
}

export const repeatedWordingDetector: DocDetector = {
  id: 'repeated-wording',
  name: 'Inconsistent repetition',
  description: 'A sentence (often the title) is repeated in the document with different wording.',
  category: 'fluency/inconsistency',
  defaultSeverity: 'minor',
  scope: 'document',
  thresholds: { minOverlap: 0.6, minWords: 6 },
  examples: {
    pass: [
      {
        text: 'Putin arrives in North Korea for his first visit in 24 years\n\nPutin arrives in North Korea for his first visit in 24 years\n\nThe visit began on Wednesday.',
      },
    ],
    fail: [
      {
        text: 'Si Vladimir Putin ay binati ang pinuno ng North Korea na si Kim Jong Un sa silangang Rusya\n\nBatiin ni Vladimir Putin ang pinuno ng North Korea na si Kim Jong Un sa silangang Rusya',
      },
    ],
  },
  run(ctx) {
    const minWords = th(this, ctx.thresholds, 'minWords');
    const minOverlap = th(this, ctx.thresholds, 'minOverlap');
    // Sentences with the same word list form one class (see near-repeats.ts): classes in order of first use.
    const classOf = new Map<string, { w: string[]; set: Set<string>; first: number }>();
    const segs = ctx.doc.segments
      .filter((s) => !s.boilerplate)
      .map((s, at) => {
        const w = words(s.text);
        const key = w.join(' ');
        let c = classOf.get(key);
        if (!c) classOf.set(key, (c = { w, set: new Set(w), first: at }));
        return { s, w, set: c.set, cls: c };
      });
    const classes = [...classOf.values()].filter((c) => c.w.length >= minWords);
    const qualifies = (a: WordList, b: WordList): boolean => {
      // Cheap bound first: the length difference alone already counts as differing words.
      const budget = (1 - minOverlap) * (a.w.length + b.w.length);
      if (Math.abs(a.w.length - b.w.length) > budget || differsBeyond(a.w, b.w, a.set, b.set, budget)) return false;
      const { onlyA, onlyB } = diffWords(a.w, b.w, a.set, b.set);
      // Identical, or one merely extends the other (a summary bullet and its paragraph): not a rewording.
      if (!onlyA.length || !onlyB.length) return false;
      return 1 - (onlyA.length + onlyB.length) / (a.w.length + b.w.length) >= minOverlap;
    };
    // A sentence is flagged against the first sentence before it that qualifies with it (as the all-pairs
    // loop did): the earliest first use among the classes that qualify with its own.
    const earliest = new Map<(typeof classes)[number], number>();
    const note = (c: (typeof classes)[number], at: number) =>
      earliest.set(c, Math.min(earliest.get(c) ?? Infinity, at));
    for (const [i, j] of qualifyingPairs(classes, minOverlap, qualifies)) {
      note(classes[i]!, classes[j]!.first);
      note(classes[j]!, classes[i]!.first);
    }
    const matches: [number, number][] = [];
    segs.forEach((b, at) => {
      const i = earliest.get(b.cls);
      if (i !== undefined && i < at) matches.push([i, at]);
    });
    // findings in the order of the all-pairs loop: by the earlier sentence, then the later
    matches.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const out: Finding[] = [];
    for (const [ai, bi] of matches) {
      const a = segs[ai]!;
      const b = segs[bi]!;
      const { onlyA, onlyB } = diffWords(a.w, b.w, a.set, b.set);
      const overlap = 1 - (onlyA.length + onlyB.length) / (a.w.length + b.w.length);
      out.push({
        detector: this.id,
        category: this.category,
        severity: 'minor',
        confidence: Math.min(0.9, overlap),
        rawScore: overlap,
        segments: [b.s.index, a.s.index],
        otherSegments: [],
        span: { start: b.s.start, end: b.s.end },
        otherSpan: null,
        message: `Sentence ${b.s.index + 1} repeats sentence ${a.s.index + 1} with different wording: "${onlyA.join(' ')}" became "${onlyB.join(' ')}"`,
        evidence: {
          first: a.s.text.slice(0, 200),
          repeat: b.s.text.slice(0, 200),
          onlyFirst: onlyA,
          onlyRepeat: onlyB,
          overlap: Number(overlap.toFixed(3)),
        },
        suggestion: null,
      });
    }
    return out;
  },
};

import type { DocDetector } from '../../types.js';
import type { Finding } from '../../../types.js';
import { plainWord } from '../../../../lang/numberWords.js';
import { th } from '../../thresholds.js';

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
      { text: 'Putin arrives in North Korea for his first visit in 24 years\n\nPutin arrives in North Korea for his first visit in 24 years\n\nThe visit began on Wednesday.' },
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
    const segs = ctx.doc.segments.filter((s) => !s.boilerplate).map((s) => {
      const w = words(s.text);
      return { s, w, set: new Set(w) };
    });
    const out: Finding[] = [];
    const flagged = new Set<number>();
    for (let i = 0; i < segs.length; i++) {
      const a = segs[i]!;
      if (a.w.length < minWords) continue;
      for (let j = i + 1; j < segs.length; j++) {
        const b = segs[j]!;
        if (b.w.length < minWords || flagged.has(b.s.index)) continue;
        // Cheap bound first (every pair of a long document is visited): the length difference alone already
        // counts as differing words.
        const budget = (1 - minOverlap) * (a.w.length + b.w.length);
        if (Math.abs(a.w.length - b.w.length) > budget || differsBeyond(a.w, b.w, a.set, b.set, budget)) continue;
        const { onlyA, onlyB } = diffWords(a.w, b.w, a.set, b.set);
        // Identical, or one merely extends the other (a summary bullet and its paragraph): not a rewording.
        if (!onlyA.length || !onlyB.length) continue;
        const overlap = 1 - (onlyA.length + onlyB.length) / (a.w.length + b.w.length);
        if (overlap < minOverlap) continue;
        flagged.add(b.s.index);
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
          evidence: { first: a.s.text.slice(0, 200), repeat: b.s.text.slice(0, 200), onlyFirst: onlyA, onlyRepeat: onlyB, overlap: Number(overlap.toFixed(3)) },
          suggestion: null,
        });
      }
    }
    return out;
  },
};

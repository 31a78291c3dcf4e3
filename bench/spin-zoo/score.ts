// Scoring helpers of the zoo bench: one-to-one span matching by character overlap (as bench/spin.ts does;
// an empty span, a dropped full stop, counts as one character wide) and precision/recall/F1.

export interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span): boolean => a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);

/** Pairs each predicted span with the first unused gold span it overlaps (a predicted span counts once). */
export function match<P extends Span, G extends Span>(pred: readonly P[], gold: readonly G[]): [P, G][] {
  const pairs: [P, G][] = [];
  const used = new Set<number>();
  for (const p of pred) {
    const gi = gold.findIndex((g, i) => !used.has(i) && overlaps(p, g));
    if (gi >= 0) {
      used.add(gi);
      pairs.push([p, gold[gi] as G]);
    }
  }
  return pairs;
}

export const anyOverlap = (s: Span, others: readonly Span[]): boolean => others.some((o) => overlaps(s, o));

export const round = (x: number): number => Math.round(x * 10000) / 10000;

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  predicted: number;
  gold: number;
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const p = predicted ? tp / predicted : 1;
  const r = gold ? tp / gold : 1;
  return { precision: round(p), recall: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0), tp, predicted, gold };
}

/** A share with its counts, so a figure on 9 changes is not read like one on 900. */
export const share = (hit: number, of: number): { share: number | null; hit: number; of: number } => ({ share: of ? round(hit / of) : null, hit, of });

// Scoring helpers of the zoo bench: one-to-one span matching by character overlap and precision/recall/F1.
// An empty span (a dropped full stop, a dropped "not") sits between two characters: it counts as covering
// two characters on each side, so a deletion placed before or after the space, or at the edge of the
// neighbouring word's change, still meets its gold.

export interface Span {
  start: number;
  end: number;
}

const reach = (s: Span): [number, number] => (s.end > s.start ? [s.start, s.end] : [s.start - 2, s.start + 2]);
const overlaps = (a: Span, b: Span): boolean => {
  const [a0, a1] = reach(a);
  const [b0, b1] = reach(b);
  return a0 < b1 && b0 < a1;
};

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
export const share = (hit: number, of: number): { share: number | null; hit: number; of: number } => ({
  share: of ? round(hit / of) : null,
  hit,
  of,
});

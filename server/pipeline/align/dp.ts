// Banded dynamic program over beads. State (i, j) = the first i source and j target sentences are aligned.
// The first band follows the length-scaled diagonal j ≈ i·M/N with half-width w; when the best path touches
// the band's edge the caller re-centres the band on that path (and widens it) and reruns, so the cost stays
// O((N+M)·w) even when deletions on one side make the true path drift far from the diagonal.

export type BeadShape = readonly [number, number];
/** Link shapes first; 1-0 and 0-1 are handled through the skip costs. */
export const LINK_SHAPES: readonly BeadShape[] = [
  [1, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [3, 1],
  [1, 3],
];

export interface DpCosts {
  /** Cost of linking src [i-a, i) with tgt [j-b, j). */
  link(i: number, a: number, j: number, b: number): number;
  skipSrc(i: number): number; // cost of src sentence i having no counterpart
  skipTgt(j: number): number;
}

export interface DpPath {
  beads: { i0: number; i1: number; j0: number; j1: number }[];
  cost: number;
  touchesEdge: boolean;
}

const SKIP_SRC = 6;
const SKIP_TGT = 7;

export interface Band {
  lo: Int32Array; // per source position i, the lowest target position in the band
  hi: Int32Array;
}

export function diagonalBand(n: number, m: number, w: number): Band {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const c = n === 0 ? 0 : (i * m) / n;
    lo[i] = Math.max(0, Math.floor(c) - w);
    hi[i] = Math.min(m, Math.ceil(c) + w);
  }
  return { lo, hi };
}

/** A band of half-width w around a previous path (which therefore stays feasible). */
export function pathBand(n: number, m: number, path: DpPath, w: number): Band {
  const lo = new Int32Array(n + 1).fill(m);
  const hi = new Int32Array(n + 1);
  const touch = (i: number, j: number): void => {
    for (let d = -w; d <= w; d++) {
      const ii = i + d;
      if (ii < 0 || ii > n) continue;
      lo[ii] = Math.min(lo[ii] as number, Math.max(0, j - w));
      hi[ii] = Math.max(hi[ii] as number, Math.min(m, j + w));
    }
  };
  touch(0, 0);
  for (const b of path.beads) touch(b.i1, b.j1);
  return { lo, hi };
}

export function bandedDp(n: number, m: number, band: Band, costs: DpCosts, shapes: readonly BeadShape[]): DpPath {
  const { lo, hi } = band;
  lo[0] = 0; // the corners must be inside the band whatever it is
  hi[n] = m;
  const rowOff = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) rowOff[i + 1] = (rowOff[i] as number) + (hi[i] as number) - (lo[i] as number) + 1;
  const size = rowOff[n + 1] as number;
  const cost = new Float64Array(size).fill(Infinity);
  const back = new Uint8Array(size);
  const at = (i: number, j: number): number =>
    j < (lo[i] as number) || j > (hi[i] as number) ? -1 : (rowOff[i] as number) + j - (lo[i] as number);

  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i] as number; j <= (hi[i] as number); j++) {
      const here = at(i, j);
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let arg = 255;
      if (i > 0) {
        const p = at(i - 1, j);
        if (p >= 0) {
          const c = (cost[p] as number) + costs.skipSrc(i - 1);
          if (c < best) ((best = c), (arg = SKIP_SRC));
        }
      }
      if (j > 0) {
        const p = at(i, j - 1);
        if (p >= 0) {
          const c = (cost[p] as number) + costs.skipTgt(j - 1);
          if (c < best) ((best = c), (arg = SKIP_TGT));
        }
      }
      for (let s = 0; s < shapes.length; s++) {
        const [a, b] = shapes[s] as BeadShape;
        if (i < a || j < b) continue;
        const p = at(i - a, j - b);
        if (p < 0) continue;
        const prev = cost[p] as number;
        if (prev === Infinity || prev >= best) continue;
        const c = prev + costs.link(i, a, j, b);
        if (c < best) ((best = c), (arg = s));
      }
      cost[here] = best;
      back[here] = arg;
    }
  }

  const beads: DpPath['beads'] = [];
  let touchesEdge = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if ((j === lo[i] && j > 0) || (j === hi[i] && j < m)) touchesEdge = true;
    const arg = back[at(i, j)] as number;
    const [a, b] = arg === SKIP_SRC ? [1, 0] : arg === SKIP_TGT ? [0, 1] : (shapes[arg] as BeadShape);
    beads.push({ i0: i - a, i1: i, j0: j - b, j1: j });
    i -= a;
    j -= b;
  }
  beads.reverse();
  return { beads, cost: cost[size - 1] as number, touchesEdge };
}

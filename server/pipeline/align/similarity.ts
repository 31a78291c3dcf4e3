import type { SentenceFeatures } from './features.js';

// Weighted two-way coverage of a bead (a run of source sentences against a run of target sentences).
// Only 1-1 pairs are computed from keys (marked in a stamp array: no allocation per pair) and cached;
// a merged bead adds up its pairs' hits, capped per sentence. That is exact for the side that is split
// and slightly generous for the merged side (a word covered twice counts once per covering sentence,
// up to the cap). It keeps every bead shape O(1) after the pairs, which is most of the aligner's time.

const WINDOW_SLACK = 24; // a row's window grows by at least this much, so it is rarely reallocated

export class CoverageScorer {
  private stamp: Int32Array;
  private tick = 0;
  // Computed pairs per source row: a window of target positions [rowLo[i], rowLo[i] + len/2), hits interleaved
  // (source side, target side), NaN = not computed yet. The band keeps each row's window narrow.
  private rows: (Float32Array | undefined)[];
  private rowLo: Int32Array;

  constructor(
    private readonly src: SentenceFeatures[],
    private readonly tgt: SentenceFeatures[],
    keySpace: number,
    private readonly combine: 'min' | 'mean',
  ) {
    this.stamp = new Int32Array(keySpace);
    this.rows = new Array<Float32Array | undefined>(src.length);
    this.rowLo = new Int32Array(src.length);
  }

  private mark(f: SentenceFeatures): number {
    const t = ++this.tick;
    const bag = f.bag;
    for (let k = 0; k < bag.length; k++) this.stamp[bag[k] as number] = t;
    return t;
  }

  private covered(f: SentenceFeatures, t: number): number {
    let hit = 0;
    const n = f.weight.length;
    for (let tok = 0; tok < n; tok++) {
      const end = f.off[tok + 1] as number;
      for (let k = f.off[tok] as number; k < end; k++) {
        if (this.stamp[f.keys[k] as number] === t) {
          hit += f.weight[tok] as number;
          break;
        }
      }
    }
    return hit;
  }

  /** Row i's window, with pair (i, j) in it computed. */
  private pair(i: number, j: number): Float32Array {
    let row = this.rows[i];
    let lo = this.rowLo[i] as number;
    if (!row || j < lo || j >= lo + row.length / 2) {
      const from = row ? Math.min(lo, j - WINDOW_SLACK) : j - WINDOW_SLACK;
      const to = row ? Math.max(lo + row.length / 2, j + WINDOW_SLACK) : j + WINDOW_SLACK;
      const grown = new Float32Array((to - from) * 2).fill(Number.NaN);
      if (row) grown.set(row, (lo - from) * 2);
      this.rows[i] = row = grown;
      this.rowLo[i] = lo = from;
    }
    const o = (j - lo) * 2;
    if (Number.isNaN(row[o] as number)) {
      const sf = this.src[i] as SentenceFeatures;
      const tf = this.tgt[j] as SentenceFeatures;
      const hs = this.covered(sf, this.mark(tf));
      row[o] = hs;
      // Under 'min' a pair with no source word covered scores 0 whatever the target side says: skip that half.
      row[o + 1] = hs === 0 && this.combine === 'min' ? 0 : this.covered(tf, this.mark(sf));
    }
    return row;
  }

  private hitS(i: number, j: number): number {
    return this.pair(i, j)[(j - (this.rowLo[i] as number)) * 2] as number;
  }

  private hitT(i: number, j: number): number {
    return this.pair(i, j)[(j - (this.rowLo[i] as number)) * 2 + 1] as number;
  }

  /** Similarity of src[i0..i1) × tgt[j0..j1) in [0,1]; 0 when either side has no content words. */
  sim(i0: number, i1: number, j0: number, j1: number): number {
    let hs = 0;
    let ts = 0;
    for (let i = i0; i < i1; i++) {
      const tot = (this.src[i] as SentenceFeatures).totalWeight;
      let h = 0;
      for (let j = j0; j < j1; j++) h += this.hitS(i, j);
      hs += Math.min(tot, h);
      ts += tot;
    }
    let ht = 0;
    let tt = 0;
    for (let j = j0; j < j1; j++) {
      const tot = (this.tgt[j] as SentenceFeatures).totalWeight;
      let h = 0;
      for (let i = i0; i < i1; i++) h += this.hitT(i, j);
      ht += Math.min(tot, h);
      tt += tot;
    }
    if (ts === 0 || tt === 0) return 0;
    // 'min' where word evidence is rich (a sentence merged in without a counterpart halves one side's coverage,
    // which a mean would only dent); 'mean' where it is sparse (cognates only), so one empty side is not fatal.
    return this.combine === 'min' ? Math.min(hs / ts, ht / tt) : (hs / ts + ht / tt) / 2;
  }
}

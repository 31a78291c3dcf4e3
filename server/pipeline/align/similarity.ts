import type { SentenceFeatures } from './features.js';

// Weighted two-way coverage of a bead (a run of source sentences against a run of target sentences).
// Only 1-1 pairs are computed from keys (marked in a stamp array: no allocation per pair) and cached;
// a merged bead adds up its pairs' hits, capped per sentence. That is exact for the side that is split
// and slightly generous for the merged side (a word covered twice counts once per covering sentence,
// up to the cap). It keeps every bead shape O(1) after the pairs, which is most of the aligner's time.

export class CoverageScorer {
  private stamp: Int32Array;
  private tick = 0;
  // Open-addressing hash of computed pairs: key i·(M+1)+j+1 (0 = empty) → hits. A Map was the hot spot.
  private keys: Float64Array;
  private hs: Float32Array;
  private ht: Float32Array;
  private used = 0;

  constructor(
    private readonly src: SentenceFeatures[],
    private readonly tgt: SentenceFeatures[],
    keySpace: number,
    private readonly combine: 'min' | 'mean',
  ) {
    this.stamp = new Int32Array(keySpace);
    // Sized for a band of ~64 pairs per sentence, so long documents rarely rehash.
    let size = 1 << 12;
    while (size < (src.length + tgt.length) * 64 && size < 1 << 22) size <<= 1;
    this.keys = new Float64Array(size);
    this.hs = new Float32Array(size);
    this.ht = new Float32Array(size);
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

  /** Cache slot of pair (i, j), computing its hits on first use. */
  private pair(i: number, j: number): number {
    const key = i * (this.tgt.length + 1) + j + 1;
    const mask = this.keys.length - 1;
    let s = (Math.imul(key | 0, 0x9e3779b1) ^ ((key / 4294967296) | 0)) & mask;
    for (;;) {
      const k = this.keys[s] as number;
      if (k === key) return s;
      if (k === 0) break;
      s = (s + 1) & mask;
    }
    if ((this.used + 1) * 2 > this.keys.length) {
      this.grow();
      return this.pair(i, j);
    }
    const sf = this.src[i] as SentenceFeatures;
    const tf = this.tgt[j] as SentenceFeatures;
    this.keys[s] = key;
    const hs = this.covered(sf, this.mark(tf));
    this.hs[s] = hs;
    // Under 'min' a pair with no source word covered scores 0 whatever the target side says: skip that half.
    this.ht[s] = hs === 0 && this.combine === 'min' ? 0 : this.covered(tf, this.mark(sf));
    this.used++;
    return s;
  }

  private grow(): void {
    const { keys, hs, ht } = this;
    const size = keys.length * 2;
    this.keys = new Float64Array(size);
    this.hs = new Float32Array(size);
    this.ht = new Float32Array(size);
    const mask = size - 1;
    for (let o = 0; o < keys.length; o++) {
      const key = keys[o] as number;
      if (key === 0) continue;
      let s = (Math.imul(key | 0, 0x9e3779b1) ^ ((key / 4294967296) | 0)) & mask;
      while (this.keys[s] !== 0) s = (s + 1) & mask;
      this.keys[s] = key;
      this.hs[s] = hs[o] as number;
      this.ht[s] = ht[o] as number;
    }
  }

  /** Similarity of src[i0..i1) × tgt[j0..j1) in [0,1]; 0 when either side has no content words. */
  sim(i0: number, i1: number, j0: number, j1: number): number {
    let hs = 0;
    let ts = 0;
    for (let i = i0; i < i1; i++) {
      const tot = (this.src[i] as SentenceFeatures).totalWeight;
      let h = 0;
      for (let j = j0; j < j1; j++) h += this.hs[this.pair(i, j)] as number;
      hs += Math.min(tot, h);
      ts += tot;
    }
    let ht = 0;
    let tt = 0;
    for (let j = j0; j < j1; j++) {
      const tot = (this.tgt[j] as SentenceFeatures).totalWeight;
      let h = 0;
      for (let i = i0; i < i1; i++) h += this.ht[this.pair(i, j)] as number;
      ht += Math.min(tot, h);
      tt += tot;
    }
    if (ts === 0 || tt === 0) return 0;
    // 'min' where word evidence is rich (a sentence merged in without a counterpart halves one side's coverage,
    // which a mean would only dent); 'mean' where it is sparse (cognates only), so one empty side is not fatal.
    return this.combine === 'min' ? Math.min(hs / ts, ht / tt) : (hs / ts + ht / tt) / 2;
  }
}

import type { Bead, SegmentedDoc } from '../types.js';
import { alignSentences, type AlignOptions } from './index.js';
import { alignSide } from '../../core/align-side.js';

// Three-way (n-way) alignment of one story: every version is aligned to the pivot (pivot = src side),
// and the pairwise beads are merged into rows, one per story sentence across all versions.

export interface StoryVersion {
  documentId: number;
  doc: SegmentedDoc;
}

/** Beads of each version against the pivot (null for the pivot itself), in the order of `versions`. */
export function alignStory(versions: StoryVersion[], pivotIndex: number, opts: AlignOptions = {}): (Bead[] | null)[] {
  const pivot = versions[pivotIndex];
  if (!pivot) throw new RangeError(`pivot ${pivotIndex} is not one of ${versions.length} versions`);
  const pivotSide = alignSide(pivot.doc);
  return versions.map((v, k) => (k === pivotIndex ? null : alignSentences(pivotSide, alignSide(v.doc), opts)));
}

export interface StoryRow {
  /** sentence indexes per version (same order as the versions); [] where a version has nothing here */
  cells: number[][];
  /** per version, the score of the bead that put it in this row (null for the pivot and for empty cells) */
  scores: (number | null)[];
}

/**
 * Rows across versions: one row per pivot bead position; a version's sentences with no pivot counterpart get
 * rows of their own, placed after the pivot sentence they follow. Each sentence of each version is in one row.
 */
export function storyRows(
  versionCount: number,
  pivotIndex: number,
  pivotSentences: number,
  beads: (Bead[] | null)[],
): StoryRow[] {
  // Rows keyed by (pivot sentence, extra slot): slot 0 holds the pivot sentence, slots ≥1 hold insertions after it.
  const rows = new Map<string, StoryRow>();
  const order: [number, number, string][] = [];
  const row = (p: number, slot: number): StoryRow => {
    const key = `${p}:${slot}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        cells: Array.from({ length: versionCount }, () => []),
        scores: Array.from({ length: versionCount }, () => null),
      };
      rows.set(key, r);
      order.push([p, slot, key]);
    }
    return r;
  };
  for (let p = 0; p < pivotSentences; p++) (row(p, 0).cells[pivotIndex] as number[]).push(p);
  beads.forEach((list, v) => {
    if (!list) return;
    let lastPivot = -1;
    let slot = 0;
    for (const b of list) {
      if (b.src.length) {
        const r = row(b.src[0] as number, 0);
        (r.cells[v] as number[]).push(...b.tgt);
        if (b.tgt.length) r.scores[v] = b.score;
        lastPivot = b.src[b.src.length - 1] as number;
        slot = 0;
      } else {
        const r = row(lastPivot, ++slot);
        (r.cells[v] as number[]).push(...b.tgt);
        r.scores[v] = b.score;
      }
    }
  });
  order.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return order.map(([, , key]) => rows.get(key) as StoryRow);
}

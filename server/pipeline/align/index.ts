import type { Bead, Lang } from '../types.js';

// STUB (the alignment issue replaces the body, keeping this signature): 1-1 down the diagonal,
// leftovers as null links. Everyone codes against alignSentences().

export interface AlignSide {
  sentences: string[];
  lang: Lang;
}

export interface AlignOptions {
  /** Extra similarity signal in [0,1] for sentence i of src and j of tgt (e.g. embeddings); null = none. */
  extraSimilarity?: ((i: number, j: number) => number) | null;
}

export function alignSentences(src: AlignSide, tgt: AlignSide, _opts: AlignOptions = {}): Bead[] {
  const beads: Bead[] = [];
  const n = Math.min(src.sentences.length, tgt.sentences.length);
  for (let i = 0; i < n; i++) beads.push({ src: [i], tgt: [i], score: 0.5 });
  for (let i = n; i < src.sentences.length; i++) beads.push({ src: [i], tgt: [], score: 0 });
  for (let j = n; j < tgt.sentences.length; j++) beads.push({ src: [], tgt: [j], score: 0 });
  return beads;
}

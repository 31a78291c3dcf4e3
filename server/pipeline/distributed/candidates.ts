import type { DocFeatures } from '../group/features.js';
import type { CandidatePair } from '../../db/pg/batch.js';

// Story candidate keys (GROUPING.md): what each worker stores of a document so that PostgreSQL can say which
// documents may be one story, without any process holding every document's features. Anchors (numbers, dates,
// names) cross languages and survive spinning; sentence skeletons survive spinning within a language.

/** A key held by more documents than this is a topic, not a story (a story has a handful of versions). */
export const CANDIDATE_MAX_DF = 12;
/** Rare keys two documents must share to be candidates. */
export const CANDIDATE_MIN_SHARED = 2;

export function storyKeys(f: DocFeatures): number[] {
  return [...f.anchors, ...f.skeletons];
}

/** Connected parts of the candidate graph over `ids` (each a list of ids, in the order of ids; singletons included). */
export function candidateComponents(ids: readonly number[], pairs: readonly CandidatePair[]): number[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    // path compression: every node on the way points at the root
    for (let y = x; y !== r;) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const p of pairs) if (parent.has(p.a) && parent.has(p.b)) parent.set(find(p.a), find(p.b));
  const parts = new Map<number, number[]>();
  for (const id of ids) (parts.get(find(id)) ?? parts.set(find(id), []).get(find(id))!).push(id);
  return [...parts.values()];
}

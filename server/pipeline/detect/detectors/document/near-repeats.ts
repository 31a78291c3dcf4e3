// The candidate search of the repeated-wording detector, linear in practice instead of comparing every pair
// of sentences (12.8 MB documents took minutes). Two steps keep its answer exactly that of the all-pairs loop:
// 1. Sentences with the same word list are one class: a repetitive page (the same paragraph a thousand times)
//    has few classes, and whether two sentences qualify depends on their word lists only.
// 2. Prefix filtering (as in set-similarity joins): a qualifying pair has overlap ≥ minOverlap, so on at least
//    one side s at least minOverlap of s's words occur in the other. The other sentence must then hold one of
//    s's rarest words covering floor((1 - minOverlap)·|s|) + 1 of its words; only such pairs are compared.

export interface WordList {
  w: string[];
  set: Set<string>;
}

/** Number of comparisons made by the last call: the work a test can check grows linearly. */
export const nearRepeatStats = { compared: 0 };

/**
 * Unordered pairs of class indexes (i < j) for which `qualifies` holds, over the distinct word lists given.
 * `qualifies` must be symmetric and false for pairs that share fewer than minOverlap of either side's words.
 */
export function qualifyingPairs(
  lists: WordList[],
  minOverlap: number,
  qualifies: (a: WordList, b: WordList) => boolean,
): [number, number][] {
  nearRepeatStats.compared = 0;
  const out: [number, number][] = [];
  const test = (i: number, j: number): void => {
    nearRepeatStats.compared++;
    if (qualifies(lists[i]!, lists[j]!)) out.push(i < j ? [i, j] : [j, i]);
  };
  if (!(minOverlap > 0)) {
    // a zero overlap qualifies pairs that share nothing: no filter holds, compare all
    for (let i = 0; i < lists.length; i++) for (let j = i + 1; j < lists.length; j++) test(i, j);
    return out;
  }
  const holders = new Map<string, number[]>();
  lists.forEach((l, i) => {
    for (const w of l.set) (holders.get(w) ?? holders.set(w, []).get(w)!).push(i);
  });
  const n = lists.length;
  const compared = new Set<number>();
  lists.forEach((l, i) => {
    for (const w of prefix(l, minOverlap, holders)) {
      for (const j of holders.get(w)!) {
        if (j === i) continue;
        const key = i < j ? i * n + j : j * n + i;
        if (compared.has(key)) continue;
        compared.add(key);
        test(i, j);
      }
    }
  });
  return out;
}

/** The rarest distinct words of l covering floor((1 - minOverlap)·|l|) + 1 of its words (all, if they cannot). */
function prefix(l: WordList, minOverlap: number, holders: Map<string, number[]>): string[] {
  const counts = new Map<string, number>();
  for (const w of l.w) counts.set(w, (counts.get(w) ?? 0) + 1);
  const rarest = [...counts.keys()].sort(
    (x, y) => holders.get(x)!.length - holders.get(y)!.length || (x < y ? -1 : x > y ? 1 : 0),
  );
  const need = Math.floor((1 - minOverlap) * l.w.length) + 1;
  const out: string[] = [];
  let covered = 0;
  for (const w of rarest) {
    if (covered >= need) break;
    covered += counts.get(w)!;
    out.push(w);
  }
  return out;
}

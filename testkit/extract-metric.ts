// The article-extraction benchmark's metric, ported from its evaluate.py (scrapinghub/article-extraction-benchmark,
// MIT): per page, 4-token shingles of the predicted body are matched against the ground truth's as multisets;
// tp/fp/fn are normalised to sum to 1 so that long pages weigh no more than short ones; precision and recall are
// averaged over pages (a page counts for precision only when tp+fp > 0, for recall only when tp+fn > 0) and F1 is
// taken from the two averages. Kept faithful on purpose, quirks included, so our figures compare with published ones.

export type TpFpFn = readonly [tp: number, fp: number, fn: number];

// Python's `\w` on str: letters (L*), numbers (N*) and the underscore; combining marks are not word characters.
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export const tokenize = (text: string): string[] => text.match(TOKEN_RE) ?? [];

/** Shingles as keys; a text shorter than n tokens gives one shorter shingle (as `range(max(1, len-n+1))` does). */
function shingles(text: string, n: number): Map<string, number> {
  const tokens = tokenize(text);
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n);
    if (s.length === 0) continue;
    const key = s.join('\u0000');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export function shingleMatching(truth: string, pred: string, n = 4): TpFpFn {
  const t = shingles(truth, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

export function precisionScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => {
  if (xs.length === 0) throw new Error('mean of no pages'); // statistics.mean raises too
  return xs.reduce((a, b) => a + b, 0) / xs.length;
};

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
}

export function metricsFrom(pages: readonly TpFpFn[]): Scores {
  const precision = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(precisionScore));
  const recall = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(recallScore));
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

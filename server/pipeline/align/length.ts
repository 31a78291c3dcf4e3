// Gale–Church (1993) length cost: sentence lengths in characters of mutual translations are roughly
// proportional; δ = (l2 − c·l1) / sqrt(s²·l̄) is standard normal, and the cost is −ln P(|δ| or more).
const S2 = 6.8;

export function gcCost(l1: number, l2: number, ratio: number): number {
  if (l1 === 0 && l2 === 0) return 0;
  const mean = (l1 + l2 / ratio) / 2;
  const delta = (l2 - ratio * l1) / Math.sqrt(S2 * ratio * Math.max(1, mean));
  const x = Math.abs(delta) / STEP;
  if (x >= TABLE_SIZE - 1) return TABLE[TABLE_SIZE - 1] as number;
  const k = Math.floor(x);
  const lo = TABLE[k] as number;
  return lo + ((TABLE[k + 1] as number) - lo) * (x - k);
}

// −ln P(|Z| ≥ δ) tabulated on [0, 8] (beyond that the cost is capped): the DP asks this millions of times.
const STEP = 0.005;
const TABLE_SIZE = 1601;
const TABLE = Float64Array.from(
  { length: TABLE_SIZE },
  (_, k) => -Math.log(Math.max(2 * (1 - normCdf(k * STEP)), 1e-12)),
);

// Abramowitz–Stegun 26.2.17 approximation of the standard normal CDF (error < 7.5e-8).
function normCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - p : p;
}

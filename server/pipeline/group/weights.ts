// How much a shared feature says about two documents being versions of one story, from how many
// documents of the batch have it (df of N). Inverse document frequency, log(1 + N/df), says how rare it
// is; but a story has only a handful of versions, so a feature in many more documents than that is the
// topic, not the story ("COVID-19", "virus", "Tom" in a batch with a few dozen such documents): its
// weight is scaled down by storySize/df. Long documents on one topic then share much vocabulary and
// still little weight, while a translation or a spun copy shares the features only its own story has.

export function featureWeight(df: number, n: number, storySize: number): number {
  if (df <= 0) return 0;
  return Math.log(1 + n / df) * Math.min(1, storySize / df);
}

/** Document frequencies of the features picked from each document (features are distinct per document). */
export function documentFrequencies<T>(docs: T[], pick: (d: T) => Uint32Array): Map<number, number> {
  const df = new Map<number, number>();
  for (const d of docs) for (const f of pick(d)) df.set(f, (df.get(f) ?? 0) + 1);
  return df;
}

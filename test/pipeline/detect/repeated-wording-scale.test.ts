import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repeatedWordingDetector } from '../../../server/pipeline/detect/detectors/document/repeatedWording.js';
import { nearRepeatStats } from '../../../server/pipeline/detect/detectors/document/near-repeats.js';
import { docFromLines } from '../../../server/pipeline/detect/examples.js';
import { plainWord } from '../../../server/lang/numberWords.js';
import type { Finding } from '../../../server/pipeline/types.js';
import { mulberry32 } from '../../../testkit/rng.js';

// The repeated-wording detector compared every pair of sentences: quadratic, minutes on a 12 MB document.
// Its candidate search must give the all-pairs answer exactly, with work that grows linearly.

const words = (s: string) => plainWord(s).match(/[\p{L}\d]+/gu) ?? [];

/** The all-pairs loop the detector used to run, kept here as the reference. */
function reference(lines: string[], minWords = 6, minOverlap = 0.6): [number, number, string][] {
  const segs = lines.map((t, index) => ({ index, w: words(t), set: new Set(words(t)) }));
  const out: [number, number, string][] = [];
  const flagged = new Set<number>();
  for (let i = 0; i < segs.length; i++) {
    const a = segs[i]!;
    if (a.w.length < minWords) continue;
    for (let j = i + 1; j < segs.length; j++) {
      const b = segs[j]!;
      if (b.w.length < minWords || flagged.has(j)) continue;
      if (Math.abs(a.w.length - b.w.length) > (1 - minOverlap) * (a.w.length + b.w.length)) continue;
      const onlyA = a.w.filter((w) => !b.set.has(w));
      const onlyB = b.w.filter((w) => !a.set.has(w));
      if (!onlyA.length || !onlyB.length) continue;
      const overlap = 1 - (onlyA.length + onlyB.length) / (a.w.length + b.w.length);
      if (overlap < minOverlap) continue;
      flagged.add(j);
      out.push([j, i, `"${onlyA.join(' ')}" became "${onlyB.join(' ')}"`]);
    }
  }
  return out;
}

const run = (lines: string[]): Finding[] =>
  repeatedWordingDetector.run({ doc: docFromLines(lines, 'en'), thresholds: {} } as Parameters<
    typeof repeatedWordingDetector.run
  >[0]);

const VOCAB = [
  'the',
  'president',
  'said',
  'talks',
  'would',
  'resume',
  'in',
  'Manila',
  'after',
  'a',
  'week',
  'navy',
  'ships',
  'sailed',
  'north',
  'on',
  'Monday',
  'ang',
  'pangulo',
  'sinabi',
];
function sentence(rnd: () => number, len: number): string {
  return Array.from({ length: len }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]).join(' ') + '.';
}
/** Sentences with repeats, rewordings (a word or two changed), extensions and short lines. */
function document(seed: number, n: number): string[] {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (out.length && r < 0.25) out.push(out[Math.floor(rnd() * out.length)]!);
    else if (out.length && r < 0.55) {
      const w = out[Math.floor(rnd() * out.length)]!.replace(/\.$/, '').split(' ');
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++)
        w[Math.floor(rnd() * w.length)] = VOCAB[Math.floor(rnd() * VOCAB.length)]!;
      if (rnd() < 0.2) w.push('Manila');
      out.push(w.join(' ') + '.');
    } else out.push(sentence(rnd, 2 + Math.floor(rnd() * 14)));
  }
  return out;
}

test('repeated-wording: the candidate search gives exactly the all-pairs findings', () => {
  let total = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const lines = document(seed, 60);
    const want = reference(lines);
    const got = run(lines).map(
      (f) =>
        [f.segments[0]!, f.segments[1]!, /different wording: (.*)$/.exec(f.message)![1]!] as [number, number, string],
    );
    assert.deepEqual(got, want, `seed ${seed}`);
    total += want.length;
  }
  assert.ok(total > 100, `the generated documents have rewordings to find (${total})`);
});

test('repeated-wording: comparisons grow linearly with distinct sentences and stay flat on a repetitive page', () => {
  // distinct sentences of distinct vocabulary (names of their own), as in a long real article
  const distinct = (n: number): string[] =>
    Array.from(
      { length: n },
      (_, i) => `Report ${i} w${i}a w${i}b w${i}c w${i}d w${i}e w${i}f met the president in Manila.`,
    );
  const compared = (lines: string[]): number => {
    run(lines);
    return nearRepeatStats.compared;
  };
  const c1 = compared(distinct(2000));
  const c2 = compared(distinct(4000));
  assert.ok(c2 <= 2.2 * c1 + 10, `distinct: ${c1} → ${c2} comparisons for 2× the sentences`);
  // the same paragraph of 5 sentences a thousand times: a handful of classes
  const para = document(7, 5);
  const r1 = compared(Array.from({ length: 200 }, () => para).flat());
  const r2 = compared(Array.from({ length: 1000 }, () => para).flat());
  assert.equal(r2, r1, 'repetition adds no comparisons');
  const found = run(Array.from({ length: 1000 }, () => para).flat());
  assert.deepEqual(
    found.map((f) => [f.segments[0], f.segments[1]]),
    reference(Array.from({ length: 1000 }, () => para).flat()).map((x) => [x[0], x[1]]),
  );
});

test('misalignment: the neighbour window is the filter over the document it replaced, found without scanning it', async () => {
  const { window } = await import('../../../server/pipeline/detect/detectors/pair/misalignment.js');
  const doc = docFromLines(
    Array.from({ length: 500 }, (_, i) => `Sentence number ${i} of the document.`),
    'en',
  );
  const segs = doc.segments;
  for (const [from, to, radius] of [
    [0, 0, 6],
    [3, 4, 6],
    [250, 252, 6],
    [495, 499, 6],
    [499, 499, 0],
    [10, 10, 600],
  ] as const) {
    const around = segs.slice(from, to + 1);
    const want = segs.filter((s) => s.index >= from - radius && s.index <= to + radius);
    assert.deepEqual(window(segs, around, radius), want, `${from}..${to} ±${radius}`);
  }
  assert.deepEqual(window(undefined, segs.slice(0, 1), 6), []);
  assert.deepEqual(window(segs, [], 6), []);
});

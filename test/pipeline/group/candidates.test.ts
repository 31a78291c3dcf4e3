import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestCandidates } from '../../../server/pipeline/group/crosslang.js';

// bestCandidates stands in for sorting every touched document and keeping the first k: it must give the
// same documents with the same scores in the same order, ties (to the lower index first) and repeats included.

test('the k best candidates are what a full sort and slice give', () => {
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  let nonEmpty = 0;
  for (let t = 0; t < 5000; t++) {
    const docs = Array.from({ length: rand(60) }, () => rand(40)); // repeats, as the index can touch a document twice
    const k = rand(30);
    const score = new Map(docs.map((e) => [e, rand(5) / 4])); // few distinct scores: many ties
    const expected = docs
      .map((e): [number, number] => [e, score.get(e)!])
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, k);
    assert.deepEqual(
      bestCandidates(docs, (e) => score.get(e)!, k),
      expected,
    );
    if (expected.length) nonEmpty++;
  }
  assert.ok(nonEmpty > 4000);
  assert.deepEqual(
    bestCandidates([3, 1, 2], (e) => (e === 2 ? 0.9 : 0.5), 2),
    [
      [2, 0.9],
      [1, 0.5],
    ],
  );
});

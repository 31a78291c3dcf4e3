import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metricsFrom, shingleMatching, tokenize } from '../../testkit/extract-metric.js';

// Values worked out by hand from evaluate.py's definitions (4-token shingles, tp/fp/fn normalised per page).

test('tokens are Python \\w+ runs: letters, digits, underscore, any script; case kept', () => {
  assert.deepEqual(tokenize("Ang Pangulo'y nag-ulat: 3,000 piso_x Ñ"), [
    'Ang',
    'Pangulo',
    'y',
    'nag',
    'ulat',
    '3',
    '000',
    'piso_x',
    'Ñ',
  ]);
});

test('identical bodies score 1; extra text costs precision; missing text costs recall', () => {
  const truth = 'one two three four five six';
  assert.deepEqual(shingleMatching(truth, truth), [1, 0, 0]);
  // truth has 3 shingles; pred adds "seven" → 4 shingles, 3 shared: tp 3, fp 1, fn 0, normalised by 4
  assert.deepEqual(shingleMatching(truth, `${truth} seven`), [0.75, 0.25, 0]);
  // pred lacks "six": 2 of the 3 truth shingles
  assert.deepEqual(shingleMatching(truth, 'one two three four five'), [2 / 3, 0, 1 / 3]);
  // fewer than 4 tokens: one short shingle
  assert.deepEqual(shingleMatching('a b', 'a b'), [1, 0, 0]);
  assert.deepEqual(shingleMatching('', ''), [0, 0, 0]);
});

test('repeated shingles count as a multiset', () => {
  // "a b c d" twice in pred vs once in truth: one extra copy (5 tokens → the middle shingles differ)
  const [tp, fp, fn] = shingleMatching('a b c d', 'a b c d a b c d');
  assert.ok(tp > 0 && fp > 0 && fn === 0);
});

test('averages skip pages with nothing predicted (precision) or nothing true (recall)', () => {
  const m = metricsFrom([
    [0.75, 0.25, 0],
    [0, 0, 1], // nothing predicted: recall 0, no precision
  ]);
  assert.equal(m.precision, 0.75);
  assert.equal(m.recall, 0.5);
  assert.equal(m.f1, (2 * 0.75 * 0.5) / 1.25);
});

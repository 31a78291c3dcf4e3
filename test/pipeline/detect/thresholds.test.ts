import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allDetectors } from '../../../server/pipeline/detect/registry.js';
import { thresholdsFor, validateThresholds } from '../../../server/pipeline/detect/thresholds.js';
import { detectPair } from '../../../server/pipeline/detect/pair.js';
import { diagonalBeads, docFromLines } from '../../../server/pipeline/detect/examples.js';
import { UsageError } from '../../../server/errors.js';

test('thresholds: config overrides known keys; unknown detectors and keys are refused', () => {
  const ds = allDetectors();
  const len = ds.find((d) => d.id === 'length-ratio')!;
  assert.equal(thresholdsFor(len, { 'length-ratio': { majorZ: 9 } }).majorZ, 9);
  assert.equal(thresholdsFor(len, {}).minorZ, len.thresholds.minorZ);
  assert.throws(() => validateThresholds({ 'length-ratio': { majorz: 1 } }, ds), UsageError);
  assert.throws(() => validateThresholds({ nosuch: {} }, ds), /no detector has this id/);
  assert.doesNotThrow(() => validateThresholds({ negation: { minDifference: 2 } }, ds));
});

test('thresholds decide findings; the raw score is kept whatever they are', () => {
  const src = docFromLines(
    [
      'Putin and Kim began talks with a focus on developing business and commercial connections, addressing humanitarian concerns.',
    ],
    'en',
  );
  const tgt = docFromLines(['Sinimulan nina Putin at Kim ang mga pag-uusap na'], 'tl');
  const found = detectPair(src, tgt, diagonalBeads(1)).filter((f) => f.finding.detector === 'length-ratio');
  assert.equal(found.length, 1);
  const score = found[0]!.finding.rawScore;
  assert.ok(score > 3);
  const strict = detectPair(src, tgt, diagonalBeads(1), { thresholds: { 'length-ratio': { minorZ: score + 1 } } });
  assert.equal(strict.filter((f) => f.finding.detector === 'length-ratio').length, 0);
});

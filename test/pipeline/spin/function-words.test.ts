import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { functionWordFindings } from '../../../server/pipeline/detect/spin/function-words.js';
import { detectSpin } from '../../../server/pipeline/detect/spin/index.js';
import { seed } from '../../helpers/paths.js';

// Function words a sense-blind spinner turned into nouns (spin-function-words): "he" → "letter" (the Hebrew
// letter), "he" → "element" (helium), flagged on the pair counts of both neighbours, with no document gate.

const TH = { minGain: 4 };

test('a noun standing where "he" stands is flagged with "he", in a short text the document gate never opens on', () => {
  const text =
    'Albert Einstein was a famous physicist. He was born in Germany, and letter was known for his theory of relativity.';
  const f = functionWordFindings(text, TH);
  assert.deepEqual(
    f.map((x) => [x.text, x.suggestion]),
    [['letter', 'he']],
  );
  assert.equal(text.slice(f[0]!.start, f[0]!.end), 'letter');
  // the whole spin pass shows it too (no gate stands in its way)
  assert.ok(detectSpin(text).some((x) => x.detector === 'spin-function-words' && x.text === 'letter'));
});

test('the same nouns in their own places are not flagged; one neighbour is not enough', () => {
  assert.deepEqual(functionWordFindings('The candidate wrote a letter about the element and sent it.', TH), []);
  // "letter" ends the sentence: only its left neighbour speaks
  assert.deepEqual(functionWordFindings('Yesterday letter.', TH), []);
});

test('the minGain threshold decides', () => {
  const text = 'He was born in Germany, and letter was known for his theory of relativity.';
  assert.equal(functionWordFindings(text, TH).length, 1);
  assert.equal(functionWordFindings(text, { minGain: 1e6 }).length, 0);
});

test('no flag on the clean sample articles (real news)', () => {
  for (const p of ['001', '002', '004']) {
    const text = readFileSync(seed(p), 'utf8');
    assert.deepEqual(
      functionWordFindings(text, TH).map((x) => x.text),
      [],
      p,
    );
  }
});

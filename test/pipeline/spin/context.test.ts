import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairCount } from '../../../server/lang/wordnet/glossgrams.js';
import { contextCandidate, spunPhraseAt } from '../../../server/pipeline/detect/spin/context.js';
import { analyseSpin, detectSpin } from '../../../server/pipeline/detect/spin/index.js';
import { analysisThresholds } from '../../../server/pipeline/detect/spin/pass.js';
import { tokenize } from '../../../server/pipeline/detect/spin/tokens.js';

// The context evidence of spin-rare: word pairs from WordNet's glosses, context misfits, spun phrasal
// lemmas, and the evidence-density gate that keeps them out of clean text.

test("gloss word pairs: collocations are counted, case-insensitively; a spinner's pair is not", () => {
  assert.ok(pairCount('press', 'conference') >= 1);
  assert.ok(pairCount('Human', 'Body') >= 10);
  assert.equal(pairCount('human', 'body'), pairCount('Human', 'Body'));
  assert.equal(pairCount('native', 'time'), 0);
  // a clause boundary (';') does not make a pair, so counts stay below the unigram scale
  assert.ok(pairCount('of', 'the') > pairCount('press', 'conference'));
});

test('a context misfit is a word whose commoner synset-mate its neighbours pair with far more', () => {
  const c = contextCandidate('soul', 'every', 'has', 2, 10);
  assert.equal(c?.suggestion, 'person');
  // the word the neighbours already go with is no misfit
  assert.equal(contextCandidate('person', 'every', 'has', 2, 10), null);
  // without neighbours there is no evidence
  assert.equal(contextCandidate('soul', null, null, 2, 10), null);
  // a stricter ratio refuses the same pair
  assert.equal(contextCandidate('soul', 'every', 'has', 2, 1000), null);
});

test('a spun phrasal lemma is found at its span with its common single-word mate', () => {
  const text = 'I will blank out the name.';
  const toks = tokenize(text);
  const found = toks.map((_, i) => spunPhraseAt(toks, i, text, 5000)).filter((x) => x !== null);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0]?.start, found[0]?.end), 'blank out');
  assert.equal(found[0]?.words, 2);
  assert.ok(found[0]?.suggestion);
  const plain = 'They watched the game.';
  const pt = tokenize(plain);
  assert.deepEqual(
    pt.map((_, i) => spunPhraseAt(pt, i, plain, 5000)).filter((x) => x !== null),
    [],
  );
});

test('context misfits are flagged in spun-looking text only', () => {
  const spun =
    'Researchers say this may bring betimes sleuthing of cancer to patients in poor countries, using a midget printable chip that costs one centime. Every soul has a right to care.';
  const clean =
    'Researchers say this may bring early detection of cancer to patients in poor countries, using a tiny printable chip that costs one cent. Every soul has a right to care.';
  const f = detectSpin(spun);
  assert.ok(f.some((x) => x.text === 'soul'));
  // spin-rare's own finding on it (the model may flag the same word more surely, and then its finding is shown)
  const rare = analyseSpin(spun, analysisThresholds({})).rare.find((x) => x.text === 'soul');
  assert.equal(rare?.suggestion, 'person');
  // a function word is never offered as the original ("costs" → "is")
  assert.equal(
    f.find((x) => x.text === 'costs'),
    undefined,
  );
  assert.deepEqual(detectSpin(clean), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameFindings } from '../../../server/pipeline/detect/spin/names.js';
import {
  association,
  listedForm,
  pairCountEstimate,
  unigramCount,
} from '../../../server/pipeline/detect/spin/bigrams.js';

// Names a sense-blind spinner turned into common nouns (spin-names), and the word-pair counts
// (bigrams.ts) that measure collocation strength.

test('a lowercase synset-mate of a name of the text, standing where a name stands, is flagged with the name', () => {
  const text = 'Derby County lost again. The fans of Derby sang, and the manager of bowler County resigned.';
  const f = nameFindings(text);
  assert.equal(f.length, 1);
  assert.equal(f[0]?.text, 'bowler');
  assert.equal(f[0]?.suggestion, 'Derby');
  assert.equal(text.slice(f[0]!.start, f[0]!.end), 'bowler');
});

test('no name flag for a common word away from names, for the commonest words as names, or for a spelling variant', () => {
  // "bowler" is far from any name; "New" and "Earth" are common words; "civilisation" is "Civilization"
  assert.deepEqual(nameFindings('Fans of Derby sang. One wore a bowler hat to the ground.'), []);
  assert.deepEqual(nameFindings('He moved to New York. The young man liked the ground near Earth Day events.'), []);
  assert.deepEqual(nameFindings('The Museum of Civilization in Quebec shows civilisation Hall items.'), []);
});

test("word-pair counts: a collocation is listed, a spinner's pair is not, and American spelling finds the British entry", () => {
  assert.ok(pairCountEstimate('local', 'time') > 10_000_000);
  assert.ok(pairCountEstimate('native', 'time') < pairCountEstimate('local', 'time') / 10);
  assert.equal(listedForm('center'), 'centre');
  assert.ok(unigramCount('center') > 0);
  assert.equal(unigramCount('qzxv'), 0);
  // "local" goes with "time" far better than "native" does
  assert.ok(association('local', null, 'time') > association('native', null, 'time') + 2);
});

test("a lowercase word right before a name's head word is a spun part of the name, even with the name nowhere else", () => {
  const text = 'The fans of the bowler County club sang all night after the final at Wembley.';
  const f = nameFindings(text);
  assert.deepEqual(
    f.map((x) => [x.text, x.suggestion]),
    [['bowler', null]],
  );
  // capitalised names before the head, a head at a sentence start, and a spelling variant of a name are left alone
  assert.deepEqual(nameFindings('Fans of Derby County sang. They won the FA Cup. City fans left early.'), []);
  assert.deepEqual(nameFindings('The Museum of Civilization in Quebec shows civilisation Hall items.'), []);
});

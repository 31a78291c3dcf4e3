import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  areSynonyms,
  isLemma,
  lookup,
  mayBeMultiword,
  relatedness,
  senseCount,
  synonyms,
  synsets,
} from '../../server/lang/wordnet/index.js';
import { formOf, inflect } from '../../server/lang/wordnet/inflect.js';

const lemmas = (form: string, pos?: 'n' | 'v' | 'a' | 'r') => lookup(form, pos).map((h) => h.lemma);

test('lemma lookup uses the exception lists and the detachment rules', () => {
  assert.deepEqual(lemmas('went', 'v'), ['go']);
  assert.ok(lemmas('children', 'n').includes('child'));
  assert.ok(lemmas('better', 'a').includes('good'));
  assert.ok(lemmas('meetings', 'n').includes('meeting'));
  assert.ok(lemmas('stopped', 'v').includes('stop'));
  assert.ok(lemmas('notified', 'v').includes('notify'));
  assert.ok(lemmas('gamier', 'a').includes('gamy'));
  assert.ok(lemmas('boxes', 'n').includes('box'));
  assert.deepEqual(lemmas('xqzv'), []);
});

test('multiword lemmas: lookup of collocations, inflected on their head', () => {
  assert.deepEqual(lemmas('goes to', 'v'), ['go_to']);
  assert.ok(lemmas('press conferences', 'n').includes('press_conference'));
  assert.ok(isLemma('local_time'));
  assert.ok(!isLemma('native_time'));
  // the filter before morphology: words other than the head must be those of a lemma of that length
  // ("printable" starts no noun lemma, no verb lemma ends in "chip"; "costs one" was let through when any
  // lemma's first or last word was enough)
  assert.ok(mayBeMultiword('press conferences') && mayBeMultiword('went to') && mayBeMultiword('local time'));
  assert.ok(!mayBeMultiword('printable chip') && !mayBeMultiword('costs one') && !mayBeMultiword('visit north'));
});

test('synsets and synonyms are sense-blind, as a spinner sees them', () => {
  const s = synonyms('visit');
  assert.ok(s.includes('sojourn') && s.includes('inspect'));
  assert.ok(!s.includes('visit'));
  assert.ok(areSynonyms('tiny', 'midget'));
  assert.ok(areSynonyms('rare', 'uncommon'));
  assert.ok(!areSynonyms('cat', 'dog'));
  assert.ok(synsets('leader').length >= 2);
  assert.equal(relatedness('leader', 'chief'), 1);
  assert.equal(relatedness('five', 'six'), 0);
  assert.ok(senseCount('say') > senseCount('visit'));
});

test('inflection round-trips through formOf', () => {
  assert.equal(inflect('go_to', 's', 'v'), 'goes to');
  assert.equal(inflect('visit', 'past', 'v'), 'visited');
  assert.equal(inflect('stop', 'ing', 'v'), 'stopping');
  assert.equal(inflect('child', 'plural', 'n'), 'children');
  assert.equal(inflect('press_conference', 'plural', 'n'), 'press conferences');
  assert.equal(inflect('eminent', 'superlative', 'a'), 'most eminent');
  assert.equal(formOf('took', 'take', 'v'), 'past');
  assert.equal(formOf('meetings', 'meeting', 'n'), 'plural');
});

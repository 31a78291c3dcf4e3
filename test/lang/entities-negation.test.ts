import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityIn, extractEntities, nameIndex } from '../../server/lang/entities.js';
import { negationCues, softNegation } from '../../server/lang/negation.js';
import { guessLang } from '../../server/lang/langGuess.js';
import { detectPair } from '../../server/pipeline/detect/pair.js';
import { docFromLines, diagonalBeads } from '../../server/pipeline/detect/examples.js';

test('entities: capitalised runs and acronyms; sentence-initial single words and titles left out', () => {
  const es = extractEntities('Kremlin spokesman Dmitry Peskov met President Kim Jong-un and the DPRK envoy.', 'en').map(
    (e) => e.text,
  );
  // A sentence-initial word that is no English word (Kremlin) is a name; a common one is sentence case.
  assert.deepEqual(es, ['Kremlin', 'Dmitry Peskov', 'Kim Jong-un', 'DPRK']);
  assert.deepEqual(
    extractEntities('However, Peskov met the envoy.', 'en').map((e) => e.text),
    ['Peskov'],
  );
  // Closed-class words are not in WordNet, and are no names either.
  assert.deepEqual(extractEntities('Whether that is accurate is debated.', 'en'), []);
  assert.deepEqual(
    extractEntities('Binati ni Vladimir Putin ang mga taga-Texas.', 'tl').map((e) => e.text),
    ['Vladimir Putin', 'Texas'],
  );
});

test('entities: found across languages despite markers, hyphens, respelling and translation', () => {
  const tl = 'Binati ni Vladimir Putin si Kim Jong Un sa silangang Rusya at sa Mundo.';
  const idx = nameIndex(tl, 'tl');
  const find = (s: string) => extractEntities(s, 'en').map((e) => entityIn(e, idx, 'en'));
  assert.deepEqual(find('He said Kim Jong-un met Vladimir Putin in eastern Russia.'), [true, true, true]);
  assert.deepEqual(find('He said Xi Jinping met Vladimir Putin in Seoul.'), [false, true, false]);
});

test('negation cues in both languages; "kung hindi" and the language name Hindi are not cues', () => {
  assert.deepEqual(
    negationCues("He didn't go and never came; no one knows.", 'en').map((c) => c.cue),
    ["n't", 'never', 'no'],
  );
  assert.deepEqual(
    negationCues('Hindi siya pumunta at walang dumating; huwag kang umalis.', 'tl').map((c) => c.cue),
    ['hindi', 'walang', 'huwag'],
  );
  assert.deepEqual(negationCues('Nagsasalita sila ng Hindi, kung hindi ay Ingles.', 'tl'), []);
  assert.equal(negationCues('Section No. 5 applies.', 'en').length, 0);
  assert.ok(softNegation('The cause is unknown and the site inaccessible.', 'en') >= 2);
});

test('negation: a particle rendered by a word (stop, wrong, resistant) is a minor hint, never a major flag', () => {
  const sev = (en: string, tl: string) =>
    detectPair(docFromLines([en], 'en'), docFromLines([tl], 'tl'), diagonalBeads(1), { srcLang: 'en', tgtLang: 'tl' })
      .filter((f) => f.finding.detector === 'negation')
      .map((f) => f.finding.severity);
  assert.deepEqual(sev("Don't shout anymore.", 'Tumigil ka na sa pagsigaw.'), ['minor']);
  // "Hindi tama" before "wrong" is litotes (tama = right, WordNet's opposite wrong): no flag at all.
  assert.deepEqual(sev('The report was wrong.', 'Hindi tama ang ulat.'), []);
  assert.deepEqual(sev('He is resistant to change.', 'Ayaw niya ng pagbabago.'), ['minor']);
  // Without the word of lack the same particle is a major flag.
  assert.deepEqual(sev('The report was right.', 'Hindi tama ang ulat.'), ['major']);
});

test('language guess by function words, with a fallback for thin evidence', () => {
  assert.equal(guessLang('Nagkita ang dalawang pinuno sa lungsod ng Moscow.', 'en'), 'tl');
  assert.equal(guessLang('The two leaders met in the city of Moscow.', 'tl'), 'en');
  assert.equal(guessLang('COVID-19', 'tl'), 'tl');
});

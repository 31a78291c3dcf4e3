import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexicalCoverage, loadLexicon, translationScore } from '../../server/lang/lexicon.js';
import { tlStemCandidates } from '../../server/lang/tl-morph.js';
import { cognateKey, enStem, words } from '../../server/lang/text-norm.js';

test('the shipped lexicon loads and knows common news words', () => {
  const lex = loadLexicon();
  assert.ok(lex.size > 5000);
  assert.ok(lex.translate('pinuno').some((t) => t.en === 'leader'));
  assert.ok(lex.translate('armas').some((t) => t.en === 'weapon'));
  assert.ok(lex.translate('dalawang').some((t) => t.en === '2'), 'linker -ng stripped, number word → digits');
});

test('Tagalog affix stripping reaches the base', () => {
  assert.ok(tlStemCandidates('binati').includes('bati'));
  assert.ok(tlStemCandidates('nakikipagkamay').includes('kamay'));
  assert.ok(tlStemCandidates('susubok').includes('subok'));
});

test('cognate keys meet across Tagalog respellings', () => {
  assert.equal(cognateKey('internasyonal'), cognateKey('international'));
  assert.equal(cognateKey('teknolohiya'), cognateKey('technology'));
  assert.equal(enStem('missiles'), 'missile');
});

test('coverage separates a translation from an unrelated sentence', () => {
  const tl = words('Ilang oras bago umalis ang kanilang pinuno, nagpalipad ang North Korea ng dalawang ballistic missile patungo sa dagat.');
  const good = words('Hours before the summit, North Korea launched two short-range ballistic missiles into the sea.');
  const bad = words('The White House and State Department said they would not hesitate to impose new sanctions if necessary.');
  const c = lexicalCoverage(tl, good);
  assert.ok(c.tl > 0.3 && c.en > 0.3, JSON.stringify(c));
  assert.ok(translationScore(tl, good) > translationScore(tl, bad) + 0.3);
});

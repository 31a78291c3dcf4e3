import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey } from '../../server/lang/entities.js';

// nameKey is written as one pass over the word for speed (a batch keys every word of every sentence pair);
// these are the spelling rules as they were first written, thirteen replacements in turn: the two must agree.
const byRules = (t: string): string =>
  t
    .replace(/ph/g, 'f')
    .replace(/f/g, 'p')
    .replace(/ch/g, 'ts')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/qu/g, 'k')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/j/g, 'h')
    .replace(/y/g, 'i')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/(.)\1+/g, '$1')
    .replace(/[aeiou]+$/, '');

test('name keys: Tagalog respellings meet their source', () => {
  assert.equal(nameKey('rusya'), nameKey('russia'));
  assert.equal(nameKey('pilipinas'), nameKey('philippinas'));
  assert.equal(nameKey('tsina'), nameKey('china'));
  assert.equal(nameKey('europa'), 'europ');
});

test('name keys: the one-pass rules give what the replacements in turn give', () => {
  const cases = [
    '',
    'a',
    'ph',
    'pph',
    'phh',
    'chh',
    'cch',
    'cci',
    'cqu',
    'qqu',
    'quu',
    'ccc',
    'xx',
    'yy',
    'zz',
    'vv',
    'ffph',
    'phf',
    'cph',
    'chc',
    'ccy',
    'aa\n\nb',
    'a\n\n',
    'ÉCOLE',
    'schweiz',
    'quiche',
    'cycle',
    'chichi',
    '😀😀',
    'aeiou',
    'bbaa',
    'jjy',
    'yj',
    'chy',
    'ich',
    'q',
    'c',
    'x',
  ];
  // and 50,000 random words over the letters the rules read (a fixed seed: the same words every run)
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const letters = 'phfcqueiyxjzvaoskt\n';
  for (let k = 0; k < 50_000; k++) {
    let w = '';
    for (let i = 1 + Math.floor(rnd() * 9); i > 0; i--) w += letters[Math.floor(rnd() * letters.length)];
    cases.push(w);
  }
  for (const w of cases) assert.equal(nameKey(w), byRules(w), JSON.stringify(w));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexicalCoverage, loadLexicon, parseLexicon, translationScore } from '../../server/lang/lexicon.js';
import { tlStemCandidates } from '../../server/lang/tl-morph.js';
import { LineIndex } from '../../server/lang/line-index.js';
import { cognateKey, enStem, words } from '../../server/lang/text-norm.js';

test('the shipped lexicon loads and knows common news words', () => {
  const lex = loadLexicon();
  assert.ok(lex.size > 5000);
  assert.ok(lex.translate('pinuno').some((t) => t.en === 'leader'));
  assert.ok(lex.translate('armas').some((t) => t.en === 'weapon'));
  assert.ok(
    lex.translate('dalawang').some((t) => t.en === '2'),
    'linker -ng stripped, number word → digits',
  );
});

test('a lexicon file is read the same whether its words are listed together or not', () => {
  const [h1, h2, h3, tl, a1, a2, t] = [
    'bahay\thouse\t0.9',
    'bahay\thome\t0.7',
    'bahay\t\t0.5',
    'tl\ttl\t0.2',
    'aso\tdog\t0.9',
    'aso\thound',
    'tatlo\tthree\t1',
  ];
  const groupedText = ['tl\ten\tscore', tl, h1, h2, h3, a1, a2, t].join('\n');
  const scatteredText = ['tl\ten\tscore', h1, a1, h2, tl, t, h3, a2].join('\n');
  assert.ok(
    new LineIndex(groupedText, '\t').grouped && !new LineIndex(scatteredText, '\t').grouped,
    'both readings are exercised',
  );
  const grouped = parseLexicon(groupedText, ['ang']);
  const scattered = parseLexicon(scatteredText, ['ang']);
  for (const lex of [grouped, scattered]) {
    assert.deepEqual(
      lex.translate('bahay'),
      [
        { en: 'house', score: 0.9 },
        { en: 'home', score: 0.7 },
      ],
      'file order; a line without English is skipped',
    );
    assert.deepEqual(lex.translate('aso'), [
      { en: 'dog', score: 0.9 },
      { en: 'hound', score: 0 },
    ]);
    assert.deepEqual(lex.translate('tatlo'), [{ en: '3', score: 1 }], 'number words become digits');
    assert.deepEqual(lex.translate('tl'), [{ en: 'tl', score: 0.2 }], 'a word spelt like the header column is a word');
    assert.deepEqual(lex.translate('pusa'), []);
    assert.equal(lex.size, 4);
    assert.ok(lex.isTlStopword('Ang'));
  }
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
  const tl = words(
    'Ilang oras bago umalis ang kanilang pinuno, nagpalipad ang North Korea ng dalawang ballistic missile patungo sa dagat.',
  );
  const good = words('Hours before the summit, North Korea launched two short-range ballistic missiles into the sea.');
  const bad = words(
    'The White House and State Department said they would not hesitate to impose new sanctions if necessary.',
  );
  const c = lexicalCoverage(tl, good);
  assert.ok(c.tl > 0.3 && c.en > 0.3, JSON.stringify(c));
  assert.ok(translationScore(tl, good) > translationScore(tl, bad) + 0.3);
});

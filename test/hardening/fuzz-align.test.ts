import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alignSentences, type AlignSide } from '../../server/pipeline/align/index.js';
import type { Bead, Lang } from '../../server/pipeline/types.js';

// Property tests for the aligner: whatever the sentences (empty sides, empty strings, duplicates,
// surrogates, huge counts), every sentence index of each side appears exactly once, in order, no throw.
function assertCovers(beads: Bead[], n: number, m: number): void {
  const src = beads.flatMap((b) => b.src);
  const tgt = beads.flatMap((b) => b.tgt);
  assert.deepEqual(
    src,
    Array.from({ length: n }, (_, i) => i),
    'source indexes once each, in order',
  );
  assert.deepEqual(
    tgt,
    Array.from({ length: m }, (_, j) => j),
    'target indexes once each, in order',
  );
  for (const b of beads) {
    assert.ok(b.src.length + b.tgt.length > 0, 'no empty bead');
    assert.ok(Number.isFinite(b.score), 'finite score');
  }
}

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u200B',
  '\u202E',
  '\r\n',
  '…',
  '9.9',
  '1,000,000',
  'ang',
  'the',
  'Sinabi ng Pangulo na babalik ang usapan sa Lunes.',
  'The President said the talks would resume on Monday.',
  '<script>alert(1)</script>',
  'a'.repeat(2000),
);
const sentence = fc.oneof(nasty, fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
const lang = fc.constantFrom<Lang>('tl', 'en', 'other');
const side = (maxLength: number): fc.Arbitrary<AlignSide> =>
  fc.record({ sentences: fc.array(sentence, { maxLength }), lang }).chain((s) =>
    fc
      .option(fc.array(fc.boolean(), { minLength: s.sentences.length, maxLength: s.sentences.length }), {
        nil: undefined,
      })
      .map((boilerplate) => ({ ...s, boilerplate })),
  );

test('alignment covers both sides exactly once, in order, for random and hostile sentence lists', () => {
  fc.assert(
    fc.property(side(40), side(40), (a, b) => {
      assertCovers(alignSentences(a, b), a.sentences.length, b.sentences.length);
    }),
    { numRuns: 300, seed: 11 },
  );
});

test('identical sentences everywhere, one side empty, and a lopsided pair', () => {
  const same = Array.from({ length: 200 }, () => 'Ang Pangulo ay nagsalita.');
  assertCovers(
    alignSentences({ sentences: same, lang: 'tl' }, { sentences: same.slice(0, 150), lang: 'tl' }),
    200,
    150,
  );
  assertCovers(alignSentences({ sentences: [], lang: 'en' }, { sentences: ['a', '', 'b'], lang: 'tl' }), 0, 3);
  assertCovers(alignSentences({ sentences: ['x', 'y'], lang: 'en' }, { sentences: [], lang: 'en' }), 2, 0);
  assertCovers(alignSentences({ sentences: [], lang: 'en' }, { sentences: [], lang: 'tl' }), 0, 0);
  assertCovers(alignSentences({ sentences: ['one only'], lang: 'en' }, { sentences: same, lang: 'tl' }), 1, 200);
});

test('huge documents (4,000 × 3,500 sentences) align completely: the banded DP keeps it bounded', () => {
  const words = ['president', 'talks', 'Manila', 'Monday', 'said', 'week', 'navy', 'ship', 'port', 'vote'];
  const mk = (n: number, shift: number): string[] =>
    Array.from(
      { length: n },
      (_, i) => `${words[i % 10]} ${words[(i * 7 + shift) % 10]} number ${i} of the story ${words[(i * 3) % 10]}.`,
    );
  assertCovers(
    alignSentences({ sentences: mk(4000, 0), lang: 'en' }, { sentences: mk(3500, 1), lang: 'en' }),
    4000,
    3500,
  );
});

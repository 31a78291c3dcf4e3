import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alignSentences } from '../../../server/pipeline/align/index.js';
import type { Bead } from '../../../server/pipeline/types.js';

const TL = [
  'Nagpulong ang pangulo ng Pilipinas at ang pinuno ng Japan sa Tokyo noong Lunes.',
  'Pinag-usapan nila ang kalakalan at ang seguridad sa dagat.',
  'Sinabi ng pangulo na 300 na manggagawa ang makikinabang sa kasunduan.',
  'Bumisita rin siya sa isang pabrika ng sasakyan sa Osaka.',
  'Babalik ang pangulo sa Maynila sa Biyernes.',
];
const EN = [
  'The president of the Philippines and the leader of Japan met in Tokyo on Monday.',
  'They discussed trade and maritime security.',
  'The president said 300 workers would benefit from the agreement.',
  'He also visited a car factory in Osaka.',
  'The president will return to Manila on Friday.',
];

/** Every sentence index of both sides exactly once, in order, across the beads. */
function assertCovers(beads: Bead[], n: number, m: number): void {
  assert.deepEqual(
    beads.flatMap((b) => b.src),
    Array.from({ length: n }, (_, i) => i),
  );
  assert.deepEqual(
    beads.flatMap((b) => b.tgt),
    Array.from({ length: m }, (_, j) => j),
  );
  for (const b of beads) assert.ok(b.score >= 0 && b.score <= 1 && (b.src.length || b.tgt.length));
}
const links = (beads: Bead[]): string[] => beads.map((b) => `${b.src.join(',')}:${b.tgt.join(',')}`);

test('a parallel pair aligns 1-1 down the diagonal with confident links', () => {
  const beads = alignSentences({ sentences: TL, lang: 'tl' }, { sentences: EN, lang: 'en' });
  assert.deepEqual(links(beads), ['0:0', '1:1', '2:2', '3:3', '4:4']);
  for (const b of beads) assert.ok(b.score > 0.5, JSON.stringify(b));
});

test('a sentence deleted from the target becomes a 1-0 null link', () => {
  const en = EN.filter((_, j) => j !== 2);
  const beads = alignSentences({ sentences: TL, lang: 'tl' }, { sentences: en, lang: 'en' });
  assertCovers(beads, TL.length, en.length);
  assert.deepEqual(links(beads), ['0:0', '1:1', '2:', '3:2', '4:3']);
});

test('two source sentences merged into one target sentence become a 2-1 link', () => {
  const en = [EN[0], `${EN[1]} ${EN[2]}`, EN[3], EN[4]] as string[];
  const beads = alignSentences({ sentences: TL, lang: 'tl' }, { sentences: en, lang: 'en' });
  assert.deepEqual(links(beads), ['0:0', '1,2:1', '3:2', '4:3']);
});

test('boilerplate lines are aligned (as null links) without taking content links', () => {
  const en = [
    EN[0],
    'Subscribe to our newsletter',
    EN[1],
    EN[2],
    EN[3],
    EN[4],
    'Please enter your comment!',
  ] as string[];
  const junk = en.map((s) => !EN.includes(s));
  const beads = alignSentences({ sentences: TL, lang: 'tl' }, { sentences: en, lang: 'en', boilerplate: junk });
  assertCovers(beads, TL.length, en.length);
  assert.deepEqual(links(beads), ['0:0', ':1', '1:2', '2:3', '3:4', '4:5', ':6']);
});

test('same-language pairs (English vs spun English) align on shared words', () => {
  const spun = [
    'The president of the Philippines and the chief of Japan met in Tokyo on Monday.',
    'They talked about commerce and maritime safety.',
    'The president stated 300 employees would profit from the deal.',
    'He additionally toured a car plant in Osaka.',
  ];
  const beads = alignSentences({ sentences: EN, lang: 'en' }, { sentences: spun, lang: 'en' });
  assert.deepEqual(links(beads), ['0:0', '1:1', '2:2', '3:3', '4:']);
});

test('empty sides and arbitrary inputs: every sentence appears exactly once, in order', () => {
  assert.deepEqual(alignSentences({ sentences: [], lang: 'en' }, { sentences: ['a b c'], lang: 'en' }), [
    { src: [], tgt: [0], score: 1 },
  ]);
  const sentence = fc
    .array(fc.constantFrom(...'the of Putin Kim ang ng 2023 missile armas talks a b'.split(' ')), { maxLength: 12 })
    .map((w) => w.join(' '));
  fc.assert(
    fc.property(fc.array(sentence, { maxLength: 25 }), fc.array(sentence, { maxLength: 25 }), (a, b) => {
      assertCovers(alignSentences({ sentences: a, lang: 'tl' }, { sentences: b, lang: 'en' }), a.length, b.length);
    }),
    { numRuns: 60 },
  );
});

test('long documents take the banded path and still cover every sentence', () => {
  const n = 700;
  const src = Array.from({ length: n }, (_, i) => `${TL[i % 5]} ${i}`);
  const tgt = Array.from({ length: n }, (_, i) => `${EN[i % 5]} ${i}`).filter((_, j) => j % 37 !== 5);
  const beads = alignSentences({ sentences: src, lang: 'tl' }, { sentences: tgt, lang: 'en' });
  assertCovers(beads, src.length, tgt.length);
  const nulls = beads.filter((b) => !b.tgt.length).map((b) => b.src[0]);
  assert.deepEqual(
    nulls,
    Array.from({ length: n }, (_, i) => i).filter((i) => i % 37 === 5),
  );
});

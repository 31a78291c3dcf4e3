import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectStory } from '../../../server/pipeline/detect/index.js';
import { docFromLines } from '../../../server/pipeline/detect/examples.js';
import type { StoryContext } from '../../../server/pipeline/detect/types.js';
import { UsageError } from '../../../server/errors.js';

const en = docFromLines(
  [
    'The fire killed 12 people on Monday.',
    'Firefighters worked through the night to save the old market building.',
    'The mayor thanked them.',
  ],
  'en',
  'en.txt',
);
const tl = docFromLines(
  ['Labing-anim na tao ang namatay sa sunog noong Lunes.', 'Nagpasalamat sa kanila ang alkalde.'],
  'tl',
  'tl.txt',
);

function ctx(): StoryContext {
  return {
    versions: [
      { doc: en, role: 'source', documentId: 1 },
      { doc: tl, role: 'translation', documentId: 2 },
    ],
    pivot: 0,
    alignments: [
      null,
      [
        { src: [0], tgt: [0], score: 1 },
        { src: [1], tgt: [], score: 0 },
        { src: [2], tgt: [1], score: 1 },
      ],
    ],
    thresholds: {},
  };
}

test('detectStory places pair findings: a changed number in the translation, an omitted sentence in the source', () => {
  const found = detectStory(ctx());
  const num = found.find((f) => f.finding.detector === 'numbers');
  assert.ok(num);
  assert.equal(num.versionIndex, 1);
  assert.equal(num.otherVersionIndex, 0);
  assert.equal(tl.text.slice(num.finding.span!.start, num.finding.span!.end), 'Labing-anim');
  assert.equal(en.text.slice(num.finding.otherSpan!.start, num.finding.otherSpan!.end), '12');
  assert.ok(!('side' in num.finding));

  const omitted = found.find((f) => f.finding.detector === 'null-link');
  assert.ok(omitted);
  assert.equal(omitted.versionIndex, 0, 'the omitted sentence is in the source');
  assert.equal(omitted.otherVersionIndex, 1);
  assert.deepEqual(omitted.finding.segments, [1]);
  assert.equal(omitted.finding.category, 'accuracy/omission');
  assert.ok(!found.some((f) => f.finding.detector === 'numbers' && f.finding.segments.includes(1)));
});

test('detectStory refuses unknown threshold keys and honours known ones', () => {
  assert.throws(() => detectStory(ctx(), { numbers: { nope: 1 } }), UsageError);
  const quiet = detectStory(ctx(), { 'null-link': { minWords: 50 } });
  assert.ok(!quiet.some((f) => f.finding.detector === 'null-link'));
});

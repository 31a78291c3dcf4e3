import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeStoryContext, storyPairs } from '../../server/llm/judge-story.js';
import type { PlacedFinding } from '../../server/pipeline/detect/index.js';
import type { StoryContext } from '../../server/pipeline/detect/types.js';
import type { Finding, Lang, SegmentedDoc } from '../../server/pipeline/types.js';
import { segmentText } from '../../server/pipeline/segment/index.js';
import { fakeEndpoint } from '../helpers/llm.js';

// The judge over a StoryContext (what the batch driver has after detectStory): pairs cut from the documents
// at their real offsets, offline findings attached once, results placed back by version.

const EN =
  'Subscribe to our magazine.\n\nPutin arrived in Pyongyang.\n\nThe minister said 24 people were hurt.\n\nExtra sentence only here.';
const TL =
  'Subscribe to our magazine.\n\nDumating si Putin sa Pyongyang.\n\nSinabi ng ministro na 42 katao ang nasugatan.';

function doc(text: string, lang: Lang): SegmentedDoc {
  const segments = segmentText(text, lang).map((s) =>
    s.text.startsWith('Subscribe') ? { ...s, boilerplate: 'subscribe' } : s,
  );
  return {
    path: `${lang}.txt`,
    url: null,
    title: null,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: lang,
    text,
    lang,
    segments,
  };
}

const ctx: StoryContext = {
  versions: [
    { doc: doc(EN, 'en'), role: 'source', documentId: 10 },
    { doc: doc(TL, 'tl'), role: 'translation', documentId: 11 },
  ],
  pivot: 0,
  alignments: [
    null,
    [
      { src: [0], tgt: [0], score: 0.9 },
      { src: [1], tgt: [1], score: 0.9 },
      { src: [2], tgt: [2], score: 0.9 },
      { src: [3], tgt: [], score: 0 },
    ],
  ],
  thresholds: {},
};

const at = TL.indexOf('42');
const numbers: Finding = {
  detector: 'numbers',
  category: 'accuracy/mistranslation',
  severity: 'major',
  confidence: 0.6,
  rawScore: 1,
  segments: [2],
  otherSegments: [2],
  span: { start: at, end: at + 2 },
  otherSpan: null,
  message: 'number differs',
  evidence: {},
  suggestion: '24',
};
const placed: PlacedFinding[] = [
  { versionIndex: 1, otherVersionIndex: 0, finding: numbers },
  {
    versionIndex: 0,
    otherVersionIndex: null,
    finding: { ...numbers, detector: 'boilerplate', category: 'source/boilerplate', segments: [0], span: null },
  },
];

test('pairs are cut at document offsets; boilerplate beads and null links are left out', () => {
  const { pairs, places } = storyPairs(ctx, placed);
  assert.equal(pairs.length, 2);
  assert.equal(pairs[1]!.tgt, 'Sinabi ng ministro na 42 katao ang nasugatan.');
  assert.equal(TL.slice(pairs[1]!.tgtStart!, pairs[1]!.tgtStart! + pairs[1]!.tgt.length), pairs[1]!.tgt);
  assert.deepEqual(
    places.map((p) => p.placed),
    [[], [0]],
  );
  assert.equal(pairs[1]!.tgtLang, 'tl');
});

test('judgeStoryContext returns offline findings (adjusted) plus llm-mqm findings, placed by version', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  const r = await judgeStoryContext(null, cfg, ctx, placed);
  assert.equal(fake.counts.chat, 1, 'only the flagged pair is sent');
  assert.equal(r.placed.length, 3);
  assert.equal(r.placed[1], placed[1], 'a finding the judge did not see is passed through as is');
  assert.ok(r.placed[0]!.finding.confidence > 0.6);
  const llm = r.placed[2]!;
  assert.equal(llm.finding.detector, 'llm-mqm');
  assert.deepEqual([llm.versionIndex, llm.otherVersionIndex], [1, 0]);
  assert.equal(TL.slice(llm.finding.span!.start, llm.finding.span!.end), '42');
  assert.deepEqual(r.judgedPairs, [{ version: 1, segments: [2] }]);
});

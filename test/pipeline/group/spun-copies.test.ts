import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';
import { featuresOf } from '../../../server/pipeline/group/features.js';
import { cluster, DEFAULT_CLUSTER, similarities } from '../../../server/pipeline/group/cluster.js';
import { alignedSimilarity, wordSequence } from '../../../server/pipeline/group/sequence.js';
import { REPO } from '../../helpers/paths.js';

// A short spun copy with most of its content words swapped (names too) joins its original, word by word
// through synonym classes in order; same-topic articles (motor racing, tennis, hockey, football) stay apart.
// Fixtures: test/fixtures/group/README.md (FLORES-200 / Wikinews, CC BY-SA 4.0).

const fixture = (name: string): string => readFileSync(join(REPO, 'test', 'fixtures', 'group', name), 'utf8');
const doc = (text: string) =>
  segmentDoc({ path: 'x', url: null, title: null, format: 'txt', encoding: 'utf-8', declaredLang: 'en', text });
const words = (t: string): string[] => t.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];

const original = fixture('a1gp.original.txt');
const spun = fixture('a1gp.spun.txt');
const sameTopic = ['schumacher.txt', 'nadal.txt', 'hockey.txt', 'jarque.txt'].map(fixture);

test('the fixture is a short, heavily spun copy: 40+ words, most of its words not the original’s', () => {
  assert.ok(words(original).length >= 40 && words(original).length <= 100);
  const kept = new Set(words(original));
  const swapped = words(spun).filter((w) => !kept.has(w)).length / words(spun).length;
  assert.ok(swapped >= 0.4, `swapped ${swapped}`);
});

test('a short, heavily spun copy joins its original; same-topic articles do not', () => {
  const docs = [original, ...sameTopic, spun].map(doc).map(featuresOf);
  assert.deepEqual(cluster(docs), [[0, 5], [1], [2], [3], [4]]);
  // the shingles, skeletons and shared names alone do not join them: the aligned similarity does
  assert.deepEqual(cluster(docs, { ...DEFAULT_CLUSTER, alignCandidates: 0 }), [[0], [1], [2], [3], [4], [5]]);
});

test('aligned similarity: high through synonym swaps, low between same-topic articles, 0 for short texts', () => {
  const seq = (t: string) => wordSequence([t]);
  const s = alignedSimilarity(seq(original), seq(spun));
  assert.ok(s >= 0.7, `spun copy ${s}`);
  for (const other of sameTopic) {
    const o = alignedSimilarity(seq(original), seq(other));
    assert.ok(o < 0.25, `same topic ${o}`);
  }
  // order matters: the same words shuffled sentence by sentence pair up far less
  const reversed = original
    .split(/(?<=\.) /)
    .reverse()
    .join(' ');
  assert.ok(alignedSimilarity(seq(original), seq(reversed)) < s - 0.3);
  assert.equal(alignedSimilarity(seq('Putin visited Pyongyang.'), seq('Putin went to Pyongyang.')), 0);
});

test('one template filled in with other numbers is not one text: a spinner never changes numbers', () => {
  const bulletin = (name: string, km: number, wind: number, hour: number) =>
    `Tropical Depression ${name} was last seen ${km} km east of Catanduanes, with maximum sustained winds of ${wind} km/h ` +
    `near the centre and gusts of up to ${wind + 25} km/h. Residents of low-lying areas are advised to take precautionary ` +
    `measures against flooding and landslides, and fishing boats should not venture out to sea. The next bulletin will be issued at ${hour}:00 PM today.\n`;
  const docs = [
    bulletin('Ambo', 300, 45, 11),
    bulletin('Butchoy', 420, 65, 17),
    bulletin('Ambo', 300, 45, 11).replace('advised', 'urged'),
  ]
    .map(doc)
    .map(featuresOf);
  const sims = similarities(docs);
  const near = (a: number, b: number) => sims.find((s) => s.a === a && s.b === b)?.shingles ?? 0;
  assert.ok(near(0, 2) >= DEFAULT_CLUSTER.threshold, 'the same bulletin with one word swapped is one text');
  assert.equal(near(0, 1), 0);
  assert.equal(near(1, 2), 0);
  assert.ok(
    alignedSimilarity(docs[0]!.sequence, docs[1]!.sequence) >= DEFAULT_CLUSTER.alignThreshold,
    'the wording alone would join them',
  );
});

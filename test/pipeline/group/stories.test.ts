import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';
import { featuresOf } from '../../../server/pipeline/group/features.js';
import { cluster, crossPairs, DEFAULT_CLUSTER } from '../../../server/pipeline/group/cluster.js';
import { storiesOf, storiesOfMeanwhile } from '../../../server/pipeline/group/index.js';
import type { SegmentedDoc } from '../../../server/pipeline/types.js';
import {
  goldStory,
  mulberry32,
  pairwisePR,
  parallelArticles,
  spinText,
  synthCorpus,
  type SynthRecord,
} from '../../../testkit/synth.js';

// Story discovery rules, each with a case it must join and a case it must keep apart.

const doc = (text: string, lang: 'en' | 'tl', path = 'x'): SegmentedDoc =>
  segmentDoc({ path, url: path, title: null, format: 'txt', encoding: 'utf-8', declaredLang: lang, text });

/** Groups of the records' urls, the records stored as the batch stores them (each distinct text once). */
function groupRecords(
  records: SynthRecord[],
  opts = DEFAULT_CLUSTER,
): { groups: string[][]; gold: Map<string, string> } {
  const seen = new Set<string>();
  const kept = records.filter((r) => !seen.has(r.text) && seen.add(r.text));
  const groups = cluster(
    kept.map((r) => featuresOf(doc(r.text, r.lang, r.url))),
    opts,
  ).map((g) => g.map((i) => kept[i]!.url));
  return { groups, gold: new Map(kept.map((r) => [r.url, goldStory(r.url)])) };
}

test('long documents on one topic are different stories: the 13 TICO-19 COVID-19 articles stay apart, each with its spun copy and translation', () => {
  const tico = synthCorpus({ seed: 42 }).records.filter((r) => r.url.endsWith('/tico'));
  assert.equal(new Set(tico.map((r) => goldStory(r.url))).size, 13);
  const { groups, gold } = groupRecords(tico);
  assert.deepEqual(pairwisePR(groups, gold), { precision: 1, recall: 1 });
  // what keeps them apart is the topical discount: weighed by rarity alone, "COVID-19" and "virus" merge them
  const plain = groupRecords(tico, { ...DEFAULT_CLUSTER, storySize: Number.MAX_SAFE_INTEGER });
  assert.ok(pairwisePR(plain.groups, plain.gold).precision < 0.9);
});

/** Tatoeba chunks of six unrelated everyday sentences: few names or numbers, the hard case. */
function tatoebaChunks(n: number): { en: string; tl: string }[] {
  const paragraphs = (s: string[]) => s.join('\n\n') + '\n';
  return parallelArticles(mulberry32(3))
    .filter((a) => a.source === 'tatoeba')
    .slice(0, n)
    .map((a) => ({ en: paragraphs(a.pairs.map((p) => p[0])), tl: paragraphs(a.pairs.map((p) => p[1])) }));
}

test('a Tagalog translation joins its English source, by lexicon coverage, among texts of the same kind', () => {
  const chunks = tatoebaChunks(12);
  const docs = chunks.flatMap((c) => [doc(c.en, 'en'), doc(c.tl, 'tl')]);
  const expected = chunks.map((_, i) => [2 * i, 2 * i + 1]);
  assert.deepEqual(cluster(docs.map(featuresOf)), expected);
});

test('a Tagalog text whose English source is not in the batch stays alone: a best match is not a counterpart', () => {
  const chunks = tatoebaChunks(12);
  // the first six keep their English source; the other six are Tagalog alone, and six other English texts are added
  const others = tatoebaChunks(18).slice(12);
  const docs = [
    ...chunks.slice(0, 6).flatMap((c) => [doc(c.en, 'en'), doc(c.tl, 'tl')]),
    ...chunks.slice(6).map((c) => doc(c.tl, 'tl')),
    ...others.map((c) => doc(c.en, 'en')),
  ];
  const groups = cluster(docs.map(featuresOf));
  assert.deepEqual(
    groups.filter((g) => g.length > 1),
    [0, 1, 2, 3, 4, 5].map((i) => [2 * i, 2 * i + 1]),
  );
  assert.equal(groups.length, 6 + 12);
});

const ORIGINAL =
  'The mayor of Quezon City said on Monday that 1,200 families will get new homes by the end of the year.\n\n' +
  'Local officials expected the first houses to be ready by March, the mayor said in a statement.\n\n' +
  'Many people in the area have waited several years for help from the national government.\n';

test('a heavily spun copy joins its original by its sentence skeletons, where most of its 3-grams are gone', () => {
  const spun = spinText(ORIGINAL, mulberry32(7), 1);
  assert.notEqual(spun, ORIGINAL);
  const other =
    'Heavy rain flooded Davao on Friday and closed the schools.\n\nRescuers in boats reached families on their roofs.\n';
  assert.deepEqual(cluster([doc(ORIGINAL, 'en'), doc(other, 'en'), doc(spun, 'en')].map(featuresOf)), [[0, 2], [1]]);
});

test('two texts sharing one identical sentence are not near-duplicates', () => {
  const a =
    'I can not stand people who yell at their children.\n\nThere is no life without electricity and water.\n\n' +
    'May comes after April in the calendar.\n\nSix months later we were married in the old church.\n';
  const b =
    'I can not stand people who yell at their children.\n\nI need glasses to read the small print.\n\n' +
    'I thought you said you were desperate to do that.\n\nThe train to the city leaves at noon every day.\n';
  assert.deepEqual(cluster([doc(a, 'en'), doc(b, 'en')].map(featuresOf)), [[0], [1]]);
});

test('comparable articles need many shared names: a topic and a name or two are not a story', () => {
  // the Vostochny articles of the seeds join (test/pipeline/batch/group.test.ts); two food texts naming Thai and Asian cuisine do not
  const a =
    'San Francisco has many restaurants that serve Asian food, Thai and Korean dishes among them.\n\n' +
    'Tourism is the largest employer in the city, followed by finance and government.\n';
  const b =
    'I like every kind of Asian food, Thai food most of all.\n\nThe quality of the rice has gone down this year.\n\n' +
    'The film has already started, so we will wait outside.\n';
  assert.deepEqual(cluster([doc(a, 'en'), doc(b, 'en')].map(featuresOf)), [[0], [1]]);
});

test('a version in a language without a lexicon joins by names, numbers and dates; a text sharing one name does not', () => {
  const en =
    'President Ferdinand Marcos met Prime Minister Fumio Kishida in Tokyo on 9 February 2023.\n\n' +
    'The two leaders signed 7 agreements worth 13 billion dollars, Marcos said at the Akasaka Palace.\n';
  const es =
    'El presidente Ferdinand Marcos se reunió con el primer ministro Fumio Kishida en Tokio el 9 de febrero de 2023.\n\n' +
    'Los dos líderes firmaron 7 acuerdos por valor de 13 mil millones de dólares, dijo Marcos en el Palacio Akasaka.\n';
  const other =
    'Heavy rain flooded Davao on Friday and closed the schools.\n\n' +
    'Rescuers in boats reached 300 families on their roofs while President Marcos flew over the city.\n';
  const docs = [
    doc(en, 'en'),
    doc(other, 'en'),
    segmentDoc({ path: 'es', url: 'es', title: null, format: 'txt', encoding: 'utf-8', declaredLang: null, text: es }),
  ];
  assert.equal(docs[2]!.lang, 'other');
  assert.deepEqual(cluster(docs.map(featuresOf)), [[0, 2], [1]]);
});

test('stories with the cross-language matches worked out elsewhere meanwhile are the same stories', async () => {
  const records = synthCorpus({ maxStories: 60, seed: 11 }).records;
  const seen = new Set<string>();
  const kept = records.filter((r) => !seen.has(r.text) && seen.add(r.text));
  const feats = kept.map((r) => featuresOf(doc(r.text, r.lang, r.url)));
  const ids = feats.map((_, i) => 100 + i);
  const plain = storiesOf(ids, (id) => feats[id - 100]!);
  let asked = 0;
  const meanwhile = await storiesOfMeanwhile(
    ids,
    (id) => feats[id - 100]!,
    async (docs) => {
      asked++;
      return crossPairs(docs);
    },
  );
  assert.equal(asked, 1);
  assert.ok(
    plain.some((p) => p.documentIds.length >= 3),
    'stories join across languages',
  );
  assert.deepEqual(meanwhile, plain);
});

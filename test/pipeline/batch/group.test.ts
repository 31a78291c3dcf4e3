import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../server/pipeline/ingest/index.js';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';
import { featuresOf } from '../../../server/pipeline/group/features.js';
import { cluster, mergeParts, similarities } from '../../../server/pipeline/group/cluster.js';
import { rolesOf, storiesOf, storiesOfMeanwhile } from '../../../server/pipeline/group/index.js';
import { BatchPool } from '../../../server/pipeline/batch/pool.js';
import type { SegmentedDoc } from '../../../server/pipeline/types.js';
import { SEEDS } from '../../helpers/paths.js';
import { goldStory, mulberry32, pairwisePR, spinText, synthCorpus } from '../../../testkit/synth.js';

const seeds = (): SegmentedDoc[] =>
  readdirSync(SEEDS)
    .sort()
    .map((f) => segmentDoc(ingestFile(join(SEEDS, f), { maxBytes: 1e7 })[0]!));

test('the seeds form two stories: the Vostochny meeting (000, 001, 002, 004) and the Pyongyang visit (003)', () => {
  const groups = cluster(seeds().map(featuresOf));
  assert.deepEqual(groups, [[0, 1, 2, 4], [3]]);
});

const doc = (text: string, lang: 'en' | 'tl', path: string): SegmentedDoc =>
  segmentDoc({ path, url: null, title: null, format: 'txt', encoding: 'utf-8', declaredLang: lang, text });

test('a spun copy joins its original, and is told apart from it', () => {
  const en =
    'The mayor of Quezon City said on Monday that 1,200 families will get new homes.\n\n' +
    'Local officials expected the first houses to be ready by March, the mayor said.\n\n' +
    'Many people in the area have waited several years for help from the government.\n';
  const spun = spinText(en, mulberry32(7), 1);
  assert.notEqual(spun, en);
  const other = doc(
    'Heavy rain flooded Davao on Friday.\n\nSchools in Davao were closed while rescuers worked.\n',
    'en',
    'c',
  );
  const docs = [doc(en, 'en', 'a'), other, doc(spun, 'en', 'b')];
  assert.deepEqual(cluster(docs.map(featuresOf)), [[0, 2], [1]]);
  const { roles, pivot } = rolesOf([docs[0]!, docs[2]!]);
  assert.deepEqual(roles, ['source', 'spin']);
  assert.equal(pivot, 0);
});

test('a Tagalog version is a translation and never the pivot while an English source exists', () => {
  const { roles, pivot } = rolesOf([
    doc('Si Putin ay dumating sa Pyongyang.\n', 'tl', 'x'),
    doc('Putin arrived in Pyongyang.\n', 'en', 'y'),
  ]);
  assert.deepEqual(roles, ['translation', 'source']);
  assert.equal(pivot, 1);
});

test('on a synthetic batch (FLORES stories × English, Tagalog, spun English) stories are recovered (P, R ≥ 0.95)', () => {
  const corpus = synthCorpus({ seed: 5, maxStories: 80 });
  const docs = corpus.records.map((r) =>
    segmentDoc({
      path: r.url,
      url: r.url,
      title: r.title,
      format: 'jsonl',
      encoding: 'utf-8',
      declaredLang: r.lang,
      text: r.text,
    }),
  );
  const groups = cluster(docs.map(featuresOf)).map((g) => g.map((i) => corpus.records[i]!.url));
  const { precision, recall } = pairwisePR(groups, new Map(corpus.records.map((r) => [r.url, goldStory(r.url)])));
  assert.ok(precision >= 0.95, `precision ${precision}`);
  assert.ok(recall >= 0.95, `recall ${recall}`);
});

test('similarities worked out in parts (one on a finishing worker) are those of one thread, and so are the stories', async () => {
  const corpus = synthCorpus({ seed: 9, maxStories: 40 });
  const feats = corpus.records.map((r) =>
    featuresOf(
      segmentDoc({
        path: r.url,
        url: r.url,
        title: r.title,
        format: 'jsonl',
        encoding: 'utf-8',
        declaredLang: r.lang,
        text: r.text,
      }),
    ),
  );
  const whole = similarities(feats);
  assert.ok(whole.length >= 20, `the corpus has similar documents (${whole.length} pairs of ${feats.length})`);
  const parts = [0, 1, 2].map((index) => similarities(feats, undefined, { of: 3, index }));
  assert.ok(parts.every((p) => p.length > 0));
  assert.deepEqual(mergeParts(parts), whole);
  const ids = feats.map((_, i) => 100 + i);
  const pool = new BatchPool(2);
  try {
    let shared = 0;
    const plans = await storiesOfMeanwhile(
      ids,
      (id) => feats[id - 100]!,
      (docs) => pool.crossPairs(docs),
      undefined,
      (docs, part) => (shared++, pool.similarities(docs, part)),
    );
    assert.equal(shared, 1);
    assert.deepEqual(
      plans,
      storiesOf(ids, (id) => feats[id - 100]!),
    );
  } finally {
    await pool.close();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareItem } from '../../../server/pipeline/batch/prepare.js';
import { BatchPool } from '../../../server/pipeline/batch/pool.js';
import { featuresOf, sequenceTexts } from '../../../server/pipeline/group/features.js';
import { ingestFile } from '../../../server/pipeline/ingest/index.js';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';
import type { RecordItem } from '../../../server/pipeline/batch/inputs.js';
import { tmpDir } from '../../helpers/tmp.js';

// The batch's first phase per item (prepare.ts): what comes back from the pool must be what the main
// thread would have computed itself, and bad input must come back as a refusal, not an exception.

const record = (line: number, text: string): RecordItem => ({
  kind: 'record',
  key: `in.jsonl#L${line}`,
  path: 'in.jsonl',
  line,
  text,
});
const MAX = 10_000_000;

test('a record is segmented and reduced to the same features as on the main thread', () => {
  const text =
    'Putin arrived in North Korea on Wednesday for his first visit in 24 years.\n\nHe met Kim Jong Un in Pyongyang.';
  const r = prepareItem({
    item: record(1, JSON.stringify({ url: 'https://example.org/a', lang: 'en', text })),
    maxBytes: MAX,
  });
  assert.ok('docs' in r, 'a good record is prepared');
  assert.equal(r.docs.length, 1);
  const [p] = r.docs;
  assert.equal(p!.doc.text, text);
  assert.equal(p!.doc.lang, 'en');
  assert.equal(p!.doc.segments.length, 2);
  assert.deepEqual(p!.features, featuresOf(p!.doc));
  assert.ok(p!.features.anchors.length > 0, 'numbers and names are anchors');
});

test('a malformed record and a record without text come back as refusals naming the line', () => {
  const bad = prepareItem({ item: record(4, '{"text": "unterminated'), maxBytes: MAX });
  assert.ok('refusal' in bad);
  assert.match(bad.refusal, /line 4/);
  const empty = prepareItem({ item: record(8, '{"url": "no text here"}'), maxBytes: MAX });
  assert.ok('refusal' in empty);
  assert.match(empty.refusal, /line 8/);
});

test('an HTML file is parsed in the worker as by single-file ingest; an empty file is refused', async () => {
  const dir = tmpDir();
  const page = join(dir, 'story.html');
  writeFileSync(
    page,
    '<html><head><title>Putin in Pyongyang</title></head><body><nav>Home | World</nav><article><h1>Putin in Pyongyang</h1>' +
      '<p>Putin arrived in North Korea on Wednesday for his first visit in 24 years.</p><p>He met Kim Jong Un.</p></article></body></html>',
  );
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const pool = new BatchPool(2); // with one worker, items are prepared on the calling thread
  try {
    const [got, refused] = await Promise.all([
      pool.prepare({ item: { kind: 'file', key: page, path: page }, maxBytes: MAX }),
      pool.prepare({ item: { kind: 'file', key: empty, path: empty }, maxBytes: MAX }),
    ]);
    assert.ok('docs' in got);
    const expected = ingestFile(page, { maxBytes: MAX }).map(segmentDoc);
    assert.deepEqual(
      got.docs.map((d) => d.doc),
      expected,
    );
    assert.match(got.docs[0]!.doc.text, /first visit in 24 years/);
    assert.ok('refusal' in refused, 'an empty file is refused, not thrown');
    assert.match(refused.refusal, /empty/i);
  } finally {
    await pool.close();
  }
});

test('items prepared by a finishing worker come back without word sequences, which a reading worker fills in alike', async () => {
  const texts = Array.from(
    { length: 8 },
    (_, i) =>
      `Story ${i}: the mayor of Quezon City opened a new bridge over the Pasig River on Monday, officials said.\n\n` +
      `The bridge cost ${100 + i} million pesos and will carry thousands of commuters every day, the city engineer added.`,
  );
  const pool = new BatchPool(2);
  try {
    const got = await Promise.all(
      texts.map((text, i) =>
        pool.prepare({ item: record(i + 1, JSON.stringify({ lang: 'en', text })), maxBytes: MAX }),
      ),
    );
    let leftOut = 0;
    for (const r of got) {
      assert.ok('docs' in r);
      const [p] = r.docs;
      if (p!.sequenceLeftOut) {
        leftOut++;
        assert.equal(p!.features.sequence.keys.length, 0);
        p!.features.sequence = await pool.sequence(sequenceTexts(p!.doc));
      }
      assert.ok(p!.features.sequence.keys.length > 0);
      assert.deepEqual(p!.features, featuresOf(p!.doc));
    }
    assert.ok(
      leftOut > 0 && leftOut < texts.length,
      `both workers prepared items (${leftOut} of ${texts.length} left out)`,
    );
  } finally {
    await pool.close();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../server/pipeline/ingest/index.js';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';
import { REPO, SEED_FILES, seed } from '../../helpers/paths.js';

// The five seed articles segment exactly as the hand-checked fixtures say (see each fixture's notes).
interface Fixture {
  seed: string;
  title: string | null;
  lang: string;
  sentences: { paragraph: number; lang: string; boilerplate: string | false; text: string }[];
}

for (const key of Object.keys(SEED_FILES)) {
  test(`seed ${key} segments exactly as test/fixtures/segments/${key}.json`, () => {
    const fx = JSON.parse(readFileSync(join(REPO, 'test/fixtures/segments', `${key}.json`), 'utf8')) as Fixture;
    const [doc] = ingestFile(seed(key), { maxBytes: 1_000_000 });
    assert.ok(doc);
    const seg = segmentDoc(doc);
    assert.ok(fx.sentences.length > 5);
    assert.equal(seg.title, fx.title);
    assert.equal(seg.lang, fx.lang);
    assert.deepEqual(
      seg.segments.map((s) => ({ paragraph: s.paragraph, lang: s.lang, boilerplate: s.boilerplate, text: s.text })),
      fx.sentences,
    );
    seg.segments.forEach((s, i) => {
      assert.equal(s.index, i);
      assert.equal(doc.text.slice(s.start, s.end), s.text);
      if (i > 0) assert.ok(s.start >= seg.segments[i - 1]!.end);
    });
  });
}

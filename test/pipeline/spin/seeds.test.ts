import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spinContextOf } from '../../../server/pipeline/detect/spin/pass.js';
import {
  detectSpin,
  findOriginal,
  jaccard,
  spinDetectors,
  spinStory,
  spinStoryDetector,
  synonymShingles,
} from '../../../server/pipeline/detect/spin/index.js';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';
import type { IngestedDoc, Lang } from '../../../server/pipeline/types.js';
import { REPO, PARALLEL, seed } from '../../helpers/paths.js';
import { spinText } from '../../../testkit/spinner.js';

const read = (p: string) => readFileSync(p, 'utf8').replace(/^\uFEFF/, '');
const words = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;

test('seed 003 without its original: recall ≥ 0.85 and precision ≥ 0.8 against the hand labels', () => {
  const labels = JSON.parse(read(join(REPO, 'test', 'fixtures', 'spin', '003.json'))) as {
    spans: { start: number; end: number; text: string }[];
  };
  const text = read(seed('003'));
  for (const s of labels.spans) assert.equal(text.slice(s.start, s.end), s.text);
  const f = detectSpin(text);
  const hit = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  const recall = labels.spans.filter((g) => f.some((p) => hit(p, g))).length / labels.spans.length;
  const precision = f.filter((p) => labels.spans.some((g) => hit(p, g))).length / f.length;
  assert.ok(recall >= 0.85, `recall ${recall}`);
  assert.ok(precision >= 0.8, `precision ${precision}`);
});

test('unspun English seeds and clean FLORES text: at most 1 flag per 1,000 words', () => {
  let flags = 0;
  let n = 0;
  for (const p of ['001', '002', '004']) {
    const t = read(seed(p));
    flags += detectSpin(t).length;
    n += words(t);
  }
  const flores = read(join(PARALLEL, 'flores200-dev.en'));
  flags += detectSpin(flores).length;
  n += words(flores);
  assert.ok(n > 20000);
  assert.ok((flags * 1000) / n <= 1, `${flags} flags in ${n} words`);
});

test("findOriginal picks the spun copy's source among other documents of the batch", () => {
  const lines = read(join(PARALLEL, 'flores200-dev.en')).split('\n');
  const docs = Array.from({ length: 12 }, (_, k) => lines.slice(k * 5, k * 5 + 5).join(' '));
  for (const k of [0, 5, 11]) {
    const spun = spinText(docs[k] as string, k, { rate: 0.25, meaningEdits: 0 }).text;
    const found = findOriginal(
      { text: spun },
      docs.map((text) => ({ text })),
    );
    assert.equal(found?.index, k);
  }
  assert.equal(
    findOriginal(
      { text: docs[0] as string },
      docs.slice(1).map((text) => ({ text })),
    ),
    null,
  );
  // seed 003 is a spun copy of a story the other seeds tell differently: no original among them
  const seeds = ['001', '002', '004'].map((p) => ({ text: read(seed(p)) }));
  assert.equal(findOriginal({ text: read(seed('003')) }, seeds), null);
});

test('each spin detector passes its own pass/fail examples', () => {
  const doc = (text: string) =>
    segmentDoc({
      path: 'x.txt',
      url: null,
      title: null,
      format: 'txt',
      encoding: 'utf-8',
      declaredLang: null,
      text,
    } satisfies IngestedDoc);
  for (const d of spinDetectors) {
    for (const ex of d.examples.fail) {
      const out = d.run(spinContextOf(d, doc(ex.text), ex.original ? doc(ex.original) : null));
      assert.ok(out.length >= 1, `${d.id} fail example: ${ex.text}`);
      for (const f of out) assert.ok(f.span && f.segments.length >= 1);
    }
    for (const ex of d.examples.pass) {
      const out = d.run(spinContextOf(d, doc(ex.text), ex.original ? doc(ex.original) : null));
      assert.deepEqual(out, [], `${d.id} pass example: ${ex.text}`);
    }
  }
});

test('synonym-normalised shingles keep a spun copy close to its original and apart from other stories', () => {
  const lines = read(join(PARALLEL, 'flores200-dev.en')).split('\n');
  const docs = Array.from({ length: 10 }, (_, k) => lines.slice(k * 5, k * 5 + 5).join(' '));
  const plain = (t: string) => {
    const w = (t.toLowerCase().match(/[a-z]+/g) ?? []).filter((x) => x.length > 3);
    return new Set(w.slice(1).map((x, i) => `${w[i]} ${x}`));
  };
  let syn = 0;
  let base = 0;
  for (let k = 0; k < 10; k++) {
    const spun = spinText(docs[k] as string, 40 + k, { rate: 0.25, meaningEdits: 0 }).text;
    const s = jaccard(synonymShingles(spun), synonymShingles(docs[k] as string));
    syn += s;
    base += jaccard(plain(spun), plain(docs[k] as string));
    assert.ok(
      s > 5 * jaccard(synonymShingles(spun), synonymShingles(docs[(k + 1) % 10] as string)) && s > 0.3,
      `doc ${k}: ${s}`,
    );
  }
  assert.ok(syn > base, `${syn} vs ${base}`);
});

test('in a story, a spun English copy is diffed against its discovered original and reads as spun', () => {
  const doc = (text: string, lang: Lang) => ({
    ...segmentDoc({
      path: 'x.txt',
      url: null,
      title: null,
      format: 'txt',
      encoding: 'utf-8',
      declaredLang: null,
      text,
    } satisfies IngestedDoc),
    lang,
  });
  for (const ex of [...spinStoryDetector.examples.fail, ...spinStoryDetector.examples.pass]) {
    const ctx = {
      versions: ex.versions.map((v, i) => ({ doc: doc(v.text, v.lang ?? 'en'), role: v.role, documentId: i + 1 })),
      pivot: 0,
      alignments: ex.versions.map(() => null),
      thresholds: {},
    };
    const out = spinStoryDetector.run(ctx);
    if (spinStoryDetector.examples.fail.includes(ex)) {
      assert.ok(
        out.length >= 2 && out.every((f) => f.versionIndex === 1 && f.detector === 'spin-diff'),
        JSON.stringify(out),
      );
    } else assert.deepEqual(out, []);
  }
  // unknown roles: the direction comes from the texts themselves
  const original = read(join(PARALLEL, 'flores200-dev.en')).split('\n').slice(0, 5).join(' ');
  const spun = spinText(original, 3, { rate: 0.3, meaningEdits: 0 }).text;
  const ctx = {
    versions: [doc(spun, 'en'), doc(original, 'en')].map((d, i) => ({
      doc: d,
      role: 'unknown' as const,
      documentId: i + 1,
    })),
    pivot: 1,
    alignments: [null, null],
    thresholds: {},
  };
  const r = spinStory(ctx);
  assert.equal(r.verdicts[0]?.original, 1);
  assert.equal(r.verdicts[1]?.original, null);
  assert.ok(r.verdicts[0]?.spun && !r.verdicts[1]?.spun);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLang } from '../../../server/lang/langid.js';
import { boilerplateReason } from '../../../server/pipeline/segment/boilerplate.js';
import { segmentText } from '../../../server/pipeline/segment/index.js';
import { PARALLEL } from '../../helpers/paths.js';

// Real sentences from the dev sets shipped in test/fixtures/parallel (FLORES-200 dev, TICO-19 dev): boilerplate rules must never fire
// on them, and language id must get them right. Figures for all sets: bench/segment-quality.ts.
const lines = (name: string): string[] =>
  readFileSync(join(PARALLEL, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim());

test('no real sentence of FLORES-200 or TICO-19 dev (tl and en) is marked boilerplate (one navigation line is)', () => {
  let n = 0;
  for (const f of ['flores200-dev.en', 'flores200-dev.tl', 'tico19-dev.en', 'tico19-dev.tl']) {
    for (const x of lines(f)) {
      // TICO-19 keeps one Wikivoyage cross-reference line, which is navigation, not a sentence.
      const want = x === 'See also: Flight and health' ? 'related-links' : false;
      assert.equal(boilerplateReason(x, { wholeParagraph: true }), want, x);
      n++;
    }
  }
  assert.ok(n > 3500);
});

test('FLORES-200 dev sentences get their language (at least 99%)', () => {
  for (const lang of ['tl', 'en'] as const) {
    const xs = lines(`flores200-dev.${lang}`);
    const right = xs.filter((x) => detectLang(x) === lang).length;
    assert.ok(right / xs.length >= 0.99, `${lang}: ${right}/${xs.length}`);
  }
});

test('a FLORES line that is one sentence stays one sentence (no spurious splits at abbreviations)', () => {
  // Lines with one sentence-final mark and no inner ". X" / "? X" / "! X" pattern are single sentences.
  let checked = 0;
  for (const lang of ['tl', 'en']) {
    for (const x of lines(`flores200-dev.${lang}`)) {
      const t = x.trim();
      if (/[.!?]["”’)]*\s+["“‘(]?\p{Lu}/u.test(t)) continue;
      checked++;
      assert.deepEqual(
        segmentText(t).map((s) => s.text),
        [t],
        t,
      );
    }
  }
  assert.ok(checked > 1500);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { seed } from '../../helpers/paths.js';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';
import { detectStory, type PlacedFinding } from '../../../server/pipeline/detect/index.js';
import type { Role, SegmentedDoc } from '../../../server/pipeline/types.js';
import type { StoryContext } from '../../../server/pipeline/detect/types.js';
import { alignDocs } from '../../../server/core/align-side.js';

// The sample corpus: what the tool must flag, with a clear message.

function doc(path: string, text = readFileSync(path, 'utf8')): SegmentedDoc {
  return segmentDoc({ path, url: null, title: null, format: 'txt', encoding: 'utf-8', declaredLang: null, text });
}

function story(docs: { doc: SegmentedDoc; role: Role }[], pivot = 0): PlacedFinding[] {
  const versions = docs.map((d, i) => ({ ...d, documentId: i + 1 }));
  const ctx: StoryContext = {
    versions,
    pivot,
    alignments: versions.map((v, i) => (i === pivot ? null : alignDocs(versions[pivot]!.doc, v.doc))),
    thresholds: {},
  };
  return detectStory(ctx);
}

test('seed 001 (Spanish-sourced English): MT artifacts flagged; scrape junk is boilerplate, never a mistranslation', () => {
  const d = doc(seed('001'));
  const found = story([{ doc: d, role: 'translation' }]);
  const mt = found.filter((f) => f.finding.detector === 'mt-artifacts');
  const flagged = mt.map((f) => d.text.slice(f.finding.span!.start, f.finding.span!.end));
  for (const expected of ['Vladimir Putin, He', 'Dmitry Peskov He', 'I’m going to go', 'And I’m not against anyone']) {
    assert.ok(
      flagged.some((t) => t.includes(expected)),
      `"${expected}" not flagged; flagged: ${JSON.stringify(flagged)}`,
    );
  }
  assert.ok(mt.every((f) => /machine-translation artifact|Calque/.test(f.finding.message)));
  const echo = mt.find((f) => f.finding.evidence.kind === 'pronoun-echo')!;
  assert.equal(echo.finding.severity, 'major');
  assert.match(echo.finding.message, /Pronoun echo/);

  const junk = d.segments.filter((s) => s.boilerplate);
  assert.ok(
    junk.some((s) => s.text === '9.9 C'),
    'segmentation marks the weather widget',
  );
  for (const s of junk) {
    const onIt = found.filter((f) => f.finding.segments.includes(s.index));
    assert.ok(
      onIt.some((f) => f.finding.category === 'source/boilerplate' && f.finding.severity === 'minor'),
      s.text,
    );
    assert.ok(
      onIt.every((f) => f.finding.category === 'source/boilerplate'),
      `junk "${s.text}" flagged as something else`,
    );
  }
});

test('seed 000 (Tagalog): the repeated title with different wording is flagged', () => {
  const d = doc(seed('000'));
  const found = story([{ doc: d, role: 'translation' }]).filter((f) => f.finding.detector === 'repeated-wording');
  assert.equal(found.length, 1);
  const f = found[0]!.finding;
  assert.match(d.text.slice(f.span!.start, f.span!.end), /^Batiin ni Vladimir Putin/);
  assert.match(f.message, /repeats sentence 1 with different wording: "ay binati .*" became "batiin ni/);
});

test('two English versions give Denis Manturov different roles: flagged on the second version', () => {
  const a = doc(seed('002'));
  const bText = a.text.replace(
    'Denis Manturov, the defense minister',
    'Denis Manturov, the industry and trade minister',
  );
  assert.notEqual(bText, a.text);
  const b = doc('second-version.txt', bText);
  const found = story([
    { doc: a, role: 'source' },
    { doc: b, role: 'spin' },
  ]).filter((f) => f.finding.detector === 'fact-disagreement');
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.versionIndex, 1);
  assert.equal(f.otherVersionIndex, 0);
  assert.equal(
    bText.slice(f.finding.span!.start, f.finding.span!.end),
    'Denis Manturov, the industry and trade minister',
  );
  assert.match(
    f.finding.message,
    /Denis Manturov is "industry and trade minister" here but "defense minister" in version 1/,
  );
  // The same story without the change: no disagreement.
  assert.equal(
    story([
      { doc: a, role: 'source' },
      { doc: doc('copy.txt', a.text + '\n'), role: 'spin' },
    ]).filter((x) => x.finding.detector === 'fact-disagreement').length,
    0,
  );
});

test('all five seeds as one story: no mistranslation flag lands on scrape junk', () => {
  const docs = ['000', '001', '002', '003', '004'].map((p) => doc(seed(p)));
  const pivot = 1;
  const found = story(
    docs.map((d, i) => ({ doc: d, role: i === pivot ? 'source' : 'unknown' })),
    pivot,
  );
  assert.ok(found.length > 0);
  for (const f of found) {
    if (f.finding.category === 'source/boilerplate') continue;
    const d = docs[f.versionIndex]!;
    for (const i of f.finding.segments)
      assert.equal(d.segments[i]!.boilerplate, false, `${f.finding.detector} on junk: ${d.segments[i]!.text}`);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { segmentText, segmentWithContext } from '../../../server/pipeline/segment/index.js';
import { MAX_CHUNK } from '../../../server/pipeline/segment/sentences.js';

const view = (text: string): [number, string][] => segmentText(text).map((s) => [s.paragraph, s.text]);

test('one paragraph per line when lines end sentences; bullets and headings skip their markers', () => {
  const text =
    '# Putin meets Kim\n\n- First point here.\n- Second point here.\n1. Numbered point.\nA plain line.\nCaption without period\nNext line starts here.';
  assert.deepEqual(view(text), [
    [0, 'Putin meets Kim'],
    [1, 'First point here.'],
    [2, 'Second point here.'],
    [3, 'Numbered point.'],
    [4, 'A plain line.'],
    [5, 'Caption without period'],
    [6, 'Next line starts here.'],
  ]);
  assert.equal(segmentWithContext(text).title, 'Putin meets Kim');
});

test('hard-wrapped prose is joined into paragraphs; sentences cross the line breaks', () => {
  const text =
    'President Vladimir Putin affirmed today that there is\nscope for military and space cooperation with North\nKorea after a meeting. He greeted the leader at the\ncosmodrome on Wednesday.\n\nSecond paragraph here.';
  const segs = segmentText(text);
  assert.deepEqual(
    segs.map((s) => s.paragraph),
    [0, 0, 1],
  );
  assert.equal(segs[1]!.text, 'He greeted the leader at the\ncosmodrome on Wednesday.');
  for (const s of segs) assert.equal(text.slice(s.start, s.end), s.text);
});

test('lines with no letters or digits (rules, decorations) give no sentence', () => {
  assert.deepEqual(view('One here.\n\n---\n\n* * *\n\nTwo here.'), [
    [0, 'One here.'],
    [1, 'Two here.'],
  ]);
});

test('a single huge line is cut into bounded sentences at whitespace, offsets intact', () => {
  const words = 'salita '.repeat(Math.ceil((3 * MAX_CHUNK) / 7));
  const text = `Start here. ${words}end.`;
  const segs = segmentText(text);
  assert.ok(segs.length >= 4);
  for (const s of segs) {
    assert.ok(s.text.length <= MAX_CHUNK);
    assert.equal(text.slice(s.start, s.end), s.text);
    assert.ok(!/^\S*[a-z]$/.test(text.slice(s.end, s.end + 1)), 'never cut inside a word');
  }
  const noSpace = 'x'.repeat(2 * MAX_CHUNK + 10);
  const parts = segmentText(noSpace);
  assert.equal(parts.map((s) => s.text).join(''), noSpace);
});

test('property: segments are ordered, disjoint, trimmed, and exactly slice the text', () => {
  const alphabet = fc.constantFrom(
    'a',
    'B',
    ' ',
    '.',
    '\n',
    '\r\n',
    '?',
    '“',
    '”',
    'U.S. ',
    'Dr. ',
    '- ',
    '# ',
    'ñ',
    '😀',
    '9.9',
    '\t',
  );
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      let last = 0;
      segmentText(text).forEach((s, i) => {
        assert.equal(s.index, i);
        assert.ok(s.start >= last && s.end > s.start);
        assert.equal(text.slice(s.start, s.end), s.text);
        assert.equal(s.text, s.text.trim());
        last = s.end;
      });
    }),
    { numRuns: 300, seed: 42 },
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ingestBuffer } from '../../server/pipeline/ingest/index.js';
import { segmentDoc, segmentText } from '../../server/pipeline/segment/index.js';
import { InputError } from '../../server/errors.js';
import type { IngestedDoc, Segment } from '../../server/pipeline/types.js';

// Property tests over adversarial input: ingest either returns documents or refuses with an
// InputError (never another exception), and segmentation always yields well-formed offsets.
const OPTS = { maxBytes: 4 * 1024 * 1024 };
const FORMATS = ['a.txt', 'a.md', 'a.html', 'a.jsonl'];

function assertSegmentsWellFormed(text: string, segs: Segment[]): void {
  let prevEnd = 0;
  segs.forEach((s, i) => {
    assert.equal(s.index, i);
    assert.ok(
      s.start >= prevEnd && s.end > s.start && s.end <= text.length,
      `segment ${i} [${s.start},${s.end}) in ${text.length}`,
    );
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.ok(['tl', 'en', 'other'].includes(s.lang));
    prevEnd = s.end;
  });
}

function ingestOrRefuse(buf: Buffer, name: string): IngestedDoc[] | null {
  try {
    return ingestBuffer(buf, name, OPTS);
  } catch (e) {
    if (e instanceof InputError) {
      assert.ok(e.message.length > 0 && !e.message.includes('\n'), 'one clear line');
      return null;
    }
    throw e;
  }
}

// Pieces that break naive code: invalid UTF-8, lone surrogates, NUL, zero-width and bidi controls, CRLF, BOMs.
const nasty = fc.constantFrom(
  '\uD800',
  '\uDFFF',
  '\u0000',
  '\u200B',
  '\u200F',
  '\u202E',
  '\u2066',
  '\uFEFF',
  '\r\n',
  '\r',
  '\n\n',
  '…',
  '“',
  '”',
  'U.S.',
  'Gen.',
  'p.m.',
  '9.9',
  '(…).',
  ' . ',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{"a":',
  '"}',
  'Si Putin ay binati',
  'Kim Jong Un',
  '━',
  '\t',
  '\u00A0',
);
const textArb = fc
  .array(fc.oneof(fc.string({ maxLength: 40 }), nasty, fc.string({ unit: 'grapheme', maxLength: 20 })), {
    maxLength: 40,
  })
  .map((a) => a.join(''));

test('ingest never throws anything but InputError on random bytes, in every format', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...FORMATS), (bytes, name) => {
      const docs = ingestOrRefuse(Buffer.from(bytes), name);
      for (const d of docs ?? []) assertSegmentsWellFormed(d.text, segmentDoc(d).segments);
    }),
    { numRuns: 400, seed: 42 },
  );
});

test('segmentation keeps exact offsets on adversarial strings (surrogates, NUL, bidi, CRLF)', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      assertSegmentsWellFormed(text, segmentText(text));
    }),
    { numRuns: 600, seed: 7 },
  );
});

test('text ingested as UTF-8 with NUL bytes or lone surrogates is refused or decoded, never corrupted into a crash', () => {
  fc.assert(
    fc.property(textArb, fc.constantFrom(...FORMATS), (text, name) => {
      const docs = ingestOrRefuse(Buffer.from(text, 'utf8'), name);
      for (const d of docs ?? []) assertSegmentsWellFormed(d.text, segmentDoc(d).segments);
    }),
    { numRuns: 400, seed: 11 },
  );
});

test('JSONL with random records: each file is ingested whole or refused with a line number', () => {
  const record = fc.oneof(
    fc.record({ url: fc.webUrl(), title: fc.string({ maxLength: 30 }), text: textArb }).map((r) => JSON.stringify(r)),
    fc.record({ url: fc.webUrl(), html: textArb.map((t) => `<p>${t}</p>`) }).map((r) => JSON.stringify(r)),
    fc.string({ maxLength: 30 }), // malformed
  );
  fc.assert(
    fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (lines) => {
      try {
        const docs = ingestBuffer(Buffer.from(lines.join('\n'), 'utf8'), 'batch.jsonl', OPTS);
        for (const d of docs) assert.match(d.path, /^batch\.jsonl#L\d+$/);
      } catch (e) {
        assert.ok(e instanceof InputError, String(e));
      }
    }),
    { numRuns: 300, seed: 5 },
  );
});

test(
  'a 10 MB single line and deeply nested HTML finish (bounded by the test timeout) with correct offsets',
  { timeout: 60_000 },
  () => {
    const words = [
      'Putin',
      'met',
      'Kim',
      'at',
      'the',
      'cosmodrome',
      'on',
      'Wednesday',
      'and',
      'U.S.',
      'officials',
      'watched',
    ];
    let line = '';
    for (let i = 0; line.length < 10 * 1024 * 1024; i++) line += words[i % words.length] + (i % 97 === 96 ? '. ' : ' ');
    const docs = ingestBuffer(Buffer.from(line), 'huge.txt', { maxBytes: 20 * 1024 * 1024 });
    const segs = segmentDoc(docs[0]!).segments;
    assert.ok(segs.length > 1000);
    assertSegmentsWellFormed(docs[0]!.text, segs);

    const nested = (depth: number): Buffer =>
      Buffer.from(
        '<html><body>' +
          '<div>'.repeat(depth) +
          '<p>Deep text that survives. It has two sentences.</p>' +
          '</div>'.repeat(depth) +
          '</body></html>',
      );
    const deep = ingestBuffer(nested(1000), 'deep.html', OPTS);
    assert.match(deep[0]!.text, /Deep text that survives/);
    assert.throws(
      () => ingestBuffer(nested(5000), 'deeper.html', OPTS),
      (e: unknown) => e instanceof InputError && /nested 500\d levels/.test(e.message),
    );
  },
);

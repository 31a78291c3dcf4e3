import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { ingestBuffer } from '../../../server/pipeline/ingest/index.js';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';

// Odd encodings are generated here, never committed as binaries.
const TEXT = 'Sinabi ni G. Peña: “Salamat sa café.” Ayon sa ulat, masaya si Niño.\n\nHe said ‘yes’ — and left.\n';
const opts = { maxBytes: 1_000_000 };
const one = (buf: Buffer, path = 'doc.txt') => {
  const docs = ingestBuffer(buf, path, opts);
  assert.equal(docs.length, 1);
  return docs[0]!;
};
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

const CASES: [string, Buffer, string][] = [
  ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8'],
  ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
  ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be'],
  ['UTF-16LE without BOM', Buffer.from(TEXT, 'utf16le'), 'utf-16le'],
  ['UTF-16BE without BOM', utf16be(TEXT), 'utf-16be'],
  ['Windows-1252', iconv.encode(TEXT, 'windows-1252'), 'windows-1252'],
];

for (const [name, buf, encoding] of CASES) {
  test(`${name} decodes to the same text, BOM stripped`, () => {
    const doc = one(buf);
    assert.equal(doc.encoding, encoding);
    assert.equal(doc.text, TEXT);
    const seg = segmentDoc(doc);
    assert.deepEqual(
      seg.segments.map((s) => s.text),
      ['Sinabi ni G. Peña: “Salamat sa café.”', 'Ayon sa ulat, masaya si Niño.', 'He said ‘yes’ — and left.'],
    );
  });
}

test('a short Windows-1252 file with smart quotes and ñ/é is not read as a Central European code page', () => {
  const doc = one(iconv.encode('“Niño” é', 'windows-1252'));
  assert.equal(doc.text, '“Niño” é');
  assert.equal(doc.encoding, 'windows-1252');
});

test('offsets index the decoded text: astral characters count as two', () => {
  const text = 'Kim 😀 smiled. Putin waved.';
  const doc = segmentDoc(one(Buffer.from(text)));
  assert.equal(doc.segments[1]?.start, text.indexOf('Putin'));
  assert.equal(doc.segments[1]?.start, 15);
});

test('an HTML file declaring a legacy charset is decoded with it', () => {
  const html =
    '<html><head><meta charset="windows-1252"><title>Peña</title></head><body><p>Sinabi ni G. Peña na “masaya” siya sa pagpupulong.</p></body></html>';
  const doc = one(iconv.encode(html, 'windows-1252'), 'page.html');
  assert.equal(doc.encoding, 'windows-1252');
  assert.match(doc.text, /Peña na “masaya”/);
});

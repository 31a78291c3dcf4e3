import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../../server/errors.js';
import { ingestBuffer, ingestFile } from '../../../server/pipeline/ingest/index.js';
import { tmpDir } from '../../helpers/tmp.js';

const opts = { maxBytes: 1_000_000 };
const refused = (buf: Buffer, re: RegExp, path = 'x.txt'): void => {
  assert.throws(
    () => ingestBuffer(buf, path, opts),
    (e: unknown) => e instanceof InputError && re.test(e.message) && !e.message.includes('\n'),
  );
};

test('binary files are refused: magic numbers, NUL bytes, control characters', () => {
  refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary file \(PNG image\)/);
  refused(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), /PDF/);
  refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]), /ZIP/);
  refused(Buffer.from([0x1f, 0x8b, 8, 0]), /gzip/);
  refused(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), /ELF/);
  refused(Buffer.from('text\u0000with\u0000a few NULs, not UTF-16 at all, just broken'), /NUL/);
  refused(Buffer.from('\u0001\u0002\u0003\u0004 abc \u0005\u0006\u0007\u0008\u000e\u000f'), /control characters/);
});

test('empty and whitespace-only files are refused', () => {
  refused(Buffer.alloc(0), /empty/);
  refused(Buffer.from(' \n\t\r\n  \n'), /only whitespace/);
  refused(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]), /only whitespace/);
  refused(Buffer.from(' \u200B\n\u200F\u2066\u00AD\t\n'), /invisible characters/);
  refused(Buffer.from('<html><body><p>\u200B \u200B</p></body></html>'), /no readable text/, 'page.html');
});

test('undecodable bytes are refused', () => {
  refused(
    Buffer.from([0x48, 0x69, 0x20, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x20, 0x6f, 0x6b]),
    /undecodable bytes.*0x81 at offset 3/,
  );
  refused(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]), /undecodable.*UTF-8 byte-order mark/);
  refused(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]), /undecodable.*UTF-16LE/);
  refused(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), /odd number of bytes/);
});

test('files over the size limit are refused before they are read', () => {
  const f = join(tmpDir(), 'big.txt');
  writeFileSync(f, 'a'.repeat(2000));
  assert.throws(() => ingestFile(f, { maxBytes: 1000 }), /2000 bytes, over the limit of 1000/);
  assert.equal(ingestFile(f, { maxBytes: 2000 })[0]?.text.length, 2000);
});

test('HTML with no readable text is refused', () => {
  refused(
    Buffer.from('<html><head><title>t</title><script>var a = 1;</script></head><body>  </body></html>'),
    /no readable text/,
    'p.html',
  );
});

test('property: any bytes either ingest to text or are refused with an InputError, never another error', async () => {
  const fc = (await import('fast-check')).default;
  let refusedCount = 0;
  let accepted = 0;
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 200 }),
      fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.jsonl'),
      (bytes, path) => {
        try {
          const docs = ingestBuffer(Buffer.from(bytes), path, opts);
          assert.ok(docs.length > 0 && docs.every((d) => /\S/.test(d.text)));
          accepted++;
        } catch (e) {
          assert.ok(e instanceof InputError, String(e));
          refusedCount++;
        }
      },
    ),
    { numRuns: 500, seed: 7 },
  );
  assert.ok(refusedCount > 0 && accepted > 0);
});

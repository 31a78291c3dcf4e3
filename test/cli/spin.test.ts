import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonl, runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { seed } from '../helpers/paths.js';

interface Rec {
  start: number;
  end: number;
  text: string;
  kind: string;
  suggestion: string | null;
  confidence: number;
  detector: string;
}

test('tapat spin --jsonl: offsets index the file decoded as UTF-8 with the BOM stripped', () => {
  const dir = tmpDir();
  const file = join(dir, 'spun.txt');
  writeFileSync(file, `\uFEFF${readFileSync(seed('003'), 'utf8')}`);
  const r = runCli(['spin', file, '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const recs = jsonl<Rec>(r.stdout);
  assert.ok(recs.length >= 50);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  for (const x of recs) {
    assert.equal(text.slice(x.start, x.end), x.text);
    assert.deepEqual(Object.keys(x).sort(), ['confidence', 'detector', 'end', 'kind', 'start', 'suggestion', 'text']);
    assert.ok(x.confidence > 0 && x.confidence <= 1);
    assert.equal(x.kind, 'spin');
  }
  assert.ok(recs.some((x) => x.text === 'native time' && x.suggestion === 'local time'));
});

test('tapat spin --original: spin and meaning kinds, suggestions restore the original', () => {
  const dir = tmpDir();
  const orig = join(dir, 'orig.txt');
  const spun = join(dir, 'spun.txt');
  const o = 'Putin made his first visit in 24 years.\n\nHe said the deal is fair.\n';
  const s = 'Putin made his first sojourn in 25 years.\n\nHe aforesaid the deal is not fair.\n';
  writeFileSync(orig, o);
  writeFileSync(spun, s);
  const r = runCli(['spin', spun, '--original', orig, '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const recs = jsonl<Rec>(r.stdout);
  assert.deepEqual(
    recs.map((x) => [x.text.trim(), x.kind]),
    [
      ['sojourn', 'spin'],
      ['25', 'meaning'],
      ['aforesaid', 'spin'],
      ['not', 'meaning'],
    ],
  );
  let out = s;
  for (const x of [...recs].reverse()) out = out.slice(0, x.start) + (x.suggestion ?? '') + out.slice(x.end);
  assert.equal(out, o);
});

test('tapat spin: bad input exits 3, clean text exits 0 with nothing found', () => {
  const dir = tmpDir();
  assert.equal(runCli(['spin', join(dir, 'missing.txt')]).code, 3);
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  assert.equal(runCli(['spin', empty]).code, 3);
  const r = runCli(['spin', seed('001'), '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), '');
});

test('tapat spin on HTML: offsets index the extracted text', async () => {
  const { ingestFile } = await import('../../server/pipeline/ingest/index.js');
  const dir = tmpDir();
  const file = join(dir, 'page.html');
  writeFileSync(
    file,
    '<html><head><title>T</title></head><body><article><h1>Putin visit</h1><p>Putin arrived on Wednesday morning (native time) on his first official go to to the East Asian nation in 24 years, and held a press convention on nationwide safety.</p></article></body></html>',
  );
  const r = runCli(['spin', file, '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const recs = jsonl<Rec>(r.stdout);
  const text = ingestFile(file, { maxBytes: 1 << 20 })[0]?.text ?? '';
  assert.ok(recs.length >= 3);
  for (const x of recs) assert.equal(text.slice(x.start, x.end), x.text);
});

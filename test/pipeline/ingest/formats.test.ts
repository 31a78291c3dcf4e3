import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../server/errors.js';
import { formatOf, ingestBuffer } from '../../../server/pipeline/ingest/index.js';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';

const opts = { maxBytes: 1_000_000 };

const ARTICLE = `<!doctype html><html lang="en"><head><title>Putin greets Kim | Daily News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1>Putin greets Kim in Russia</h1>
  <p>Russian President Vladimir Putin greeted North Korean leader Kim Jong Un at the Vostochny Cosmodrome in eastern Russia on Wednesday, the Kremlin said in a statement.</p>
  <p>The two leaders toured the launch site before talks. Gen. Lee said the <b>U.S. President</b> was watching closely, and officials promised new sanctions if an arms deal followed.</p>
  <p>Subscribe to our newsletter</p>
  <p>North Korea launched two ballistic missiles hours before the summit, according to officials in Seoul who tracked the flights over the sea.</p>
  <script>window.ads = [];</script>
</article>
<footer>© 2023 Daily News. All rights reserved.</footer>
</body></html>`;

test('HTML: main text by Readability, title kept, one paragraph per block, nav/script/footer gone', () => {
  const [doc] = ingestBuffer(Buffer.from(ARTICLE), 'story.html', opts);
  assert.ok(doc);
  assert.equal(doc.format, 'html');
  assert.match(doc.title ?? '', /Putin greets Kim/);
  assert.doesNotMatch(doc.text, /window\.ads|All rights reserved|Home/);
  const seg = segmentDoc(doc);
  const texts = seg.segments.map((s) => s.text);
  assert.ok(
    texts.includes(
      'Gen. Lee said the U.S. President was watching closely, and officials promised new sanctions if an arms deal followed.',
    ),
  );
  assert.equal(seg.segments.find((s) => s.text === 'Subscribe to our newsletter')?.boilerplate, 'subscribe');
  assert.ok(doc.text.includes('\n\n'));
  for (const s of seg.segments) assert.equal(doc.text.slice(s.start, s.end), s.text);
});

test('a .txt file that is an HTML page is read as HTML', () => {
  const [doc] = ingestBuffer(Buffer.from(ARTICLE), 'saved-page.txt', opts);
  assert.equal(doc?.format, 'html');
  assert.doesNotMatch(doc?.text ?? '', /<p>/);
});

test('Markdown keeps its raw text; segmentation skips heading and bullet markers', () => {
  const md =
    '# Putin greets Kim\n\n- First key point here.\n- Second key point here.\n\nBody text with *emphasis* here. Another sentence.\n';
  const [doc] = ingestBuffer(Buffer.from(md), 'story.md', opts);
  assert.ok(doc);
  assert.equal(doc.text, md);
  const seg = segmentDoc(doc);
  assert.equal(seg.title, 'Putin greets Kim');
  assert.deepEqual(
    seg.segments.map((s) => s.text),
    [
      'Putin greets Kim',
      'First key point here.',
      'Second key point here.',
      'Body text with *emphasis* here.',
      'Another sentence.',
    ],
  );
  assert.equal(seg.segments[1]?.start, md.indexOf('First'));
});

test('JSONL: one document per record, path file#L<n>, title/url/lang from the record, html records extracted', () => {
  const lines = [
    JSON.stringify({
      url: 'https://example.org/a',
      title: 'Putin greets Kim',
      text: 'Putin met Kim. They talked.',
      lang: 'en',
    }),
    '',
    JSON.stringify({ url: 'https://example.org/b', title: null, html: ARTICLE }),
    JSON.stringify({
      url: 'https://example.org/c',
      title: 'Binati ni Putin si Kim',
      text: 'Binati ni Putin si Kim sa Rusya.',
      lang: 'tl',
      extra: 1,
    }),
  ];
  const docs = ingestBuffer(Buffer.from(lines.join('\n') + '\n'), 'batch.jsonl', opts);
  assert.deepEqual(
    docs.map((d) => d.path),
    ['batch.jsonl#L1', 'batch.jsonl#L3', 'batch.jsonl#L4'],
  );
  assert.equal(docs[0]?.url, 'https://example.org/a');
  assert.equal(docs[0]?.declaredLang, 'en');
  assert.match(docs[1]?.title ?? '', /Putin greets Kim/);
  assert.match(docs[1]?.text ?? '', /Vostochny Cosmodrome/);
  assert.equal(segmentDoc(docs[2]!).lang, 'tl');
  assert.equal(formatOf('batch.jsonl#L3'), 'jsonl');
});

test('JSONL: an html field holding a bare fragment still gives its text, one paragraph per block', () => {
  const line = JSON.stringify({ url: 'u', title: 'T', html: '<p>Bare fragment here.</p><p>Second <i>one</i>.</p>' });
  const [doc] = ingestBuffer(Buffer.from(line), 'frag.jsonl', opts);
  assert.equal(doc?.text, 'Bare fragment here.\n\nSecond one.');
  assert.equal(doc?.title, 'T');
});

test('JSONL: a malformed line refuses the whole file and names the line', () => {
  const good = JSON.stringify({ url: 'u', title: 't', text: 'Fine text here.' });
  const bad: [string, RegExp][] = [
    ['{"url": "u", "text": "unterminated', /line 2\b.*not valid JSON/],
    ['{"url": "u", "title": "t"}', /line 2\b.*"text" or "html"/],
    ['{"url": 5, "text": "x"}', /line 2\b.*"url"/],
    ['[1, 2]', /line 2\b/],
    ['{"url": "u", "text": "   "}', /line 2\b/],
  ];
  for (const [line, re] of bad) {
    assert.throws(
      () => ingestBuffer(Buffer.from([good, line, good].join('\n')), 'batch.jsonl', opts),
      (e: unknown) => e instanceof InputError && e.line === 2 && re.test(e.message),
      line,
    );
  }
});

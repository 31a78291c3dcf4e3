import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { jsonl, runCli } from '../../helpers/cli.js';
import { tmpDir } from '../../helpers/tmp.js';
import { REPO, seed } from '../../helpers/paths.js';

// The CLI side of ingest: `tapat segment` output contract, and bad input refused with exit 3, one line on
// stderr, and nothing written by `tapat audit`.

const dir = tmpDir();
const file = (name: string, content: Buffer | string): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const GOOD = file('good.txt', 'Putin greets Kim\n\nPutin met Kim on Wednesday. They talked for hours.\n');
const counts = (db: string): { documents: number; segments: number } => {
  const c = new Database(db, { readonly: true });
  try {
    const n = (t: string): number => (c.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { documents: n('documents'), segments: n('segments') };
  } finally {
    c.close();
  }
};

test('tapat segment --jsonl prints the contract fields, matching the seed fixture', () => {
  const r = runCli(['segment', seed('001'), '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const rows = jsonl(r.stdout);
  const fx = JSON.parse(readFileSync(join(REPO, 'test/fixtures/segments/001.json'), 'utf8')) as {
    sentences: { text: string; boilerplate: string | false }[];
  };
  assert.equal(rows.length, fx.sentences.length);
  const text = readFileSync(seed('001'), 'utf8');
  for (const [i, row] of rows.entries()) {
    assert.deepEqual(Object.keys(row), ['start', 'end', 'text', 'paragraph', 'lang', 'boilerplate']);
    assert.equal(row.text, fx.sentences[i]!.text);
    assert.equal(row.boilerplate, fx.sentences[i]!.boilerplate);
    assert.equal(text.slice(row.start as number, row.end as number), row.text);
  }
});

test('tapat segment on a JSONL file with several records adds "doc"; plain output works', () => {
  const f = file(
    'two.jsonl',
    [
      { url: 'a', title: 'A', text: 'One here. Two here.' },
      { url: 'b', title: 'B', text: 'Tatlo dito.' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const r = runCli(['segment', f, '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    jsonl(r.stdout).map((x) => [x.doc, x.text]),
    [
      [`${f}#L1`, 'One here.'],
      [`${f}#L1`, 'Two here.'],
      [`${f}#L2`, 'Tatlo dito.'],
    ],
  );
  const plain = runCli(['segment', GOOD]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /^1\ten\tThey talked for hours\.$/m);
});

test('tapat segment decodes UTF-16 and Windows-1252 files; offsets index the decoded text, BOM stripped', async () => {
  const iconv = (await import('iconv-lite')).default;
  const text = 'Sinabi ni G. Peña: “Salamat.” Umalis siya.';
  for (const [name, bytes] of [
    ['u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['cp1252.txt', iconv.encode(text, 'windows-1252')],
  ] as const) {
    const r = runCli(['segment', file(name, bytes), '--jsonl']);
    assert.equal(r.code, 0, r.stderr);
    const rows = jsonl(r.stdout);
    assert.deepEqual(
      rows.map((x) => x.text),
      ['Sinabi ni G. Peña: “Salamat.”', 'Umalis siya.'],
    );
    for (const row of rows) assert.equal(text.slice(row.start as number, row.end as number), row.text);
  }
});

const BAD: [string, () => string, RegExp, NodeJS.ProcessEnv?][] = [
  [
    'binary (PNG header)',
    () => file('img.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])),
    /binary file \(PNG image\)/,
  ],
  ['empty', () => file('empty.txt', ''), /file is empty/],
  ['whitespace-only', () => file('blank.md', '  \n\n\t\n'), /only whitespace/],
  [
    'undecodable',
    () => file('bad.txt', Buffer.from([0x48, 0x69, 0x20, 0x81, 0x8d, 0x8f, 0x90, 0x9d])),
    /undecodable bytes/,
  ],
  [
    'over the size limit',
    () => file('big.txt', 'word '.repeat(400)),
    /2000 bytes, over the limit of 1000/,
    { TAPAT_MAX_FILE_BYTES: '1000' },
  ],
  [
    'a malformed JSONL line in the middle',
    () =>
      file(
        'batch.jsonl',
        [
          JSON.stringify({ url: 'a', title: 'A', text: 'Fine one.' }),
          '{"url": "b", "text": ',
          JSON.stringify({ url: 'c', title: 'C', text: 'Fine too.' }),
        ].join('\n'),
      ),
    /batch\.jsonl:2: malformed JSONL record \(line 2\)/,
  ],
];

for (const [name, make, re, env] of BAD) {
  test(`bad input refused with exit 3 and nothing written: ${name}`, () => {
    const bad = make();
    const seg = runCli(['segment', bad, '--jsonl'], { env: env ?? {} });
    assert.equal(seg.code, 3, seg.stderr);
    assert.equal(seg.stdout, '');
    assert.match(seg.stderr, re);
    assert.equal(seg.stderr.trim().split('\n').length, 1, seg.stderr);

    const db = join(tmpDir(), 'a.db');
    const first = runCli(['audit', GOOD, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    const before = counts(db);
    assert.ok(before.documents === 1 && before.segments === 3);
    const audit = runCli(['audit', bad, file(`new-${name.length}.txt`, 'A new document. It is fine.'), '--db', db], {
      env: env ?? {},
    });
    if (bad.endsWith('.jsonl')) {
      // batch contract: a malformed record of a JSONL batch is refused alone, by line; the rest is audited
      assert.equal(audit.code, 0, audit.stderr);
      assert.match(audit.stderr, /batch\.jsonl#L2: refused: malformed JSONL record \(line 2\)/);
      assert.equal(counts(db).documents, before.documents + 3);
      return;
    }
    assert.equal(audit.code, 3, audit.stderr);
    assert.match(audit.stderr, re);
    assert.equal(audit.stderr.trim().split('\n').length, 1);
    assert.deepEqual(counts(db), before);
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { jsonl, runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { SEEDS, seed } from '../helpers/paths.js';

interface Report {
  run: number;
  documents: number;
  stories: {
    audit: number;
    pivot: number;
    documents: { path: string; role: string; coverage: number | null; spinScore: number }[];
  }[];
  refused: { item: string; message: string }[];
}

test('tapat audit on the seed folder: two stories, a JSON report, an HTML report, plain progress off a TTY', () => {
  const dir = tmpDir();
  const db = join(dir, 'a.db');
  const rep = join(dir, 'r.json');
  const html = join(dir, 'r.html');
  const r = runCli(['audit', SEEDS, '--db', db, '--report', rep, '--report-html', html, '--workers', '1']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /grouping: 5\/5 done/);
  assert.match(r.stderr, /auditing: 5\/5/);
  assert.match(r.stdout, /5 documents in 2 stories/);
  const report = JSON.parse(readFileSync(rep, 'utf8')) as Report;
  const groups = report.stories.map((s) => s.documents.map((d) => d.path.slice(-24, -21)).sort());
  assert.deepEqual(groups.sort(), [['000', '001', '002', '004'], ['003']]);
  for (const s of report.stories)
    for (const d of s.documents) assert.match(d.role, /^(source|translation|spin|unknown)$/);
  const page = readFileSync(html, 'utf8');
  assert.match(page, /^<!doctype html>/);
  assert.ok(!/<script|src=|href=/.test(page), 'self-contained, no scripts');

  // idempotent: the same files again add nothing
  const conn = () => new Database(db, { readonly: true });
  const snap = () => {
    const c = conn();
    const v = ['documents', 'audits', 'audit_versions', 'alignments', 'beads', 'flags'].map((t) =>
      c.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get(),
    );
    c.close();
    return v;
  };
  const before = snap();
  const again = runCli(['audit', SEEDS, '--db', db, '--quiet']);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stderr, '');
  assert.equal(again.stdout, '');
  assert.deepEqual(snap(), before);
});

test('tapat audit --jsonl prints flags as JSON lines with doc and offsets, and nothing else', () => {
  const dir = tmpDir();
  const r = runCli(['audit', seed('001'), seed('003'), '--db', join(dir, 'j.db'), '--jsonl', '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const recs = jsonl(r.stdout);
  assert.ok(recs.length > 0, 'the seeds have flags');
  for (const f of recs) {
    for (const k of [
      'src',
      'tgt',
      'detector',
      'category',
      'severity',
      'confidence',
      'message',
      'evidence',
      'suggestion',
      'span',
      'doc',
      'start',
      'end',
    ])
      assert.ok(k in f, k);
    assert.ok([seed('001'), seed('003')].includes(f.doc as string));
  }
});

test('tapat audit --jsonl and tapat check --jsonl print the same record for a flag: sides, span, suggestion (DESIGN.md)', () => {
  // one story of an English original (the pivot, so the source side) and its Tagalog translation
  const dir = tmpDir();
  const a = runCli([
    'audit',
    seed('001'),
    seed('000'),
    '--db',
    join(dir, 'c.db'),
    '--jsonl',
    '--quiet',
    '--workers',
    '0',
  ]);
  assert.equal(a.code, 0, a.stderr);
  const c = runCli(['check', seed('001'), seed('000'), '--jsonl']);
  assert.equal(c.code, 0, c.stderr);
  const audited = jsonl(a.stdout);
  const checked = jsonl(c.stdout);
  assert.ok(
    audited.some((f) => f.detector === 'numbers'),
    'a pair detector fired',
  );
  const asCheck = (f: Record<string, unknown>): string => {
    const { doc: _d, start: _s, end: _e, ...rest } = f;
    rest.confidence = Math.round((rest.confidence as number) * 1000) / 1000; // check prints three decimals, audit the stored value
    // keys sorted at every depth: the two commands may order them differently
    return JSON.stringify(rest, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
    );
  };
  assert.deepEqual(audited.map(asCheck).sort(), checked.map(asCheck).sort());
  // the flagged document's offsets are the span on its side
  for (const f of audited) {
    const side = f.doc === seed('001') ? 'src' : 'tgt';
    const span = (f.span as Record<string, { start: number; end: number } | null>)[side];
    assert.deepEqual(
      [f.start, f.end],
      span ? [span.start, span.end] : [null, null],
      `${String(f.detector)} on ${side}`,
    );
  }
});

test('tapat audit reports malformed JSONL records by line and audits the rest', () => {
  const dir = tmpDir();
  const file = join(dir, 'in.jsonl');
  const rec = (t: string) => JSON.stringify({ text: t, lang: 'en', url: `u:${t.length}` });
  writeFileSync(
    file,
    [
      rec('Typhoon Egay hit Cagayan on Tuesday.\n\nThe storm forced 12,000 people to flee.'),
      'not json',
      rec('Manila traffic worsened on Monday.'),
      '{"text": 5}',
      rec('The Senate passed the budget bill.'),
    ].join('\n') + '\n',
  );
  const db = join(dir, 'm.db');
  const r = runCli(['audit', file, '--db', db, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`${file}#L2: refused: malformed JSONL record \\(line 2\\): not valid JSON`));
  assert.match(r.stderr, new RegExp(`${file}#L4: refused: malformed JSONL record \\(line 4\\)`));
  const c = new Database(db, { readonly: true });
  const paths = c.prepare('SELECT path FROM documents ORDER BY id').pluck().all();
  c.close();
  assert.deepEqual(paths, [`${file}#L1`, `${file}#L3`, `${file}#L5`]);
});

test('tapat audit: a missing input is bad input (exit 3, nothing written); a bad --workers is a usage error', () => {
  const dir = tmpDir();
  const db = join(dir, 'x.db');
  const r = runCli(['audit', join(dir, 'nope'), '--db', db]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /no such file or folder/);
  assert.ok(
    !existsSync(db) ||
      new Database(db, { readonly: true }).prepare('SELECT COUNT(*) FROM batch_runs').pluck().get() === 0,
  );
  assert.equal(runCli(['audit', SEEDS, '--db', db, '--workers', 'lots']).code, 2);
});

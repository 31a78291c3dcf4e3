import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { SEEDS, seed } from '../helpers/paths.js';
import {
  AlignRecord,
  AuditRecord,
  BatchReport,
  CheckRecord,
  DetectorRecord,
  ExportPairRecord,
  InputRecord,
  SegmentRecord,
  SpinRecord,
} from '../../contract/index.js';

// The JSONL half of the contract: every record the commands print parses with its schema (strict: a field added
// or dropped without the contract fails here), on the real sample articles. Runs the built CLI, as users do.

/** Every line of stdout parsed with `schema`; the lines that do not, with the first problem of each. */
function records<S extends z.ZodType>(schema: S, stdout: string, what: string): z.infer<S>[] {
  const lines = stdout.split('\n').filter((l) => l.trim());
  const bad: string[] = [];
  const out: z.infer<S>[] = [];
  lines.forEach((l, i) => {
    const r = schema.safeParse(JSON.parse(l));
    if (r.success) out.push(r.data);
    else bad.push(`${what} line ${i + 1}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  });
  assert.deepEqual(bad, [], `every ${what} record parses with its schema`);
  return out;
}

function cli(args: string[]): string {
  const r = runCli(args);
  assert.equal(r.code, 0, `tapat ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('tapat check, align and segment --jsonl print records of the contract', () => {
  const flags = records(CheckRecord, cli(['check', seed('000'), seed('002'), '--jsonl']), 'check');
  assert.ok(flags.length >= 5, `check flagged ${flags.length}`);
  assert.ok(
    flags.some((f) => f.src.length && f.tgt.length) && flags.some((f) => f.suggestion !== null || f.span.src !== null),
  );
  const beads = records(AlignRecord, cli(['align', seed('000'), seed('002'), '--jsonl']), 'align');
  assert.ok(beads.length >= 10);
  const sentences = records(SegmentRecord, cli(['segment', seed('001'), '--jsonl']), 'segment');
  assert.ok(sentences.length >= 10 && sentences.some((s) => s.boilerplate !== false));
});

test('tapat spin --jsonl, alone and with --original, and on a JSONL file of several records', () => {
  const alone = records(SpinRecord, cli(['spin', seed('003'), '--jsonl']), 'spin');
  assert.ok(alone.length >= 50);
  const dir = tmpDir();
  const text = readFileSync(seed('003'), 'utf8');
  const spun = join(dir, 'spun.txt');
  const original = join(dir, 'original.txt');
  writeFileSync(
    original,
    'Putin arrived in North Korea on Wednesday morning (local time) on his first official visit in 24 years.\n',
  );
  writeFileSync(
    spun,
    'Putin arrived in North Korea on Tuesday morning (native time) on his first official go to in 24 years.\n',
  );
  const changes = records(SpinRecord, cli(['spin', spun, '--original', original, '--jsonl']), 'spin --original');
  assert.ok(
    changes.some((c) => c.kind === 'meaning') && changes.some((c) => c.kind === 'spin'),
    JSON.stringify(changes),
  );
  const file = join(dir, 'two.jsonl');
  const halves = [text.slice(0, 1500), text.slice(1500, 3000)].map((t, i) =>
    JSON.stringify({ url: `https://example.org/${i}`, title: null, text: t } satisfies InputRecord),
  );
  writeFileSync(file, halves.join('\n') + '\n');
  const several = records(SpinRecord, cli(['spin', file, '--jsonl']), 'spin (JSONL input)');
  assert.ok(several.length > 0 && several.every((r) => r.doc?.startsWith(file)));
  const segs = records(SegmentRecord, cli(['segment', file, '--jsonl']), 'segment (JSONL input)');
  assert.ok(new Set(segs.map((s) => s.doc)).size === 2);
});

test('tapat audit --jsonl and --report, detectors --jsonl and export --format jsonl keep to the contract', () => {
  const dir = tmpDir();
  const db = join(dir, 'a.db');
  const report = join(dir, 'report.json');
  const flags = records(
    AuditRecord,
    cli(['audit', SEEDS, '--db', db, '--jsonl', '--quiet', '--workers', '1', '--report', report]),
    'audit',
  );
  assert.ok(flags.length >= 20, `audit flagged ${flags.length}`);
  assert.ok(flags.some((f) => f.start !== null) && new Set(flags.map((f) => f.doc)).size >= 3);
  const parsed = BatchReport.safeParse(JSON.parse(readFileSync(report, 'utf8')));
  assert.ok(parsed.success, parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  assert.ok(parsed.data.stories.length >= 2 && parsed.data.stories.every((s) => s.documents.length >= 1));
  const detectors = records(DetectorRecord, cli(['detectors', '--jsonl']), 'detectors');
  assert.ok(detectors.length >= 15 && detectors.some((d) => Object.keys(d.thresholds).length > 0));
  const pairs = records(ExportPairRecord, cli(['export', '--db', db, '--audit', '1', '--format', 'jsonl']), 'export');
  assert.ok(pairs.length >= 10 && pairs.some((p) => p.flags.length > 0));
});

test('the record schemas refuse drift: a field dropped, added, or of the wrong kind', () => {
  const rec = {
    start: 0,
    end: 4,
    text: 'Some',
    kind: 'spin',
    suggestion: null,
    confidence: 0.5,
    detector: 'spin-diff',
  };
  assert.equal(SpinRecord.safeParse(rec).success, true);
  assert.equal(SpinRecord.safeParse({ ...rec, kind: 'other' }).success, false);
  assert.equal(SpinRecord.safeParse({ ...rec, extra: 1 }).success, false);
  const { detector: _d, ...noDetector } = rec;
  assert.equal(SpinRecord.safeParse(noDetector).success, false);
  assert.equal(AlignRecord.safeParse({ src: [0], tgt: [-1], score: 1 }).success, false);
  assert.equal(InputRecord.safeParse({ url: 'x', text: '  ' }).success, false, 'a record with no text');
});

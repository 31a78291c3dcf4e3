import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonl, runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

const EN = [
  'The fire killed 12 people on Monday.',
  'Putin met Kim Jong Un in Moscow.',
  'The minister signed the deal.',
  'The talks ended.',
];
const TL = [
  'Labing-anim na tao ang namatay sa sunog noong Lunes.',
  'Nakipagkita si Putin kay Xi Jinping sa Moscow.',
  'Hindi pinirmahan ng ministro ang kasunduan.',
  'Natapos ang mga pag-uusap.',
];

interface Rec {
  src: number[];
  tgt: number[];
  detector: string;
  category: string;
  severity: string;
  confidence: number;
  message: string;
  evidence: Record<string, unknown>;
  span: { src: { start: number; end: number } | null; tgt: { start: number; end: number } | null };
}

test('tapat check --presegmented --jsonl: one record per flag, on the right lines, with spans into the inputs', () => {
  const dir = tmpDir();
  const src = join(dir, 'en.txt');
  const tgt = join(dir, 'tl.txt');
  writeFileSync(src, EN.join('\n') + '\n');
  writeFileSync(tgt, TL.join('\n') + '\n');
  const r = runCli(['check', src, tgt, '--presegmented', '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const recs = jsonl<Rec>(r.stdout);
  const by = (d: string) => recs.filter((x) => x.detector === d);
  assert.deepEqual(
    by('numbers').map((x) => [x.src, x.tgt, x.severity]),
    [[[0], [0], 'major']],
  );
  assert.deepEqual(
    by('entities').map((x) => [x.src, x.tgt, x.severity]),
    [[[1], [1], 'major']],
  );
  assert.deepEqual(
    by('negation').map((x) => [x.src, x.tgt, x.severity]),
    [[[2], [2], 'major']],
  );
  assert.ok(!recs.some((x) => x.tgt.includes(3)), 'the correct last pair is not flagged');
  for (const x of recs) {
    assert.ok(['minor', 'major', 'critical'].includes(x.severity));
    assert.ok(x.confidence >= 0 && x.confidence <= 1);
    assert.ok(x.category.includes('/'));
  }
  const tgtText = TL.join('\n') + '\n';
  const neg = by('negation')[0]!;
  assert.equal(tgtText.slice(neg.span.tgt!.start, neg.span.tgt!.end), 'Hindi');
  const ent = by('entities')[0]!;
  assert.equal(tgtText.slice(ent.span.tgt!.start, ent.span.tgt!.end), 'Xi Jinping');
});

test('tapat check: human-readable output; exit 3 and nothing on stdout for bad input; unknown threshold key is a usage error', () => {
  const dir = tmpDir();
  const src = join(dir, 'en.txt');
  const tgt = join(dir, 'tl.txt');
  writeFileSync(src, EN.join('\n'));
  writeFileSync(tgt, TL.join('\n'));
  const ok = runCli(['check', src, tgt, '--presegmented']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /src 0 ↔ tgt 0 {2}\[major\] numbers/);
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '   \n');
  const bad = runCli(['check', src, empty]);
  assert.equal(bad.code, 3);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /empty\.txt/);
  const cfg = join(dir, 'tapat.config.json');
  writeFileSync(cfg, JSON.stringify({ thresholds: { numbers: { minUnmatchd: 2 } } }));
  const usage = runCli(['check', src, tgt, '--presegmented'], { env: { TAPAT_CONFIG: cfg } });
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /thresholds\.numbers\.minUnmatchd: unknown threshold/);
});

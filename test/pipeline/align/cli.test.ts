import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonl, runCli } from '../../helpers/cli.js';
import { tmpDir } from '../../helpers/tmp.js';
import { SEED_FIXTURES } from '../../../testkit/align/seeds.js';

interface BeadRecord {
  src: number[];
  tgt: number[];
  score: number;
}

function assertContract(beads: BeadRecord[], n: number, m: number): void {
  assert.deepEqual(
    beads.flatMap((b) => b.src),
    Array.from({ length: n }, (_, i) => i),
    'every source line once, in order',
  );
  assert.deepEqual(
    beads.flatMap((b) => b.tgt),
    Array.from({ length: m }, (_, j) => j),
    'every target line once, in order',
  );
  for (const b of beads) {
    assert.deepEqual(Object.keys(b), ['src', 'tgt', 'score']);
    assert.ok(b.src.length + b.tgt.length > 0 && b.score >= 0 && b.score <= 1);
  }
}

test('--presegmented --jsonl: one bead per line, every line of both files exactly once, null links as []', () => {
  const dir = tmpDir();
  const src = join(dir, 'a.txt');
  const tgt = join(dir, 'b.txt');
  writeFileSync(
    src,
    'Nagpulong ang pangulo at ang pinuno ng Japan sa Tokyo noong Lunes.\nSubscribe to our newsletter\n\nSinabi ng pangulo na 300 na manggagawa ang makikinabang.\n',
  );
  writeFileSync(
    tgt,
    'The president and the leader of Japan met in Tokyo on Monday.\nThe president said 300 workers would benefit.\nPlease enter your comment!\n',
  );
  const r = runCli(['align', src, tgt, '--presegmented', '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const beads = jsonl<BeadRecord>(r.stdout);
  assertContract(beads, 4, 3);
  assert.ok(
    beads.some((b) => b.src.length === 0 || b.tgt.length === 0),
    'null links present',
  );
  assert.ok(beads.some((b) => b.src.join() === '0' && b.tgt.join() === '0'));
  assert.ok(beads.some((b) => b.src.join() === '3' && b.tgt.join() === '1'));
});

test('without --presegmented the indexes are segment indexes of `tapat segment`', () => {
  const seed000 = join(SEED_FIXTURES, '..', '..', '..', 'data', 'samples', '000_922bb823d51d308a.txt');
  const seed004 = join(SEED_FIXTURES, '..', '..', '..', 'data', 'samples', '004_e531a566a553fdbb.txt');
  const count = (f: string): number => jsonl(runCli(['segment', f, '--jsonl']).stdout).length;
  const r = runCli(['align', seed000, seed004, '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  assertContract(jsonl<BeadRecord>(r.stdout), count(seed000), count(seed004));
});

test('the readable output shows both sides of every bead', () => {
  const r = runCli([
    'align',
    join(SEED_FIXTURES, 'seed-000.txt'),
    join(SEED_FIXTURES, 'seed-002.txt'),
    '--presegmented',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\] ↔ \[/);
  assert.match(r.stdout, /Vostochny/);
  assert.match(r.stdout, /∅/);
});

test('bad input exits 3 with one clear line and writes nothing to stdout', () => {
  const dir = tmpDir();
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const ok = join(SEED_FIXTURES, 'seed-000.txt');
  for (const args of [
    ['align', join(dir, 'missing.txt'), ok],
    ['align', ok, empty, '--presegmented'],
    ['align', ok, dir],
  ]) {
    const r = runCli(args);
    assert.equal(r.code, 3, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^tapat: .+\n$/);
  }
  assert.equal(runCli(['align', ok]).code, 2, 'a missing argument is a usage error');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonl, runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { allDetectors } from '../../server/pipeline/detect/registry.js';

interface Rec {
  id: string;
  scope: string;
  category: string;
  severity: string;
  thresholds: Record<string, number>;
  configured: string[];
}

test('tapat detectors --jsonl lists the whole registry with its default thresholds', () => {
  const r = runCli(['detectors', '--jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const recs = jsonl<Rec>(r.stdout);
  const registry = allDetectors();
  assert.ok(registry.length >= 15);
  assert.deepEqual(
    recs.map((x) => x.id),
    registry.map((d) => d.id),
  );
  for (const d of registry) {
    const rec = recs.find((x) => x.id === d.id)!;
    assert.equal(rec.scope, d.scope);
    assert.equal(rec.category, d.category);
    assert.deepEqual(rec.thresholds, d.thresholds);
    assert.deepEqual(rec.configured, []);
  }
});

test('tapat detectors shows thresholds set in tapat.config.json, and refuses an unknown key', () => {
  const dir = tmpDir();
  const cfg = join(dir, 'tapat.config.json');
  writeFileSync(cfg, JSON.stringify({ thresholds: { numbers: { minUnmatched: 2 } } }));
  const r = runCli(['detectors', '--jsonl'], { env: { TAPAT_CONFIG: cfg } });
  assert.equal(r.code, 0, r.stderr);
  const numbers = jsonl<Rec>(r.stdout).find((x) => x.id === 'numbers')!;
  assert.equal(numbers.thresholds.minUnmatched, 2);
  assert.deepEqual(numbers.configured, ['minUnmatched']);
  const text = runCli(['detectors'], { env: { TAPAT_CONFIG: cfg } });
  assert.match(text.stdout, /minUnmatched=2\*/);

  writeFileSync(cfg, JSON.stringify({ thresholds: { numbers: { minUnmached: 2 } } }));
  const bad = runCli(['detectors'], { env: { TAPAT_CONFIG: cfg } });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /minUnmached/);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});

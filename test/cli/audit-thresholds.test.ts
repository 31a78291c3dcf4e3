import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonl, runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { PARALLEL, SEEDS } from '../helpers/paths.js';
import { mulberry32, spinText } from '../../testkit/synth.js';

// Thresholds of the spin detectors set in tapat.config.json must reach `tapat audit`, where spin-story runs them
// (they used to be validated, honoured by `tapat spin`, and ignored by audits).

interface Flag {
  detector: string;
  confidence: number;
}

function audit(inputs: string[], config: object | null): Flag[] {
  const dir = tmpDir();
  const env: Record<string, string> = {};
  if (config) {
    env.TAPAT_CONFIG = join(dir, 'tapat.config.json');
    writeFileSync(env.TAPAT_CONFIG, JSON.stringify(config));
  }
  const r = runCli(['audit', ...inputs, '--db', join(dir, 'a.db'), '--jsonl', '--quiet', '--workers', '1'], { env });
  assert.equal(r.code, 0, r.stderr);
  return jsonl<Flag>(r.stdout);
}

/** An English article (the first FLORES document of ten lines or more) and a copy spun from it. */
function originalAndSpun(): string {
  const dir = tmpDir();
  mkdirSync(join(dir, 'story'));
  const lines = readFileSync(join(PARALLEL, 'flores200-dev.en'), 'utf8').split('\n');
  const docs = readFileSync(join(PARALLEL, 'flores200-dev.docid'), 'utf8').split('\n');
  const first = docs.findIndex((d, i) => docs.slice(i, i + 10).every((x) => x === d));
  const article = lines.slice(first, first + 10).join(' ');
  writeFileSync(join(dir, 'story', 'original.txt'), article);
  writeFileSync(join(dir, 'story', 'spun.txt'), spinText(article, mulberry32(7), 1));
  return join(dir, 'story');
}

test('thresholds.spin-diff.minConfidence in tapat.config.json changes what tapat audit flags', () => {
  const story = originalAndSpun();
  const byDefault = audit([story], null).filter((f) => f.detector === 'spin-diff');
  assert.ok(byDefault.length >= 3, `spin-diff flags the spun copy against its original (${byDefault.length})`);
  const cut = Math.max(...byDefault.map((f) => f.confidence));
  const raised = audit([story], { thresholds: { 'spin-diff': { minConfidence: cut } } }).filter((f) => f.detector === 'spin-diff');
  assert.ok(raised.length < byDefault.length, `${raised.length} < ${byDefault.length}`);
  assert.ok(raised.every((f) => f.confidence >= cut));
});

test('thresholds.spin-fingerprint.minConfidence in tapat.config.json changes what tapat audit flags', () => {
  const byDefault = audit([SEEDS], null).filter((f) => f.detector === 'spin-fingerprint');
  assert.ok(byDefault.length >= 10, `the spun sample article has fingerprints (${byDefault.length})`);
  const none = audit([SEEDS], { thresholds: { 'spin-fingerprint': { minConfidence: 1.01 } } }).filter((f) => f.detector === 'spin-fingerprint');
  assert.deepEqual(none, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonl, runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { PARALLEL, REPO, SEEDS } from '../helpers/paths.js';
import { mulberry32, spinText } from '../../testkit/synth.js';
import { allDetectors, pairDetectors, spinDetectors } from '../../server/pipeline/detect/registry.js';

// Every threshold of every detector, set in tapat.config.json, changes what `tapat audit` reports (spin
// thresholds used to be validated, honoured by `tapat spin`, and ignored by audits). One value per threshold
// below; the table must name every threshold the registry declares, so a new one needs a value that shows
// it works. The audits run in one process (test/helpers/audit-configs.ts: the built CLI's main(), once per
// config) so that fifty of them do not each load the word lists.

/** A value per detector threshold that changes the audit of the fixture below (found by trying ×4, ÷4, 0, 10⁶). */
const CHANGES: Record<string, Record<string, number>> = {
  untranslated: { minWords: 12 },
  misalignment: {
    minContentWords: 1e6,
    maxSimilarity: 0.6,
    contextMaxSimilarity: 0.0875,
    minMargin: 0.2,
    radius: 24,
    minWords: 1.5,
    minWordsContext: 16,
    comparableMinLinkScore: 0,
  },
  numbers: { minUnmatched: 4 },
  entities: { minUnmatched: 4 },
  negation: { minDifference: 4, minTotalGap: 4 },
  'length-ratio': { minorZ: 8, majorZ: 0.75, cutBonus: 4.8, minChars: 1e6, comparableMinLinkScore: 2.8 },
  'null-link': { minWords: 16, majorWords: 32, comparableCoverage: 2, minSentences: 1e6 },
  quotes: { minDifference: 4, minQuoteWords: 12 },
  'lexical-coverage': { minCoverage: 1e6, minContentWords: 1.5 },
  'repeated-wording': { minOverlap: 2.4, minWords: 24 },
  'spin-diff': { minConfidence: 1.01 },
  'spin-fingerprint': { minConfidence: 1.01, weakGateDensity: 1e6, weakGateMin: 1e6 },
  'spin-tortured': { minConfidence: 1.01 },
  'spin-collocation': { minConfidence: 1.01, minTagCount: 4 },
  'spin-rare': {
    minConfidence: 1.01,
    minRank: 5000,
    minRatio: 20,
    gateDensity: 36,
    gateMin: 8,
    multiwordMateRank: 1250,
    spunTextRank: 2500,
    contextPairs: 1e6,
    contextRatio: 40,
  },
  'spin-names': { minConfidence: 1.01 },
  'spin-function-words': { minConfidence: 1.01, minGain: 1e6 },
  'spin-spelling': { minConfidence: 1.01 },
  'spin-pairs': { minConfidence: 1.01, minGain: 16 },
  'spin-context': { minConfidence: 1.01, minProbability: 1, gateMean: 0.32, gateAlone: 0.0225 },
};

/**
 * Thresholds this fixture cannot show, with the reason. misalignment.comparableMinLinkScore applies only to
 * comparable pairs (two articles on one event, not a translation), which the fixture has none of.
 */
const NOT_SHOWN = new Set(['misalignment.comparableMinLinkScore']);

/**
 * The fixture: the five sample articles (real news, one spun by a real spinner), a FLORES article with a
 * WordNet-spun copy (spin-diff), another spun FLORES article alone with every no-original spin detector's
 * fail examples (the gate and each detector), and an English/Tagalog story made of the pair detectors' fail
 * examples and a few sentences for the thresholds those miss.
 */
function fixture(): string {
  const dir = join(tmpDir(), 'in');
  mkdirSync(join(dir, 'story'), { recursive: true });
  mkdirSync(join(dir, 'pairs'));
  cpSync(SEEDS, join(dir, 'samples'), { recursive: true });
  const lines = readFileSync(join(PARALLEL, 'flores200-dev.en'), 'utf8').split('\n');
  const docs = readFileSync(join(PARALLEL, 'flores200-dev.docid'), 'utf8').split('\n');
  const starts = docs
    .map((d, i) => (docs[i - 1] !== d && docs.slice(i, i + 8).every((x) => x === d) ? i : -1))
    .filter((i) => i >= 0);
  const article = (k: number): string => lines.slice(starts[k], (starts[k] as number) + 8).join(' ');
  writeFileSync(join(dir, 'story', 'original.txt'), article(0));
  writeFileSync(join(dir, 'story', 'spun.txt'), spinText(article(0), mulberry32(7), 1));
  const spinFails = spinDetectors
    .filter((d) => d.id !== 'spin-diff')
    .flatMap((d) => d.examples.fail.map((e) => e.text));
  writeFileSync(join(dir, 'spun-alone.txt'), [spinText(article(1), mulberry32(11), 1), ...spinFails].join('\n\n'));
  const en: string[] = [];
  const tl: string[] = [];
  for (const d of pairDetectors)
    for (const e of d.examples.fail)
      if ((e.srcLang ?? 'en') === 'en') {
        en.push(e.src);
        tl.push(e.tgt);
      }
  writeFileSync(join(dir, 'pairs', 'en.txt'), en.join('\n\n'));
  writeFileSync(join(dir, 'pairs', 'tl.txt'), tl.join('\n\n'));
  // A short story of its own, away from the examples' sentences (a neighbour there can explain a pair, and then
  // the neighbour rule flags it whatever minWords says): an affixal negation with a particle on each side
  // (negation.minTotalGap), a short unrelated pair that only the lonely rule can flag (misalignment.minWords),
  // and a short one with few content words (lexical-coverage.minContentWords).
  mkdirSync(join(dir, 'short'));
  writeFileSync(
    join(dir, 'short', 'en.txt'),
    [
      'The village is not located near the road and is inaccessible.',
      'The old dog slept all day.',
      'Prices of rice rose by five percent in March.',
    ].join('\n\n'),
  );
  writeFileSync(
    join(dir, 'short', 'tl.txt'),
    [
      'Ang nayon ay hindi malapit sa kalsada.',
      'Umuulan nang malakas kahapon.',
      'Tumaas nang limang porsiyento ang presyo ng bigas noong Marso.',
    ].join('\n\n'),
  );
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function auditEach(input: string, configs: (object | null)[]): Run[] {
  const dir = tmpDir();
  const job = join(dir, 'job.json');
  const out = join(dir, 'out.json');
  writeFileSync(job, JSON.stringify({ input, dir, configs, out }));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'test', 'helpers', 'audit-configs.ts'), job], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 600_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(readFileSync(out, 'utf8')) as Run[];
}

const byDetector = (stdout: string): Record<string, number> => {
  const c: Record<string, number> = {};
  for (const f of jsonl<{ detector: string }>(stdout)) c[f.detector] = (c[f.detector] ?? 0) + 1;
  return c;
};

test('the table names every threshold of every registered detector', () => {
  const declared = allDetectors().flatMap((d) => Object.keys(d.thresholds).map((k) => `${d.id}.${k}`));
  const tabled = Object.entries(CHANGES).flatMap(([id, ks]) => Object.keys(ks).map((k) => `${id}.${k}`));
  assert.deepEqual([...tabled].sort(), [...declared].sort());
});

test('every threshold of every detector in tapat.config.json changes what tapat audit reports', () => {
  const input = fixture();
  const keys = Object.entries(CHANGES).flatMap(([id, ks]) => Object.entries(ks).map(([k, v]) => ({ id, k, v })));
  const runs = auditEach(input, [null, ...keys.map(({ id, k, v }) => ({ thresholds: { [id]: { [k]: v } } }))]);
  const base = runs[0]!;
  assert.equal(base.code, 0, base.stderr);
  // the spin detectors (run by spin-story; its findings carry their ids) each flag the fixture by default
  const found = byDetector(base.stdout);
  for (const d of spinDetectors)
    assert.ok((found[d.id] ?? 0) > 0, `${d.id} flags nothing in the fixture: ${JSON.stringify(found)}`);
  const inert: string[] = [];
  keys.forEach(({ id, k, v }, i) => {
    const r = runs[i + 1]!;
    assert.equal(r.code, 0, `${id}.${k} = ${v}: ${r.stderr}`);
    if (r.stdout === base.stdout) inert.push(`${id}.${k}`);
  });
  assert.deepEqual(inert.sort(), [...NOT_SHOWN].sort(), 'thresholds that changed nothing');
});

test('a threshold of a spin detector reaches tapat audit the same way tapat spin reads it', () => {
  // spin-diff.minConfidence at the highest confidence the default audit reports keeps only those flags
  const dir = fixture();
  const story = join(dir, 'story');
  const run = (config: object | null) => {
    const env: Record<string, string> = {};
    if (config) {
      env.TAPAT_CONFIG = join(tmpDir(), 'tapat.config.json');
      writeFileSync(env.TAPAT_CONFIG, JSON.stringify(config));
    }
    const r = runCli(['audit', story, '--db', join(tmpDir(), 'a.db'), '--jsonl', '--quiet', '--workers', '1'], { env });
    assert.equal(r.code, 0, r.stderr);
    return jsonl<{ detector: string; confidence: number }>(r.stdout).filter((f) => f.detector === 'spin-diff');
  };
  const byDefault = run(null);
  assert.ok(byDefault.length >= 3, `spin-diff flags the spun copy against its original (${byDefault.length})`);
  const cut = Math.max(...byDefault.map((f) => f.confidence));
  const raised = run({ thresholds: { 'spin-diff': { minConfidence: cut } } });
  assert.ok(raised.length > 0 && raised.length < byDefault.length, `${raised.length} < ${byDefault.length}`);
  assert.ok(raised.every((f) => f.confidence >= cut));
});

test('extreme thresholds (every one 0, every one huge) give a normal audit, not an internal error', () => {
  // numbers.minUnmatched = 0 and quotes.minDifference = 0 once crashed on a pair with nothing to point at
  const all = (v: number) =>
    Object.fromEntries(
      allDetectors().map((d) => [d.id, Object.fromEntries(Object.keys(d.thresholds).map((k) => [k, v]))]),
    );
  const runs = auditEach(fixture(), [{ thresholds: all(0) }, { thresholds: all(1e9) }]);
  for (const [i, r] of runs.entries()) {
    assert.equal(r.code, 0, `config ${i}: ${r.stderr}`);
    assert.ok(r.stdout.trim().length > 0 || i === 1, 'every threshold at 0 still reports flags');
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCliAsync } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { fakeEndpoint } from '../helpers/llm.js';

// The model layer inside `tapat audit`: with a good endpoint the judge's llm-mqm flags and the
// embeddings flow into the stored audit; with an endpoint that hangs the run completes offline and says so.

const EN =
  'Putin arrived in Pyongyang on Wednesday.\n\nThe minister said 24 people were hurt in the attack.\n\nKim welcomed him at the airport.\n';
const TL =
  'Dumating si Putin sa Pyongyang noong Miyerkules.\n\nSinabi ng ministro na 42 katao ang nasugatan sa pag-atake.\n\nSinalubong siya ni Kim sa paliparan.\n';

function corpus(): string {
  const dir = join(tmpDir(), 'in');
  mkdirSync(dir);
  writeFileSync(join(dir, 'en.txt'), EN);
  writeFileSync(join(dir, 'tl.txt'), TL);
  return dir;
}

function audit(dir: string, db: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return runCliAsync(['audit', dir, '--db', db, '--quiet', '--workers', '0'], {
    env: { TAPAT_CONFIG: '/nonexistent', ...env },
  });
}

const detectors = (db: string): string[] => {
  const c = new Database(db, { readonly: true });
  try {
    return (
      c.prepare("SELECT detector FROM flags WHERE status = 'active' ORDER BY detector").all() as { detector: string }[]
    ).map((r) => r.detector);
  } finally {
    c.close();
  }
};

test('audit with a configured endpoint stores the judge findings and embeds sentences once (cached)', async () => {
  const { fake } = await fakeEndpoint('good');
  const dir = corpus();
  const db = join(tmpDir(), 'a.db');
  const env = { TAPAT_LLM_BASE_URL: fake.baseUrl, TAPAT_LLM_MODEL: 'fake-judge', TAPAT_EMBED_MODEL: 'fake-embed' };
  const r = await audit(dir, db, env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /model layer: \d+ requests/);
  assert.ok(fake.counts.embeddings > 0, 'sentences were embedded for alignment');
  assert.ok(fake.counts.chat > 0, `the judge was asked; stderr: ${r.stderr}`);
  const found = detectors(db);
  assert.ok(found.includes('llm-mqm'), `llm-mqm among ${found.join(', ')}`);
  assert.ok(found.includes('numbers'), 'the offline number flag is still there');
});

test('audit with an endpoint that hangs completes with offline results and reports what was skipped', async () => {
  const { fake } = await fakeEndpoint('hang');
  const dir = corpus();
  const db = join(tmpDir(), 'b.db');
  const env = { TAPAT_LLM_BASE_URL: fake.baseUrl, TAPAT_LLM_MODEL: 'fake-judge' };
  const cfgFile = join(tmpDir(), 'tapat.config.json');
  writeFileSync(cfgFile, JSON.stringify({ llm: { timeoutMs: 500 } })); // keep the hang short
  const r = await audit(dir, db, { ...env, TAPAT_CONFIG: cfgFile });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /timeout|unavailable/);
  const found = detectors(db);
  assert.ok(found.includes('numbers'));
  assert.ok(!found.includes('llm-mqm'));
});

test('tapat align asks the embeddings endpoint when one is configured, and gives the same contract output', async () => {
  const { fake } = await fakeEndpoint('good');
  const dir = corpus();
  const out = await runCliAsync(['align', join(dir, 'en.txt'), join(dir, 'tl.txt'), '--jsonl'], {
    env: { TAPAT_CONFIG: '/nonexistent', TAPAT_LLM_BASE_URL: fake.baseUrl, TAPAT_EMBED_MODEL: 'fake-embed' },
    timeout: 60_000,
  });
  assert.equal(out.code, 0, out.stderr);
  assert.equal(fake.counts.embeddings, 1);
  const beads = out.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { src: number[]; tgt: number[] });
  assert.deepEqual(
    beads.flatMap((b) => b.src),
    [0, 1, 2],
  );
  assert.deepEqual(
    beads.flatMap((b) => b.tgt),
    [0, 1, 2],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from '../helpers/paths.js';

// `npm test` must pass in a clone with nothing beside it: neither the product nor its tests may read ../shared
// (benchmarks may). This walks the sources so that a new test reaching for ../shared fails here, in every
// checkout, rather than only in a clone where ../shared happens to be missing.

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|mjs|js)$/.test(name)) out.push(p);
  }
  return out;
}

// The one place that may name ../shared here: the maintainer's script that rebuilds the
// shipped lexicon (data/lexicon) from the lexicon material there (run by hand, never by install or test).
const ALLOWED = new Set(['scripts/build-lexicon.ts']);
const READS_SHARED = /\bSHARED\b|\.\.\/shared\b|['"]shared['"]/;

test('no test, product or client source reads ../shared', () => {
  const checked = ['server', 'contract', 'client/src', 'testkit', 'test', 'scripts'].flatMap((d) =>
    files(join(REPO, d)),
  );
  assert.ok(checked.length > 100, `walked ${checked.length} files`);
  const offenders = checked
    .map((f) => relative(REPO, f))
    .filter((f) => !ALLOWED.has(f) && f !== 'test/repo/standalone.test.ts')
    .filter((f) => READS_SHARED.test(readFileSync(join(REPO, f), 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the shipped test data has its sources and licences beside it', () => {
  const dir = join(REPO, 'test', 'fixtures', 'parallel');
  const notes = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
  for (const f of readdirSync(dir).filter((n) => n !== 'SOURCES.md')) {
    const stem = f.replace(/\.(en|tl|docid)$/, '');
    assert.ok(notes.includes(stem), `${f} is described in SOURCES.md`);
  }
  for (const licence of ['CC BY-SA 4.0', 'CC0', 'CC BY 2.0 FR']) assert.ok(notes.includes(licence), licence);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/paths.js';
import { detectorTable, withTable } from '../../scripts/detector-table.js';
import { allDetectors } from '../../server/pipeline/detect/registry.js';

test("README's detector table is the registry's (npm run docs:detectors regenerates it)", () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const table = detectorTable();
  for (const d of allDetectors()) assert.ok(table.includes(`| \`${d.id}\` | ${d.scope} |`), d.id);
  assert.ok(readme.includes(table), 'README.md is out of date: run npm run docs:detectors');
  assert.equal(withTable(readme), readme);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allDetectors, spinDetectors } from '../../../server/pipeline/detect/registry.js';
import { runExample } from '../../../server/pipeline/detect/runExample.js';
import { CATEGORIES } from '../../../server/pipeline/types.js';

// Every registered detector ships pass/fail examples: each fail example must produce a finding from it (of the
// severity it names, if it names one), each pass example none.
for (const d of allDetectors()) {
  test(`${d.id}: contract and examples`, () => {
    assert.match(d.id, /^[a-z][a-z0-9-]*$/);
    assert.ok(d.name && d.description && !d.description.includes('\n'));
    assert.ok((CATEGORIES as readonly string[]).includes(d.category));
    assert.ok(d.examples.fail.length > 0, 'at least one fail example');
    assert.ok(d.examples.pass.length > 0, 'at least one pass example');
    for (const ex of d.examples.fail) {
      const found = runExample(d, ex);
      assert.ok(found.length > 0, `fail example produced nothing: ${JSON.stringify(ex)}`);
      const want = 'severity' in ex ? ex.severity : undefined;
      if (want) {
        const rank = { minor: 0, major: 1, critical: 2 } as const;
        const top = found.map((f) => f.severity).sort((a, b) => rank[b] - rank[a])[0];
        assert.equal(top, want, `fail example's severity: ${JSON.stringify(ex)}`);
      }
      for (const f of found) {
        // spin-story delegates to the spin detectors, whose ids its findings carry.
        const own = d.id === 'spin-story' ? spinDetectors.map((x) => x.id) : [d.id];
        assert.ok(own.includes(f.detector), `${f.detector} is not ${own.join('/')}`);
        assert.ok(f.confidence >= 0 && f.confidence <= 1);
        assert.ok(f.message.length > 10);
      }
    }
    for (const ex of d.examples.pass) {
      const found = runExample(d, ex);
      assert.deepEqual(
        found.map((f) => f.message),
        [],
        `pass example flagged: ${JSON.stringify(ex)}`,
      );
    }
  });
}

test('detector ids are unique', () => {
  const ids = allDetectors().map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
});

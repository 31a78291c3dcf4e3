import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpDb, tmpDir } from '../../helpers/tmp.js';
import { PARALLEL } from '../../helpers/paths.js';
import { mulberry32, spinText } from '../../../testkit/synth.js';
import { loadConfig } from '../../../server/config.js';
import { auditPaths } from '../../../server/pipeline/run.js';
import { changeRoles } from '../../../server/pipeline/review/roles.js';

// A reviewer who says which version is the original decides the spin direction (issue 19): when story analysis
// took the spun copy for the original, its flags suggested the spinner's wording, and approving one wrote spinner
// text into the corrected copy. After the roles are set, spin-diff runs the copy marked spin against the version
// marked source, whatever the words say, and the old direction's flags go stale.

function story(): { dir: string; original: string; spun: string } {
  const dir = join(tmpDir(), 'story');
  mkdirSync(dir);
  const lines = readFileSync(join(PARALLEL, 'flores200-dev.en'), 'utf8').split('\n');
  const docs = readFileSync(join(PARALLEL, 'flores200-dev.docid'), 'utf8').split('\n');
  const first = docs.findIndex((d, i) => docs.slice(i, i + 10).every((x) => x === d));
  const original = lines.slice(first, first + 10).join(' ');
  const spun = spinText(original, mulberry32(7), 1);
  writeFileSync(join(dir, 'a-original.txt'), original);
  writeFileSync(join(dir, 'b-spun.txt'), spun);
  return { dir, original, spun };
}

interface Row {
  document_id: number;
  suggestion: string | null;
  text: string;
}

test('roles set by a reviewer decide which version spin-diff reads as the copy', () => {
  const { db } = tmpDb();
  const s = story();
  const cfg = loadConfig({}, '/nonexistent');
  const [auditId] = auditPaths(db, cfg, [s.dir]).audits;
  assert.ok(auditId);
  const docOf = (name: string): number =>
    (db.prepare('SELECT id FROM documents WHERE path LIKE ?').get(`%${name}`) as { id: number }).id;
  const [orig, spun] = [docOf('a-original.txt'), docOf('b-spun.txt')];
  const diffFlags = (): Row[] =>
    db
      .prepare(
        `SELECT f.document_id, f.suggestion, substr(d.text, f.start + 1, f."end" - f.start) AS text
           FROM flags f JOIN documents d ON d.id = f.document_id
          WHERE f.audit_id = ? AND f.detector = 'spin-diff' AND f.status = 'active'`,
      )
      .all(auditId) as Row[];

  const before = diffFlags();
  assert.ok(before.length >= 3, `the spun copy is diffed against its original (${before.length} flags)`);
  assert.ok(before.every((f) => f.document_id === spun));

  // the reviewer says the other way round: the copy is the original, the original the spin
  const change = changeRoles(
    db,
    auditId,
    new Map([
      [spun, 'source'],
      [orig, 'spin'],
    ]),
    {},
    true,
  );
  assert.equal(change.pivot.after, spun);
  const after = diffFlags();
  assert.ok(after.length >= 3, `the version marked spin is diffed against the one marked source (${after.length})`);
  assert.ok(
    after.every((f) => f.document_id === orig),
    'spin-diff flags are on the version marked spin',
  );
  // their suggestions are the words of the version marked source
  for (const f of after) if (f.suggestion) assert.ok(s.spun.includes(f.suggestion), `${f.text} → ${f.suggestion}`);
  const stale = db
    .prepare(`SELECT COUNT(*) AS n FROM flags WHERE audit_id = ? AND detector = 'spin-diff' AND status = 'stale'`)
    .get(auditId) as { n: number };
  assert.equal(stale.n, before.length, "the old direction's flags are stale, kept as history");
});

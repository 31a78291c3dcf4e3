import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpDb } from '../helpers/tmp.js';
import { judgeCli, storeAudit } from '../helpers/judge-audit.js';
import { fakeEndpoint } from '../helpers/llm.js';
import { startPostgres } from '../../testkit/postgres.js';
import { copySqliteToPg, pgQuery } from '../../testkit/pg-seed.js';
import { openPg } from '../../server/db/pg/connect.js';

// `tapat judge --db postgres://…` against the fake endpoint: the same findings stored as when the same audit is
// judged on SQLite, a re-run reconciles (no flag twice), an unknown audit is refused in one line.

const cluster = await startPostgres();

const FLAG_COLUMNS = 'document_id, detector, category, severity, start, "end", message, suggestion, status, version';

test('tapat judge on PostgreSQL stores what it stores on SQLite; a re-run reconciles; unknown audit refused', async () => {
  const { fake } = await fakeEndpoint('good');
  const env = { TAPAT_LLM_BASE_URL: fake.baseUrl, TAPAT_LLM_MODEL: 'fake-judge' };
  const { db, file } = tmpDb();
  const audit = storeAudit(db);
  const url = await cluster.createDb('judge');
  await (await openPg(url)).end();
  await copySqliteToPg(db, url);

  const lite = await judgeCli(['judge', '--db', file, '--audit', String(audit), '--all'], env);
  assert.equal(lite.code, 0, lite.stderr);
  const pg = await judgeCli(['judge', '--db', url, '--audit', String(audit), '--all'], env);
  assert.equal(pg.code, 0, pg.stderr);
  assert.match(pg.stdout, /judged 2 of 2 selected pairs \(of 2\): 1 findings/);
  assert.match(pg.stdout, /^flags: 1 new, 0 updated, 0 unchanged, 0 stale$/m);
  const onLite = db.prepare(`SELECT ${FLAG_COLUMNS} FROM flags ORDER BY id`).all();
  const onPg = await pgQuery(url, `SELECT ${FLAG_COLUMNS} FROM flags ORDER BY id`);
  assert.equal(onPg.length, 1);
  assert.deepEqual(onPg, onLite, 'the same flag, field for field');

  const again = await judgeCli(['judge', '--db', url, '--audit', String(audit), '--all'], env);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^flags: 0 new, 0 updated, 1 unchanged, 0 stale$/m);
  assert.equal((await pgQuery(url, 'SELECT id FROM flags')).length, 1, 'no flag twice');

  const missing = await judgeCli(['judge', '--db', url, '--audit', '999'], env);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /no audit 999/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
});

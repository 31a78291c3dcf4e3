import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tmpDb, tmpDir } from '../helpers/tmp.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';
import { startCluster, startPostgres } from '../../testkit/postgres.js';
import { copySqliteToPg, pgQuery } from '../../testkit/pg-seed.js';
import { hasChromium, launchBrowser, signedInPage } from '../../testkit/browser.js';
import { serveProcess } from '../../testkit/serve-process.js';
import { openPg } from '../../server/db/pg/connect.js';
import { EXPORT_FORMATS } from '../../server/pipeline/export/formats.js';

// The commands on PostgreSQL (issue 21): `tapat serve --db postgres://…` signs in a fresh database's first admin
// as on SQLite; `tapat export` writes byte for byte what it writes from the SQLite database holding the same
// rows; `tapat reviewer add` works there; `tapat backup`/`restore` say to use pg_dump/pg_restore (exit 2); a
// distributed batch's progress shows in `tapat batch status`, the API and the web app.

const cluster = await startPostgres();
let n = 0;
const freshDb = async (): Promise<string> => {
  const url = await cluster.createDb(`cli_${++n}`);
  await (await openPg(url)).end(); // migrated, empty
  return url;
};

test('tapat serve --db postgres://…: a sign-in link on a fresh database, none on the next start; reviewer add', async () => {
  // the test cluster trusts every connection: the password is there to be kept out of what is printed
  const url = (await freshDb()).replace('postgres@', 'postgres:s3cret@');
  const first = await serveProcess(url);
  after(() => first.cp.kill('SIGKILL'));
  const m = /#token=(tpt_[\w-]+)/.exec(first.banner);
  assert.ok(m, first.banner);
  assert.match(first.banner, /tapat serving postgres:\/\/postgres@127\.0\.0\.1:\d+\/cli_1 on /);
  assert.match(first.banner, /tapat reviewer add NAME --db postgres:\/\/postgres@127/);
  assert.doesNotMatch(first.banner, /s3cret/, 'never the password');
  const me = await fetch(`${first.url}/api/me`, { headers: { authorization: `Bearer ${m[1]}` } });
  assert.deepEqual(((await me.json()) as { reviewer: unknown }).reviewer, { id: 1, name: 'local', role: 'admin' });
  // what runs only on SQLite so far says so, and stores nothing
  const upload = await fetch(`${first.url}/api/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${m[1]}`, 'content-type': 'application/x-ndjson' },
    body: '{"url":"u","title":"t","text":"Isang pangungusap."}\n',
  });
  assert.equal(upload.status, 501);
  assert.match(((await upload.json()) as { error: string }).error, /--enqueue/);
  const roles = await fetch(`${first.url}/api/audits/1/roles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${m[1]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ roles: {}, apply: false }),
  });
  assert.equal(roles.status, 501);
  assert.match(((await roles.json()) as { error: string }).error, /roles of a story: not available .*PostgreSQL/);
  // a reviewer added by the command signs in to the running server
  const added = runCli(['reviewer', 'add', 'bea', '--db', url]);
  assert.equal(added.code, 0, added.stderr);
  const token = added.stdout.trim().split('\n').pop()!;
  const bea = await fetch(`${first.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(((await bea.json()) as { reviewer: { name: string } }).reviewer.name, 'bea');
  assert.equal(runCli(['reviewer', 'add', 'bea', '--db', url]).code, 2, 'a taken name is refused');
  first.cp.kill('SIGTERM');
  await first.exited;
  const second = await serveProcess(url);
  after(() => second.cp.kill('SIGKILL'));
  assert.doesNotMatch(second.banner, /token=/);
  second.cp.kill('SIGTERM');
  await second.exited;
});

test('tapat export --db postgres://… writes exactly what it writes from SQLite, every format', async () => {
  const { db, file } = tmpDb();
  const sample = buildSampleAudit(db);
  // decisions, so the corrected copies and pair states have something to show
  const ana = reviewer(db, 'ana');
  db.prepare(
    `INSERT INTO verdicts (flag_id, action, text, reviewer_id, flag_version, created_at) VALUES (?, 'approve', NULL, ?, 1, '2026-01-01T00:00:00.000Z')`,
  ).run(sample.flags[0], ana.reviewer.id);
  db.prepare(
    `INSERT INTO verdicts (flag_id, action, text, reviewer_id, flag_version, created_at) VALUES (?, 'correct', 'Binati', ?, 1, '2026-01-01T00:00:00.000Z')`,
  ).run(sample.flags[3], ana.reviewer.id);
  const url = await freshDb();
  await copySqliteToPg(db, url);
  for (const format of EXPORT_FORMATS) {
    for (const doc of [null, sample.tl]) {
      const args = ['export', '--audit', String(sample.auditId), '--format', format];
      if (doc !== null) args.push('--document', String(doc));
      const lite = runCli([...args, '--db', file]);
      // TAPAT_DB names the database as --db does
      const pg = runCli(args, { env: { TAPAT_DB: url } });
      assert.equal(lite.code, 0, lite.stderr);
      assert.equal(pg.code, 0, pg.stderr);
      assert.ok(lite.stdout.length > 0);
      assert.equal(pg.stdout, lite.stdout, `${format}${doc ? ` --document ${doc}` : ''}`);
    }
  }
  const missing = runCli(['export', '--audit', '999', '--format', 'txt', '--db', url]);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /no audit 999/);
});

test('tapat backup and restore on PostgreSQL point to pg_dump / pg_restore and write nothing', async () => {
  const url = await freshDb();
  const out = join(tmpDir(), 'b.db');
  const b = runCli(['backup', '--db', url, '--out', out]);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /pg_dump --format=custom/);
  assert.equal(b.stderr.trim().split('\n').length, 1, 'one line');
  assert.equal(existsSync(out), false);
  const r = runCli(['restore', out], { env: { TAPAT_DB: url } });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /pg_restore/);
});

test('a distributed batch’s progress: tapat batch status, /api/batches/latest and the upload page say its phase', async () => {
  const { db } = tmpDb();
  const sample = buildSampleAudit(db);
  const boss = reviewer(db, 'boss', 'admin');
  const url = await freshDb();
  await copySqliteToPg(db, url);
  // a run as `tapat audit --enqueue` and the workers leave it mid-way: 2 items read, 2 stories found, 1 audited
  const now = '2026-01-01T00:00:00.000Z';
  await pgQuery(
    url,
    `INSERT INTO batch_runs (id, key, status, phase, options, stats, started_at) VALUES (1, 'k', 'running', 'auditing', '{}', '{}', ?)`,
    [now],
  );
  await pgQuery(
    url,
    `INSERT INTO batch_inputs (run_id, ord, item_key, item) VALUES (1, 0, 'a', '{}'), (1, 1, 'b', '{}')`,
  );
  await pgQuery(
    url,
    `INSERT INTO batch_items (run_id, item_key, status, document_id, ord) VALUES (1, 'a', 'done', ?, 0), (1, 'b', 'done', ?, 4096)`,
    [sample.en, sample.tl],
  );
  await pgQuery(
    url,
    `INSERT INTO batch_plans (run_id, ord, story_key, document_ids) VALUES (1, 0, 's1', ARRAY[?]::bigint[]), (1, 1, 's2', ARRAY[?]::bigint[])`,
    [sample.en, sample.tl],
  );
  await pgQuery(url, `INSERT INTO batch_stories (run_id, story_key, audit_id) VALUES (1, 's1', ?)`, [sample.auditId]);

  const status = runCli(['batch', 'status', '--db', url]);
  assert.equal(status.code, 0, status.stderr);
  assert.equal(status.stdout.trim(), 'run 1 auditing: 1/2 stories');
  assert.equal(runCli(['batch', 'status', '--db', url, '--run', '7']).code, 3);
  const lite = runCli(['batch', 'status', '--db', join(tmpDir(), 'x.db')]);
  assert.equal(lite.code, 2);
  assert.match(lite.stderr, /needs --db postgres:\/\//);

  const served = await serveProcess(url);
  after(() => served.cp.kill('SIGKILL'));
  const latest = (await (
    await fetch(`${served.url}/api/batches/latest`, { headers: { authorization: `Bearer ${boss.token}` } })
  ).json()) as { run: { id: number; distributed?: { phase: string; stories: number; audited: number; line: string } } };
  assert.equal(latest.run.id, 1);
  assert.deepEqual(
    [latest.run.distributed?.phase, latest.run.distributed?.stories, latest.run.distributed?.audited],
    ['auditing', 2, 1],
  );
  assert.equal(latest.run.distributed?.line, 'run 1 auditing: 1/2 stories');
  if (hasChromium()) {
    const browser = await launchBrowser();
    const errors: string[] = [];
    const page = await signedInPage(browser, { url: served.url, token: boss.token, hash: '#/upload', errors });
    await page.waitForSelector('p.distributed:has-text("run 1 auditing: 1/2 stories")');
    // the workers commit the second story: the page follows
    await pgQuery(url, `INSERT INTO batch_stories (run_id, story_key, audit_id) VALUES (1, 's2', ?)`, [sample.auditId]);
    await page.waitForSelector('p.distributed:has-text("run 1 auditing: 2/2 stories")', { timeout: 10_000 });
    assert.deepEqual(errors, []);
  }
  served.cp.kill('SIGTERM');
  await served.exited;
});

test('PostgreSQL going away while tapat serve runs: 503 with Retry-After, the server keeps running', async () => {
  const own = await startCluster();
  after(own.stop);
  const url = await own.createDb('gone');
  await (await openPg(url)).end();
  const p = await serveProcess(url);
  after(() => p.cp.kill('SIGKILL'));
  const token = /#token=(tpt_[\w-]+)/.exec(p.banner)![1]!;
  const auth = { authorization: `Bearer ${token}` };
  assert.equal((await fetch(`${p.url}/api/flags`, { headers: auth })).status, 200);
  own.stop();
  const res = await fetch(`${p.url}/api/flags`, { headers: auth });
  assert.equal(res.status, 503);
  assert.ok(Number(res.headers.get('retry-after')) > 0);
  assert.match(((await res.json()) as { error: string }).error, /cannot be reached.*nothing of this request was saved/);
  assert.equal(p.cp.exitCode, null, 'the server is still running');
  p.cp.kill('SIGTERM');
  await p.exited;
});

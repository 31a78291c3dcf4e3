import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../server/db/index.js';
import { buildSampleAudit, insertFlag, reviewer } from '../helpers/fixtures.js';
import { BIN } from '../helpers/cli.js';
import { SEEDS } from '../helpers/paths.js';
import { tmpDir } from '../helpers/tmp.js';
import { serveProcess } from '../../testkit/serve-process.js';

// Verdict writes under faults and contention, against the real `tapat serve` process:
// (1) SIGKILL the server while clients post verdicts; (2) 50 concurrent posts while `tapat audit` writes.
// Every verdict acknowledged with 201 must be stored exactly once; flag versions stay consistent.

interface Setup {
  file: string;
  flags: number[];
  tokens: string[];
}
function setup(nFlags: number, nReviewers: number): Setup {
  const file = join(tmpDir(), 'v.db');
  const db = openDb(file);
  const sample = buildSampleAudit(db);
  const flags = Array.from({ length: nFlags }, (_, i) =>
    insertFlag(db, {
      auditId: sample.auditId,
      documentId: sample.spin,
      detector: 'load',
      category: 'style/spin',
      severity: 'minor',
      confidence: 0.5,
      segments: [0],
      message: `load flag ${i}`,
    }),
  );
  const tokens = Array.from({ length: nReviewers }, (_, i) => reviewer(db, `r${i}`).token);
  db.close();
  return { file, flags, tokens };
}

/** One reviewer approving its own flag again and again; returns the (flag, version) pairs acknowledged with 201. */
async function reviewerLoop(
  url: string,
  token: string,
  flag: number,
  stop: () => boolean,
): Promise<{ acked: [number, number][]; conflicts: number }> {
  const acked: [number, number][] = [];
  let version = 1;
  let conflicts = 0;
  while (!stop()) {
    let res: Response;
    try {
      res = await fetch(`${url}/api/flags/${flag}/verdicts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: acked.length % 2 ? 'reject' : 'approve', version }),
      });
    } catch {
      break; // the server died under us: this request's fate is unknown, and not counted
    }
    const body = (await res.json().catch(() => ({}))) as { flag?: { version: number } };
    if (res.status === 201) {
      acked.push([flag, version]);
      version = body.flag!.version;
    } else if (res.status === 409 && body.flag) {
      conflicts++;
      version = body.flag.version;
    } else {
      throw new Error(`unexpected ${res.status} ${JSON.stringify(body)}`);
    }
  }
  return { acked, conflicts };
}

function checkStored(file: string, acked: [number, number][], flags: number[]): number {
  const db = new Database(file, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const count = db.prepare('SELECT COUNT(*) AS n FROM verdicts WHERE flag_id = ? AND flag_version = ?');
    for (const [flag, version] of acked) {
      assert.equal(
        (count.get(flag, version) as { n: number }).n,
        1,
        `verdict on flag ${flag} v${version} stored exactly once`,
      );
    }
    const dup = db
      .prepare(
        'SELECT COUNT(*) AS n FROM (SELECT flag_id, flag_version FROM verdicts GROUP BY 1, 2 HAVING COUNT(*) > 1)',
      )
      .get() as { n: number };
    assert.equal(dup.n, 0, 'no version answered twice');
    // Every verdict bumped its flag's version in the same transaction.
    for (const f of flags) {
      const row = db
        .prepare(
          'SELECT version, (SELECT COUNT(*) FROM verdicts WHERE flag_id = flags.id) AS n FROM flags WHERE id = ?',
        )
        .get(f) as { version: number; n: number };
      assert.equal(row.version, row.n + 1, `flag ${f}: version = verdicts + 1`);
    }
    return (db.prepare('SELECT COUNT(*) AS n FROM verdicts').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test('SIGKILL of tapat serve during concurrent verdict posts: acknowledged verdicts survive once each', async () => {
  const N = 16;
  const s = setup(N, N);
  const srv = await serveProcess(s.file);
  let killed = false;
  const loops = s.tokens.map((t, i) => reviewerLoop(srv.url, t, s.flags[i]!, () => killed));
  // Kill once a good number of verdicts have been acknowledged and many requests are in flight.
  const watch = new Database(s.file, { readonly: true });
  for (;;) {
    await new Promise((r) => setTimeout(r, 25));
    if ((watch.prepare('SELECT COUNT(*) AS n FROM verdicts').get() as { n: number }).n >= 150) break;
  }
  watch.close();
  srv.cp.kill('SIGKILL');
  killed = true;
  assert.equal(await srv.exited, 'SIGKILL');
  const results = await Promise.all(loops);
  const acked = results.flatMap((r) => r.acked);
  assert.ok(acked.length >= 100, `acknowledged ${acked.length}`);
  const stored = checkStored(s.file, acked, s.flags);
  assert.ok(stored >= acked.length);
  // The restarted server reads the same state and accepts the next version.
  const again = await serveProcess(s.file);
  try {
    const [flag] = s.flags;
    const cur = (await (
      await fetch(`${again.url}/api/flags/${flag}`, { headers: { authorization: `Bearer ${s.tokens[0]}` } })
    ).json()) as { flag: { version: number } };
    const res = await fetch(`${again.url}/api/flags/${flag}/verdicts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'approve', version: cur.flag.version }),
    });
    assert.equal(res.status, 201);
  } finally {
    again.cp.kill('SIGTERM');
    await again.exited;
  }
});

test('50 concurrent reviewers posting verdicts while tapat audit writes a batch: exactly once, none lost', async () => {
  const N = 50;
  const s = setup(N, N);
  const srv = await serveProcess(s.file);
  try {
    let batchDone = false;
    const batch = new Promise<number | null>((resolve) => {
      const cp = spawn(process.execPath, [BIN, 'audit', '--db', s.file, '--quiet', '--workers', '1', SEEDS], {
        stdio: 'ignore',
      });
      cp.on('exit', (code) => {
        batchDone = true;
        resolve(code);
      });
    });
    let rounds = 0;
    const loops = s.tokens.map((t, i) => reviewerLoop(srv.url, t, s.flags[i]!, () => batchDone && ++rounds > N * 3));
    assert.equal(await batch, 0, 'the batch finished despite the verdict traffic');
    const results = await Promise.all(loops);
    const acked = results.flatMap((r) => r.acked);
    assert.ok(acked.length >= N, `acknowledged ${acked.length}`);
    assert.equal(checkStored(s.file, acked, s.flags), acked.length, 'every stored verdict was acknowledged');
    const db = new Database(s.file, { readonly: true });
    try {
      assert.ok(
        (db.prepare("SELECT COUNT(*) AS n FROM batch_runs WHERE status = 'done'").get() as { n: number }).n >= 1,
        'the batch committed',
      );
    } finally {
      db.close();
    }
  } finally {
    srv.cp.kill('SIGTERM');
    await srv.exited;
  }
});

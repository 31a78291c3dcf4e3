import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get as httpGet } from 'node:http';
import { testServer } from '../helpers/server.js';
import { authHeader } from '../helpers/auth.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';
import type { FlagView, VerdictView } from '../../server/db/queue.js';
import type { AuditView } from '../../server/pipeline/review/rows.js';
import type { ReviewStats } from '../../server/db/stats.js';

const s = await testServer();
const sample = buildSampleAudit(s.db);
const ana = reviewer(s.db, 'ana');
const ben = reviewer(s.db, 'ben');
const boss = reviewer(s.db, 'boss', 'admin');
const reader = authHeader(s.db);
await s.ready();

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(s.url + path, { headers: reader });
  return { status: res.status, body: (await res.json()) as T };
}
async function verdict(
  flagId: number,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: { flag: FlagView; history: VerdictView[]; error?: string } }> {
  const res = await fetch(`${s.url}/api/flags/${flagId}/verdicts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { flag: FlagView; history: VerdictView[]; error?: string } };
}
/** A conditional GET as a browser sends it (fetch() would add Cache-Control: no-cache, which defeats 304). */
const conditionalGet = (path: string, etag: string): Promise<number> =>
  new Promise((resolve, reject) => {
    httpGet(s.url + path, { headers: { 'if-none-match': etag, ...reader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).once('error', reject);
  });
const flag = async (id: number): Promise<FlagView> => (await get<{ flag: FlagView }>(`/api/flags/${id}`)).body.flag;

test('audit list and the aligned three-way view: Tagalog | English pivot | spun, flags in their rows', async () => {
  const { body } = await get<{ audits: { id: number; flags: number; pending: number }[] }>('/api/audits');
  assert.deepEqual(
    body.audits.map((a) => [a.id, a.flags]),
    [[sample.auditId, 6]],
  );
  const v = (await get<AuditView>(`/api/audits/${sample.auditId}`)).body;
  assert.deepEqual(
    v.versions.map((x) => x.document_id),
    [sample.tl, sample.en, sample.spin],
  );
  assert.equal(v.versions[1]!.pivot, true);
  const pivotRows = v.rows.filter((r) => r.pivot !== null);
  const enSegs = (await get<{ segments: unknown[] }>(`/api/documents/${sample.en}`)).body.segments;
  assert.equal(pivotRows.length, enSegs.length);
  // every sentence of every version appears exactly once
  for (const doc of [sample.tl, sample.en, sample.spin]) {
    const n = (await get<{ segments: unknown[] }>(`/api/documents/${doc}`)).body.segments.length;
    const seen = v.rows.flatMap((r) => r.cells[doc]?.segments.map((x) => x.index) ?? []);
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      Array.from({ length: n }, (_, i) => i),
      `document ${doc}`,
    );
  }
  const placed = v.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => c.flags));
  assert.deepEqual(
    [...placed].sort((a, b) => a - b),
    [...sample.flags].sort((a, b) => a - b),
  );
  const native = v.rows.find((r) => r.cells[sample.spin]?.flags.includes(sample.flags[0]!))!;
  assert.match(native.cells[sample.spin]!.segments.map((x) => x.text).join(' '), /native time/);
  assert.equal((await get(`/api/audits/999`)).status, 404);
  assert.equal((await get(`/api/audits/x`)).status, 400);
});

test('queue: stable order (severity, confidence, id), filters, keyset pages', async () => {
  const all = (await get<{ flags: FlagView[]; next: number | null }>('/api/flags?status=all')).body;
  assert.equal(all.flags.length, 6);
  assert.equal(all.flags[0]!.severity, 'critical');
  const rank = { critical: 0, major: 1, minor: 2 };
  for (let i = 1; i < all.flags.length; i++) {
    const a = all.flags[i - 1]!;
    const b = all.flags[i]!;
    assert.ok(
      rank[a.severity] < rank[b.severity] || (a.severity === b.severity && a.confidence >= b.confidence),
      `order at ${i}`,
    );
  }
  assert.match(all.flags[0]!.excerpt, /Batiin/);
  const spin = (await get<{ flags: FlagView[] }>('/api/flags?detector=spin-fingerprint&min_confidence=0.88')).body
    .flags;
  assert.deepEqual(
    spin.map((f) => f.suggestion),
    ['local time', 'visit to the East Asian nation'],
  );
  const two = (await get<{ flags: FlagView[] }>('/api/flags?severity=critical,minor&status=pending')).body.flags;
  assert.deepEqual(
    two.map((f) => f.detector),
    ['mt-tense', 'name-consistency', 'boilerplate'],
  );
  const byDoc = (await get<{ flags: FlagView[] }>(`/api/flags?document=${sample.tl}`)).body.flags;
  assert.deepEqual(
    byDoc.map((f) => f.detector),
    ['mt-tense'],
  );
  const byCat = (
    await get<{ flags: FlagView[] }>(`/api/flags?category=style/spin&max_confidence=0.86&audit=${sample.auditId}`)
  ).body.flags;
  assert.deepEqual(
    byCat.map((f) => f.suggestion),
    ['last visited'],
  );
  // pages of two walk the same order without gaps or repeats
  const paged: number[] = [];
  let after: number | null = null;
  do {
    const page: { flags: FlagView[]; next: number | null } = (
      await get<{ flags: FlagView[]; next: number | null }>(
        `/api/flags?status=all&limit=2${after ? `&after=${after}` : ''}`,
      )
    ).body;
    paged.push(...page.flags.map((f) => f.id));
    after = page.next;
  } while (after !== null);
  assert.deepEqual(
    paged,
    all.flags.map((f) => f.id),
  );
});

test('validation: bad queries and bodies are 400 with a message; unknown routes 404 JSON; big bodies 413', async () => {
  const bad = await get<{ error: string }>('/api/flags?severity=huge');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /severity/);
  assert.equal((await get('/api/flags?min_confidence=2')).status, 400);
  assert.match((await get<{ error: string }>('/api/flags?after=987654')).body.error, /after: no flag/);
  assert.match((await get<{ error: string }>('/api/flags?colour=red')).body.error, /colour|unrecognized/i);
  const id = sample.flags[5]!;
  const r1 = await verdict(id, { action: 'approve' }, ana.token);
  assert.equal(r1.status, 400);
  assert.match(r1.body.error!, /version/);
  const r2 = await verdict(id, { action: 'correct', version: 1 }, ana.token);
  assert.equal(r2.status, 400);
  assert.match(r2.body.error!, /text/);
  const r3 = await verdict(id, { action: 'delete', version: 1 }, ana.token);
  assert.equal(r3.status, 400);
  const r4 = await verdict(id, '{not json', ana.token);
  assert.equal(r4.status, 400);
  assert.match(r4.body.error!, /JSON/);
  const big = await verdict(id, { action: 'correct', version: 1, text: 'x'.repeat(2 * 1024 * 1024) }, ana.token);
  assert.equal(big.status, 413);
  assert.match(big.body.error!, /too large/);
  assert.match((await get<{ error: string }>('/api/audits?page=2')).body.error, /page|unrecognized/i);
  const csp = (await fetch(`${s.url}/`)).headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  const nf = await get<{ error: string }>('/api/nothing/here');
  assert.equal(nf.status, 404);
  assert.match(nf.body.error, /no route/);
  assert.equal((await verdict(99999, { action: 'approve', version: 1 }, ana.token)).status, 404);
  assert.equal((await flag(id)).version, 1, 'refused requests changed nothing');
});

test('auth: no token 401, unknown token 401, /api/me names the reviewer', async () => {
  const id = sample.flags[4]!;
  const none = await verdict(id, { action: 'approve', version: 1 });
  assert.equal(none.status, 401);
  assert.match(none.body.error!, /Bearer/);
  assert.equal((await verdict(id, { action: 'approve', version: 1 }, 'tpt_not-a-token')).status, 401);
  const me = await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${ben.token}` } });
  assert.deepEqual(((await me.json()) as { reviewer: { name: string } }).reviewer.name, 'ben');
  assert.equal((await fetch(`${s.url}/api/me`)).status, 401);
  assert.equal((await flag(id)).version, 1);
});

test('verdicts: history appended, version bumped, 409 on stale version, undo rules, stats', async () => {
  const [nativeTime, goTo, finalVisited, batiin] = sample.flags as [number, number, number, number];
  const a = await verdict(nativeTime, { action: 'approve', version: 1 }, ana.token);
  assert.equal(a.status, 201);
  assert.equal(a.body.flag.version, 2);
  assert.equal(a.body.flag.decision?.action, 'approve');
  assert.equal(a.body.flag.decision?.reviewer, 'ana');
  // ben answers the version he loaded (1): someone else answered meanwhile → 409 with the current state
  const late = await verdict(nativeTime, { action: 'reject', version: 1 }, ben.token);
  assert.equal(late.status, 409);
  assert.match(late.body.error!, /version 2/);
  assert.equal(late.body.flag.version, 2);
  assert.equal(late.body.flag.decision?.action, 'approve');
  // ben cannot undo ana's verdict
  const steal = await verdict(nativeTime, { action: 'undo', version: 2 }, ben.token);
  assert.equal(steal.status, 403);
  assert.equal((await flag(nativeTime)).decision?.action, 'approve');
  // ben changes his mind with the fresh version: appended, latest wins
  const b = await verdict(nativeTime, { action: 'reject', version: 2 }, ben.token);
  assert.equal(b.status, 201);
  assert.equal(b.body.flag.decision?.action, 'reject');
  // ben undoes his own verdict: ana's approval is current again
  const u = await verdict(nativeTime, { action: 'undo', version: 3 }, ben.token);
  assert.equal(u.status, 201);
  assert.equal(u.body.flag.decision?.action, 'approve');
  assert.equal(u.body.flag.version, 4);
  const hist = u.body.history;
  assert.deepEqual(
    hist.map((h) => [h.action, h.reviewer, h.flag_version]),
    [
      ['approve', 'ana', 1],
      ['reject', 'ben', 2],
      ['undo', 'ben', 3],
    ],
  );
  assert.equal(hist[2]!.undoes, hist[1]!.id);
  assert.equal(hist[1]!.undone_by, hist[2]!.id);
  // an admin may undo anyone's verdict
  const adminUndo = await verdict(nativeTime, { action: 'undo', version: 4 }, boss.token);
  assert.equal(adminUndo.status, 201);
  assert.equal(adminUndo.body.flag.decision, null);
  const nothing = await verdict(nativeTime, { action: 'undo', version: 5 }, boss.token);
  assert.equal(nothing.status, 409);
  assert.match(nothing.body.error!, /no verdict to undo/);

  const c = await verdict(goTo, { action: 'correct', version: 1, text: 'visit to the East Asian nation' }, ana.token);
  assert.equal(c.status, 201);
  assert.deepEqual(
    [c.body.flag.decision?.action, c.body.flag.decision?.text],
    ['correct', 'visit to the East Asian nation'],
  );
  assert.equal((await verdict(finalVisited, { action: 'reject', version: 1 }, ana.token)).status, 201);
  assert.equal((await verdict(batiin, { action: 'approve', version: 1 }, ben.token)).status, 201);

  const st = (await get<ReviewStats>('/api/stats')).body;
  assert.equal(st.flags, 6);
  assert.equal(st.decided, 3);
  assert.equal(st.pending, 3);
  const spin = st.detectors.find((d) => d.detector === 'spin-fingerprint')!;
  assert.deepEqual([spin.flags, spin.pending, spin.corrected, spin.rejected, spin.decided], [3, 1, 1, 1, 2]);
  assert.equal(spin.precision, 0.5);
  assert.equal(st.detectors.find((d) => d.detector === 'mt-tense')!.precision, 1);
  const boiler = st.detectors.find((d) => d.detector === 'boilerplate')!;
  assert.deepEqual(
    [boiler.approved, boiler.corrected, boiler.rejected, boiler.decided, boiler.precision],
    [0, 0, 0, 0, null],
  );

  const pending = (await get<{ flags: FlagView[] }>('/api/flags?status=pending')).body.flags.map((f) => f.id);
  assert.ok(pending.includes(nativeTime) && !pending.includes(goTo) && !pending.includes(batiin));
  assert.deepEqual(
    (await get<{ flags: FlagView[] }>('/api/flags?status=corrected')).body.flags.map((f) => f.id),
    [goTo],
  );
  assert.deepEqual(
    (await get<{ flags: FlagView[] }>('/api/flags?status=rejected')).body.flags.map((f) => f.id),
    [finalVisited],
  );
  assert.deepEqual(
    (await get<{ flags: FlagView[] }>('/api/flags?status=reject')).body.flags.map((f) => f.id),
    [finalVisited],
  );

  // verdicts are append-only in the database itself
  await assert.rejects(s.query("UPDATE verdicts SET action = 'reject'"), /append-only/);
  // a stale flag takes no new decisions
  await s.query("UPDATE flags SET status = 'stale', version = version + 1 WHERE id = ?", [finalVisited]);
  const f = await flag(finalVisited);
  const onStale = await verdict(finalVisited, { action: 'approve', version: f.version }, ana.token);
  assert.equal(onStale.status, 409);
  assert.match(onStale.body.error!, /stale/);
});

test('cached reads follow every write: this server’s verdicts and another process’s new flags', async () => {
  const url = `/api/flags?status=pending&audit=${sample.auditId}&limit=100`;
  const before = (await get<{ flags: FlagView[] }>(url)).body.flags.map((f) => f.id);
  const again = await fetch(s.url + url, { headers: reader });
  assert.ok(again.headers.get('etag'), 'responses carry an ETag');
  const etag = again.headers.get('etag')!;
  assert.equal(await conditionalGet(url, etag), 304);
  // another connection (as `tapat audit` would be) adds a flag
  const added = await s.insertFlag({
    auditId: sample.auditId,
    documentId: sample.en,
    detector: 'numbers',
    category: 'accuracy/mistranslation',
    severity: 'critical',
    confidence: 0.99,
    segments: [2],
    message: 'added by another process',
  });
  const after = (await get<{ flags: FlagView[] }>(url)).body.flags.map((f) => f.id);
  assert.deepEqual(after, [added, ...before]);
  assert.equal(await conditionalGet(url, etag), 200);
  // a verdict through this server takes it out of the pending queue at once
  assert.equal((await verdict(added, { action: 'reject', version: 1 }, ana.token)).status, 201);
  assert.deepEqual(
    (await get<{ flags: FlagView[] }>(url)).body.flags.map((f) => f.id),
    before,
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../helpers/server.js';
import { authHeader } from '../helpers/auth.js';
import { buildSampleAudit, insertFlag } from '../helpers/fixtures.js';
import type { FlagView } from '../../server/db/queue.js';

// The queue's sort orders (issue 19): each order is walked page by page with `after`, and every flag comes
// back exactly once, in the order the sort names. Ties on every key but the id are made on purpose (same
// confidence, same severity, same span), since a keyset page that mishandles a tie skips or repeats a flag.

const s = await testServer();
const sample = buildSampleAudit(s.db);
const reader = authHeader(s.db);
const severities = ['minor', 'major', 'critical'] as const;
// 24 more flags over the three documents: 4 confidences, 3 severities, spans that repeat, some without a span
for (let i = 0; i < 24; i++) {
  const doc = [sample.tl, sample.en, sample.spin][i % 3]!;
  const start = i % 4 === 0 ? null : (i % 5) * 10;
  insertFlag(s.db, {
    auditId: sample.auditId,
    documentId: doc,
    detector: 'sort-probe',
    category: 'style/spin',
    severity: severities[i % 3]!,
    confidence: [0.4, 0.7, 0.7, 0.95][i % 4]!,
    segments: [0],
    start,
    end: start === null ? null : start + 3,
    message: `probe ${i}`,
  });
}

await s.ready();

type Page = { flags: FlagView[]; next: number | null; total?: number };
async function get(path: string): Promise<{ status: number; body: Page & { error?: string } }> {
  const res = await fetch(s.url + path, { headers: reader });
  return { status: res.status, body: (await res.json()) as Page & { error?: string } };
}
/** Every page of a sort, 4 flags at a time; the first page's total is checked against what the walk found. */
async function walk(sort: string | null): Promise<FlagView[]> {
  const base = `/api/flags?status=all&limit=4${sort ? `&sort=${sort}` : ''}`;
  const first = await get(base);
  assert.equal(first.status, 200, first.body.error);
  const out = [...first.body.flags];
  let next = first.body.next;
  for (let guard = 0; next !== null; guard++) {
    assert.ok(guard < 100, 'paging does not end');
    const p = await get(`${base}&after=${next}`);
    assert.equal(p.status, 200, p.body.error);
    out.push(...p.body.flags);
    next = p.body.next;
  }
  assert.equal(first.body.total, out.length, `${sort}: "n of N" total`);
  return out;
}

const rank = { critical: 0, major: 1, minor: 2 };
const cmp = (...keys: number[]): number => keys.find((k) => k !== 0) ?? 0;
const ORDERS: Record<string, (a: FlagView, b: FlagView) => number> = {
  severity: (a, b) => cmp(rank[a.severity] - rank[b.severity], b.confidence - a.confidence, a.id - b.id),
  'least-confident': (a, b) => cmp(a.confidence - b.confidence, a.id - b.id),
  'most-confident': (a, b) => cmp(b.confidence - a.confidence, a.id - b.id),
  newest: (a, b) => b.id - a.id,
  document: (a, b) => cmp(a.document_id - b.document_id, (a.start ?? -1) - (b.start ?? -1), a.id - b.id),
};

test('each queue sort returns every flag once across keyset pages, in its order', async () => {
  const ids = (await s.query<{ id: number }>('SELECT id FROM flags ORDER BY id')).map((r) => r.id);
  assert.equal(ids.length, 30);
  const seen = new Map<string, number[]>();
  for (const [sort, order] of Object.entries(ORDERS)) {
    const got = await walk(sort);
    assert.deepEqual(
      [...got.map((f) => f.id)].sort((a, b) => a - b),
      ids,
      `${sort}: every flag once`,
    );
    assert.deepEqual(
      got.map((f) => f.id),
      [...got].sort(order).map((f) => f.id),
      `${sort}: order`,
    );
    seen.set(
      sort,
      got.map((f) => f.id),
    );
  }
  // the orders really differ (a sort that is ignored would pass the checks above only by luck, not here)
  assert.equal(new Set([...seen.values()].map((v) => v.join())).size, seen.size);
  // no sort given is the historic order, unchanged
  assert.deepEqual(
    (await walk(null)).map((f) => f.id),
    seen.get('severity'),
  );
});

test('a sort combines with the filters, and an unknown sort is a one-line 400', async () => {
  const got = (await get(`/api/flags?status=all&document=${sample.en}&sort=least-confident`)).body.flags;
  assert.ok(got.length > 1);
  assert.ok(got.every((f) => f.document_id === sample.en || f.other_document_id === sample.en));
  assert.deepEqual(
    got.map((f) => f.id),
    [...got].sort(ORDERS['least-confident']!).map((f) => f.id),
  );
  for (const bad of ['sort=oldest', 'sort=', 'sort=severity&sort=newest']) {
    const r = await get(`/api/flags?${bad}`);
    assert.equal(r.status, 400, bad);
    assert.match(r.body.error ?? '', /^sort: [^\n]+$/, bad);
  }
});

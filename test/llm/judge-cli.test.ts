import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpDb } from '../helpers/tmp.js';
import { TL, judgeCli, storeAudit } from '../helpers/judge-audit.js';
import { fakeEndpoint } from '../helpers/llm.js';
import { reconcileFlags } from '../../server/db/flags.js';
import { storeAlignment } from '../../server/db/alignments.js';
import { tx } from '../../server/db/index.js';
import type { Finding } from '../../server/pipeline/types.js';
import { JudgeRecord } from '../../contract/index.js';

// `tapat judge` on a stored audit, against the fake endpoint. The CLI runs as a child process, and
// asynchronously: the fake server lives in this process and must keep answering meanwhile.

test('tapat judge: judges the audit, caches the answers, says what it did; refuses when unconfigured or the audit is unknown', async () => {
  const { fake } = await fakeEndpoint('good');
  const { db, file } = tmpDb();
  const audit = storeAudit(db);
  const env = { TAPAT_LLM_BASE_URL: fake.baseUrl, TAPAT_LLM_MODEL: 'fake-judge' };
  const r = await judgeCli(['judge', '--db', file, '--audit', String(audit), '--all'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /judged 2 of 2 selected pairs \(of 2\): 1 findings/);
  assert.match(r.stdout, /^flags: /m);
  assert.equal(fake.counts.chat, 2);
  const again = await judgeCli(['judge', '--db', file, '--audit', String(audit), '--all'], env);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(fake.counts.chat, 2, 'the re-run is answered from llm_cache');
  assert.match(again.stdout, /2 cache hits/);

  const lines = await judgeCli(['judge', '--db', file, '--audit', String(audit), '--all', '--jsonl'], env);
  assert.equal(lines.code, 0, lines.stderr);
  const recs = lines.stdout
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          doc: string;
          detector: string;
          start: number;
          end: number;
          suggestion: string;
          tgt: number[];
        },
    );
  assert.equal(recs.length, 1);
  assert.ok(
    recs.every((r) => JudgeRecord.safeParse(r).success),
    'the records keep to the contract (contract/jsonl/records.ts)',
  );
  assert.deepEqual(
    [recs[0]!.doc, recs[0]!.detector, recs[0]!.suggestion, recs[0]!.tgt],
    ['tl.txt', 'llm-mqm', '24', [1]],
  );
  assert.equal(TL.slice(recs[0]!.start, recs[0]!.end), '42');
  assert.match(lines.stderr, /judged 2 of 2/);

  const none = await judgeCli(['judge', '--db', file, '--audit', String(audit)], {});
  assert.equal(none.code, 2);
  assert.match(none.stderr, /not configured/);
  const missing = await judgeCli(['judge', '--db', file, '--audit', '999'], env);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /no audit 999/);
});

test('tapat judge with a hanging endpoint completes, exit 0, and says what was skipped', async () => {
  const { fake } = await fakeEndpoint('hang');
  const { db, file } = tmpDb();
  const audit = storeAudit(db);
  const cfgFile = `${file}.config.json`;
  writeFileSync(cfgFile, JSON.stringify({ llm: { timeoutMs: 200, concurrency: 1 } }));
  const r = await judgeCli(['judge', '--db', file, '--audit', String(audit), '--all'], {
    TAPAT_LLM_BASE_URL: fake.baseUrl,
    TAPAT_LLM_MODEL: 'm',
    TAPAT_CONFIG: cfgFile,
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /judged 0 of 2 selected pairs.*skipped: timeout 2/);
});

test('tapat judge uses the stored alignment and, without --all, sends only weakly aligned pairs', async () => {
  const { fake } = await fakeEndpoint('good');
  const { db, file } = tmpDb();
  const audit = storeAudit(db);
  const [en, tl] = (
    db.prepare('SELECT document_id FROM audit_versions WHERE audit_id = ? ORDER BY document_id').all(audit) as {
      document_id: number;
    }[]
  ).map((r) => r.document_id);
  storeAlignment(
    db,
    audit,
    en!,
    tl!,
    [
      { src: [0], tgt: [0], score: 0.9 },
      { src: [1], tgt: [1], score: 0.1 },
    ],
    'test',
  );
  const r = await judgeCli(['judge', '--db', file, '--audit', String(audit)], {
    TAPAT_LLM_BASE_URL: fake.baseUrl,
    TAPAT_LLM_MODEL: 'fake-judge',
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /judged 1 of 1 selected pairs \(of 2\): 1 findings/);
  assert.doesNotMatch(r.stdout, /aligned on the spot/);
  assert.equal(fake.counts.chat, 1);
  assert.equal(fake.seen[0]!.translation, 'Sinabi ng ministro na 42 katao ang nasugatan.');
});

test('tapat judge stores its findings as llm-mqm flags, adjusts offline flags in place, and a re-run changes nothing', async () => {
  const { fake } = await fakeEndpoint('good');
  const { db, file } = tmpDb();
  const audit = storeAudit(db);
  const tl = db.prepare("SELECT id, text FROM documents WHERE path = 'tl.txt'").get() as { id: number; text: string };
  const en = (db.prepare("SELECT id FROM documents WHERE path = 'en.txt'").get() as { id: number }).id;
  const at = tl.text.indexOf('42');
  const offline: Finding = {
    detector: 'numbers',
    category: 'accuracy/mistranslation',
    severity: 'major',
    confidence: 0.6,
    rawScore: 0.42,
    segments: [1],
    otherSegments: [1],
    span: { start: at, end: at + 2 },
    otherSpan: null,
    message: 'number differs',
    evidence: { numbers: ['42'] },
    suggestion: '24',
  };
  tx(db, () => reconcileFlags(db, audit, [{ documentId: tl.id, otherDocumentId: en, finding: offline }]));
  const env = { TAPAT_LLM_BASE_URL: fake.baseUrl, TAPAT_LLM_MODEL: 'fake-judge' };
  const r = await judgeCli(['judge', '--db', file, '--audit', String(audit)], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /flags: 1 new, 1 updated, 0 unchanged, 0 stale/);
  const rows = db
    .prepare(
      'SELECT id, detector, start, end, suggestion, confidence, raw_score, evidence, version, status FROM flags ORDER BY id',
    )
    .all() as {
    id: number;
    detector: string;
    start: number;
    end: number;
    suggestion: string;
    confidence: number;
    raw_score: number;
    evidence: string;
    version: number;
    status: string;
  }[];
  assert.equal(rows.length, 2);
  const [off, llm] = rows;
  assert.deepEqual([off!.detector, off!.raw_score, off!.version, off!.status], ['numbers', 0.42, 2, 'active']);
  assert.ok(off!.confidence > 0.6);
  assert.equal((JSON.parse(off!.evidence) as { llm: { offlineConfidence: number } }).llm.offlineConfidence, 0.6);
  assert.equal(llm!.detector, 'llm-mqm');
  assert.equal(tl.text.slice(llm!.start, llm!.end), '42');
  assert.equal(llm!.suggestion, '24');
  const again = await judgeCli(['judge', '--db', file, '--audit', String(audit)], env);
  assert.match(again.stdout, /flags: 0 new, 0 updated, 2 unchanged, 0 stale/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeStory, judgeSummary, type JudgePair } from '../../server/llm/judge.js';
import type { Finding } from '../../server/pipeline/types.js';
import { tmpDb } from '../helpers/tmp.js';
import { fakeEndpoint, unconfigured } from '../helpers/llm.js';

// The judge against the fake endpoint: good answers become findings with the right spans; everything
// the model gets wrong is discarded and counted, never stored.

const SRC = 'The minister said 24 people were hurt in the fire.';
const TGT = 'Sinabi ng ministro na 42 katao ang nasugatan sa sunog.';
const PREFIX = 'Headline.\n\n'; // the pair sits at an offset in its document

function offline(span: { start: number; end: number } | null, confidence = 0.6): Finding {
  return {
    detector: 'numbers',
    category: 'accuracy/mistranslation',
    severity: 'major',
    confidence,
    rawScore: 0.42,
    segments: [1],
    otherSegments: [1],
    span,
    otherSpan: null,
    message: 'number differs',
    evidence: { numbers: ['24', '42'] },
    suggestion: '24',
  };
}

const pair = (src: string, tgt: string, findings: Finding[] = []): JudgePair => ({
  src,
  tgt,
  srcLang: 'en',
  tgtLang: 'tl',
  offlineFindings: findings,
  srcStart: PREFIX.length,
  tgtStart: PREFIX.length,
  srcSegments: [1],
  tgtSegments: [1],
});

test('a good answer becomes llm-mqm findings at document offsets and confirms the overlapping offline flag', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  const { db } = tmpDb();
  const at = PREFIX.length + TGT.indexOf('42');
  const r = await judgeStory(db, cfg, [pair(SRC, TGT, [offline({ start: at, end: at + 2 })])]);
  assert.equal(fake.counts.chat, 1);
  assert.equal(r.findings.length, 1);
  const f = r.findings[0]!.finding;
  assert.equal(f.detector, 'llm-mqm');
  assert.equal(f.category, 'accuracy/mistranslation');
  assert.deepEqual(f.span, { start: at, end: at + 2 });
  assert.equal((PREFIX + TGT).slice(f.span!.start, f.span!.end), '42');
  assert.equal(f.suggestion, '24');
  assert.deepEqual(f.segments, [1]);
  assert.deepEqual(f.evidence, {
    side: 'target',
    span: '42',
    judge: { model: 'fake-judge', correction: '24', explanation: 'number differs from the source', mqmWeight: 5 },
  });
  assert.equal(r.adjustments.length, 1);
  const a = r.adjustments[0]!;
  assert.equal(a.verdict, 'confirmed');
  assert.equal(a.before, 0.6);
  assert.ok(a.after > 0.6);
  assert.equal(a.finding.confidence, a.after);
  assert.equal(a.finding.rawScore, 0.42, 'the offline raw score is untouched');
  assert.deepEqual((a.finding.evidence.llm as { offlineConfidence: number }).offlineConfidence, 0.6);
  assert.deepEqual(a.finding.evidence.numbers, ['24', '42'], 'offline evidence kept');
  assert.equal(r.stats.raised, 1);
  assert.match(judgeSummary(r.stats), /judged 1 of 1 selected pairs/);
});

test('a source-side omission is stored as the other span; a clean "no errors" answer lowers an offline flag', async () => {
  const { cfg } = await fakeEndpoint('good');
  const long = 'The minister said that the people of the province were safe after the storm passed.';
  const r = await judgeStory(
    null,
    cfg,
    [pair(long, 'Sinabi ng ministro.'), pair('No one was hurt.', 'Walang nasaktan.', [offline(null, 0.8)])],
    { all: true },
  );
  const om = r.findings.find((f) => f.finding.category === 'accuracy/omission')!.finding;
  assert.equal(om.span, null);
  assert.equal((PREFIX + long).slice(om.otherSpan!.start, om.otherSpan!.end), 'the storm passed.');
  assert.equal(om.suggestion, null);
  const a = r.adjustments.find((x) => x.pairIndex === 1)!;
  assert.equal(a.verdict, 'disputed');
  assert.ok(a.after < 0.8);
  assert.equal(r.stats.lowered, 1);
});

test('only flagged or weakly aligned pairs are sent unless all is asked', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  const pairs = [
    pair(SRC, TGT),
    { ...pair(SRC, TGT), alignScore: 0.1 },
    pair(SRC, TGT, [offline(null)]),
    { ...pair('', TGT), alignScore: 0 },
  ];
  const r = await judgeStory(null, cfg, pairs);
  assert.equal(r.stats.selected, 2);
  assert.deepEqual(r.judgedPairs, [1, 2]);
  assert.equal(fake.counts.chat, 2);
  const all = await judgeStory(null, cfg, pairs, { all: true });
  assert.equal(all.stats.selected, 3, 'a null link is never sent');
});

for (const [mode, reason] of [
  ['garbage', 'malformed-json'],
  ['malformed', 'malformed-json'],
  ['out-of-schema', 'schema'],
] as const) {
  test(`${mode} answers are discarded and counted as ${reason}, not cached, nothing changes`, async () => {
    const { fake, cfg } = await fakeEndpoint(mode);
    const { db } = tmpDb();
    const f = offline(null);
    const r = await judgeStory(db, cfg, [pair(SRC, TGT, [f])]);
    assert.equal(r.findings.length, 0);
    assert.equal(r.adjustments.length, 0);
    assert.equal(r.stats.answersDiscarded[reason], 1);
    assert.equal(r.stats.judged, 0);
    assert.equal(f.confidence, 0.6);
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM llm_cache').get() as { n: number }).n, 0);
    await judgeStory(db, cfg, [pair(SRC, TGT, [f])]);
    assert.equal(fake.counts.chat, 2, 'a discarded answer is asked again next run');
  });
}

for (const [mode, reason] of [
  ['invented', 'span-not-found'],
  ['unknown-category', 'unknown-category'],
] as const) {
  test(`${mode} spans are discarded and counted as ${reason}`, async () => {
    const { cfg } = await fakeEndpoint(mode);
    const r = await judgeStory(null, cfg, [pair(SRC, TGT, [offline(null)])]);
    assert.equal(r.stats.judged, 1);
    assert.equal(r.findings.length, 0);
    assert.equal(r.stats.spansDiscarded[reason], 1);
    assert.equal(r.adjustments.length, 0, 'an answer with discarded spans disputes nothing');
  });
}

test('a cached answer costs no request on the second run and gives the same findings', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  const { db } = tmpDb();
  const pairs = [
    pair(SRC, TGT, [offline(null)]),
    pair('They had 3 boats.', 'Mayroon silang 5 bangka.', [offline(null)]),
  ];
  const first = await judgeStory(db, cfg, pairs);
  assert.equal(fake.counts.chat, 2);
  const second = await judgeStory(db, cfg, pairs);
  assert.equal(fake.counts.chat, 2, 'no second request');
  assert.equal(second.stats.llm!.cacheHits, 2);
  assert.equal(second.stats.llm!.requests, 0);
  assert.deepEqual(second.findings, first.findings);
  const row = db.prepare('SELECT model, kind, tokens FROM llm_cache LIMIT 1').get() as {
    model: string;
    kind: string;
    tokens: number;
  };
  assert.deepEqual([row.model, row.kind], ['fake-judge', 'chat']);
  assert.ok(row.tokens > 0);
});

test('unconfigured: no request, no findings, says so', async () => {
  const r = await judgeStory(null, unconfigured(), [pair(SRC, TGT, [offline(null)])]);
  assert.equal(r.stats.configured, false);
  assert.deepEqual([r.findings, r.adjustments], [[], []]);
  assert.match(judgeSummary(r.stats), /not configured/);
});

test('re-judging an adjusted flag starts from its offline confidence: no compounding', async () => {
  const { cfg } = await fakeEndpoint('good');
  const at = PREFIX.length + TGT.indexOf('42');
  const first = await judgeStory(null, cfg, [pair(SRC, TGT, [offline({ start: at, end: at + 2 })])]);
  const adjusted = first.adjustments[0]!.finding;
  const second = await judgeStory(null, cfg, [pair(SRC, TGT, [adjusted])]);
  assert.equal(second.adjustments[0]!.before, 0.6);
  assert.equal(second.adjustments[0]!.after, first.adjustments[0]!.after);
});

test('a base URL that is not http(s) is a usage error, not a silent failure per call', async () => {
  const cfg = unconfigured();
  cfg.llm.baseUrl = 'localhost:8080/v1';
  cfg.llm.model = 'm';
  await assert.rejects(judgeStory(null, cfg, []), /not an http\(s\) URL/);
});

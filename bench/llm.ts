// npm run bench:llm — the optional model layer.
// 1. Throughput against the fake OpenAI-compatible server (simulated latency per request) with
//    concurrency 1 / 4 / 8, cold and warm cache, for the judge and for embeddings.
// 2. Quality on a corrupted tl→en pair set (bench/llm-harness.ts): the offline detectors (detectStory,
//    whatever is registered on this branch), the fake server's rule judge (a plumbing check, NOT a model),
//    and — only when TAPAT_LLM_BASE_URL and TAPAT_LLM_MODEL are set — the real endpoint's judge.
// Writes bench/results/llm.json. The machine has 2 shared cores: timings are noisy.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../server/config.js';
import { openDb } from '../server/db/index.js';
import { createLlm } from '../server/llm/client.js';
import { embedTexts } from '../server/llm/embeddings.js';
import { judgeStory, type JudgePair, type JudgeStats } from '../server/llm/judge.js';
import { detectStory } from '../server/pipeline/detect/index.js';
import type { Lang, SegmentedDoc } from '../server/pipeline/types.js';
import { startFakeOpenAI } from '../testkit/fake-openai.js';
import { SHARED } from './paths.js';
import { corruptedPairs, type Corruption, type HarnessPair } from './llm-harness.js';

const DELAY_MS = 40; // simulated model latency of the fake server
const JUDGE_PAIRS = 96;
const HARNESS_PAIRS = 150;
const SEED = 7;
const work = mkdtempSync(join(tmpdir(), 'tapat-bench-llm-'));
let dbn = 0;
const freshDb = () => openDb(join(work, `b${dbn++}.db`));

function fakeConfig(baseUrl: string, concurrency: number): Config {
  const cfg = loadConfig(
    { TAPAT_LLM_BASE_URL: baseUrl, TAPAT_LLM_MODEL: 'fake-judge', TAPAT_EMBED_MODEL: 'fake-embed' },
    '/nonexistent',
  );
  cfg.llm.concurrency = concurrency;
  return cfg;
}

const toJudgePairs = (pairs: HarnessPair[]): JudgePair[] =>
  pairs.map((p) => ({ src: p.src, tgt: p.tgt, srcLang: 'tl', tgtLang: 'en', offlineFindings: [] }));

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t0), value };
}

async function throughput(): Promise<Record<string, unknown>> {
  const fake = await startFakeOpenAI({ mode: 'good', delayMs: DELAY_MS });
  const pairs = toJudgePairs(corruptedPairs(JUDGE_PAIRS, SEED + 1));
  const judge: Record<string, unknown>[] = [];
  for (const concurrency of [1, 4, 8]) {
    const cfg = fakeConfig(fake.baseUrl, concurrency);
    const db = freshDb();
    const before = fake.counts.chat;
    const cold = await timed(() => judgeStory(db, cfg, pairs, { all: true }));
    const sent = fake.counts.chat - before;
    const warm = await timed(() => judgeStory(db, cfg, pairs, { all: true }));
    judge.push({
      concurrency,
      pairs: pairs.length,
      cold: { ms: cold.ms, pairs_per_s: round((pairs.length / cold.ms) * 1000), requests: sent },
      warm: {
        ms: warm.ms,
        pairs_per_s: round((pairs.length / warm.ms) * 1000),
        requests: fake.counts.chat - before - sent,
        cache_hits: warm.value.stats.llm!.cacheHits,
      },
    });
    db.close();
  }
  const sentences = readFileSync(join(SHARED, 'data', 'parallel', 'flores200-dev.en'), 'utf8')
    .split('\n')
    .filter((s) => s.trim());
  const embeddings: Record<string, unknown>[] = [];
  for (const concurrency of [1, 4]) {
    const cfg = fakeConfig(fake.baseUrl, concurrency);
    const db = freshDb();
    const before = fake.counts.embeddings;
    const cold = await timed(() => embedTexts(db, cfg, sentences));
    const sent = fake.counts.embeddings - before;
    const warm = await timed(() => embedTexts(db, cfg, sentences));
    embeddings.push({
      concurrency,
      texts: sentences.length,
      cold: {
        ms: cold.ms,
        texts_per_s: round((sentences.length / cold.ms) * 1000),
        requests: sent,
        ok: cold.value !== null,
      },
      warm: {
        ms: warm.ms,
        texts_per_s: round((sentences.length / warm.ms) * 1000),
        requests: fake.counts.embeddings - before - sent,
      },
    });
    db.close();
  }
  await fake.close();
  return { fake_server_latency_ms: DELAY_MS, judge, embeddings };
}

const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

interface Scores {
  pairs: number;
  flagged: number;
  precision: number | null;
  recall: number;
  f1: number | null;
  recall_by_kind: Record<string, number>;
  false_positives_on_clean: number;
}

function score(harness: HarnessPair[], flagged: boolean[]): Scores {
  const corrupted = harness.map((p) => p.kind !== 'clean');
  const tp = flagged.filter((f, i) => f && corrupted[i]).length;
  const nFlagged = flagged.filter(Boolean).length;
  const nCorrupt = corrupted.filter(Boolean).length;
  const precision = nFlagged ? tp / nFlagged : null;
  const recall = tp / nCorrupt;
  const byKind: Record<string, number> = {};
  for (const k of ['number', 'negation', 'entity', 'truncation'] as Corruption[]) {
    const idx = harness.map((p, i) => (p.kind === k ? i : -1)).filter((i) => i >= 0);
    byKind[k] = round(idx.filter((i) => flagged[i]).length / idx.length, 3);
  }
  return {
    pairs: harness.length,
    flagged: nFlagged,
    precision: precision === null ? null : round(precision, 3),
    recall: round(recall, 3),
    f1:
      precision === null || precision + recall === 0 ? null : round((2 * precision * recall) / (precision + recall), 3),
    recall_by_kind: byKind,
    false_positives_on_clean: flagged.filter((f, i) => f && !corrupted[i]).length,
  };
}

function oneSentenceDoc(text: string, lang: Lang, path: string): SegmentedDoc {
  return {
    path,
    url: null,
    title: null,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: lang,
    text,
    lang,
    segments: [{ index: 0, start: 0, end: text.length, text, paragraph: 0, lang, boilerplate: false }],
  };
}

function offline(harness: HarnessPair[]): { scores: Record<string, unknown>; flagged: boolean[] } {
  let findings = 0;
  const flagged = harness.map((p) => {
    const placed = detectStory({
      versions: [
        { doc: oneSentenceDoc(p.src, 'tl', 'src.txt'), role: 'source', documentId: 1 },
        { doc: oneSentenceDoc(p.tgt, 'en', 'tgt.txt'), role: 'translation', documentId: 2 },
      ],
      pivot: 0,
      alignments: [null, [{ src: [0], tgt: [0], score: 1 }]],
      thresholds: {},
    });
    const acc = placed.filter((f) => f.finding.category.startsWith('accuracy/'));
    findings += acc.length;
    return acc.length > 0;
  });
  const note =
    findings === 0
      ? 'no findings at all: detectStory is still the stub on this branch (the detection branch has not landed)'
      : null;
  return { scores: { ...score(harness, flagged), findings, note }, flagged };
}

/** The judge alone, and the judge's flags added to the offline detectors' (what a configured audit gets). */
async function judged(
  harness: HarnessPair[],
  offlineFlagged: boolean[],
  cfg: Config,
  dbFile: string,
): Promise<Record<string, unknown>> {
  const db = openDb(dbFile);
  const client = createLlm(db, cfg);
  const r = await judgeStory(db, cfg, toJudgePairs(harness), { all: true, client });
  db.close();
  const flagged = harness.map((_, i) =>
    r.findings.some((f) => f.pairIndex === i && f.finding.category.startsWith('accuracy/')),
  );
  const s: JudgeStats = r.stats;
  return {
    ...score(harness, flagged),
    combined_with_offline: score(
      harness,
      flagged.map((f, i) => f || offlineFlagged[i]!),
    ),
    judged: s.judged,
    skipped: s.skipped,
    answers_discarded: s.answersDiscarded,
    spans_accepted: s.spansAccepted,
    spans_discarded: s.spansDiscarded,
    llm: s.llm,
  };
}

async function main(): Promise<void> {
  const harness = corruptedPairs(HARNESS_PAIRS, SEED);
  const speed = await throughput();
  const off = offline(harness);
  const fake = await startFakeOpenAI({ mode: 'good' });
  const fakeJudge = await judged(harness, off.flagged, fakeConfig(fake.baseUrl, 4), join(work, 'fake-judge.db'));
  await fake.close();
  const env = process.env;
  let real: Record<string, unknown> | null = null;
  if (env.TAPAT_LLM_BASE_URL && env.TAPAT_LLM_MODEL) {
    const cfg = loadConfig(env);
    real = { model: cfg.llm.model, ...(await judged(harness, off.flagged, cfg, join(work, 'real.db'))) };
  }
  const result = {
    command: 'npm run bench:llm',
    date: new Date().toISOString(),
    machine: '2 shared cores, other sessions running: timings are noisy',
    throughput: speed,
    quality: {
      harness: {
        source: 'FLORES-200 dev tl→en (../shared/data/parallel), English side corrupted',
        seed: SEED,
        pairs: harness.length,
        kinds: countKinds(harness),
        unit: 'pair flagged by ≥1 accuracy/* finding',
        caveat: 'dev data the offline detectors were tuned on: their figures here are optimistic',
      },
      offline_detectors: off.scores,
      fake_rule_judge: {
        note: "the fake server's rule-based stand-in, not a model: checks the judge plumbing end to end (prompt → spans → findings)",
        ...fakeJudge,
      },
      real_endpoint: real,
      real_endpoint_note: real
        ? null
        : 'no endpoint configured (TAPAT_LLM_BASE_URL / TAPAT_LLM_MODEL unset): no real-model figures',
    },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/llm.json', JSON.stringify(result, null, 2) + '\n');
  console.log(
    JSON.stringify(
      {
        throughput: speed,
        offline: result.quality.offline_detectors,
        fake_rule_judge: { precision: fakeJudge.precision, recall: fakeJudge.recall },
        real_endpoint: real,
      },
      null,
      2,
    ),
  );
  rmSync(work, { recursive: true, force: true });
}

function countKinds(h: HarnessPair[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const p of h) c[p.kind] = (c[p.kind] ?? 0) + 1;
  return c;
}

await main();

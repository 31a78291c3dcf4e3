import type { Db } from '../db/index.js';
import type { Config } from '../config.js';
import type { Finding, Lang, Severity, Span } from '../pipeline/types.js';
import { createLlm, type LlmClient } from './client.js';
import { judgeMessages, looksLikeInstructions } from './judge-prompt.js';
import {
  ANSWER_DISCARDS,
  SPAN_DISCARDS,
  parseAnswer,
  type AnswerDiscard,
  type JudgedSpan,
  type SpanDiscard,
} from './judge-parse.js';
import { FAILURES, statsLine, type FailureReason, type LlmStats } from './stats.js';

// The LLM judge: GEMBA-MQM-style error spans for the pairs worth a second opinion (flagged by offline
// detectors, or weakly aligned) — never the whole corpus by default. Its spans become findings of
// detector `llm-mqm`; its agreement or disagreement moves offline confidences, whose own raw scores stay untouched.

export const JUDGE_DETECTOR = 'llm-mqm';

export interface JudgePair {
  src: string;
  tgt: string;
  srcLang: Lang;
  tgtLang: Lang;
  /** Offline findings on this pair (spans in document offsets: `span` in the target, `otherSpan` in the source). */
  offlineFindings: Finding[];
  /** Where src / tgt start in their documents, so spans can be stored as document offsets (default 0). */
  srcStart?: number;
  tgtStart?: number;
  srcSegments?: number[];
  tgtSegments?: number[];
  /** The alignment score of the bead; pairs below `lowScore` are judged even without offline findings. */
  alignScore?: number;
}

export interface JudgeOptions {
  /** Share one client (budget, counters, cache) across calls; default: a new one from cfg. */
  client?: LlmClient | null;
  /** Judge every pair, not only flagged / weakly aligned ones. */
  all?: boolean;
  lowScore?: number;
}

export interface Adjustment {
  pairIndex: number;
  findingIndex: number;
  verdict: 'confirmed' | 'disputed';
  before: number;
  after: number;
  /** The offline finding with its new confidence and evidence.llm; rawScore unchanged. */
  finding: Finding;
}

export interface JudgeStats {
  configured: boolean;
  pairs: number;
  selected: number;
  judged: number; // answered with a valid answer (from the endpoint or the cache)
  skipped: Record<FailureReason, number>; // selected but not judged: no usable answer
  answersDiscarded: Record<AnswerDiscard, number>;
  spansAccepted: number;
  spansDiscarded: Record<SpanDiscard, number>;
  findings: number;
  raised: number;
  lowered: number;
  injectionSuspected: number;
  llm: LlmStats | null;
}

export interface JudgeResult {
  findings: { pairIndex: number; finding: Finding }[];
  adjustments: Adjustment[];
  /** Indexes of the pairs that got a valid answer (their earlier llm-mqm findings are superseded). */
  judgedPairs: number[];
  stats: JudgeStats;
}

const CONFIDENCE: Record<Severity, number> = { minor: 0.55, major: 0.7, critical: 0.8 };
const MQM_WEIGHT: Record<Severity, number> = { minor: 1, major: 5, critical: 25 }; // GEMBA-MQM penalties
/** How far one judge answer moves an offline confidence toward 1 (confirmed) or 0 (disputed). */
const PULL = 0.5;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyStats(pairs: number, llm: LlmStats | null): JudgeStats {
  return {
    configured: llm !== null,
    pairs,
    selected: 0,
    judged: 0,
    skipped: zeros(FAILURES),
    answersDiscarded: zeros(ANSWER_DISCARDS),
    spansAccepted: 0,
    spansDiscarded: zeros(SPAN_DISCARDS),
    findings: 0,
    raised: 0,
    lowered: 0,
    injectionSuspected: 0,
    llm,
  };
}

function isSelected(p: JudgePair, opts: JudgeOptions): boolean {
  if (!p.src.trim() || !p.tgt.trim()) return false; // null links: nothing to compare
  return (
    opts.all === true ||
    p.offlineFindings.length > 0 ||
    (p.alignScore !== undefined && p.alignScore < (opts.lowScore ?? 0.3))
  );
}

/** Judges the selected pairs; unconfigured → no findings, no adjustments, `configured: false`. Never throws for endpoint trouble. */
export async function judgeStory(
  db: Db | null,
  cfg: Config,
  pairs: JudgePair[],
  opts: JudgeOptions = {},
): Promise<JudgeResult> {
  const client = opts.client !== undefined ? opts.client : createLlm(db, cfg);
  const stats = emptyStats(pairs.length, client && client.settings.chatModel ? client.stats : null);
  const result: JudgeResult = { findings: [], adjustments: [], judgedPairs: [], stats };
  if (!client || !client.settings.chatModel) return result;
  const model = client.settings.chatModel;
  const selected = pairs.map((p, i) => ({ p, i })).filter(({ p }) => isSelected(p, opts));
  stats.selected = selected.length;
  await Promise.all(
    selected.map(async ({ p, i }) => {
      const messages = judgeMessages(p.src, p.tgt, p.srcLang, p.tgtLang);
      const r = await client.chat(messages, (content) => parseAnswer(content, p.src, p.tgt).ok);
      if (!r.ok) {
        stats.skipped[r.reason]++;
        return;
      }
      const parsed = parseAnswer(r.value, p.src, p.tgt);
      if (!parsed.ok) {
        stats.answersDiscarded[parsed.reason]++;
        return;
      }
      stats.judged++;
      result.judgedPairs.push(i);
      let spansDiscarded = 0;
      for (const d of SPAN_DISCARDS) {
        stats.spansDiscarded[d] += parsed.discarded[d];
        spansDiscarded += parsed.discarded[d];
      }
      stats.spansAccepted += parsed.spans.length;
      for (const s of parsed.spans) result.findings.push({ pairIndex: i, finding: toFinding(s, p, model) });
      const suspicious = looksLikeInstructions(p.src) || looksLikeInstructions(p.tgt);
      if (suspicious) stats.injectionSuspected++;
      p.offlineFindings.forEach((f, k) => {
        const verdict = verdictFor(f, p, parsed.spans, spansDiscarded, suspicious);
        if (verdict) result.adjustments.push(adjust(f, verdict, i, k, model, parsed.spans));
      });
    }),
  );
  // Stable order whatever order the answers arrived in.
  result.findings.sort((a, b) => a.pairIndex - b.pairIndex);
  result.adjustments.sort((a, b) => a.pairIndex - b.pairIndex || a.findingIndex - b.findingIndex);
  result.judgedPairs.sort((a, b) => a - b);
  stats.findings = result.findings.length;
  stats.raised = result.adjustments.filter((a) => a.after > a.before).length;
  stats.lowered = result.adjustments.filter((a) => a.after < a.before).length;
  return result;
}

function toFinding(s: JudgedSpan, p: JudgePair, model: string): Finding {
  const at = (start: number): Span => ({ start: start + s.start, end: start + s.end });
  const target = s.side === 'target';
  let message = `LLM judge: ${s.category} (${s.severity}) in the ${target ? 'translation' : 'source'}: "${clip(s.span, 80)}"`;
  if (s.correction) message += ` → "${clip(s.correction, 80)}"`;
  if (s.explanation) message += `. ${clip(s.explanation, 200)}`;
  return {
    detector: JUDGE_DETECTOR,
    category: s.category,
    severity: s.severity,
    confidence: CONFIDENCE[s.severity],
    rawScore: MQM_WEIGHT[s.severity],
    segments: p.tgtSegments ?? [],
    otherSegments: p.srcSegments ?? [],
    span: target ? at(p.tgtStart ?? 0) : null,
    otherSpan: target ? null : at(p.srcStart ?? 0),
    message,
    // Top-level strings identify a flag across re-runs (server/db/flags.ts fingerprints them); what varies
    // with the model or its wording sits one level down, so a new model or phrasing keeps the flag and its verdicts.
    evidence: {
      side: s.side,
      span: s.span,
      judge: { model, correction: s.correction, explanation: s.explanation, mqmWeight: MQM_WEIGHT[s.severity] },
    },
    // A suggestion replaces the flagged span of the translation; an omission has no span there to replace.
    suggestion: target ? s.correction : null,
  };
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Confirmed: the judge marks an overlapping span (or, for an offline finding without a span, an error of the
 * same top-level category). Disputed: a clean, complete "no errors" answer — unless the text looks like it
 * talks to the model, where "no errors" is exactly what an injection would ask for.
 */
function verdictFor(
  f: Finding,
  p: JudgePair,
  spans: JudgedSpan[],
  discarded: number,
  suspicious: boolean,
): 'confirmed' | 'disputed' | null {
  const rel = (s: Span | null, start = 0): Span | null => (s ? { start: s.start - start, end: s.end - start } : null);
  const tgtSpan = rel(f.span, p.tgtStart);
  const srcSpan = rel(f.otherSpan, p.srcStart);
  const confirmed = spans.some((s) => {
    if (tgtSpan && s.side === 'target' && overlaps(tgtSpan, s)) return true;
    if (srcSpan && s.side === 'source' && overlaps(srcSpan, s)) return true;
    return !tgtSpan && !srcSpan && s.category.split('/')[0] === f.category.split('/')[0];
  });
  if (confirmed) return 'confirmed';
  if (spans.length === 0 && discarded === 0 && !suspicious) return 'disputed';
  return null;
}

function adjust(
  f: Finding,
  verdict: 'confirmed' | 'disputed',
  pairIndex: number,
  findingIndex: number,
  model: string,
  spans: JudgedSpan[],
): Adjustment {
  // Re-judging an already adjusted flag starts again from its offline confidence: no compounding.
  const prior = (f.evidence.llm as { offlineConfidence?: unknown } | undefined)?.offlineConfidence;
  const before = typeof prior === 'number' ? prior : f.confidence;
  const after = verdict === 'confirmed' ? before + (1 - before) * PULL : before * (1 - PULL);
  const rounded = Math.round(after * 1000) / 1000;
  const llm = {
    verdict,
    model,
    offlineConfidence: before,
    spans: spans.map((s) => ({ side: s.side, span: s.span, category: s.category, severity: s.severity })),
  };
  return {
    pairIndex,
    findingIndex,
    verdict,
    before,
    after: rounded,
    finding: { ...f, confidence: rounded, evidence: { ...f.evidence, llm } },
  };
}

/** "judged 8 of 10 selected pairs (of 40): 3 findings, 2 raised, 1 lowered; skipped: timeout 2; discarded: ..." */
export function judgeSummary(s: JudgeStats): string {
  if (!s.configured) return 'LLM judge not configured: skipped (offline results only)';
  const list = (r: Record<string, number>): string =>
    Object.entries(r)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const parts = [
    `judged ${s.judged} of ${s.selected} selected pairs (of ${s.pairs}): ${s.findings} findings, ${s.raised} raised, ${s.lowered} lowered`,
  ];
  const skipped = list(s.skipped);
  if (skipped) parts.push(`skipped: ${skipped}`);
  const discarded = list({ ...s.answersDiscarded, ...s.spansDiscarded });
  if (discarded) parts.push(`discarded: ${discarded}`);
  if (s.injectionSuspected) parts.push(`instruction-like text in ${s.injectionSuspected} pairs`);
  if (s.llm) parts.push(statsLine(s.llm));
  return parts.join('; ');
}

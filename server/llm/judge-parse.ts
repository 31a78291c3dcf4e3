import { z } from 'zod';
import { CATEGORIES, type Category, type Severity } from '../pipeline/types.js';

// Validates a judge answer. Nothing the model says becomes a finding unless it fits the schema, names a
// known category and quotes a span that really occurs in the text; everything discarded is counted.

export const ANSWER_DISCARDS = ['malformed-json', 'schema'] as const; // the whole answer
export const SPAN_DISCARDS = ['invalid-span', 'unknown-category', 'span-not-found', 'duplicate'] as const; // one span
export type AnswerDiscard = (typeof ANSWER_DISCARDS)[number];
export type SpanDiscard = (typeof SPAN_DISCARDS)[number];

const AnswerSchema = z.object({ errors: z.array(z.unknown()).max(100) }).strict();
const SpanSchema = z.object({
  category: z.string(),
  severity: z.enum(['minor', 'major', 'critical']),
  side: z.enum(['source', 'target']),
  span: z.string().min(1).max(2000),
  correction: z.string().max(2000).nullable().optional(),
  explanation: z.string().max(4000).nullable().optional(),
});

export interface JudgedSpan {
  category: Category;
  severity: Severity;
  side: 'source' | 'target';
  span: string;
  start: number; // into that side's text
  end: number;
  correction: string | null;
  explanation: string;
}

export type ParsedAnswer =
  | { ok: true; spans: JudgedSpan[]; discarded: Record<SpanDiscard, number> }
  | { ok: false; reason: AnswerDiscard; message: string };

/** Models often wrap JSON in a ``` fence despite being told not to; that much is forgiven. */
function unfence(s: string): string {
  const m = /^\s*```[a-zA-Z]*\s*\n([\s\S]*?)\n?```\s*$/.exec(s);
  return (m ? m[1]! : s).trim();
}

export function parseAnswer(content: string, src: string, tgt: string): ParsedAnswer {
  let json: unknown;
  try {
    json = JSON.parse(unfence(content));
  } catch (e) {
    return { ok: false, reason: 'malformed-json', message: (e as Error).message };
  }
  const top = AnswerSchema.safeParse(json);
  if (!top.success)
    return { ok: false, reason: 'schema', message: top.error.issues[0]?.message ?? 'not the expected shape' };
  const discarded = Object.fromEntries(SPAN_DISCARDS.map((d) => [d, 0])) as Record<SpanDiscard, number>;
  const spans: JudgedSpan[] = [];
  const seen = new Set<string>();
  for (const item of top.data.errors) {
    const p = SpanSchema.safeParse(item);
    if (!p.success) {
      discarded['invalid-span']++;
      continue;
    }
    const e = p.data;
    if (!(CATEGORIES as readonly string[]).includes(e.category)) {
      discarded['unknown-category']++;
      continue;
    }
    const text = e.side === 'source' ? src : tgt;
    // Surrounding whitespace is never part of an error; the rest must be quoted exactly.
    const quoted = e.span.trim();
    if (!quoted) {
      discarded['invalid-span']++;
      continue;
    }
    const start = text.indexOf(quoted);
    if (start < 0) {
      discarded['span-not-found']++;
      continue;
    }
    const key = `${e.side}\u0000${start}\u0000${quoted.length}\u0000${e.category}`;
    if (seen.has(key)) {
      discarded.duplicate++;
      continue;
    }
    seen.add(key);
    const correction = e.correction?.trim() ? e.correction : null;
    spans.push({
      category: e.category as Category,
      severity: e.severity,
      side: e.side,
      span: quoted,
      start,
      end: start + quoted.length,
      correction: correction === quoted ? null : correction,
      explanation: (e.explanation ?? '').slice(0, 300),
    });
  }
  return { ok: true, spans, discarded };
}

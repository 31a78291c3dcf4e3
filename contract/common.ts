import { z } from 'zod';

// Shapes shared by the HTTP API and the JSONL records. The contract imports zod and nothing of ours, so the
// server, the commands and the web app (types only) can all depend on it.

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/**
 * An MQM-style category, "area/name" (accuracy/mistranslation, style/spin, source/boilerplate …). The records
 * accept the pattern; the closed list the detectors, the judge and the web app use is categories.ts.
 */
export const Category = z.string().regex(/^[a-z]+\/[a-z-]+$/, 'an MQM-style "area/name" category');
export type Category = z.infer<typeof Category>;

export const ROLES = ['source', 'translation', 'spin', 'unknown'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Lang = z.enum(['tl', 'en', 'other']);
export type Lang = z.infer<typeof Lang>;

export const DECISIONS = ['approve', 'reject', 'correct'] as const;
export const Decision = z.enum(DECISIONS);
export type Decision = z.infer<typeof Decision>;

/** Database ids and indexes. */
export const Id = z.number().int().positive();
export const Index = z.number().int().nonnegative();
/** A JavaScript string index (UTF-16 code units) into a document's decoded text. */
export const Offset = z.number().int().nonnegative();
export const Confidence = z.number().min(0).max(1);
/** A timestamp as stored (ISO 8601). */
export const Timestamp = z.string().min(1);

/** A character span [start, end) into one input. */
export const Span = z.strictObject({ start: Offset, end: Offset });
export type Span = z.infer<typeof Span>;

/** A detector's figures behind a finding: free-form, each detector its own keys. */
export const Evidence = z.record(z.string(), z.unknown());

import type { FlagWithVerdict } from './model.js';

/** One line describing a flag and its current verdict, for TMX/XLIFF notes and CSV cells. */
export function flagNote(f: FlagWithVerdict): string {
  const verdict = f.verdict
    ? `; verdict: ${f.verdict.action}${f.verdict.text !== null ? ` "${f.verdict.text}"` : ''}`
    : '; no verdict';
  const suggestion = f.suggestion !== null ? `; suggestion: "${f.suggestion}"` : '';
  return `${f.detector} [${f.category}, ${f.severity}] ${f.message}${suggestion}${verdict}`;
}

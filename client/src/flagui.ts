import { h } from './dom.js';
import type { Flag } from './types.js';

// Small pieces of flag display shared by the audit view and the queue.

export type Action = 'approve' | 'reject' | 'correct' | 'undo';
export const PAST: Record<Action, string> = {
  approve: 'approved',
  reject: 'rejected',
  correct: 'corrected',
  undo: 'undone',
};

export const SEVERITY_LABEL = { critical: 'critical', major: 'major', minor: 'minor' } as const;

export function stateOf(f: Flag): 'pending' | 'approved' | 'rejected' | 'corrected' | 'stale' {
  if (f.decision)
    return f.decision.action === 'approve' ? 'approved' : f.decision.action === 'reject' ? 'rejected' : 'corrected';
  return f.status === 'stale' ? 'stale' : 'pending';
}

export function stateBadge(f: Flag): HTMLElement {
  const s = stateOf(f);
  return h('span', { class: `state state-${s}` }, s);
}

export function severityBadge(f: Flag): HTMLElement {
  return h('span', { class: `sev sev-${f.severity}` }, SEVERITY_LABEL[f.severity]);
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The flagged words themselves, when the flag names a span. */
export const spanText = (f: Flag): string | null =>
  f.start === null || f.end === null || f.excerpt_start === null
    ? null
    : f.excerpt.slice(f.start - f.excerpt_start, f.end - f.excerpt_start) || null;

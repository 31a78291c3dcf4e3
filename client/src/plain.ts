import type { Flag } from './types.js';

// What the reviewer reads. Detector messages carry the figures behind a finding ("length ratio 0.96,
// z = -1.7", "similarity 0.42"): useful evidence, but not a sentence a reviewer acts on. The figures are
// taken out of the message and shown under "Figures" with the flag's evidence instead.

const FIGURES = [
  /\s*\((?:length ratio|similarity|coverage|z =)[^)]*\)/g, // "(length ratio 0.96, z = -1.7)", "(similarity 0.42)", "(coverage 35%)"
  / for [a-z]{2}→[a-z]{2}\b/g, // "for en→tl": the pair's languages are on screen already
];

export function plainMessage(message: string): string {
  let s = message;
  for (const re of FIGURES) s = s.replace(re, '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** True when the message had figures taken out, so the detail offers them under "Figures". */
export const hasFigures = (message: string): boolean =>
  plainMessage(message) !== message.charAt(0).toUpperCase() + message.slice(1);

/** A finding about whole articles (no sentence, no span): there is no text to correct in place. */
export const wholeArticle = (f: Flag): boolean => f.segments.length === 0 && f.start === null;

export const MEANING = {
  approve: 'The flag is right; apply its suggestion',
  approveNone: 'The flag is right; apply its suggestion (this one has none: the finding is confirmed for fixing)',
  reject: 'The flag is wrong; keep the text as it is',
  correct: 'The flag is right; write the fix yourself',
} as const;

import { frequencyRank } from '../../../lang/word-ranks.js';
import { matchCase, type SpinFinding } from './finding.js';
import { tokenize, type Token } from './tokens.js';

// Spelling and punctuation variants: what spinners add so that no sentence of the copy stays byte-identical
// to its source ("offline" → "off-line", "and" → "&", a full stop dropped). None changes a claim, and none is
// a synonym swap, so the synonym evidence of the other spin detectors never sees them. What does show:
// - a full stop dropped between two sentences leaves a sentence-opening word capitalised mid-sentence
//   ("… won the match He said …"), or a long prose paragraph ending with no stop;
// - "&" between two lowercase words, where prose writes "and" (names keep theirs: "Johnson & Johnson");
// - "on-line", "off-line", "web-site": hyphenated forms of words written closed;
// - a word in an s/z form no one writes ("advertize": 202,613th in the word ranks, "advertise" 13,181st).
// Each is evidence on its own (no document gate). British and American spellings mixed in one text were
// tried and left out: multi-author clean texts (TICO-19's health documents, FLORES's wiki articles) mix them.

// Words that open sentences and are not capitalised inside one (titles aside: a capitalised next word, as
// in "The New York Times", is passed over)
const OPENERS = new Set(
  `The He She It They We This These Those There But However In On At After When While His Her Their Its
  According Although Meanwhile If As Since During Some Many Most Both Other Several Yet Still Instead Later
  Earlier Then Now Today All Everyone Everybody Nobody Without With For From To Thanks Not No So What Why How
  Where Who Which You Your My Our Each Every Any Another Officials Police Just Also Even Such Only`.split(/\s+/),
);

// closed words whose hyphenated form is an old or a spinner's spelling ("e-mail", "health-care" are still
// written by careful writers, and multi-author texts such as TICO-19's mix both: not flagged)
const CLOSED = new Set(['online', 'offline', 'website', 'websites']);

/** An s/z form this rare next to a common other form is a spinner's, not a writer's. */
const NO_ONES_RANK = 100_000;
const COMMON_RANK = 30_000;
/** Words since the last stop before a run-on counts: a heading run into its text is short, a sentence is not. */
const SENTENCE_WORDS = 6;
/** Words a paragraph needs before its end without a stop counts as a dropped one. */
const PARAGRAPH_WORDS = 15;

const isLowerWord = (t: Token | undefined): t is Token => !!t && t.word && /^\p{Ll}/u.test(t.text);
const gapIsSpace = (text: string, a: Token, b: Token): boolean => /^[ \t]+$/.test(text.slice(a.end, b.start));

function finding(t: Token, suggestion: string, confidence: number): SpinFinding {
  return { start: t.start, end: t.end, text: t.text, kind: 'spin', suggestion, confidence, detector: 'spin-spelling' };
}

function sentenceWords(toks: readonly Token[], i: number): number {
  let n = 0;
  for (let k = i; k >= 0 && !/^[.!?:;]$/.test((toks[k] as Token).text); k--) if ((toks[k] as Token).word) n++;
  return n;
}

/** The word at i, a space, then a sentence opener that goes on in lowercase, in a sentence long enough. */
function runOn(text: string, toks: readonly Token[], i: number): boolean {
  const t = toks[i] as Token;
  const next = toks[i + 1];
  const after = toks[i + 2];
  return (
    !!next &&
    OPENERS.has(next.text) &&
    /^[\p{Ll}\p{N}][\p{Ll}\p{N}'’-]*$/u.test(t.text) &&
    gapIsSpace(text, t, next) &&
    isLowerWord(after) &&
    gapIsSpace(text, next, after) &&
    sentenceWords(toks, i) >= SENTENCE_WORDS
  );
}

/**
 * Whether the word at i ends a prose paragraph with no closing punctuation: a line break follows, the
 * paragraph is long and has sentence stops of its own (headings, captions and list items have none), and the
 * next paragraph opens with a capital.
 */
function paragraphEndsWithoutStop(text: string, toks: readonly Token[], i: number): boolean {
  const t = toks[i] as Token;
  const next = toks[i + 1];
  if (!next) return false;
  const gap = text.slice(t.end, next.start);
  if (!/\n/.test(gap) || /\S/.test(gap) || !/^\p{Lu}/u.test(next.text) || !/^\p{Ll}+$/u.test(t.text)) return false;
  if (toks[i - 1]?.text === '#') return false; // a hashtag closes many a social-media paragraph
  let words = 0;
  let stops = 0;
  for (let k = i; k >= 0; k--) {
    const p = toks[k] as Token;
    if (k < i && /\n/.test(text.slice(p.end, (toks[k + 1] as Token).start))) break;
    if (p.word) words++;
    else if (/^[.!?]$/.test(p.text)) stops++;
  }
  return words >= PARAGRAPH_WORDS && stops > 0;
}

/** An s/z form no one writes beside a common other form ("advertize" → "advertise"), or null. */
function usedForm(lower: string): string | null {
  const m = /^(\p{L}{4,})i([sz])(e|es|ed|ing|ation|ations)$/u.exec(lower);
  if (!m || frequencyRank(lower) < NO_ONES_RANK) return null;
  const [, stem, sz, end] = m as unknown as [string, string, string, string];
  const other = `${stem}i${sz === 's' ? 'z' : 's'}${end}`;
  return frequencyRank(other) <= COMMON_RANK ? other : null;
}

export function spellingFindings(text: string): SpinFinding[] {
  const toks = tokenize(text);
  const out: SpinFinding[] = [];
  toks.forEach((t, i) => {
    if (!t.word) {
      const prev = toks[i - 1];
      if (t.text === '&' && isLowerWord(prev) && isLowerWord(toks[i + 1]) && gapIsSpace(text, prev, t))
        out.push(finding(t, 'and', 0.7));
      return;
    }
    // a dropped full stop: the finding is on the word before the gap, its suggestion that word with its stop
    if (runOn(text, toks, i)) out.push(finding(t, `${t.text}.`, 0.6));
    else if (paragraphEndsWithoutStop(text, toks, i)) out.push(finding(t, `${t.text}.`, 0.5));
    // a capitalised word keeps its own spelling: a name, or a heading's first word
    if (/^\p{Lu}/u.test(t.text)) return;
    const lower = t.text.toLowerCase();
    if (lower.includes('-')) {
      const joined = lower.replace(/-/g, '');
      if (CLOSED.has(joined)) out.push(finding(t, matchCase(t.text, joined), 0.6));
      return;
    }
    const other = usedForm(lower);
    if (other) out.push(finding(t, matchCase(t.text, other), 0.7));
  });
  return out;
}

import { formOf, inflect } from '../../../lang/wordnet/inflect.js';
import { lemmaSynsets, lookup, senseCount } from '../../../lang/wordnet/index.js';
import { matchCase, type SpinFinding } from './finding.js';
import { contextCandidate, spunPhraseAt } from './context.js';
import { frequencyRank } from '../../../lang/word-ranks.js';
import { LIGHT, STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './tokens.js';
import { MemoFamily } from '../../../memo.js';
import { resource, use } from '../../../core/resources.js';

// Sense-blind WordNet spinners (the open-source kind) put a random lemma of a random synset in a word's
// place, so spun text is full of rare words that have a common synset-mate: "tiny" → "midget",
// "detection" → "sleuthing". Clean prose has such words too, so a word is only flagged in a text where they
// are dense: the document-level gate keeps clean text quiet.

export interface RareThresholds {
  /** a candidate's frequency rank must be at least this (rarer) */
  minRank: number;
  /** and at least this many times its most common synset-mate's rank */
  minRatio: number;
  /** evidence per 100 content words from which a text counts as spun: distinct candidate words count 1,
   * and every candidate and every context misfit (context.ts) half more */
  gateDensity: number;
  /** and at least this many distinct candidate words */
  gateMin: number;
  /** a multiword lemma in the text is a candidate when it has no SemCor use and a single-word mate this common */
  multiwordMateRank: number;
  /** once a text counts as spun, words from this rank on (with the same ratio) are flagged too */
  spunTextRank: number;
  /** ... and words a synset-mate fits better in context: the mate pairs with the neighbours in WordNet's
   * glosses at least this many times */
  contextPairs: number;
  /** ... and this many times more often than the word itself (plus one) */
  contextRatio: number;
}

type WordCandidate = { suggestion: string; ratio: number; own: number } | null;

// Both tests are pure functions of the word (or phrase) and the thresholds; a batch asks them of the same
// words in every document.
const MULTIWORD_MEMO_MEMO = resource(
  'spin multiword candidates (memo)',
  () => new MemoFamily<string, WordCandidate>(200_000),
);
const CANDIDATE_MEMO_MEMO = resource(
  'spin word candidates (memo)',
  () => new MemoFamily<string, WordCandidate>(200_000),
);

function multiwordCandidate(phrase: string, th: RareThresholds): WordCandidate {
  return use(MULTIWORD_MEMO_MEMO)
    .table(`${th.multiwordMateRank} ${th.minRatio} ${th.minRank}`)
    .get(phrase, () => multiwordCandidateOf(phrase, th));
}

function multiwordCandidateOf(phrase: string, th: RareThresholds): WordCandidate {
  const hits = lookup(phrase);
  if (hits.length === 0 || hits.some((h) => senseCount(h.lemma) > 0)) return null;
  let best: { form: string; rank: number } | null = null;
  for (const h of hits) {
    const f = formOf(phrase, h.lemma, h.pos) ?? 'base';
    for (const s of lemmaSynsets(h.lemma, h.pos)) {
      for (const w of s.words) {
        if (w.includes('_')) continue;
        const inflected = inflect(w, f, h.pos);
        const rank = frequencyRank(inflected);
        if (!best || rank < best.rank) best = { form: inflected, rank };
      }
    }
  }
  if (!best || best.rank > th.multiwordMateRank) return null;
  return { suggestion: best.form, ratio: th.minRatio, own: th.minRank };
}

interface Candidate {
  start: number;
  end: number;
  suggestion: string;
  ratio: number;
  own: number; // frequency rank of the flagged words
}

/** British and American spellings of one word (metre/meter, realise/realize) are not a swap. */
function spellingVariant(a: string, b: string): boolean {
  const fold = (x: string): string =>
    x
      .replace(/[_ -]/g, '')
      .replace(/our/g, 'or')
      .replace(/re\b/g, 'er')
      .replace(/is(e|ing|ation)/g, 'iz$1')
      .replace(/ll/g, 'l');
  return fold(a) === fold(b);
}

function candidateFor(form: string, th: RareThresholds): WordCandidate {
  return use(CANDIDATE_MEMO_MEMO)
    .table(`${th.minRank} ${th.spunTextRank} ${th.minRatio}`)
    .get(form, () => candidateOf(form, th));
}

function candidateOf(form: string, th: RareThresholds): WordCandidate {
  const own = frequencyRank(form);
  if (own < Math.min(th.minRank, th.spunTextRank)) return null;
  const hits = lookup(form);
  let best: { form: string; rank: number } | null = null;
  for (const h of hits) {
    const f = formOf(form, h.lemma, h.pos) ?? 'base';
    for (const s of lemmaSynsets(h.lemma, h.pos)) {
      for (const w of s.words) {
        // a phrase's frequency is not its rarest word's: only single-word mates can be ranked fairly
        if (w === h.lemma || w.includes('_')) continue;
        const inflected = inflect(w, f, h.pos);
        const rank = frequencyRank(inflected);
        if (!best || rank < best.rank) best = { form: inflected, rank };
      }
    }
  }
  if (!best || own / best.rank < th.minRatio || spellingVariant(form, best.form)) return null;
  return { suggestion: best.form, ratio: own / best.rank, own };
}

function multiwordAt(
  toks: readonly Token[],
  i: number,
  text: string,
  th: RareThresholds,
): { cand: Candidate; words: number } | null {
  for (const n of [3, 2]) {
    const ws = toks.slice(i, i + n);
    if (ws.length < n) continue;
    if (
      !ws.every(
        (t, j) =>
          /^[a-z]+$/i.test(t.text) &&
          (j === 0 || /^[a-z]+$/.test(t.text)) &&
          !STOPWORDS.has(t.text.toLowerCase()) &&
          !LIGHT.has(t.text.toLowerCase()),
      )
    )
      continue;
    if (ws.some((t, j) => j > 0 && text.slice((ws[j - 1] as Token).end, t.start) !== ' ')) continue;
    const phrase = ws.map((t) => t.text.toLowerCase()).join(' ');
    const c = multiwordCandidate(phrase, th);
    if (c) return { cand: { start: (ws[0] as Token).start, end: (ws[n - 1] as Token).end, ...c }, words: n };
  }
  return null;
}

function neighbour(toks: readonly Token[], i: number): string | null {
  const t = toks[i];
  return t && t.word ? t.text.toLowerCase() : null;
}

export function rareFindings(text: string, th: RareThresholds): SpinFinding[] {
  const toks = tokenize(text);
  const cands: Candidate[] = [];
  const rest: number[] = []; // content words without a rarity candidate: the context test's, once the text is spun
  let content = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (!t.word || !/^[A-Za-z]+$/.test(t.text) || t.text.length < 3) continue;
    const lower = t.text.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    content++;
    const prev = toks[i - 1];
    const sentenceStart = !prev || /[.!?"“:]/.test(prev.text);
    if (/^[A-Z]/.test(t.text) && !sentenceStart) continue; // names
    const multi = multiwordAt(toks, i, text, th);
    if (multi) {
      cands.push(multi.cand);
      content += multi.words - 1;
      i += multi.words - 1;
      continue;
    }
    const c = candidateFor(lower, th);
    if (c) cands.push({ start: t.start, end: t.end, ...c });
    else rest.push(i);
  }
  const strong = cands.filter((c) => c.own >= th.minRank && c.ratio >= th.minRatio);
  const distinct = new Set(strong.map((c) => text.slice(c.start, c.end).toLowerCase())).size;
  if (distinct < th.gateMin) return [];
  // a spun text shows both kinds of evidence densely: rare words with common mates, and words their
  // neighbours would rather have a synonym for
  const misfits = new Map<number, Candidate>();
  for (const i of rest) {
    const t = toks[i] as Token;
    const c = contextCandidate(
      t.text.toLowerCase(),
      neighbour(toks, i - 1),
      neighbour(toks, i + 1),
      th.contextPairs,
      th.contextRatio,
    );
    if (c)
      misfits.set(i, {
        start: t.start,
        end: t.end,
        suggestion: c.suggestion,
        ratio: c.ratio,
        own: frequencyRank(t.text),
      });
  }
  if (((distinct + (strong.length + misfits.size) / 2) * 100) / Math.max(1, content) < th.gateDensity) return [];
  let covered = -1;
  for (const i of rest) {
    if (i <= covered) continue;
    const phrase = spunPhraseAt(toks, i, text, th.multiwordMateRank);
    if (phrase) {
      cands.push({
        start: phrase.start,
        end: phrase.end,
        suggestion: phrase.suggestion,
        ratio: th.minRatio,
        own: th.minRank,
      });
      covered = i + phrase.words - 1;
      continue;
    }
    const m = misfits.get(i);
    if (m && !STOPWORDS.has(m.suggestion)) cands.push(m);
  }
  return cands.map((c) => {
    const span = text.slice(c.start, c.end);
    return {
      start: c.start,
      end: c.end,
      text: span,
      kind: 'spin',
      suggestion: matchCase(span, c.suggestion),
      confidence: Math.min(0.85, 0.5 + 0.05 * Math.log2(c.ratio)),
      detector: 'spin-rare',
    };
  });
}

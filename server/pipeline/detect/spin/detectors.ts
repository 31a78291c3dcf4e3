import { UsageError } from '../../../errors.js';
import type { Finding, Segment, Severity } from '../../types.js';
import type { SpinContext, SpinDetector, TextExample } from '../types.js';
import { collocationFindings } from './collocation.js';
import { contextFindings } from './contextual.js';
import { resolveOverlaps, type SpinFinding } from './finding.js';
import { lexiconFindings } from './fingerprint.js';
import { originalFindings } from './original.js';
import { rareFindings } from './rare.js';
import { nameFindings } from './names.js';
import { pairFindings } from './pairs.js';
import { MemoFamily } from '../../../memo.js';

// The spin detectors (explicit registry). With an original: the word diff (spin-diff). Without:
// fingerprints, tortured phrases, rare synonyms (WordNet spinners), collocation reconstruction. detectSpin() is the plain-text entry point
// used by `tapat spin`; the SpinDetector wrappers place the same findings on segments for audits.


const LEXICON_DEFAULTS = { weakGateDensity: 4, weakGateMin: 3 };
const COLLOCATION_DEFAULTS = { minTagCount: 1 };
// chosen on Tatoeba and UD English spun by the bench spinner (bench/spin-tune.ts; not a bench corpus): clean
// text stays under 1 flag per 1,000 words
// the model's probability cut and the document gate, chosen on the same tuning set (bench/spin-train.ts
// trains the model; bench/spin-tune.ts scores thresholds)
// Lowered from 0.3 / 0.12 / 0.14 (chosen on Tatoeba + UD spun by the bench spinner) on the tuning part of
// bench/spin-free.ts: thesaurus spinners (mythes, aiksaurus) leave texts whose mean is 0.09-0.12, which the
// old gate kept shut (F1 0.29 / 0.11 on tuning news; 0.42 / 0.27 with these, clean news 0.9 flags per
// 1,000 words). In a spun text a unit at probability 0.25 is right often enough to raise F1.
const CONTEXT_DEFAULTS = { minProbability: 0.25, gateMean: 0.08, gateAlone: 0.09 };
// chosen on the tuning part of bench/spin-free.ts (zoo-spun news and Tatoeba/UD): flags this far above the
// word's own pair strength are right about 4 times in 10 in spun text, which raises F1 there
const PAIR_DEFAULTS = { minGain: 4 };
const RARE_DEFAULTS = { minRank: 20000, minRatio: 5, gateDensity: 9, gateMin: 2, multiwordMateRank: 5000, spunTextRank: 10000, contextPairs: 2, contextRatio: 10 };

export interface DetectSpinOptions {
  original?: string | null;
  thresholds?: Record<string, Record<string, number>>;
}

/** Config thresholds for the spin detectors: only the keys each detector declares (a misspelt key is refused). */
export function checkSpinThresholds(all: Record<string, Record<string, number>>): void {
  for (const d of spinDetectors) {
    for (const key of Object.keys(all[d.id] ?? {})) {
      if (!(key in d.thresholds)) throw new UsageError(`config thresholds.${d.id}.${key}: unknown key (known: ${Object.keys(d.thresholds).join(', ')})`);
    }
  }
}

/** A detector's parameters: its defaults, overridden by the configured keys it declares (and no others). */
function params<T extends Record<string, number>>(defaults: T, over: Record<string, number> | undefined): T {
  const out: Record<string, number> = {};
  for (const k of Object.keys(defaults)) out[k] = over && k in over ? (over[k] as number) : (defaults[k] as number);
  return out as T;
}

// The same document is read by several callers with the same parameters (the batch's role reading, then
// each no-original detector of the audit): one pass serves them all.
const spinPasses = new MemoFamily<string, SpinFinding[]>(32);

/** All spin findings for a text, non-overlapping, in text order. */
export function detectSpin(text: string, opts: DetectSpinOptions = {}): SpinFinding[] {
  if (opts.original != null) return originalFindings(text, opts.original);
  const th = opts.thresholds ?? {};
  const rareTh = params(RARE_DEFAULTS, th['spin-rare']);
  const ctxTh = params(CONTEXT_DEFAULTS, th['spin-context']);
  const lexTh = params(LEXICON_DEFAULTS, th['spin-fingerprint']);
  const collocTh = params(COLLOCATION_DEFAULTS, th['spin-collocation']);
  const pairTh = params(PAIR_DEFAULTS, th['spin-pairs']);
  return spinPasses
    .table(JSON.stringify([rareTh, ctxTh, lexTh, collocTh, pairTh]))
    .get(text, () => {
      // weak fingerprints open on the fingerprint evidence alone: they describe the thesaurus spinners, and a
      // WordNet spinner's rare words say nothing about whether "army" was "military"
      const lex = lexiconFindings(text, lexTh);
      const model = contextFindings(text, ctxTh);
      // the document gate: the model's mean, backed by the rare-word findings or a strong fingerprint, or high
      // enough on its own. Both kinds of word-level evidence are shown only in a text that passes, so below
      // gateMean (most clean text) the rare-word pass is not run at all.
      const rareAll = model.mean >= ctxTh.gateMean ? rareFindings(text, rareTh) : [];
      const spun = model.mean >= ctxTh.gateAlone || (model.mean >= ctxTh.gateMean && (rareAll.length > 0 || lex.some((f) => f.confidence >= 0.9)));
      const rare = spun ? rareAll : [];
      const context = spun ? model.findings : [];
      // a reconstructed collocation is only a guess in clean prose ("first year" is not a spun "first class"):
      // it is offered in text already shown to be spun
      const colloc = spun || lex.some((f) => f.confidence >= 0.9) ? collocationFindings(text, collocTh) : [];
      const pairs = spun ? pairFindings(text, pairTh) : [];
      return resolveOverlaps([...lex, ...colloc, ...rare, ...context, ...pairs, ...nameFindings(text)]);
    })
    .slice();
}

function segmentsOf(segs: Segment[], start: number, end: number): number[] {
  return segs.filter((s) => s.start < Math.max(end, start + 1) && start < s.end).map((s) => s.index);
}

function toFinding(ctx: SpinContext, f: SpinFinding, severity: Severity): Finding {
  return {
    detector: f.detector,
    category: f.kind === 'meaning' ? 'accuracy/mistranslation' : 'style/spin',
    severity: f.kind === 'meaning' ? 'major' : severity,
    confidence: f.confidence,
    rawScore: f.confidence,
    segments: segmentsOf(ctx.doc.segments, f.start, f.end),
    otherSegments: [],
    span: { start: f.start, end: f.end },
    otherSpan: null,
    message:
      f.kind === 'meaning'
        ? `changed from the original: "${f.text}" (was "${f.suggestion ?? ''}")`
        : `spun wording "${f.text}"${f.suggestion !== null ? ` (likely "${f.suggestion}")` : ''}`,
    evidence: { kind: f.kind, text: f.text },
    suggestion: f.suggestion,
  };
}

function wrap(
  base: Omit<SpinDetector, 'run' | 'scope'>,
  find: (ctx: SpinContext) => SpinFinding[],
): SpinDetector {
  return {
    ...base,
    scope: 'spin',
    run: (ctx) => find(ctx).filter((f) => f.confidence >= (ctx.thresholds.minConfidence ?? base.thresholds.minConfidence ?? 0)).map((f) => toFinding(ctx, f, base.defaultSeverity)),
  };
}

const noOriginal = (ctx: SpinContext, id: string): SpinFinding[] =>
  ctx.original ? [] : detectSpin(ctx.doc.text, { thresholds: { [id]: ctx.thresholds } }).filter((f) => f.detector === id);

const ex = (text: string, note?: string, original?: string): TextExample => ({ text, ...(note ? { note } : {}), ...(original ? { original } : {}) });

export const spinDetectors: SpinDetector[] = [
  wrap(
    {
      id: 'spin-diff',
      name: 'Spin against the original',
      description: 'Word diff of a spun copy against its original; each change judged spin (synonym swap) or meaning change.',
      category: 'style/spin',
      defaultSeverity: 'minor',
      thresholds: { minConfidence: 0 },
      examples: {
        pass: [ex('Putin arrived on Wednesday.', 'identical', 'Putin arrived on Wednesday.')],
        fail: [ex('Putin made his first go to in 24 years.', 'visit → go to', 'Putin made his first visit in 24 years.')],
      },
    },
    (ctx) => (ctx.original ? originalFindings(ctx.doc.text, ctx.original.text) : []),
  ),
  wrap(
    {
      id: 'spin-fingerprint',
      name: 'Spinner fingerprints',
      description: 'Known article-spinner substitutions (data/spin/fingerprints.tsv), weak ones only in evidently spun text.',
      category: 'style/spin',
      defaultSeverity: 'minor',
      thresholds: { minConfidence: 0, ...LEXICON_DEFAULTS },
      examples: {
        pass: [ex('The president arrived on Wednesday morning (local time) for a visit.')],
        fail: [ex('The president arrived on Wednesday morning (native time) for a press convention.')],
      },
    },
    (ctx) => noOriginal(ctx, 'spin-fingerprint'),
  ),
  wrap(
    {
      id: 'spin-tortured',
      name: 'Tortured phrases',
      description: 'Phrases from the Problematic Paper Screener list ("counterfeit consciousness" for "artificial intelligence").',
      category: 'style/spin',
      defaultSeverity: 'minor',
      thresholds: { minConfidence: 0 },
      examples: {
        pass: [ex('The model uses artificial intelligence and deep learning.')],
        fail: [ex('The model uses counterfeit consciousness and profound learning.')],
      },
    },
    (ctx) => noOriginal(ctx, 'spin-tortured'),
  ),
  wrap(
    {
      id: 'spin-collocation',
      name: 'Collocation reconstruction',
      description: 'In evidently spun text, a word pair one WordNet synonym away from a known multiword expression.',
      category: 'style/spin',
      defaultSeverity: 'minor',
      thresholds: { minConfidence: 0, ...COLLOCATION_DEFAULTS },
      examples: {
        pass: [ex('The prime minister spoke at a news conference.')],
        fail: [
          ex(
            'On his first go to, in native time, the prime minister spoke at a word conference.',
            'news → word (a sense-blind synonym); offered only in text already shown to be spun',
          ),
        ],
      },
    },
    (ctx) => noOriginal(ctx, 'spin-collocation'),
  ),
  wrap(
    {
      id: 'spin-rare',
      name: 'Unused synonyms',
      description: 'Rare words with a common WordNet synset-mate, and (once the text looks spun) words whose synset-mate fits the neighbours far better in WordNet\'s glosses, and spun phrasal lemmas.',
      category: 'style/spin',
      defaultSeverity: 'minor',
      thresholds: { minConfidence: 0, ...RARE_DEFAULTS },
      examples: {
        pass: [ex('Researchers say this may bring early detection of cancer to patients in poor countries, using a tiny printable chip that costs one cent.')],
        fail: [ex('Researchers say this may bring betimes sleuthing of cancer to patients in poor countries, using a midget printable chip that costs one centime. Every soul has a right to care.', 'soul → person: its neighbours pair with the mate in the glosses')],
      },
    },
    (ctx) => noOriginal(ctx, 'spin-rare'),
  ),
  wrap(
    {
      id: 'spin-names',
      name: 'Names made common nouns',
      description: 'A lowercase word whose WordNet synset-mate is a name written elsewhere in the text: a sense-blind spinner\'s version of that name ("Derby" → "bowler").',
      category: 'style/spin',
      defaultSeverity: 'minor',
      thresholds: { minConfidence: 0 },
      examples: {
        pass: [ex('The fans of Derby sang all night, and the fans of Leeds cheered.')],
        fail: [ex('Derby County lost again. The fans of Derby sang, and the manager of bowler County resigned.', 'Derby → bowler (derby, bowler: one synset, the hat), next to the rest of the name')],
      },
    },
    (ctx) => noOriginal(ctx, 'spin-names'),
  ),
  wrap(
    {
      id: 'spin-pairs',
      name: 'Broken word pairs',
      description: 'In evidently spun text, a word whose neighbours go far better with one of its WordNet synset-mates (web-scale word-pair counts, data/spin/bigrams.tsv).',
      category: 'style/spin',
      defaultSeverity: 'minor',
      thresholds: { minConfidence: 0, ...PAIR_DEFAULTS },
      examples: {
        pass: [ex('Nadal won 88% of net points in the match, winning 76 points on his first serve. After the match, he said he was happy to be back in the final rounds of the most important events. Lighting is a big part of the concept.')],
        fail: [ex('Nadal bagged 88% net points in the tally making headway 76 points in the first serve. After the peer, he aforesaid he was felicitous to be back in the final troll of the most crucial outcome. Lighting is a big melody in the concept.', 'tune → melody: "big tune" is a frequent pair, "big melody" is not (mythes-spun news, tuning part)')],
      },
    },
    (ctx) => noOriginal(ctx, 'spin-pairs'),
  ),
  wrap(
    {
      id: 'spin-context',
      name: 'Synonyms that do not fit',
      description: 'Words a sense-blind spinner likely wrote for a WordNet synset-mate that fits the neighbours better (English word vectors) and is more common: a trained model per word, gated by how spun the whole text looks.',
      category: 'style/spin',
      defaultSeverity: 'minor',
      thresholds: { minConfidence: 0, ...CONTEXT_DEFAULTS },
      examples: {
        pass: [ex('Nadal won 88% of net points in the match, winning 76 points on his first serve. After the match, he said he was happy to be back in the final rounds of the most important events.')],
        fail: [ex('Nadal bagged 88% net points in the tally making headway 76 points in the first serve. After the peer, he aforesaid he was felicitous to be back in the final troll of the most crucial outcome.')],
      },
    },
    (ctx) => noOriginal(ctx, 'spin-context'),
  ),
];

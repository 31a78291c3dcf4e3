import type { PairContext, PairDetector } from '../../types.js';
import type { Segment } from '../../../types.js';
import { isContentPair, pairFinding, sideText, weakComparableLink } from '../../pairText.js';
import { lexicalCoverage, pairSimilarity } from '../../similarity.js';
import { th } from '../../thresholds.js';
import { lengthRatioDetector, lengthZ } from './lengthRatio.js';

// The pair does not correspond at all: its similarity is low, and (with the documents at hand) another
// sentence of the document fits this one far better than its own partner does.

function best(
  ctxSegs: Segment[] | undefined,
  exclude: Set<number>,
  score: (s: Segment) => number,
): { seg: Segment; sim: number } | null {
  let out: { seg: Segment; sim: number } | null = null;
  for (const seg of ctxSegs ?? []) {
    if (exclude.has(seg.index) || seg.boilerplate) continue;
    const sim = score(seg);
    if (!out || sim > out.sim) out = { seg, sim };
  }
  return out;
}

/**
 * Neighbouring sentences only: a whole long document is not needed to see a better partner. Segments are in
 * index order, so the window is a slice found by binary search (a filter over the whole document, once per
 * pair, made `check` on long documents quadratic).
 */
export function window(segs: Segment[] | undefined, around: Segment[], radius: number): Segment[] {
  if (!segs || !around.length) return [];
  const lo = around[0]!.index - radius;
  const hi = around[around.length - 1]!.index + radius;
  let a = 0;
  let b = segs.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (segs[mid]!.index < lo) a = mid + 1;
    else b = mid;
  }
  const out: Segment[] = [];
  for (let k = a; k < segs.length && segs[k]!.index <= hi; k++) out.push(segs[k]!);
  return out;
}

/**
 * The pair's own similarity and its best rival among the neighbours. `enough` is the similarity at which
 * the pair cannot be flagged whatever the rivals score: the neighbour search (two dozen similarity
 * computations, the detector's whole cost) is then skipped.
 */
export function misalignmentScore(ctx: PairContext, radius: number, enough = Infinity) {
  const s = sideText(ctx.src);
  const t = sideText(ctx.tgt);
  const own = pairSimilarity(s.text, ctx.srcLang, t.text, ctx.tgtLang);
  if (own.score >= enough) return { own, altSrc: null, altTgt: null, margin: -own.score };
  const altSrc = best(
    window(ctx.srcDoc?.segments, ctx.src, radius),
    new Set(ctx.src.map((x) => x.index)),
    (x) => pairSimilarity(x.text, ctx.srcLang, t.text, ctx.tgtLang).score,
  );
  const altTgt = best(
    window(ctx.tgtDoc?.segments, ctx.tgt, radius),
    new Set(ctx.tgt.map((x) => x.index)),
    (x) => pairSimilarity(s.text, ctx.srcLang, x.text, ctx.tgtLang).score,
  );
  const alt = Math.max(altSrc?.sim ?? 0, altTgt?.sim ?? 0);
  return { own, altSrc, altTgt, margin: alt - own.score };
}

export const misalignmentDetector: PairDetector = {
  id: 'misalignment',
  name: 'Misaligned pair',
  description:
    'The two sides do not correspond: the translation belongs to another sentence, or says something else. Major when they share next to nothing or a neighbour fits far better; minor when a neighbour fits only a little better (most often a loose but faithful translation).',
  category: 'source/misalignment',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: {
    maxSimilarity: 0.15,
    contextMaxSimilarity: 0.35,
    minMargin: 0.05,
    radius: 6,
    minWords: 6,
    minWordsContext: 4,
    minContentWords: 4,
    comparableMinLinkScore: 0.7,
  },
  examples: {
    pass: [
      {
        src: 'North Korea launched two ballistic missiles towards the sea a few hours before the meeting.',
        tgt: 'Ilang oras bago ang pagpupulong, nagpalipad ang North Korea ng dalawang ballistic missile patungo sa dagat.',
      },
      {
        src: "I couldn't catch what he said.",
        tgt: 'Hindi ko makuha ang sinabi niya.',
        note: 'a correct everyday pair (Tatoeba) whose two content words the lexicon misses: too little to compare',
      },
    ],
    fail: [
      {
        src: 'North Korea launched two ballistic missiles towards the sea a few hours before the meeting.',
        tgt: 'Hinihikayat namin ang pamahalaan na sundin ang mga pangako sa publiko tungkol sa kalusugan.',
        note: 'an unrelated sentence',
      },
      {
        src: 'The farmers sold their rice at the market yesterday morning.',
        tgt: 'Huwag kang lumakad sa ilalim ng hagdan kapag gabi.',
        note: 'a short sentence still has enough content words to be compared',
      },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx) || ctx.srcLang === ctx.tgtLang) return [];
    if (weakComparableLink(ctx, th(this, ctx.thresholds, 'comparableMinLinkScore'))) return [];
    // Short sentences ("Tom is here.") meet few lexicon entries: their similarity alone says little.
    const words = Math.min(
      ...[ctx.src, ctx.tgt].map(
        (side) =>
          side
            .map((x) => x.text)
            .join(' ')
            .match(/[\p{L}\d]+/gu)?.length ?? 0,
      ),
    );
    const canBeLonely = words >= th(this, ctx.thresholds, 'minWords');
    const canBeBeaten = words >= th(this, ctx.thresholds, 'minWordsContext');
    if (!canBeLonely && !canBeBeaten) return [];
    // Word counts include "I", "to", "the": what the similarity actually weighs is the content words the
    // lexicon compares. With two or three of them a short everyday pair ("I could use a break." / "Kailangan
    // ko ng pahinga.") scores near zero when one idiom is missed, and a neighbour scores high on one stray
    // IBM-1 entry ("kang" → "don"): neither says the pair is wrong (Tatoeba tuning half: 47 of 49 flags false).
    const cov = lexicalCoverage(sideText(ctx.src).text, ctx.srcLang, sideText(ctx.tgt).text, ctx.tgtLang);
    if (Math.min(cov.aContent, cov.bContent) < th(this, ctx.thresholds, 'minContentWords')) return [];
    // Neither rule can fire at or above its similarity ceiling (lonely: maxSimilarity; beaten:
    // contextMaxSimilarity), and the neighbours are searched only below one that can still apply.
    const enough = Math.max(
      canBeLonely ? th(this, ctx.thresholds, 'maxSimilarity') : -Infinity,
      canBeBeaten ? th(this, ctx.thresholds, 'contextMaxSimilarity') : -Infinity,
    );
    const r = misalignmentScore(ctx, th(this, ctx.thresholds, 'radius'), enough);
    const sim = r.own.score;
    const lonely = canBeLonely && sim < th(this, ctx.thresholds, 'maxSimilarity');
    const beaten =
      canBeBeaten &&
      sim < th(this, ctx.thresholds, 'contextMaxSimilarity') &&
      r.margin >= th(this, ctx.thresholds, 'minMargin');
    if (!lonely && !beaten) return [];
    const better = r.altSrc && (!r.altTgt || r.altSrc.sim >= r.altTgt.sim) ? r.altSrc : r.altTgt;
    const where =
      better && beaten
        ? ` (sentence ${better.seg.index + 1} of the ${better === r.altSrc ? 'source' : 'translation'} fits it better)`
        : '';
    // Severity is the strength of the evidence. A pair that shares next to nothing (lonely, or beaten while
    // below the midpoint of the two similarity ceilings), or whose neighbour fits it far better (three times the
    // margin), is misaligned. A pair that shares a fair part of its words while a neighbour shares a few more is
    // most often a loose but faithful translation of everyday speech or a paraphrase the lexicon misses (real
    // translations, tuning parts: 13 of 15 such flags faithful, similarity 0.29–0.33); a reviewer glances at it.
    const mid = (th(this, ctx.thresholds, 'maxSimilarity') + th(this, ctx.thresholds, 'contextMaxSimilarity')) / 2;
    // (Only when the two sides have the lengths a translation has: a cut or padded side lowers the similarity
    // too, and that evidence is not weak; the bar is the length check's own minor one.)
    const z = lengthZ(sideText(ctx.src).text, ctx.srcLang, sideText(ctx.tgt).text, ctx.tgtLang);
    const usualLength = Math.abs(z) < lengthRatioDetector.thresholds.minorZ!;
    const strong =
      lonely || !usualLength || (beaten && (sim < mid || r.margin >= 3 * th(this, ctx.thresholds, 'minMargin')));
    return [
      pairFinding(this, ctx, {
        rawScore: sim,
        severity: strong ? 'major' : 'minor',
        confidence: beaten ? Math.min(0.95, 0.5 + r.margin) : 0.5,
        message: `The two sides do not correspond (similarity ${sim.toFixed(2)})${where}`,
        evidence: {
          similarity: Number(sim.toFixed(3)),
          lexical: Number(r.own.lexical.toFixed(3)),
          anchors: Number(r.own.anchors.toFixed(3)),
          betterMatch:
            better && beaten
              ? {
                  side: better === r.altSrc ? 'src' : 'tgt',
                  segment: better.seg.index,
                  similarity: Number(better.sim.toFixed(3)),
                }
              : null,
        },
      }),
    ];
  },
};

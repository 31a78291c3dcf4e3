import type { Db } from '../db/index.js';
import type { Config } from '../config.js';
import type { PlacedFinding } from '../pipeline/detect/index.js';
import type { StoryContext } from '../pipeline/detect/types.js';
import { judgeStory, type JudgeOptions, type JudgePair, type JudgeStats } from './judge.js';

// The judge over a whole story, in the shapes the batch driver already has after offline detection:
// the StoryContext and detectStory's placed findings in, the same list out with llm-mqm findings added
// and offline findings' confidences adjusted.

interface PairPlace {
  version: number;
  /** Indexes into `placed` of the offline findings attached to this pair. */
  placed: number[];
}

export function storyPairs(ctx: StoryContext, placed: PlacedFinding[]): { pairs: JudgePair[]; places: PairPlace[] } {
  const pivot = ctx.versions[ctx.pivot]!.doc;
  const pairs: JudgePair[] = [];
  const places: PairPlace[] = [];
  const attached = new Set<number>();
  ctx.alignments.forEach((beads, v) => {
    if (!beads || v === ctx.pivot) return;
    const doc = ctx.versions[v]!.doc;
    for (const bead of beads) {
      if (!bead.src.length || !bead.tgt.length) continue;
      const src = bead.src.map((i) => pivot.segments[i]!);
      const tgt = bead.tgt.map((j) => doc.segments[j]!);
      if (src.every((s) => s.boilerplate) || tgt.every((s) => s.boilerplate)) continue;
      // Each offline finding goes to the first pair it touches, so it is adjusted at most once.
      const mine = placed
        .map((p, k) => ({ p, k }))
        .filter(
          ({ p, k }) =>
            !attached.has(k) && p.versionIndex === v && p.finding.segments.some((s) => bead.tgt.includes(s)),
        )
        .map(({ k }) => k);
      for (const k of mine) attached.add(k);
      const srcStart = src[0]!.start;
      const tgtStart = tgt[0]!.start;
      pairs.push({
        src: pivot.text.slice(srcStart, src[src.length - 1]!.end),
        tgt: doc.text.slice(tgtStart, tgt[tgt.length - 1]!.end),
        srcLang: src[0]!.lang,
        tgtLang: tgt[0]!.lang,
        offlineFindings: mine.map((k) => placed[k]!.finding),
        srcStart,
        tgtStart,
        srcSegments: bead.src,
        tgtSegments: bead.tgt,
        alignScore: bead.score,
      });
      places.push({ version: v, placed: mine });
    }
  });
  return { pairs, places };
}

/** Offline placed findings in; the same with adjusted confidences plus llm-mqm findings out, and the counts. */
export async function judgeStoryContext(
  db: Db | null,
  cfg: Config,
  ctx: StoryContext,
  placed: PlacedFinding[],
  opts: JudgeOptions = {},
): Promise<{ placed: PlacedFinding[]; stats: JudgeStats; judgedPairs: { version: number; segments: number[] }[] }> {
  const { pairs, places } = storyPairs(ctx, placed);
  const r = await judgeStory(db, cfg, pairs, opts);
  const out = [...placed];
  for (const a of r.adjustments)
    out[places[a.pairIndex]!.placed[a.findingIndex]!] = {
      ...placed[places[a.pairIndex]!.placed[a.findingIndex]!]!,
      finding: a.finding,
    };
  for (const f of r.findings)
    out.push({ versionIndex: places[f.pairIndex]!.version, otherVersionIndex: ctx.pivot, finding: f.finding });
  const judged = new Set(r.judgedPairs);
  const judgedPairs = pairs
    .map((p, i) => ({ p, i }))
    .filter(({ i }) => judged.has(i))
    .map(({ p, i }) => ({ version: places[i]!.version, segments: p.tgtSegments ?? [] }));
  return { placed: out, stats: r.stats, judgedPairs };
}

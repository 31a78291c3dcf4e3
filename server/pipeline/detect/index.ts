import type { Finding } from '../types.js';
import type { StoryContext } from './types.js';
import { allDetectors, documentDetectors, pairDetectors, storyDetectors } from './registry.js';
import { thresholdsFor, validateThresholds, type ThresholdConfig } from './thresholds.js';
import { detectPair } from './pair.js';
import { withResources } from '../../core/resources.js';

export { detectPair } from './pair.js';

/** A finding placed in a story: which version its span is in, and the other version of a pair. */
export interface PlacedFinding {
  versionIndex: number;
  otherVersionIndex: number | null;
  finding: Finding;
}

/** A story detector's findings as its run() returns them (detectStory places them). */
export type StoryDetectorFindings = (Finding & { versionIndex: number })[];

/** Detectors run elsewhere before detectStory (batch: the reading worker, analyse.ts), placed in their turn. */
export interface AlreadyRun {
  /** every document detector's findings on every version (documentFindings) */
  documents?: PlacedFinding[];
  /** by story detector id */
  story?: Readonly<Record<string, StoryDetectorFindings>>;
}

/** The document detectors on each version of a story, placed. */
export function documentFindings(versions: StoryContext['versions'], config: ThresholdConfig = {}): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  versions.forEach((v, i) => {
    for (const d of documentDetectors) {
      for (const finding of d.run({ doc: v.doc, thresholds: thresholdsFor(d, config) }))
        out.push({ versionIndex: i, otherVersionIndex: null, finding });
    }
  });
  return out;
}

/**
 * Runs every registered detector that applies to the story: pair detectors on each aligned bead between the
 * pivot and every version in the other language (tl↔en), document detectors on each version, story detectors
 * across versions (fact disagreement; spin-story, which runs the spin detectors on each version against the
 * original it discovers among the others). `config` is the
 * per-detector thresholds of the config file (unknown detector ids or keys are a UsageError).
 */
export function detectStory(ctx: StoryContext, config: ThresholdConfig = {}, ran: AlreadyRun = {}): PlacedFinding[] {
  return withResources(ctx.resources, () => detectStoryWith(ctx, config, ran));
}

function detectStoryWith(ctx: StoryContext, config: ThresholdConfig, ran: AlreadyRun): PlacedFinding[] {
  validateThresholds(config, allDetectors());
  const out: PlacedFinding[] = [];
  const pivot = ctx.versions[ctx.pivot];
  ctx.versions.forEach((v, i) => {
    const beads = ctx.alignments[i];
    if (!pivot || i === ctx.pivot || !beads) return;
    const langs = new Set([v.doc.lang, pivot.doc.lang]);
    if (langs.has('tl') && langs.has('en')) {
      for (const p of detectPair(pivot.doc, v.doc, beads, { thresholds: config, detectors: pairDetectors })) {
        const { side: _side, ...finding } = p.finding;
        out.push(
          p.side === 'tgt'
            ? { versionIndex: i, otherVersionIndex: ctx.pivot, finding }
            : { versionIndex: ctx.pivot, otherVersionIndex: i, finding },
        );
      }
    }
  });
  out.push(...(ran.documents ?? documentFindings(ctx.versions, config)));
  for (const d of storyDetectors) {
    const found =
      ran.story && Object.hasOwn(ran.story, d.id)
        ? ran.story[d.id]!
        : d.run({ ...ctx, thresholds: thresholdsFor(d, config), config });
    for (const { versionIndex, ...finding } of found) {
      const other = finding.evidence.otherVersion;
      out.push({ versionIndex, otherVersionIndex: typeof other === 'number' ? other : null, finding });
    }
  }
  // Scrape junk gets its boilerplate flag and nothing else: a spin or fact finding on a "Source link" line or
  // a repeated title would send a reviewer to text that is going to be dropped anyway.
  return out.filter(({ versionIndex, finding }) => {
    if (finding.category === 'source/boilerplate' || !finding.segments.length) return true;
    const segs = ctx.versions[versionIndex]?.doc.segments ?? [];
    return !finding.segments.every((i) => segs[i]?.boilerplate);
  });
}

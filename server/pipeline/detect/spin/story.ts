import type { Finding, SegmentedDoc } from '../../types.js';
import type { SpinDetector, StoryContext, StoryDetector } from '../types.js';
import type { ThresholdConfig } from '../thresholds.js';
import { clearSpunSide, contentWords } from '../../../lang/near-duplicate.js';
import { findOriginal } from './discover.js';
import type { SpinFinding } from './finding.js';
import { frequencyRank } from '../../../lang/word-ranks.js';
import { spinPassFindings } from './pass.js';
import { profile } from './shingles.js';

// Spin in a story (tapat audit): each version is checked against the other versions of its language. When
// one of them is its original (discovery, (d) of the issue), the word diff runs against it; otherwise the
// detectors that need no original do. A version whose findings are dense enough reads as a spun copy.

/** Spin findings per 1,000 words from which a version reads as spun (for role assignment). */
export const SPUN_DENSITY = 10;

export interface SpinVerdict {
  spun: boolean;
  per1000: number;
  original: number | null; // version index of the discovered original, when one was found
}

function words(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Whether a text reads as spinner output, from its no-original findings. */
export function looksSpun(
  findings: Pick<SpinFinding, 'kind'>[] | Finding[],
  text: string,
): { spun: boolean; per1000: number } {
  const per1000 = (findings.length * 1000) / Math.max(1, words(text));
  return { spun: per1000 >= SPUN_DENSITY, per1000 };
}

function runFor(
  doc: SegmentedDoc,
  original: SegmentedDoc | null,
  config: ThresholdConfig,
  detectors: readonly SpinDetector[],
): Finding[] {
  return spinPassFindings(doc, original, config, detectors);
}

/** Mean log frequency rank of a text's words: spinners write rarer words than the writers they copy. */
function rarity(text: string): number {
  const ws = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return ws.length ? ws.reduce((n, w) => n + Math.log(frequencyRank(w)), 0) / ws.length : 0;
}

/** Findings and a verdict for every version of the story (the pivot included), from the given spin detectors. */
export function spinStory(
  ctx: StoryContext,
  detectors: readonly SpinDetector[],
): { findings: (Finding & { versionIndex: number })[]; verdicts: SpinVerdict[] } {
  // Spinners and every lexicon here are English: Tagalog versions are not read (they were half the cost).
  const english = (v: { doc: SegmentedDoc }): boolean => v.doc.lang === 'en';
  // an original is looked for among the other English versions: profiles only where there are several
  const several = ctx.versions.filter(english).length > 1;
  const profiles = ctx.versions.map((v) => (several && english(v) ? profile(v.doc.text) : undefined));
  const words = ctx.versions.map((v) => (several && english(v) ? contentWords(v.doc.segments) : null));
  // a version's findings without an original: a spin pass, run only for a version that turns out to need
  // it (no original found) or whose direction against a peer its words do not settle
  const alone: (Finding[] | undefined)[] = [];
  const aloneOf = (i: number): Finding[] => {
    const v = ctx.versions[i]!;
    return (alone[i] ??= english(v) ? runFor(v.doc, null, ctx.config ?? {}, detectors) : []);
  };
  // which way a pair goes: the side whose own words are clearly rarer, as role assignment decides it; then
  // the copy showing more spin on its own; then rarer words overall; then the declared roles
  const spinScore: number[][] = [];
  const scoreOf = (i: number): number[] => {
    const v = ctx.versions[i]!;
    return (spinScore[i] ??= [
      looksSpun(aloneOf(i), v.doc.text).per1000,
      rarity(v.doc.text),
      v.role === 'spin' ? 1 : 0,
    ]);
  };
  const moreSpun = (i: number, j: number): boolean => {
    if (ctx.declaredRoles) {
      const [ri, rj] = [ctx.versions[i]!.role, ctx.versions[j]!.role];
      if (ri !== rj && (ri === 'spin' || rj === 'spin')) return ri === 'spin';
    }
    const [wi, wj] = [words[i], words[j]];
    const clear = wi && wj ? clearSpunSide(wi, wj) : null;
    if (clear) return clear === 'a';
    const a = scoreOf(i);
    const b = scoreOf(j);
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return (a[k] as number) > (b[k] as number);
    return false;
  };
  const findings: (Finding & { versionIndex: number })[] = [];
  const verdicts: SpinVerdict[] = [];
  ctx.versions.forEach((v, i) => {
    if (!english(v)) {
      verdicts.push({ spun: false, per1000: 0, original: null });
      return;
    }
    const peers = ctx.versions
      .map((w, j) => ({ text: w.doc.text, lang: w.doc.lang, profile: profiles[j], j }))
      .filter((w) => w.j !== i && w.lang === v.doc.lang && moreSpun(i, w.j));
    const found = peers.length
      ? findOriginal({ text: v.doc.text, lang: v.doc.lang, profile: profiles[i] }, peers)
      : null;
    const originalIndex = found ? (peers[found.index]?.j ?? null) : null;
    const original = originalIndex === null ? null : (ctx.versions[originalIndex]?.doc ?? null);
    const own = original ? runFor(v.doc, original, ctx.config ?? {}, detectors) : aloneOf(i);
    findings.push(...own.map((f) => ({ ...f, versionIndex: i })));
    const spinOnly = own.filter((f) => f.category === 'style/spin');
    verdicts.push({ ...looksSpun(spinOnly, v.doc.text), original: originalIndex });
  });
  return { findings, verdicts };
}

/** spin-story over the registry's spin detectors (registry.ts makes it; the detectors are not imported here). */
export const spinStoryDetectorOf = (detectors: readonly SpinDetector[]): StoryDetector => ({
  id: 'spin-story',
  name: 'Spin in a story',
  description: 'Spin detection over the versions of a story, against a discovered original when one is there.',
  category: 'style/spin',
  defaultSeverity: 'minor',
  thresholds: {},
  scope: 'story',
  examples: {
    pass: [
      {
        versions: [
          { text: 'Putin arrived in North Korea on his first visit in 24 years.', role: 'source', lang: 'en' },
          { text: 'Dumating si Putin sa Hilagang Korea.', role: 'translation', lang: 'tl' },
        ],
      },
    ],
    fail: [
      {
        versions: [
          {
            text: 'Putin arrived in North Korea on his first visit in 24 years, officials said.',
            role: 'source',
            lang: 'en',
          },
          {
            text: 'Putin arrived in North Korea on his first sojourn in 24 years, officials aforesaid.',
            role: 'spin',
            lang: 'en',
          },
        ],
        note: 'the spun copy is diffed against the discovered original',
      },
    ],
  },
  run: (ctx) => spinStory(ctx, detectors).findings,
});

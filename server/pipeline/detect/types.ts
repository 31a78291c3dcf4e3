import type { PairRegime } from './regime.js';
import type { SpinAnalysis } from './spin/analysis.js';
import type { SpinFinding } from './spin/finding.js';
import type { Bead, Category, Finding, Lang, Role, Segment, SegmentedDoc, Severity } from '../types.js';
import type { Resources } from '../../core/resources.js';

// The detector contract (after Weblate's checks and unified's rules): one small module per detector,
// with id, name, description, category, default severity, default thresholds and its own pass/fail
// examples. A detector scores; thresholds (config) decide what becomes a finding; reviewers decide verdicts.

/** One aligned pair: the sentences of one bead on each side, in order. */
export interface PairContext {
  src: Segment[];
  tgt: Segment[];
  srcLang: Lang;
  tgtLang: Lang;
  bead: Bead;
  /** Neighbouring beads' text, for checks that need context (e.g. misalignment). May be empty. */
  srcDoc: SegmentedDoc | null;
  tgtDoc: SegmentedDoc | null;
  /** Parallel (a translation) or comparable (two articles on one event), from the whole alignment; absent = parallel. */
  regime?: PairRegime;
  thresholds: Record<string, number>;
}

/** One document on its own (inconsistency, MT artifacts, boilerplate). */
export interface DocContext {
  doc: SegmentedDoc;
  thresholds: Record<string, number>;
}

/** A possibly spun document, with its original when one is known (same language, aligned). */
export interface SpinContext {
  doc: SegmentedDoc;
  original: SegmentedDoc | null;
  /** Alignment of original (src) → doc (tgt) sentences, when original is given. */
  beads: Bead[] | null;
  /** The document's spin analysis (spin/analysis.ts), computed once before the spin detectors run; null when
   * the original is known (the word diff against it needs none). */
  spin: SpinAnalysis | null;
  thresholds: Record<string, number>;
}

/** All versions of one story with their roles and pairwise alignments to the pivot. */
export interface StoryContext {
  versions: { doc: SegmentedDoc; role: Role; documentId: number }[];
  pivot: number; // index into versions
  /** alignments[i] = beads of pivot (src) → versions[i] (tgt); null for the pivot itself. */
  alignments: (Bead[] | null)[];
  thresholds: Record<string, number>;
  /** Every detector's configured overrides (config.thresholds): a story detector that runs other detectors (spin-story
   * runs the spin detectors) passes each its own, so `thresholds.spin-diff.*` in tapat.config.json reaches audits. */
  config?: Record<string, Record<string, number>>;
  /** The roles were set by a reviewer (not read from the texts): spin-story then takes a version marked spin as the
   * copy of one marked source, whatever the words say — the reviewer's correction of a reversed direction. */
  declaredRoles?: boolean;
  /** The word lists and tables the detectors read (core/resources.ts); absent: the process's current ones. */
  resources?: Resources;
}

export interface PairExample {
  src: string;
  tgt: string;
  srcLang?: Lang;
  tgtLang?: Lang;
  note?: string;
  /** For a fail example: the severity of its strongest finding (severity is part of what a reviewer sees). */
  severity?: Severity;
}
export interface TextExample {
  text: string;
  original?: string;
  note?: string;
  /** Marks every segment of the example as scrape junk with this reason (as segmentation would). */
  boilerplate?: string;
}

interface Base<X> {
  id: string; // stable, kebab-case; stored in flags.detector
  name: string;
  description: string; // one line
  category: Category;
  defaultSeverity: Severity;
  /** Default thresholds; config may override these keys only (unknown keys are an error). */
  thresholds: Record<string, number>;
  /** Examples its tests run: every `fail` example must produce ≥1 finding, every `pass` none. */
  examples: { pass: X[]; fail: X[] };
}

/**
 * A pair finding names the side its span is in: 'tgt' (the default) puts `segments`/`span` in the target and
 * `otherSegments`/`otherSpan` in the source; 'src' the other way round (e.g. a source sentence left out).
 */
export type PairFinding = Finding & { side?: 'src' | 'tgt' };

export interface PairDetector extends Base<PairExample> {
  scope: 'pair';
  run(ctx: PairContext): PairFinding[];
}
export interface DocDetector extends Base<TextExample> {
  scope: 'document';
  run(ctx: DocContext): Finding[];
}
export interface SpinDetector extends Base<TextExample> {
  scope: 'spin';
  /** Its own findings as spans of the text (what `tapat spin` prints), its thresholds applied; the spin pass
   * (spin/pass.ts) resolves overlaps between detectors. */
  find(ctx: SpinContext): SpinFinding[];
  /** The same as audit findings placed on the document's segments. */
  run(ctx: SpinContext): Finding[];
}
export interface StoryExample {
  versions: { text: string; role: Role; lang?: Lang }[];
  note?: string;
}
export interface StoryDetector extends Base<StoryExample> {
  scope: 'story';
  /** Each finding names the version (index into ctx.versions) its span is in. */
  run(ctx: StoryContext): (Finding & { versionIndex: number })[];
}

export type Detector = PairDetector | DocDetector | SpinDetector | StoryDetector;

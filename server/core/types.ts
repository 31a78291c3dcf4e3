// The carrier: what each pipeline phase reads and adds to. ingest → segment → align → detect → review → export.
// Nothing here imports a phase; phases import these types.

import { CATEGORIES, type CategoryName } from '../../contract/categories.js';

export type Lang = 'tl' | 'en' | 'other';
export type Role = 'source' | 'translation' | 'spin' | 'unknown';
export type Severity = 'minor' | 'major' | 'critical';
export type Format = 'txt' | 'md' | 'html' | 'jsonl';

/** MQM-style categories used by detectors: the one list is the contract's. */
export { CATEGORIES };
export type Category = CategoryName;

/** A decoded input document (one file, or one record of a JSONL file). */
export interface IngestedDoc {
  path: string; // file path; "file.jsonl#L12" for the record on line 12 (1-based)
  url: string | null;
  title: string | null;
  format: Format;
  encoding: string;
  declaredLang: string | null; // from a JSONL record's "lang", if any
  text: string; // every offset downstream points into this string
  /** Ranges of `text` the HTML extractor found to be page furniture (captions, credits, menus…); segmentation marks them boilerplate. */
  marks?: Mark[];
}

/** A range of a document's text that is scrape junk by the page's structure, with the reason. */
export interface Mark {
  start: number;
  end: number;
  reason: string;
}

export interface Segment {
  index: number; // 0-based within the document
  start: number; // JS string index into IngestedDoc.text
  end: number;
  text: string; // === doc.text.slice(start, end)
  paragraph: number;
  lang: Lang;
  boilerplate: false | string; // false, or the reason it is scrape junk
}

export interface SegmentedDoc extends IngestedDoc {
  lang: Lang; // the document's dominant language
  segments: Segment[];
}

/** A bead of a sentence alignment: indexes into the two sentence lists; [] on one side is a null link. */
export interface Bead {
  src: number[];
  tgt: number[];
  score: number;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * What a detector reports. Offsets are into the document text (pair detectors: `span` in the target,
 * `otherSpan` in the source); segment indexes are into each side's sentence list.
 */
export interface Finding {
  detector: string;
  category: Category;
  severity: Severity;
  confidence: number; // 0..1
  rawScore: number; // the detector's own score, before thresholds
  segments: number[]; // in the flagged document
  otherSegments: number[]; // in the other document of a pair ([] when none)
  span: Span | null;
  otherSpan: Span | null;
  message: string;
  evidence: Record<string, unknown>;
  suggestion: string | null;
}

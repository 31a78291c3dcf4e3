import type { Bead, SegmentedDoc } from './types.js';
import { alignSentences, type AlignOptions, type AlignSide } from '../pipeline/align/index.js';
import { sideLang } from '../pipeline/align/lang.js';

// The one way a segmented document meets the aligner, for every caller (batch, `tapat align`, `tapat check`,
// `judge` on a story with no stored alignment, the detectors' examples): the same language decision and the
// same treatment of scrape junk, so a pair aligns the same whichever command asks.

/**
 * An aligner side from a segmented document. Its language is the segmenter's, checked on the whole side by
 * function-word rates (a side it could not place still gets the lexicon or the right mode); boilerplate and
 * empty segments are aligned but kept from attracting links.
 */
export function alignSide(doc: SegmentedDoc): AlignSide {
  const sentences = doc.segments.map((s) => s.text);
  return {
    sentences,
    lang: sideLang(doc.lang, sentences),
    boilerplate: doc.segments.map((s) => s.boilerplate !== false || !s.text.trim()),
  };
}

/** Beads of src → tgt by the project aligner. */
export function alignDocs(src: SegmentedDoc, tgt: SegmentedDoc, opts: AlignOptions = {}): Bead[] {
  return alignSentences(alignSide(src), alignSide(tgt), opts);
}

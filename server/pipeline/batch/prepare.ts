import { InputError } from '../../errors.js';
import { ingestFile } from '../ingest/index.js';
import { segmentDoc } from '../segment/index.js';
import { featuresOf, featuresWithoutSequence, needsSequence, type DocFeatures } from '../group/features.js';
import type { IngestedDoc, SegmentedDoc } from '../types.js';
import { recordDoc, type Item } from './inputs.js';

// The per-document part of a batch's first phase, run in the worker pool while the main thread streams the
// input and stores what comes back: ingest (HTML parsing included), segment, reduce to story-discovery
// features. Only the grouping itself needs every document at once.
// The spin pass is per document too, but it stays with story analysis: most of its cost is first looking
// up each word (WordNet, frequencies, vectors), so it is cheapest on the worker that analyses the story
// (measured: reading passes here, on whichever worker was free, cost each worker ~2 s more in a batch of
// 2,000 documents).

export interface PrepareTask {
  item: Item;
  maxBytes: number;
  /**
   * false: English word sequences are left out (features.ts featuresOf), for a worker that does not read
   * stories (pool.ts): they are WordNet look-ups, which only the reading side keeps warm.
   */
  sequences?: boolean;
}

export interface PreparedDoc {
  doc: SegmentedDoc;
  features: DocFeatures;
  /** The word sequence was left out: the caller fills in features.sequence (sequenceTexts, wordSequence). */
  sequenceLeftOut?: true;
}

export type PreparedItem = { docs: PreparedDoc[] } | { refusal: string };

function ingestItem(item: Item, maxBytes: number): IngestedDoc[] {
  if (item.kind === 'skipped') throw new InputError(item.reason, item.path);
  return item.kind === 'file' ? ingestFile(item.path, { maxBytes }) : [recordDoc(item)];
}

/** One input item, prepared; bad input (an InputError) comes back as a refusal, other errors throw. */
export function prepareItem(task: PrepareTask): PreparedItem {
  let docs: IngestedDoc[];
  try {
    docs = ingestItem(task.item, task.maxBytes);
    if (!docs.length) throw new InputError('no documents in it', task.item.path);
  } catch (e) {
    if (e instanceof InputError) return { refusal: e.message };
    throw e;
  }
  const sequences = task.sequences ?? true;
  return {
    docs: docs.map(segmentDoc).map((doc) => {
      const features = sequences ? featuresOf(doc) : featuresWithoutSequence(doc);
      return sequences || !needsSequence(doc) ? { doc, features } : { doc, features, sequenceLeftOut: true };
    }),
  };
}

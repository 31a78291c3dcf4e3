import type { Finding } from '../types.js';
import type { StoryContext } from './types.js';

// STUB (the detection issue replaces the body, keeping this signature).

/** A finding placed in a story: which version its span is in, and the other version of a pair. */
export interface PlacedFinding {
  versionIndex: number;
  otherVersionIndex: number | null;
  finding: Finding;
}

/** Runs every registered detector that applies to the story (pair, document, spin and story scopes). */
export function detectStory(_ctx: StoryContext): PlacedFinding[] {
  return [];
}

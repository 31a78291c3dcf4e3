import { warmResources, type Side } from '../resources.js';
import { segmentDoc } from '../segment/index.js';
import type { Lang } from '../types.js';
import { analyseStory, finishStory, readStory } from './analyse.js';

// What a worker does before its first story: load what story analysis reads (its side's share of
// pipeline/resources.ts) and compile its code on a small story
// of three versions. The batch sends it while the main thread has other work (driver.ts), so that it does
// not delay the first stories.

const VERSIONS: [Lang, string][] = [
  [
    'en',
    'Putin arrived in North Korea on Wednesday for his first visit in 24 years.\n\nResearchers say this may bring early detection of cancer to patients in poor countries, using a tiny printable chip that costs one cent.\n',
  ],
  [
    'tl',
    'Dumating si Putin sa Hilagang Korea noong Miyerkules para sa kanyang unang pagbisita sa loob ng 24 na taon.\n\nSinabi ng mga mananaliksik na maaari itong magdala ng maagang pagtuklas ng kanser sa mga pasyente sa mahihirap na bansa.\n',
  ],
  [
    'en',
    'Putin arrived in North Korea on Wednesday for his initial go to in 24 years.\n\nResearchers say this may bring betimes sleuthing of cancer to patients in poor countries, using a midget printable chip that costs one centime.\n',
  ],
];

/**
 * Loads what one side of story analysis reads and compiles its code on a small story: the spin side
 * (WordNet, gloss pairs, vocabulary, frequencies, vectors), the finishing side (the lexicon; alignment
 * and the other detectors), or both.
 */
export function warmUp(side: Side = 'both'): void {
  warmResources(side);
  const versions = VERSIONS.map(([lang, text], i) => ({
    documentId: -1 - i,
    doc: segmentDoc({
      path: `warm-${i}`,
      url: null,
      title: null,
      format: 'txt',
      encoding: 'utf-8',
      declaredLang: lang,
      text,
    }),
  }));
  const job = { versions, thresholds: {} };
  if (side === 'read') readStory(job);
  else if (side === 'finish')
    finishStory(job, { roles: ['source', 'translation', 'spin'], pivot: 0, spin: [], documents: [] });
  else analyseStory(job);
}

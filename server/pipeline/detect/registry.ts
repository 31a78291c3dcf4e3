import type { Detector, DocDetector, PairDetector, StoryDetector } from './types.js';
import { numbersDetector } from './detectors/pair/numbers.js';
import { entitiesDetector } from './detectors/pair/entities.js';
import { negationDetector } from './detectors/pair/negation.js';
import { nullLinkDetector } from './detectors/pair/nullLink.js';
import { lengthRatioDetector } from './detectors/pair/lengthRatio.js';
import { untranslatedDetector } from './detectors/pair/untranslated.js';
import { lexicalCoverageDetector } from './detectors/pair/lexicalCoverage.js';
import { misalignmentDetector } from './detectors/pair/misalignment.js';
import { quotesDetector } from './detectors/pair/quotes.js';
import { boilerplateDetector } from './detectors/document/boilerplate.js';
import { mtArtifactsDetector } from './detectors/document/mtArtifacts.js';
import { repeatedWordingDetector } from './detectors/document/repeatedWording.js';
import { factDisagreementDetector } from './detectors/story/factDisagreement.js';
import { spinDetectors, spinStoryDetector } from './spin/index.js';

// The explicit registry (Weblate style): a detector runs only if it is listed here.

export const pairDetectors: readonly PairDetector[] = [
  untranslatedDetector,
  misalignmentDetector,
  numbersDetector,
  entitiesDetector,
  negationDetector,
  lengthRatioDetector,
  nullLinkDetector,
  quotesDetector,
  lexicalCoverageDetector,
];

export const documentDetectors: readonly DocDetector[] = [boilerplateDetector, mtArtifactsDetector, repeatedWordingDetector];

// spin-story runs the spin detectors over each version against the original it discovers among the others.
export const storyDetectors: readonly StoryDetector[] = [factDisagreementDetector, spinStoryDetector];

/** The spin engineer's detectors (server/pipeline/detect/spin): run through spin-story in audits, listed here
 * so their thresholds are validated and their examples tested with everyone else's. */
export { spinDetectors };

export function allDetectors(): Detector[] {
  return [...pairDetectors, ...documentDetectors, ...spinDetectors, ...storyDetectors];
}

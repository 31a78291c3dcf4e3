import type { Detector, DocDetector, PairDetector, SpinDetector, StoryDetector } from './types.js';
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

export const storyDetectors: readonly StoryDetector[] = [factDisagreementDetector];

// TODO(lead): replace with `export { spinDetectors } from './spin/index.js';` once the spin branch is on main.
export const spinDetectors: readonly SpinDetector[] = [];

export function allDetectors(): Detector[] {
  return [...pairDetectors, ...documentDetectors, ...spinDetectors, ...storyDetectors];
}

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
import { spinDiffDetector } from './detectors/spin/diff.js';
import { spinFingerprintDetector } from './detectors/spin/fingerprint.js';
import { spinTorturedDetector } from './detectors/spin/tortured.js';
import { spinCollocationDetector } from './detectors/spin/collocation.js';
import { spinRareDetector } from './detectors/spin/rare.js';
import { spinNamesDetector } from './detectors/spin/names.js';
import { spinFunctionWordsDetector } from './detectors/spin/function-words.js';
import { spinSpellingDetector } from './detectors/spin/spelling.js';
import { spinPairsDetector } from './detectors/spin/pairs.js';
import { spinContextDetector } from './detectors/spin/context.js';
import { spinStoryDetectorOf } from './spin/story.js';

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

export const documentDetectors: readonly DocDetector[] = [
  boilerplateDetector,
  mtArtifactsDetector,
  repeatedWordingDetector,
];

/** The spin detectors: each reads the document's spin analysis (spin/analysis.ts) in its SpinContext. In
 * audits spin-story runs them on every English version; `tapat spin` on a text. */
export const spinDetectors: readonly SpinDetector[] = [
  spinDiffDetector,
  spinFingerprintDetector,
  spinTorturedDetector,
  spinCollocationDetector,
  spinRareDetector,
  spinNamesDetector,
  spinFunctionWordsDetector,
  spinSpellingDetector,
  spinPairsDetector,
  spinContextDetector,
];

// spin-story runs the spin detectors over each version against the original it discovers among the others.
export const spinStoryDetector: StoryDetector = spinStoryDetectorOf(spinDetectors);
export const storyDetectors: readonly StoryDetector[] = [factDisagreementDetector, spinStoryDetector];

export function allDetectors(): Detector[] {
  return [...pairDetectors, ...documentDetectors, ...spinDetectors, ...storyDetectors];
}

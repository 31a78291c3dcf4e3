import { join } from 'node:path';
import { REPO } from '../testkit/paths.js';

export * from '../testkit/paths.js';
/** ../shared beside the clone: benchmarks may read it; the product and the tests may not (a clone has no ../shared). */
export const SHARED = join(REPO, '..', 'shared');

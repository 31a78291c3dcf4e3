import { createHash } from 'node:crypto';
import type { SegmentedDoc } from '../types.js';
import {
  cluster,
  DEFAULT_CLUSTER,
  joinLanguages,
  languageGroups,
  mergeParts,
  similarities,
  type ClusterOptions,
  type Pair,
  type Similarity,
  type SimilarityPart,
} from './cluster.js';
import { featuresOf, type DocFeatures } from './features.js';
import { contentWords } from '../../lang/near-duplicate.js';
import { assignRoles, type RoleAssignment, type SpinReading, type VersionInfo } from './roles.js';

export { assignRoles } from './roles.js';
export type { RoleAssignment, SpinReading } from './roles.js';

// Story discovery: which documents are versions of one story. Documents are read one at a time and
// reduced to hashed features, so a batch of thousands fits in memory; stories come out in input order.

export interface StoryPlan {
  /** sha256 of the sorted document ids: the same documents are the same story, in any run. */
  key: string;
  documentIds: number[]; // in input order
}

export const storyKey = (documentIds: number[]): string =>
  createHash('sha256')
    .update([...documentIds].sort((a, b) => a - b).join(','))
    .digest('hex');

export const discoverStories = (
  documentIds: number[],
  load: (id: number) => SegmentedDoc,
  opts: ClusterOptions = DEFAULT_CLUSTER,
): StoryPlan[] => storiesOf(documentIds, (id) => featuresOf(load(id)), opts);

/** Stories from the documents' features (the batch computes them in its workers, featuresOf). */
export function storiesOf(
  documentIds: number[],
  features: (id: number) => DocFeatures,
  opts: ClusterOptions = DEFAULT_CLUSTER,
): StoryPlan[] {
  return plansOf(documentIds, cluster(documentIds.map(features), opts));
}

/**
 * storiesOf, with the cross-language matches (crossPairs) worked out by `cross` while this thread groups
 * within each language: the batch hands them to a worker, which is otherwise idle while this thread groups.
 * `share`, when given, works out half of the same-language similarities (cluster.ts SimilarityPart) at the
 * same time: the batch hands it to another worker, idle until the first stories are read.
 */
export async function storiesOfMeanwhile(
  documentIds: number[],
  features: (id: number) => DocFeatures,
  cross: (docs: DocFeatures[]) => Promise<Pair[]>,
  opts: ClusterOptions = DEFAULT_CLUSTER,
  share?: (docs: DocFeatures[], part: SimilarityPart) => Promise<Similarity[]>,
): Promise<StoryPlan[]> {
  const feats = documentIds.map(features);
  const shared = share?.(feats, { of: 2, index: 1 });
  const pairs = cross(feats);
  const sims = shared
    ? mergeParts([similarities(feats, opts, { of: 2, index: 0 }), await shared])
    : similarities(feats, opts);
  const groups = languageGroups(feats, opts, sims);
  return plansOf(documentIds, joinLanguages(feats, groups, opts, await pairs));
}

function plansOf(documentIds: number[], groups: number[][]): StoryPlan[] {
  return groups.map((g) => {
    const ids = g.map((i) => documentIds[i]!);
    return { key: storyKey(ids), documentIds: ids };
  });
}

const NOT_READ: SpinReading = { density: 0, spun: false };

function versionInfo(doc: SegmentedDoc, spin: () => SpinReading = () => NOT_READ): VersionInfo {
  return {
    lang: doc.lang,
    sentences: doc.segments.filter((s) => !s.boilerplate).length,
    words: contentWords(doc.segments),
    spin,
  };
}

/**
 * Roles and pivot of a story's documents; readSpin(doc) says how spun a document reads on its own. It is
 * asked at most once per document, and only where a role depends on it (roles.ts).
 */
export const rolesOf = (
  docs: SegmentedDoc[],
  readSpin: (doc: SegmentedDoc) => SpinReading = () => NOT_READ,
): RoleAssignment => assignRoles(docs.map((d) => versionInfo(d, () => readSpin(d))));

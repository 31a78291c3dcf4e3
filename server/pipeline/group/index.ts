import { createHash } from 'node:crypto';
import type { SegmentedDoc } from '../types.js';
import { cluster, DEFAULT_CLUSTER, type ClusterOptions } from './cluster.js';
import { featuresOf, type DocFeatures } from './features.js';
import { assignRoles, type RoleAssignment, type VersionInfo } from './roles.js';

export { assignRoles } from './roles.js';
export type { RoleAssignment } from './roles.js';

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

export const discoverStories = (documentIds: number[], load: (id: number) => SegmentedDoc, opts: ClusterOptions = DEFAULT_CLUSTER): StoryPlan[] =>
  storiesOf(documentIds, (id) => featuresOf(load(id)), opts);

/** Stories from the documents' features (the batch computes them in its workers, featuresOf). */
export function storiesOf(documentIds: number[], features: (id: number) => DocFeatures, opts: ClusterOptions = DEFAULT_CLUSTER): StoryPlan[] {
  const feats = documentIds.map(features);
  return cluster(feats, opts).map((g) => {
    const ids = g.map((i) => documentIds[i]!);
    return { key: storyKey(ids), documentIds: ids };
  });
}

const WORD_RE = /[\p{L}][\p{L}\p{M}'’-]*/gu;

export interface SpinReading {
  density: number;
  spun: boolean;
}
const NOT_READ: SpinReading = { density: 0, spun: false };

export function versionInfo(doc: SegmentedDoc, spin: SpinReading = NOT_READ): VersionInfo {
  const words = new Set<string>();
  let sentences = 0;
  for (const s of doc.segments) {
    if (s.boilerplate) continue;
    sentences++;
    for (const m of s.text.matchAll(WORD_RE)) words.add(m[0].toLowerCase());
  }
  return { lang: doc.lang, sentences, words, spinDensity: spin.density, spun: spin.spun };
}

/** Roles and pivot of a story's documents; readSpin(doc) says how spun a document reads on its own. */
export const rolesOf = (docs: SegmentedDoc[], readSpin: (doc: SegmentedDoc) => SpinReading = () => NOT_READ): RoleAssignment =>
  assignRoles(docs.map((d) => versionInfo(d, readSpin(d))));

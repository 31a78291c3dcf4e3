import type { StoryAnalysis, StoryJob, StoryReading } from './analyse.js';
import { prepareItem, type PrepareTask, type PreparedItem } from './prepare.js';
import type { DocFeatures } from '../group/features.js';
import type { Pair, Similarity, SimilarityPart } from '../group/cluster.js';
import type { WordSequence } from '../group/sequence.js';

// The batch's pure, CPU-bound tasks: what a worker (worker.ts) or the calling thread (the pool's inline
// path) does with each. Kept apart from pool.ts so that starting a pool loads none of this code: the CLI
// starts its workers first, and they load it while the main thread loads its own. Story analysis code is
// loaded on the first story (or warm) task: a worker's first tasks are input items to prepare, and it
// starts on them before loading the rest.

export type { Side } from '../resources.js';
import type { Side } from '../resources.js';
import { currentResources, withResources, type Resources } from '../../core/resources.js';

export type Task =
  | { kind: 'prepare'; task: PrepareTask }
  | { kind: 'story'; job: StoryJob }
  | { kind: 'read'; job: StoryJob }
  | { kind: 'finish'; job: StoryJob; reading: StoryReading }
  | { kind: 'warm'; side: Side }
  | { kind: 'crossPairs'; docs: DocFeatures[] }
  | { kind: 'sequence'; texts: string[] }
  | { kind: 'similarities'; docs: DocFeatures[]; part: SimilarityPart };
export type TaskResult = PreparedItem | StoryAnalysis | StoryReading | Pair[] | Similarity[] | WordSequence | null;

let analysis: Promise<[typeof import('./analyse.js'), typeof import('./warm.js')]> | null = null;
const loadAnalysis = () => (analysis ??= Promise.all([import('./analyse.js'), import('./warm.js')]));

/**
 * A prepared item at once; a story analysis (or one side of it, or a warm-up) once its code is loaded. `res`: the
 * worker's word lists and tables (core/resources.ts), the current ones when not given.
 */
export function runTask(t: Task, res: Resources = currentResources()): TaskResult | Promise<TaskResult> {
  if (t.kind === 'prepare') return withResources(res, () => prepareItem(t.task));
  if (t.kind === 'sequence') {
    const texts = t.texts;
    return import('../group/sequence.js').then((s) => withResources(res, () => s.wordSequence(texts)));
  }
  if (t.kind === 'crossPairs') {
    const docs = t.docs;
    return import('../group/cluster.js').then((c) => withResources(res, () => c.crossPairs(docs)));
  }
  if (t.kind === 'similarities') {
    const { docs, part } = t;
    return import('../group/cluster.js').then((c) =>
      withResources(res, () => c.similarities(docs, c.DEFAULT_CLUSTER, part)),
    );
  }
  return loadAnalysis().then(([a, w]) => withResources(res, () => runAnalysis(t, a, w)));
}

function runAnalysis(
  t: Exclude<Task, { kind: 'prepare' | 'crossPairs' | 'sequence' | 'similarities' }>,
  a: typeof import('./analyse.js'),
  w: typeof import('./warm.js'),
): TaskResult {
  if (t.kind === 'story') return a.analyseStory(t.job);
  if (t.kind === 'read') return a.readStory(t.job);
  if (t.kind === 'finish') return a.finishStory(t.job, t.reading);
  w.warmUp(t.side);
  return null;
}

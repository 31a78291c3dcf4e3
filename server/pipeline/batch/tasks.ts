import type { StoryAnalysis, StoryJob } from './analyse.js';
import { prepareItem, type PrepareTask, type PreparedItem } from './prepare.js';

// The batch's pure, CPU-bound tasks: what a worker (worker.ts) or the calling thread (the pool's inline
// path) does with each. Kept apart from pool.ts so that starting a pool loads none of this code: the CLI
// starts its workers first, and they load it while the main thread loads its own. Story analysis code is
// loaded on the first story (or warm) task: a worker's first tasks are input items to prepare, and it
// starts on them before loading the rest.

export type Task = { kind: 'prepare'; task: PrepareTask } | { kind: 'story'; job: StoryJob } | { kind: 'warm' };
export type TaskResult = PreparedItem | StoryAnalysis | null;

let analysis: Promise<[typeof import('./analyse.js'), typeof import('./warm.js')]> | null = null;
const loadAnalysis = () => (analysis ??= Promise.all([import('./analyse.js'), import('./warm.js')]));

/** A prepared item at once; a story analysis (or warm-up) once its code is loaded. */
export function runTask(t: Task): TaskResult | Promise<TaskResult> {
  if (t.kind === 'prepare') return prepareItem(t.task);
  if (t.kind === 'story') {
    const job = t.job;
    return loadAnalysis().then(([a]) => a.analyseStory(job));
  }
  return loadAnalysis().then(([, w]) => {
    w.warmUp();
    return null;
  });
}

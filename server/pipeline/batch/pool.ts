import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { analyseStory, type StoryAnalysis, type StoryJob } from './analyse.js';
import { prepareItem, type PrepareTask, type PreparedItem } from './prepare.js';
import { warmUp } from './warm.js';

// A fixed pool of worker threads for the batch's CPU-bound, pure work: preparing input items (prepare.ts)
// and analysing stories (analyse.ts). Size 0 runs both inline on the calling thread (small inputs, tests
// of the pure path).

export type Task = { kind: 'prepare'; task: PrepareTask } | { kind: 'story'; job: StoryJob } | { kind: 'warm' };
export type TaskResult = PreparedItem | StoryAnalysis | null;

interface Pending {
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

/** Tasks in each worker's queue at most: enough to cover a pause of the main thread, few enough to balance. */
const AHEAD = 3;

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/** A task run on the calling thread, settled like one run by a worker. */
function runHere<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e as Error);
  }
}

/** What a worker does with a task (worker.ts, and the inline pool). */
export function runTask(t: Task): TaskResult {
  if (t.kind === 'prepare') return prepareItem(t.task);
  if (t.kind === 'story') return analyseStory(t.job);
  warmUp();
  return null;
}

/**
 * The worker entry next to this file: worker.js when built; worker.ts when run from sources (tests,
 * benchmarks under tsx), in which case the worker needs the tsx loader too.
 */
function newWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`;
  return new Worker(boot, { eval: true });
}

export class BatchPool {
  private workers: Worker[] = [];
  private queue: { id: number; task: Task }[] = [];
  private pending = new Map<number, Pending>();
  /** tasks sent to each worker and not answered yet */
  private outstanding = new Map<Worker, number>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = newWorker();
      w.on('message', (m: { id: number; result?: TaskResult; error?: string }) => this.settle(w, m));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`batch worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.outstanding.set(w, 0);
    }
  }

  /**
   * Input items are prepared on the calling thread when there is at most one worker: that thread would
   * otherwise wait, and the worker loads what analysis reads meanwhile (warm). With several workers they
   * prepare the items, and the calling thread only stores them.
   */
  get preparesHere(): boolean {
    return this.size <= 1;
  }

  prepare(task: PrepareTask): Promise<PreparedItem> {
    if (this.preparesHere) return runHere(() => prepareItem(task));
    return this.run({ kind: 'prepare', task }) as Promise<PreparedItem>;
  }

  analyse(job: StoryJob): Promise<StoryAnalysis> {
    return this.run({ kind: 'story', job }) as Promise<StoryAnalysis>;
  }

  /** Every worker loads what story analysis reads (warm.ts), ahead of the tasks sent after this. */
  warm(): void {
    if (this.failure) return;
    for (const w of this.workers) {
      const id = this.nextId++;
      this.pending.set(id, { resolve: () => {}, reject: () => {} });
      this.outstanding.set(w, this.outstanding.get(w)! + 1);
      w.postMessage({ id, task: { kind: 'warm' } satisfies Task });
    }
  }

  private run(task: Task): Promise<TaskResult> {
    if (this.size === 0) return runHere(() => runTask(task));
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, task });
      this.pump();
    });
  }

  /**
   * Each worker is sent a few tasks ahead (they wait in its port's queue): a worker that had to wait for
   * this thread to notice its answer and send the next task sat idle whenever this thread was committing.
   */
  private pump(): void {
    while (this.queue.length) {
      let w: Worker | null = null;
      for (const x of this.workers) if (this.outstanding.get(x)! < AHEAD && (!w || this.outstanding.get(x)! < this.outstanding.get(w)!)) w = x;
      if (!w) return;
      this.outstanding.set(w, this.outstanding.get(w)! + 1);
      w.postMessage(this.queue.shift()!);
    }
  }

  private settle(w: Worker, m: { id: number; result?: TaskResult; error?: string }): void {
    this.outstanding.set(w, this.outstanding.get(w)! - 1);
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    if (p) {
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result!);
    }
    this.pump();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.queue = [];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
    this.outstanding.clear();
  }
}

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { analyseStory, type StoryAnalysis, type StoryJob } from './analyse.js';

// A fixed pool of worker threads for story analysis (alignment + detection are CPU-bound and pure).
// Size 0 analyses inline on the calling thread (small inputs, tests of the pure path).

interface Pending {
  resolve: (r: StoryAnalysis) => void;
  reject: (e: Error) => void;
}

/** Stories in each worker's queue at most: enough to cover a pause of the main thread, few enough to balance. */
const AHEAD = 3;

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

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

export class StoryPool {
  private workers: Worker[] = [];
  private queue: { id: number; job: StoryJob }[] = [];
  private pending = new Map<number, Pending>();
  /** stories sent to each worker and not answered yet */
  private outstanding = new Map<Worker, number>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = newWorker();
      w.on('message', (m: { id: number; result?: StoryAnalysis; error?: string }) => this.settle(w, m));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`story worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.outstanding.set(w, 0);
    }
  }

  run(job: StoryJob): Promise<StoryAnalysis> {
    if (this.size === 0) {
      try {
        return Promise.resolve(analyseStory(job));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, job });
      this.pump();
    });
  }

  /**
   * Each worker is sent a few stories ahead (they wait in its port's queue): a worker that had to wait for
   * this thread to notice its answer and send the next story sat idle whenever this thread was committing.
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

  private settle(w: Worker, m: { id: number; result?: StoryAnalysis; error?: string }): void {
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

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { StoryAnalysis, StoryJob, StoryReading } from './analyse.js';
import type { PrepareTask, PreparedItem } from './prepare.js';
import type { DocFeatures } from '../group/features.js';
import type { Pair, Similarity, SimilarityPart } from '../group/cluster.js';
import type { WordSequence } from '../group/sequence.js';
import type { Side, Task, TaskResult } from './tasks.js';

// A fixed pool of worker threads for the batch's CPU-bound, pure work: preparing input items (prepare.ts),
// story discovery's cross-language matches (group/cluster.ts) and analysing stories (analyse.ts). Size 0
// runs it all inline on the calling thread (small inputs, tests of the pure path). The task code (tasks.ts) is loaded only where it runs: a new pool's workers load it
// while the calling thread goes on loading its own.

interface Pending {
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

/**
 * Tasks in each worker's queue at most: enough that a worker does not wait on this thread between them (it
 * pauses to store what comes back), few enough to balance the last stories. Input items are small, even
 * tasks (the driver bounds how many are read ahead); stories vary.
 */
const AHEAD: Record<Task['kind'], number> = {
  prepare: 16,
  story: 8,
  read: 8,
  finish: 8,
  warm: 8,
  crossPairs: 8,
  sequence: 16,
  similarities: 8,
};

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

let tasks: Promise<typeof import('./tasks.js')> | null = null;
/** A task run on the calling thread (its code loaded on first use), settled like one run by a worker. */
function runHere(task: Task): Promise<TaskResult> {
  return (tasks ??= import('./tasks.js')).then((t) => t.runTask(task));
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

/**
 * Which workers a task may go to. With several workers, story analysis is split in two sides
 * (analyse.ts: readStory, finishStory), each story read on one worker and finished on another: each side's
 * workers keep warm only what that side reads, where with every worker doing whole stories each met (and
 * worked out, and kept) every word of the batch. bench/results/batch-cold.json, the benchmark's stories in
 * fresh threads: the two sides at once took 3.0–3.7 s where two halves of whole stories at once took
 * 4.8–5.3 s (all stories in one thread: 4.5–5.1 s).
 */
type Lane = 'any' | 'read' | 'finish';
/** Finishing tasks a reading worker holds at once when it helps (pump). */
const HELPING = 2;
const LANES: Partial<Record<Task['kind'], Lane>> = {
  read: 'read',
  finish: 'finish',
  sequence: 'read',
  similarities: 'finish',
};
const laneOf = (t: Task): Lane => LANES[t.kind] ?? 'any';

export class BatchPool {
  private workers: Worker[] = [];
  /** each worker's side of story analysis (tasks.ts Side) */
  private sides = new Map<Worker, Side>();
  private queues: Record<Lane, { id: number; task: Task }[]> = { any: [], read: [], finish: [] };
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
      // the first half (rounded down) reads, the others finish
      this.sides.set(w, size === 1 ? 'both' : i < Math.floor(size / 2) ? 'read' : 'finish');
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
    if (this.preparesHere) return runHere({ kind: 'prepare', task }) as Promise<PreparedItem>;
    return this.run({ kind: 'prepare', task }) as Promise<PreparedItem>;
  }

  analyse(job: StoryJob): Promise<StoryAnalysis> {
    if (this.size < 2) return this.run({ kind: 'story', job }) as Promise<StoryAnalysis>;
    return (this.run({ kind: 'read', job }) as Promise<StoryReading>).then(
      (reading) => this.run({ kind: 'finish', job, reading }) as Promise<StoryAnalysis>,
    );
  }

  /**
   * An English document's word sequence (group/sequence.ts), on a reading worker: an item prepared by a
   * finishing worker comes back without it (prepareItem `sequences`), since the sequence is WordNet look-ups
   * that only the reading side needs again. Measured on the bench:batch corpus in fresh processes: a finishing
   * worker's half cost it ~0.65 CPU-s (WordNet's tables loaded, and its half of the words looked up); the
   * reader, which had looked up the other half, did that half for ~0.13 CPU-s more.
   */
  sequence(texts: string[]): Promise<WordSequence> {
    return this.run({ kind: 'sequence', texts }) as Promise<WordSequence>;
  }

  /**
   * Part of story discovery's same-language similarities (group/cluster.ts), on a finishing worker: it has
   * nothing else to do until the first stories are read. Only with several workers (a lone one has no side).
   */
  similarities(docs: DocFeatures[], part: SimilarityPart): Promise<Similarity[]> {
    if (this.size < 2) throw new Error('similarities are shared with a finishing worker: the pool has none');
    return this.run({ kind: 'similarities', docs, part }) as Promise<Similarity[]>;
  }

  /** Story discovery's cross-language matches (group/cluster.ts crossPairs), on a worker. */
  crossPairs(docs: DocFeatures[]): Promise<Pair[]> {
    return this.run({ kind: 'crossPairs', docs }) as Promise<Pair[]>;
  }

  /** Every worker loads what story analysis reads (warm.ts), ahead of the tasks sent after this. */
  warm(): void {
    if (this.failure) return;
    for (const w of this.workers) {
      const id = this.nextId++;
      this.pending.set(id, { resolve: () => {}, reject: () => {} });
      this.outstanding.set(w, this.outstanding.get(w)! + 1);
      w.postMessage({ id, task: { kind: 'warm', side: this.sides.get(w)! } satisfies Task });
    }
  }

  private run(task: Task): Promise<TaskResult> {
    if (this.size === 0) return runHere(task);
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queues[laneOf(task)].push({ id, task });
      this.pump();
    });
  }

  /**
   * Each worker is sent a few tasks ahead (they wait in its port's queue): a worker that had to wait for
   * this thread to notice its answer and send the next task sat idle whenever this thread was committing.
   */
  private pump(): void {
    for (const lane of ['read', 'finish', 'any'] as const) {
      const queue = this.queues[lane];
      while (queue.length) {
        const ahead = AHEAD[queue[0]!.task.kind];
        let w: Worker | null = null;
        for (const x of this.workers) {
          if (lane !== 'any' && this.sides.get(x) !== lane) continue;
          if (this.outstanding.get(x)! < ahead && (!w || this.outstanding.get(x)! < this.outstanding.get(w)!)) w = x;
        }
        // a reading worker with nothing to read finishes a story or so at a time rather than wait (few
        // enough that a new story to read is not stuck behind them)
        if (!w && lane === 'finish' && !this.queues.read.length) {
          for (const x of this.workers) if (this.sides.get(x) === 'read' && this.outstanding.get(x)! < HELPING) w = x;
        }
        if (!w) break;
        this.outstanding.set(w, this.outstanding.get(w)! + 1);
        const next = queue.shift()!;
        if (next.task.kind === 'prepare' && this.sides.get(w) === 'finish') next.task.task.sequences = false;
        w.postMessage(next);
      }
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
    this.queues = { any: [], read: [], finish: [] };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
    this.outstanding.clear();
  }
}

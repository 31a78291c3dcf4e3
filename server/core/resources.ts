import { join } from 'node:path';
import { DATA_DIR } from '../paths.js';

// What one process (or batch worker) has loaded: the word lists, the prebuilt tables and the memo tables whose
// answers come from them. Everything is loaded on first use and kept for the life of the Resources object.
//
// A table is declared once, where its loading code is (`resource(name, load)` in lang/ and the spin code), and
// read through a Resources object: `res.get(TABLE)`. The phases are handed one (the pipeline's carriers:
// StoryContext.resources, the batch job, `checkDocs`) and run their synchronous work inside `withResources`, so
// the word-level functions of lang/ (`frequencyRank(word)`, `lookup(form)`, …) read the one their caller was
// handed without each of their signatures carrying it. A test builds a fresh `new Resources({ dataDir })` over
// its own fixtures instead of sharing the process's tables; a process that never names one uses its default.

/** One table or cache: how to load it, and where its value sits in a Resources object. */
export interface ResourceDef<T> {
  readonly id: number;
  readonly name: string;
  readonly load: (res: Resources) => T;
}

let nextId = 0;
// TAPAT_RESOURCE_TIMES=1: each member's load time on stderr (what a command pays for its word lists)
const TIMING = Boolean(process.env.TAPAT_RESOURCE_TIMES);

/** Declares a table (module level, once): `load` runs on a Resources object's first `get` of it. */
export function resource<T>(name: string, load: (res: Resources) => T): ResourceDef<T> {
  return { id: nextId++, name, load };
}

export interface ResourceOptions {
  /** The shipped data folder (data/): word lists, lexicon, vectors. */
  dataDir?: string;
  /** Where the tables prebuilt from it are (lang/prebuilt.ts); the data folder's prebuilt/ by default. */
  prebuiltDir?: string;
}

// a loaded value may be null (a table that is not there): `undefined` alone means "not loaded yet"
type Slot = unknown;

export class Resources {
  readonly dataDir: string;
  readonly prebuiltDir: string;
  private readonly slots: Slot[] = [];

  constructor(opts: ResourceOptions = {}) {
    this.dataDir = opts.dataDir ?? DATA_DIR;
    this.prebuiltDir = opts.prebuiltDir ?? join(this.dataDir, 'prebuilt');
  }

  /** A path under this object's data folder. */
  dataPath(...parts: string[]): string {
    return join(this.dataDir, ...parts);
  }

  get<T>(def: ResourceDef<T>): T {
    const v = this.slots[def.id];
    if (v !== undefined) return v as T;
    const t0 = TIMING ? performance.now() : 0;
    const loaded = def.load(this);
    if (TIMING) process.stderr.write(`resource ${def.name}: ${(performance.now() - t0).toFixed(1)} ms\n`);
    if (loaded === undefined) throw new Error(`resource ${def.name}: its loader returned nothing`);
    this.slots[def.id] = loaded;
    return loaded;
  }

  /** Whether the table has been loaded by this object (for tests and the warm-up's report). */
  has(def: ResourceDef<unknown>): boolean {
    return this.slots[def.id] !== undefined;
  }
}

let active: Resources | null = null;

/** The Resources object the running phase was handed, or the process's default one. */
export function currentResources(): Resources {
  return (active ??= new Resources());
}

/** Reads a table from the current Resources object (the lang/ functions' loading lines). */
export function use<T>(def: ResourceDef<T>): T {
  return (active ??= new Resources()).get(def);
}

/**
 * Runs `fn` (synchronous work: detection, alignment, one story's analysis) with `res` as the current Resources
 * object, then restores the previous one. Promises `fn` returns do not stay inside: await nothing in it.
 */
export function withResources<T>(res: Resources | undefined, fn: () => T): T {
  if (!res || res === active) return fn();
  const prev = active;
  active = res;
  try {
    return fn();
  } finally {
    active = prev;
  }
}

/** Makes `res` the process's (or worker's) Resources object: what runs outside withResources reads it. */
export function installResources(res: Resources): void {
  active = res;
}

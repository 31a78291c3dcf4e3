import { UsageError } from '../../errors.js';
import type { Detector } from './types.js';

// Thresholds are config (OpusFilter style): a detector's defaults, overridden key by key from
// config.thresholds[detectorId]. A key the detector does not define is a refusal, not a silent no-op.

export type ThresholdConfig = Record<string, Record<string, number>>;

/** Checks every configured detector id and key against the registry; throws UsageError on the first unknown one. */
export function validateThresholds(cfg: ThresholdConfig, detectors: readonly Detector[]): void {
  const byId = new Map(detectors.map((d) => [d.id, d]));
  for (const [id, keys] of Object.entries(cfg)) {
    const d = byId.get(id);
    if (!d) throw new UsageError(`thresholds.${id}: no detector has this id (known: ${[...byId.keys()].join(', ')})`);
    for (const k of Object.keys(keys)) {
      if (!(k in d.thresholds)) {
        throw new UsageError(
          `thresholds.${id}.${k}: unknown threshold (known: ${Object.keys(d.thresholds).join(', ')})`,
        );
      }
    }
  }
}

/** The effective thresholds of one detector. */
export function thresholdsFor(d: Detector, cfg: ThresholdConfig): Record<string, number> {
  return { ...d.thresholds, ...(cfg[d.id] ?? {}) };
}

/** Reads a threshold the detector defined; falls back to its default when a caller passed a partial record. */
export function th(d: { thresholds: Record<string, number> }, given: Record<string, number>, key: string): number {
  const v = given[key] ?? d.thresholds[key];
  if (v === undefined) throw new Error(`detector threshold ${key} is not defined`);
  return v;
}

/** The keys of `defaults` read from a detector's effective thresholds (thresholdsFor), typed for the code that uses them. */
export function typedThresholds<T extends { [K in keyof T]: number }>(
  defaults: T,
  given: Readonly<Record<string, number>>,
): T {
  const out = { ...defaults };
  for (const k of Object.keys(defaults) as (keyof T & string)[]) {
    const v = given[k];
    if (v !== undefined) out[k] = v as T[keyof T & string];
  }
  return out;
}

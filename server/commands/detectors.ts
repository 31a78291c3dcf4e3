import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { writeJsonl, writeLine } from './io.js';
import type { DetectorRecord as ContractDetectorRecord } from '../../contract/index.js';

// `tapat detectors`: the registry as the tool runs it — every detector's id, scope, MQM category, default
// severity and its effective thresholds (defaults overridden by tapat.config.json), so a user can see which keys
// `thresholds.<id>` accepts without reading the source. Generated from the registry, never written by hand.

/** One detector as `tapat detectors --jsonl` prints it (contract/jsonl/records.ts). */
export type DetectorRecord = ContractDetectorRecord;

export async function detectorRecords(): Promise<DetectorRecord[]> {
  const cfg = loadConfig();
  const [{ allDetectors }, { thresholdsFor, validateThresholds }] = await Promise.all([
    import('../pipeline/detect/registry.js'),
    import('../pipeline/detect/thresholds.js'),
  ]);
  const detectors = allDetectors();
  validateThresholds(cfg.thresholds, detectors);
  return detectors.map((d) => ({
    id: d.id,
    name: d.name,
    scope: d.scope,
    category: d.category,
    severity: d.defaultSeverity,
    description: d.description,
    thresholds: thresholdsFor(d, cfg.thresholds),
    configured: Object.keys(cfg.thresholds[d.id] ?? {}),
  }));
}

const shown = (r: DetectorRecord): string =>
  Object.entries(r.thresholds)
    .map(([k, v]) => `${k}=${v}${r.configured.includes(k) ? '*' : ''}`)
    .join(' ');

export function registerDetectors(program: Command): void {
  program
    .command('detectors')
    .description('list the detector registry: id, scope, category, severity and effective thresholds')
    .option(
      '--jsonl',
      'one JSON record per detector: {id,name,scope,category,severity,description,thresholds,configured}',
    )
    .action(async (opts: { jsonl?: boolean }) => {
      const records = await detectorRecords();
      if (opts.jsonl) return writeJsonl(records);
      for (const r of records) {
        writeLine(`${r.id}\t${r.scope}\t${r.category}\t${r.severity}\t${r.description}`);
        if (Object.keys(r.thresholds).length) writeLine(`\t${shown(r)}`);
      }
      if (records.some((r) => r.configured.length)) writeLine('(* set in tapat.config.json)');
    });
}

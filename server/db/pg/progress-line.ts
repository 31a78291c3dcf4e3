import type { DistributedProgress } from './batch.js';

/** How far a distributed run got, as one line (`tapat worker` after each job, `tapat batch status`, the web app). */
export function progressLine(p: DistributedProgress): string {
  const where =
    p.phase === 'reading'
      ? `${p.items}/${p.inputs} items`
      : p.phase === 'grouping'
        ? `${p.items} items read, grouping`
        : `${p.audited}/${p.stories} stories`;
  return `run ${p.id} ${p.phase}: ${where}${p.refused ? `, ${p.refused} refused` : ''}`;
}

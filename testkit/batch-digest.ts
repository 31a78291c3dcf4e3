// A canonical dump of what a batch audit found (stories with their versions and roles, alignments with
// their beads, flags) keyed by document url instead of row ids, and its SHA-256. Speed work on the batch
// must leave it unchanged: `npx tsx testkit/batch-digest.ts A.db [B.db]` prints the digests (and the first
// differing line when two databases differ). bench/batch.ts records the digest of its 2-worker run.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

export function batchDump(file: string): string[] {
  const c = new Database(file, { readonly: true });
  try {
    const url = new Map(
      (c.prepare('SELECT id, COALESCE(url, path) AS u FROM documents').all() as { id: number; u: string }[]).map(
        (r) => [r.id, r.u],
      ),
    );
    const u = (id: number | null): string => (id === null ? '-' : (url.get(id) ?? `?${id}`));
    const lines: string[] = [];
    const audits = c.prepare('SELECT id, story_key, name, pivot_document_id FROM audits').all() as {
      id: number;
      story_key: string | null;
      name: string;
      pivot_document_id: number | null;
    }[];
    const versions = c.prepare('SELECT document_id, role FROM audit_versions WHERE audit_id = ?');
    const aligns = c.prepare('SELECT id, src_document_id, tgt_document_id, method FROM alignments WHERE audit_id = ?');
    const beads = c.prepare('SELECT ord, src, tgt, score FROM beads WHERE alignment_id = ? ORDER BY ord');
    const flags = c.prepare(
      `SELECT document_id, other_document_id, detector, category, severity, confidence, raw_score, segments, other_segments,
              start, end, other_start, other_end, message, evidence, suggestion, fingerprint, status FROM flags WHERE audit_id = ?`,
    );
    for (const a of audits) {
      const vs = (versions.all(a.id) as { document_id: number; role: string }[])
        .map((v) => `${u(v.document_id)}=${v.role}`)
        .sort();
      const story = vs.join(' ');
      const out: string[] = [`story ${story} | key ${a.story_key} | pivot ${u(a.pivot_document_id)} | ${a.name}`];
      for (const al of aligns.all(a.id) as {
        id: number;
        src_document_id: number;
        tgt_document_id: number;
        method: string;
      }[]) {
        const bs = (beads.all(al.id) as { ord: number; src: string; tgt: string; score: number }[]).map(
          (b) => `${b.ord}:${b.src}>${b.tgt}@${b.score}`,
        );
        out.push(`  align ${u(al.src_document_id)} -> ${u(al.tgt_document_id)} ${al.method}: ${bs.join(' ')}`);
      }
      const fl = (flags.all(a.id) as Record<string, unknown>[]).map((f) => {
        const { document_id, other_document_id, ...rest } = f;
        return `  flag ${u(document_id as number)} ${u(other_document_id as number | null)} ${JSON.stringify(rest)}`;
      });
      out.push(...fl.sort());
      lines.push(out.join('\n'));
    }
    return lines.sort();
  } finally {
    c.close();
  }
}

export const batchDigest = (file: string): string =>
  createHash('sha256').update(batchDump(file).join('\n')).digest('hex');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = process.argv.slice(2);
  const dumps = files.map(batchDump);
  files.forEach((f, i) =>
    process.stdout.write(`${createHash('sha256').update(dumps[i]!.join('\n')).digest('hex')}  ${f}\n`),
  );
  if (dumps.length === 2) {
    const [a, b] = [dumps[0]!.join('\n').split('\n'), dumps[1]!.join('\n').split('\n')];
    const i = a.findIndex((l, k) => l !== b[k]);
    if (i >= 0 || a.length !== b.length) {
      process.stdout.write(`differ at line ${i}:\n< ${a[i] ?? ''}\n> ${b[i] ?? ''}\n`);
      process.exitCode = 1;
    } else process.stdout.write('identical\n');
  }
}

import { runCliAsync, type CliResult } from './cli.js';
import { tx, type Db } from '../../server/db/index.js';
import { storeDocument } from '../../server/db/documents.js';
import { createAudit } from '../../server/db/audits.js';
import { segmentDoc } from '../../server/pipeline/segment/index.js';
import type { Lang } from '../../server/pipeline/types.js';

// The stored audit `tapat judge` is run on in the judge tests (SQLite, and copied to PostgreSQL), and the CLI run
// as a child process: asynchronously, because the fake model server lives in the test's process.

export const EN = 'Putin arrived in Pyongyang.\n\nThe minister said 24 people were hurt.\n';
export const TL = 'Dumating si Putin sa Pyongyang.\n\nSinabi ng ministro na 42 katao ang nasugatan.\n';

export function storeAudit(db: Db): number {
  return tx(db, () => {
    const doc = (text: string, lang: Lang, path: string): number =>
      storeDocument(
        db,
        segmentDoc({ path, url: null, title: null, format: 'txt', encoding: 'utf-8', declaredLang: lang, text }),
      ).id;
    const en = doc(EN, 'en', 'en.txt');
    const tl = doc(TL, 'tl', 'tl.txt');
    return createAudit(
      db,
      'story',
      [
        { document_id: en, role: 'source' },
        { document_id: tl, role: 'translation' },
      ],
      en,
    );
  });
}

/** The CLI as the judge tests run it: no config file of the user's, a minute at most. */
export function judgeCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return runCliAsync(args, { env: { TAPAT_CONFIG: '/nonexistent', ...env }, timeout: 60_000 });
}

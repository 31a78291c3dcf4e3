// Child for the SIGKILL-during-writes test: in a loop, one transaction adds a reviewer named
// "<tag>-<i>" and a document whose path names the same reviewer; the id is printed only after COMMIT.
import { openDb, tx } from '../../../server/db/index.js';
import { addReviewer } from '../../../server/db/reviewers.js';

const [file, tag] = process.argv.slice(2) as [string, string];
const db = openDb(file);
const doc = db.prepare(
  `INSERT INTO documents (path, format, encoding, lang, text, sha256, created_at) VALUES (?, 'txt', 'utf-8', 'en', ?, ?, '2026-01-01')`,
);
for (let i = 0; ; i++) {
  const name = `${tag}-${i}`;
  tx(db, () => {
    addReviewer(db, name);
    // A few hundred KB per transaction so the kill often lands mid-write.
    doc.run(name, `${name} `.repeat(20_000), name);
  });
  process.stdout.write(`${name}\n`);
}

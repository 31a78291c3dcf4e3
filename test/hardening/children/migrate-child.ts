// Child for the SIGKILL-during-migration test: opens an existing database and applies the pending
// migrations of the given folder. Prints "migrating" before and "migrated" after, nothing else.
import { openDb } from '../../../server/db/index.js';
import { migrate } from '../../../server/db/migrate.js';

const [file, dir] = process.argv.slice(2) as [string, string];
const db = openDb(file, { migrate: false });
process.stdout.write('migrating\n');
migrate(db, dir);
db.close();
process.stdout.write('migrated\n');

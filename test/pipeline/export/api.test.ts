import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig } from '../../../server/config.js';
import { openDb } from '../../../server/db/index.js';
import { auditPaths } from '../../../server/pipeline/run.js';
import { exportAudit } from '../../../server/pipeline/export/index.js';
import { SEEDS } from '../../helpers/paths.js';
import { tmpDir } from '../../helpers/tmp.js';
import { testServer } from '../../helpers/server.js';
import { authHeader } from '../../helpers/auth.js';

test('GET /api/audits/:id/export serves the same exports as tapat export', async () => {
  const file = join(tmpDir(), 'api.db');
  const db = openDb(file);
  const [auditId] = auditPaths(db, loadConfig({}, '/nonexistent'), [SEEDS]).audits;
  const expected = exportAudit(db, auditId!, { format: 'xliff', documentId: null, dropBoilerplate: false });
  db.close();
  const srv = await testServer({ dbFile: file });
  // Exports need a token like every other read (issue 22); the client sends it in the header.
  const headers = authHeader(srv.db);
  assert.equal((await fetch(`${srv.url}/api/audits/${auditId}/export?format=txt`)).status, 401, 'no token, no export');
  const res = await fetch(`${srv.url}/api/audits/${auditId}/export?format=xliff`, { headers });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/xliff\+xml/);
  assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="?audit-\d+\.xlf"?/);
  assert.equal(await res.text(), expected.body);
  assert.equal((await fetch(`${srv.url}/api/audits/${auditId}/export?format=docx`, { headers })).status, 400);
  assert.equal((await fetch(`${srv.url}/api/audits/${auditId}/export?format=txt&evil=1`, { headers })).status, 400);
  assert.equal((await fetch(`${srv.url}/api/audits/9999/export?format=txt`, { headers })).status, 404);
  const txt = await fetch(`${srv.url}/api/audits/${auditId}/export?format=txt&dropBoilerplate=1`, { headers });
  assert.equal(txt.status, 200);
  assert.ok((await txt.text()).length > 100);
});

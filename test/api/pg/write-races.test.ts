import { postgresBackend } from '../../helpers/server.js';

// The API suite test/api/write-races.test.ts, run against PostgreSQL (a throwaway cluster for this file, a fresh
// database per test server): the same requests, the same answers asserted.
await postgresBackend();
await import('../write-races.test.js');

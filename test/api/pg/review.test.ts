import { postgresBackend } from '../../helpers/server.js';

// The API suite test/api/review.test.ts, run against PostgreSQL (a throwaway cluster for this file, a fresh
// database per test server): the same requests, the same answers asserted.
await postgresBackend();
await import('../review.test.js');

// The contract: zod schemas of every HTTP API request and answer and every JSONL record, shared by the server
// (validation), the commands (the records they print and read) and the web app (types only: `import type`, so
// zod stays out of the client bundle).
export * from './common.js';
export * from './api/params.js';
export * from './api/flags.js';
export * from './api/audits.js';
export * from './api/review.js';
export * from './api/admin.js';
export * from './api/routes.js';
export * from './jsonl/input.js';
export * from './jsonl/records.js';
export * from './jsonl/report.js';

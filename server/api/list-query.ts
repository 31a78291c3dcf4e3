// ?q=&sort=&order=&offset=&limit= for the audit and document lists (contract/api/params.ts). Without limit the
// whole list comes back, as it always did (the contract), with its total.
export { AuditListQuery, DocumentListQuery } from '../../contract/index.js';

/** SQLite: LIMIT -1 is no limit. */
export const limitOf = (limit: number | undefined): number => limit ?? -1;

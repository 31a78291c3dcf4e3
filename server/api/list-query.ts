import { z } from 'zod';

// ?q=&sort=&order=&offset=&limit= for the audit and document lists. Without limit the whole list comes back,
// as it always did (the contract), with its total.
export const listQuery = <K extends readonly [string, ...string[]]>(sorts: K) =>
  z
    .object({
      q: z.string().max(200).optional(),
      sort: z.enum(sorts).default(sorts[0]),
      order: z.enum(['asc', 'desc']).default('asc'),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    })
    .strict();

/** SQLite: LIMIT -1 is no limit. */
export const limitOf = (limit: number | undefined): number => limit ?? -1;

import { z } from 'zod';

// Request pieces shared by several routes: path ids, "no query parameters", the list queries.

/** `:id` in a path. */
export const IdParam = z.object({ id: z.coerce.number().int().positive() });

/** For endpoints that take no query parameters: an unknown one is a mistake worth saying. */
export const NoQuery = z.object({}).strict();

export const AUDIT_SORTS = ['id', 'name', 'versions', 'flags', 'pending', 'created_at', 'assignee'] as const;
export const DOCUMENT_SORTS = ['id', 'title', 'lang', 'roles', 'sentences', 'flags', 'pending'] as const;

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
export const AuditListQuery = listQuery(AUDIT_SORTS);
export const DocumentListQuery = listQuery(DOCUMENT_SORTS);

/** The error body of every 4xx/5xx answer: a message, sometimes with more (a 409's current flag, a 503's retry). */
export const ErrorBody = z.looseObject({ error: z.string().min(1) });
export type ErrorBody = z.infer<typeof ErrorBody>;

import type { z } from 'zod';
import { HttpError } from './errors.js';

// Request shapes live in the contract (contract/api/), shared with the web app; this turns a bad one into a 400.
export { NoQuery } from '../../contract/index.js';

/** Parses request input with a zod schema; a failure is a 400 naming the first bad field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : what;
  throw new HttpError(400, `${field}: ${issue?.message ?? 'invalid'}`);
}

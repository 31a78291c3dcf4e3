import { z } from 'zod';
import { HttpError } from './errors.js';

/** Parses request input with a zod schema; a failure is a 400 naming the first bad field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : what;
  throw new HttpError(400, `${field}: ${issue?.message ?? 'invalid'}`);
}

/** For endpoints that take no query parameters: an unknown one is a mistake worth saying. */
export const NoQuery = z.object({}).strict();

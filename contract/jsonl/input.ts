import { z } from 'zod';

// The JSONL input of `tapat audit`, `tapat segment` … and of POST /api/batches: one scraped record per line,
// {"url","title","text"|"html","lang"?}. A record without readable text is refused (by line).

export const InputRecord = z
  .object({
    url: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    lang: z.string().nullable().optional(),
  })
  .refine((r) => Boolean(r.text?.trim() || r.html?.trim()), { message: 'needs a non-empty "text" or "html" field' });
export type InputRecord = z.input<typeof InputRecord>;

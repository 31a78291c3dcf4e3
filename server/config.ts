import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { UsageError } from './errors.js';

// Config: defaults < tapat.config.json (or TAPAT_CONFIG) < environment. Unknown keys are errors
// (a misspelt threshold silently ignored is worse than a refusal). The schema is built on first use (a
// config file to read): most commands run without one, and building it was most of their start-up. zod itself
// is loaded then too (synchronously, so its CommonJS build): `tapat align` and `check` on text files load no
// zod at all (their JSONL ingest is loaded only for a JSONL file: commands/ingest-module.ts); a process that
// has a config file and also reads JSONL loads zod's two builds, each once.
function buildSchema() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const LimitsSchema = z
    .object({
      maxFileBytes: z
        .number()
        .int()
        .positive()
        .default(20 * 1024 * 1024),
      maxFilesPerBatch: z.number().int().positive().default(100_000),
      maxRequestBytes: z
        .number()
        .int()
        .positive()
        .default(1024 * 1024),
    })
    .strict();

  const LlmSchema = z
    .object({
      baseUrl: z.string().url().nullable().default(null),
      model: z.string().min(1).nullable().default(null),
      embedModel: z.string().min(1).nullable().default(null),
      apiKey: z.string().nullable().default(null),
      timeoutMs: z.number().int().positive().default(30_000),
      concurrency: z.number().int().positive().default(4),
      maxRequests: z.number().int().positive().default(1000),
      maxTokens: z.number().int().positive().default(500_000),
    })
    .strict();

  // The review server: which Host names it answers to besides its own addresses (DNS rebinding), and how long a
  // reviewer token is valid after it was issued or rotated.
  const ServerSchema = z
    .object({
      allowedHosts: z
        .array(
          z
            .string()
            .min(1)
            .max(253)
            .regex(/^[A-Za-z0-9.-]+$/, 'a host name (letters, digits, dots, hyphens)'),
        )
        .default([]),
      tokenLifetimeDays: z.number().positive().max(3650).default(90),
    })
    .strict();

  return z
    .object({
      limits: LimitsSchema.default(LimitsSchema.parse({})),
      server: ServerSchema.default(ServerSchema.parse({})),
      /** Per-detector thresholds, keyed by detector id; each detector validates its own keys. */
      thresholds: z.record(z.string(), z.record(z.string(), z.number())).default({}),
      llm: LlmSchema.default(LlmSchema.parse({})),
    })
    .strict();
}

let schema: ReturnType<typeof buildSchema> | null = null;
/** The config file's schema (zod), built on first use. */
export const configSchema = (): ReturnType<typeof buildSchema> => (schema ??= buildSchema());

export type Config = z.infer<ReturnType<typeof buildSchema>>;

/** What the schema makes of an empty config (a test holds the two equal): no schema to build without a file. */
const defaults = (): Config => ({
  limits: { maxFileBytes: 20 * 1024 * 1024, maxFilesPerBatch: 100_000, maxRequestBytes: 1024 * 1024 },
  server: { allowedHosts: [], tokenLifetimeDays: 90 },
  thresholds: {},
  llm: {
    baseUrl: null,
    model: null,
    embedModel: null,
    apiKey: null,
    timeoutMs: 30_000,
    concurrency: 4,
    maxRequests: 1000,
    maxTokens: 500_000,
  },
});

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  file = env.TAPAT_CONFIG ?? 'tapat.config.json',
): Config {
  let cfg = defaults();
  if (existsSync(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`config ${file}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = configSchema().safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new UsageError(`config ${file}: ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`);
    }
    cfg = parsed.data;
  }
  if (env.TAPAT_LLM_BASE_URL) cfg.llm.baseUrl = env.TAPAT_LLM_BASE_URL;
  if (env.TAPAT_LLM_MODEL) cfg.llm.model = env.TAPAT_LLM_MODEL;
  if (env.TAPAT_EMBED_MODEL) cfg.llm.embedModel = env.TAPAT_EMBED_MODEL;
  if (env.OPENAI_API_KEY) cfg.llm.apiKey = env.OPENAI_API_KEY;
  if (env.TAPAT_MAX_FILE_BYTES) {
    const n = Number(env.TAPAT_MAX_FILE_BYTES);
    if (!Number.isSafeInteger(n) || n <= 0)
      throw new UsageError(
        `TAPAT_MAX_FILE_BYTES must be a positive whole number of bytes, not "${env.TAPAT_MAX_FILE_BYTES}"`,
      );
    cfg.limits.maxFileBytes = n;
  }
  return cfg;
}

export const DEFAULT_DB = 'tapat.db';
export const defaultDbPath = (env: NodeJS.ProcessEnv = process.env): string => env.TAPAT_DB ?? DEFAULT_DB;

import { after } from 'node:test';
import { loadConfig, type Config } from '../../server/config.js';
import { startFakeOpenAI, type FakeMode, type FakeOpenAI } from '../../testkit/fake-openai.js';

/** A fake endpoint closed after the test file, and a config pointing at it (models fake-judge / fake-embed). */
export async function fakeEndpoint(mode: FakeMode = 'good'): Promise<{ fake: FakeOpenAI; cfg: Config }> {
  const fake = await startFakeOpenAI({ mode });
  after(() => fake.close());
  return { fake, cfg: configFor(fake.baseUrl) };
}

export function configFor(baseUrl: string, llm: Partial<Config['llm']> = {}): Config {
  const cfg = loadConfig(
    { TAPAT_LLM_BASE_URL: baseUrl, TAPAT_LLM_MODEL: 'fake-judge', TAPAT_EMBED_MODEL: 'fake-embed' },
    '/nonexistent',
  );
  Object.assign(cfg.llm, { timeoutMs: 2000, ...llm });
  return cfg;
}

export const unconfigured = (): Config => loadConfig({}, '/nonexistent');

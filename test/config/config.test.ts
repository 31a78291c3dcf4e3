import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { configSchema, loadConfig } from '../../server/config.js';
import { UsageError } from '../../server/errors.js';
import { tmpDir } from '../helpers/tmp.js';

test('defaults apply without a config file; environment overrides', () => {
  const cfg = loadConfig({ TAPAT_MAX_FILE_BYTES: '1234', TAPAT_LLM_MODEL: 'm' }, '/nonexistent.json');
  assert.equal(cfg.limits.maxFileBytes, 1234);
  assert.equal(cfg.llm.model, 'm');
  assert.equal(cfg.llm.baseUrl, null);
});

test('unknown keys and bad values are refused with the path that is wrong', () => {
  const dir = tmpDir();
  const f = join(dir, 'c.json');
  writeFileSync(f, JSON.stringify({ limits: { maxFileByte: 10 } }));
  assert.throws(
    () => loadConfig({}, f),
    (e: unknown) => e instanceof UsageError && /limits/.test(e.message),
  );
  writeFileSync(f, '{not json');
  assert.throws(
    () => loadConfig({}, f),
    (e: unknown) => e instanceof UsageError && /not valid JSON/.test(e.message),
  );
  assert.throws(() => loadConfig({ TAPAT_MAX_FILE_BYTES: 'abc' }, '/nonexistent.json'), /positive whole number/);
  assert.throws(() => loadConfig({ TAPAT_MAX_FILE_BYTES: '-5' }, '/nonexistent.json'), /positive whole number/);
});

test('without a config file the defaults are exactly what the schema makes of an empty config', () => {
  // loadConfig answers these without building the schema (start-up): the two must not drift apart
  const missing = join(tmpDir(), 'none.json');
  assert.deepEqual(loadConfig({}, missing), configSchema().parse({}));
  // and an empty config file goes through the schema to the same place
  const empty = join(tmpDir(), 'empty.json');
  writeFileSync(empty, '{}');
  assert.deepEqual(loadConfig({}, empty), loadConfig({}, missing));
});

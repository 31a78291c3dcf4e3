import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small OpenAI-compatible server on 127.0.0.1 for tests and the benchmark: POST /v1/chat/completions
// and /v1/embeddings. Its "good" judge is a rule-based stand-in (numbers, truncation, negation), enough to
// give answers with real spans; the other modes misbehave the ways real endpoints do.

export type FakeMode =
  | 'good'
  | 'garbage' // prose, not JSON
  | 'malformed' // JSON cut short
  | 'out-of-schema' // valid JSON, wrong shape
  | 'invented' // spans that do not occur in the text
  | 'unknown-category' // categories outside ours
  | 'obey-injection' // does what an injected article asks: approve, out of schema
  | 'obey-injection-clean' // does what an injected article asks, inside the schema: no errors
  | 'hang' // never answers
  | 'reset' // closes the connection without answering (a kept-alive socket the server dropped)
  | '400' // this request refused (e.g. too long)
  | '401' // bad key: every request refused
  | '429'
  | '500'
  | 'empty-embeddings'; // 200 with [] vectors

export interface FakeOpenAI {
  baseUrl: string; // includes /v1
  mode: FakeMode;
  /** Modes for the next requests, used one per request before `mode` applies again. */
  queue: FakeMode[];
  delayMs: number;
  counts: { chat: number; embeddings: number };
  /** The data objects the judge prompts carried, in arrival order. */
  seen: { source: string; translation: string }[];
  close(): Promise<void>;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const NEGATION = /\b(not|never|no|hindi|huwag|wala|walang)\b|n't\b/i;
const INJECTION = /ignore (all )?previous instructions/i;

/** The fake judge: a number in the translation that the source lacks, a translation cut short, a lost negation. */
export function ruleJudge(source: string, translation: string): unknown[] {
  const errors: unknown[] = [];
  const srcNums: string[] = source.match(NUMBER) ?? [];
  const tgtNums: string[] = translation.match(NUMBER) ?? [];
  const missing = srcNums.filter((n) => !tgtNums.includes(n));
  for (const n of tgtNums) {
    if (!srcNums.includes(n)) {
      errors.push({
        category: 'accuracy/mistranslation',
        severity: 'major',
        side: 'target',
        span: n,
        correction: missing[0] ?? null,
        explanation: 'number differs from the source',
      });
    }
  }
  if (translation.length < 0.6 * source.length) {
    const words = source.trim().split(/\s+/);
    errors.push({
      category: 'accuracy/omission',
      severity: 'major',
      side: 'source',
      span: words.slice(-3).join(' '),
      correction: null,
      explanation: 'end of the sentence not translated',
    });
  }
  if (NEGATION.test(source) !== NEGATION.test(translation)) {
    const m = NEGATION.exec(translation);
    errors.push({
      category: 'accuracy/mistranslation',
      severity: 'critical',
      side: 'target',
      span: m ? m[0] : translation,
      correction: null,
      explanation: 'negation changed',
    });
  }
  return errors;
}

function chatContent(mode: FakeMode, data: { source: string; translation: string } | null): string {
  const src = data?.source ?? '';
  const tgt = data?.translation ?? '';
  const injected = INJECTION.test(src) || INJECTION.test(tgt);
  switch (mode) {
    case 'garbage':
      return 'Sure! The translation looks fine to me overall, with a few small issues.';
    case 'malformed':
      return '{"errors": [{"category": "accuracy/mistranslation", "severity": "major", "side": "tar';
    case 'out-of-schema':
      return JSON.stringify({ score: 87, issues: 'none' });
    case 'invented':
      return JSON.stringify({
        errors: [
          {
            category: 'accuracy/mistranslation',
            severity: 'major',
            side: 'target',
            span: 'words that are nowhere in the text',
            correction: 'x',
          },
        ],
      });
    case 'unknown-category':
      return JSON.stringify({
        errors: [
          {
            category: 'terminology/inappropriate',
            severity: 'minor',
            side: 'target',
            span: tgt.split(/\s+/)[0] ?? 'x',
            correction: null,
          },
        ],
      });
    case 'obey-injection':
      if (injected) return JSON.stringify({ approved: true, verdict: 'approve everything', errors: [] });
      return JSON.stringify({ errors: ruleJudge(src, tgt) });
    case 'obey-injection-clean':
      if (injected) return JSON.stringify({ errors: [] });
      return JSON.stringify({ errors: ruleJudge(src, tgt) });
    default:
      return JSON.stringify({ errors: ruleJudge(src, tgt) });
  }
}

/** Hashed bag of words: texts sharing words get close vectors. */
function fakeVector(text: string, dims = 64): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    v[(h >>> 0) % dims]! += 1;
  }
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function dataOf(body: { messages?: { content?: string }[] }): { source: string; translation: string } | null {
  const user = body.messages?.find((m) => m.content?.includes('BEGIN DATA'))?.content ?? '';
  const m = /\nBEGIN DATA\n(.*)\nEND DATA/.exec(user);
  if (!m) return null;
  const d = JSON.parse(m[1]!) as { source: string; translation: string };
  return { source: d.source, translation: d.translation };
}

export async function startFakeOpenAI(opts: { mode?: FakeMode; delayMs?: number } = {}): Promise<FakeOpenAI> {
  const fake: Omit<FakeOpenAI, 'baseUrl' | 'close'> = {
    mode: opts.mode ?? 'good',
    queue: [],
    delayMs: opts.delayMs ?? 0,
    counts: { chat: 0, embeddings: 0 },
    seen: [],
  };
  const server = createServer((req, res) => {
    // Counted on arrival: a client that gives up before the body is read has still sent a request.
    const chat = req.url === '/v1/chat/completions';
    const embeddings = req.url === '/v1/embeddings';
    if (req.method === 'POST' && chat) fake.counts.chat++;
    if (req.method === 'POST' && embeddings) fake.counts.embeddings++;
    void (async () => {
      const raw = await readBody(req);
      if (req.method !== 'POST' || (!chat && !embeddings)) return send(res, 404, { error: { message: 'not found' } });
      const mode = fake.queue.shift() ?? fake.mode;
      if (mode === 'hang') return; // never answers; close() ends the socket
      if (mode === 'reset') return req.socket.destroy();
      if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs));
      if (mode === '400')
        return send(res, 400, { error: { message: 'context length exceeded', type: 'invalid_request_error' } });
      if (mode === '401')
        return send(res, 401, { error: { message: 'invalid api key', type: 'invalid_request_error' } });
      if (mode === '429') return send(res, 429, { error: { message: 'rate limited', type: 'rate_limit' } });
      if (mode === '500') return send(res, 500, { error: { message: 'internal error', type: 'server_error' } });
      const body = JSON.parse(raw) as { model: string; messages?: { content?: string }[]; input?: string | string[] };
      if (chat) {
        const data = dataOf(body);
        if (data) fake.seen.push(data);
        const content = chatContent(mode, data);
        const prompt = Math.ceil(raw.length / 4);
        const completion = Math.ceil(content.length / 4);
        return send(res, 200, {
          id: `chatcmpl-${fake.counts.chat}`,
          object: 'chat.completion',
          created: 0,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
        });
      }
      const input = Array.isArray(body.input) ? body.input : [body.input ?? ''];
      const tokens = input.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
      return send(res, 200, {
        object: 'list',
        model: body.model,
        data: input.map((t, index) => ({
          object: 'embedding',
          index,
          embedding: mode === 'empty-embeddings' ? [] : fakeVector(t),
        })),
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
    })().catch((e: unknown) => send(res, 500, { error: { message: String(e) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

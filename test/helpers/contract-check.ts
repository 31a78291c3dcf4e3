import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ErrorBody, responseSchema, routeOf } from '../../contract/index.js';

// Every JSON answer a test server gives under /api is parsed with the contract's schema for its route and status
// (test/helpers/server.ts installs this on every test server), so any route any test hits keeps to the contract:
// a field the server adds, drops or changes without the contract fails the test file that saw it.

export interface ContractCheck {
  /** answers that did not parse: "METHOD /path STATUS: field: problem" */
  violations: string[];
  /** how many answers were checked, by "METHOD /route/:pattern STATUS" */
  checked: Map<string, number>;
}

function capture(res: ServerResponse, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const keep = (c: unknown, enc?: unknown): void => {
    if (c === undefined || c === null || typeof c === 'function') return;
    chunks.push(
      Buffer.isBuffer(c) ? c : Buffer.from(c as string, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8'),
    );
  };
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  res.write = ((...a: unknown[]) => (keep(a[0], a[1]), write(...a))) as ServerResponse['write'];
  res.end = ((...a: unknown[]) => (keep(a[0], a[1]), end(...a))) as ServerResponse['end'];
  res.on('finish', () => done(Buffer.concat(chunks)));
}

export function checkResponses(server: Server): ContractCheck {
  const check: ContractCheck = { violations: [], checked: new Map() };
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (!url.startsWith('/api') || req.method === 'HEAD') return;
    capture(res, (body) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (res.statusCode === 304 || !body.length || !type.startsWith('application/json')) return;
      const route = routeOf(req.method ?? '', url);
      const schema = route ? responseSchema(route, res.statusCode) : ErrorBody;
      if (!schema) return;
      const key = `${req.method} ${route?.path ?? '(no route)'} ${res.statusCode}`;
      check.checked.set(key, (check.checked.get(key) ?? 0) + 1);
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        check.violations.push(`${req.method} ${url} ${res.statusCode}: (body): not JSON though sent as ${type}`);
        return;
      }
      const r = schema.safeParse(json);
      if (!r.success) {
        const issue = r.error.issues[0];
        check.violations.push(
          `${req.method} ${url} ${res.statusCode}: ${issue?.path.join('.') || '(body)'}: ${issue?.message}`,
        );
      }
    });
  });
  return check;
}

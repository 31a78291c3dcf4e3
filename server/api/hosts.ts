import { hostname, networkInterfaces } from 'node:os';
import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

// DNS rebinding: a web page on evil.example can point its own name at 127.0.0.1 and then read this server as
// same-origin. The browser still sends `Host: evil.example`, so requests are served only for the server's own
// names and addresses: loopback, the bound address, this machine's name and addresses when bound to all
// interfaces, and the names an operator lists in tapat.config.json (server.allowedHosts).

const WILDCARD = new Set(['0.0.0.0', '::', '']);

function normalise(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

export function allowedHostNames(bound: string, configured: readonly string[]): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', ...configured].map(normalise));
  if (WILDCARD.has(bound)) {
    names.add(normalise(hostname()));
    for (const a of Object.values(networkInterfaces()).flat()) if (a) names.add(normalise(a.address));
  } else {
    names.add(normalise(bound));
  }
  return names;
}

/**
 * The host name of a Host header value (port and IPv6 brackets taken off), or null when it is not a plain
 * name or address with an optional port (URL parsing would accept "x@127.0.0.1" as 127.0.0.1).
 */
export function hostOf(header: string): string | null {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/.exec(header.trim());
  return m ? normalise(m[1]!) : null;
}

export function hostGuard(bound: string, configured: readonly string[]): RequestHandler {
  const allowed = allowedHostNames(bound, configured);
  return (req, _res, next) => {
    const header = req.headers.host ?? '';
    const name = hostOf(header);
    if (name === null || !allowed.has(name)) {
      throw new HttpError(
        403,
        `Host "${header.slice(0, 100)}" is not a name of this server; add it to server.allowedHosts in tapat.config.json if it is`,
      );
    }
    next();
  };
}

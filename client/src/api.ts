// Talks to /api. The bearer token lives in localStorage and goes with every request: the server answers
// reads too only to a signed-in reviewer (only /api/health is open).
import type { Reviewer } from './types.js';

const TOKEN_KEY = 'tapat.token';

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);
export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** `#token=...` in the sign-in link printed by `npm start`: keep it, then take it out of the address bar. */
export function pickUpToken(): void {
  const m = /^#token=([\w-]+)/.exec(location.hash);
  if (!m) return;
  setToken(m[1]!);
  history.replaceState(null, '', `${location.pathname}${location.search}#/queue`);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json().catch(() => ({ error: res.statusText }))) as Record<string, unknown>;
  if (!res.ok) throw new ApiError(res.status, typeof json.error === 'string' ? json.error : res.statusText, json);
  return json as T;
}

export const getJson = <T>(path: string): Promise<T> => send<T>('GET', path);
export const postJson = <T>(path: string, body: unknown): Promise<T> => send<T>('POST', path, body);
export async function whoAmI(): Promise<string | null> {
  const token = getToken();
  if (!token) return null;
  const res = await fetch('/api/me', { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return null;
  return ((await res.json()) as { reviewer: { name: string } }).reviewer.name;
}

/**
 * Downloads a file from /api (an export) with the bearer token in the header, as every other request: a plain
 * link could not carry it, and a token in a URL would end up in history and logs.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const token = getToken();
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const json = (await res.json().catch(() => ({ error: res.statusText }))) as Record<string, unknown>;
    throw new ApiError(res.status, typeof json.error === 'string' ? json.error : res.statusText, json);
  }
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POSTs a text body (JSONL batches) with the sign-in token. */
export async function postText<T>(path: string, body: string, type: string): Promise<T> {
  const token = getToken();
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': type };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { method: 'POST', headers, body });
  const json = (await res.json().catch(() => ({ error: res.statusText }))) as Record<string, unknown>;
  if (!res.ok) throw new ApiError(res.status, typeof json.error === 'string' ? json.error : res.statusText, json);
  return json as T;
}

/** The signed-in reviewer (contract/api/admin.ts). */
export type Me = Reviewer;
/** The signed-in reviewer with id and role (null when not signed in). */
export async function me(): Promise<Me | null> {
  const token = getToken();
  if (!token) return null;
  const res = await fetch('/api/me', { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return null;
  return ((await res.json()) as { reviewer: Me }).reviewer;
}

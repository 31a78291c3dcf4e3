import { pgTx, type PgClient, type PgPool } from './connect.js';

// The review's write transactions on PostgreSQL. SQLite runs each one alone (BEGIN IMMEDIATE); here they run
// SERIALIZABLE, so the rules they check (a flag's current verdict, a reviewer's undo stack, the next bulk id)
// hold as if they had run one at a time. PostgreSQL may then refuse one of two transactions that overlapped
// (SQLSTATE 40001, or 40P01 on a deadlock): it rolled back whole and is run again from the start.

const RETRYABLE = new Set(['40001', '40P01']);
const TRIES = 8;

export async function serializable<T>(pool: PgPool, fn: (c: PgClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pgTx(pool, fn, 'BEGIN ISOLATION LEVEL SERIALIZABLE');
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (attempt >= TRIES || typeof code !== 'string' || !RETRYABLE.has(code)) throw e;
    }
    // a short random pause, so the transactions that collided do not collide again at once
    await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
  }
}

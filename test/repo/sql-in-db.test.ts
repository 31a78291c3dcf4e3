import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from '../helpers/paths.js';

// Every SQL statement lives in server/db (issue 20, and the PostgreSQL backend of issue 21 implements those
// repositories a second time): a statement written in an API route, a phase or a command fails here, with
// the file and line, so the layer stays whole.

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

// Upper-case SQL as tapat writes it, and the driver calls that run SQL text. (An HTML tag name 'SELECT' or
// a regular expression's .exec() are not SQL, so the patterns ask for the shape of a statement.)
const SQL = [
  /\bSELECT\s+[\w*(][\s\S]{0,400}?\bFROM\b/,
  /\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b/,
  /\bUPDATE\s+[a-z_]\w*\s+SET\b/,
  /\bDELETE\s+FROM\b/,
  /\b(?:CREATE|DROP|ALTER)\s+(?:TABLE|INDEX|TRIGGER|VIEW|VIRTUAL\s+TABLE)\b/,
  /\bPRAGMA\b|\bpragma_\w+/,
  /\.(?:prepare|pragma)\(\s*['"`]/,
  /\bdb\.(?:prepare|exec|pragma)\(/,
];

/** file:line of every line of `text` that starts an SQL match. */
function sqlLines(file: string, text: string): string[] {
  const out: string[] = [];
  for (const re of SQL) {
    const g = new RegExp(re.source, 'g');
    for (const m of text.matchAll(g))
      out.push(`${file}:${text.slice(0, m.index).split('\n').length}: ${m[0].split('\n')[0]!.slice(0, 80)}`);
  }
  return out;
}

test('SQL text appears in server/db only', () => {
  const all = files(join(REPO, 'server')).map((f) => relative(REPO, f));
  assert.ok(all.length > 100, `walked ${all.length} files`);
  const offenders = all
    .filter((f) => !f.startsWith('server/db/'))
    .flatMap((f) => sqlLines(f, readFileSync(join(REPO, f), 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the SQL patterns find the statements server/db holds', () => {
  // so the test above cannot pass by matching nothing: each kind of statement tapat runs is found in db/
  const db = files(join(REPO, 'server', 'db')).map((f) => relative(REPO, f));
  const hits = db.flatMap((f) => sqlLines(f, readFileSync(join(REPO, f), 'utf8')));
  for (const kind of ['SELECT', 'INSERT', 'UPDATE', 'DELETE FROM', 'pragma']) {
    assert.ok(
      hits.some((h) => h.includes(kind)),
      `a ${kind} statement is recognised in server/db`,
    );
  }
  assert.ok(hits.length > 100, `${hits.length} SQL statements recognised in server/db`);
  assert.deepEqual(
    sqlLines('x.ts', "const SKIP = new Set(['SCRIPT', 'SELECT', 'INPUT']); /re/.exec(s); pool.prepare({ item });"),
    [],
  );
});

// Small output helpers shared by commands: JSONL to stdout, without buffering everything.
export function writeJsonl(records: Iterable<unknown>): void {
  const out: string[] = [];
  for (const r of records) out.push(JSON.stringify(r));
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

export function writeLine(s = ''): void {
  process.stdout.write(s + '\n');
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allEntries,
  lookupFingerprint,
  matchLexicon,
  type LexEntry,
} from '../../../server/pipeline/detect/spin/lexicon.js';
import { lexiconFindings } from '../../../server/pipeline/detect/spin/fingerprint.js';
import { restore } from '../../../server/pipeline/detect/spin/index.js';

// Every lexicon entry, put in a sentence, is found at its exact span and restored to its original.

function sentenceFor(e: LexEntry): { text: string; start: number; end: number; restored: string } {
  // the list's own pattern, context words kept as text, a possessive context glued to a name
  const pattern = e.pattern.replace(/^\['s\]/, "Putin['s]").replace(/\s*\['s\]/, "['s]");
  const lead = 'Officials said that ';
  const tail = ' was reported on Monday.';
  const flagged = e.spun;
  const plain = pattern.replace(/\[([^\]]*)\]/g, '$1');
  const at = plain.indexOf(flagged);
  assert.ok(at >= 0, `pattern ${e.pattern}`);
  const text = lead + plain + tail;
  const start = lead.length + at;
  const end = start + flagged.length;
  return { text, start, end, restored: text.slice(0, start) + e.original + text.slice(end) };
}

function check(entries: LexEntry[]): void {
  const failures: string[] = [];
  for (const e of entries) {
    const s = sentenceFor(e);
    // the gate opened wide: weak entries are tested like strong ones
    const found = lexiconFindings(s.text, { weakGateDensity: 0, weakGateMin: 0 }).find(
      (f) => f.start === s.start && f.end === s.end,
    );
    if (!found) {
      failures.push(`not found: ${e.spun}`);
      continue;
    }
    const out = restore(s.text, [found]);
    if (out.toLowerCase() !== s.restored.toLowerCase()) failures.push(`restored "${out}" for ${e.spun}`);
  }
  assert.deepEqual(failures, []);
}

test('every fingerprint entry is found in a sentence and restored', () => {
  const entries = allEntries().filter((e) => e.list === 'fingerprint');
  assert.ok(entries.length >= 300);
  check(entries);
});

test('tortured phrases (a sample of the list) are found and restored', () => {
  const entries = allEntries().filter((e) => e.list === 'tortured');
  assert.ok(entries.length > 7000);
  check(entries.filter((_, i) => i % 97 === 0));
});

test('every list entry is met where it stands: by its words in a text, and by its flagged words', () => {
  // the tortured list is parsed a first token at a time as texts meet them: every bucket must give back
  // exactly the entries the whole list compiled at once has, and no other
  const all = allEntries();
  assert.ok(all.length > 7000);
  const missing: string[] = [];
  for (const e of all) {
    const text = e.tokens.join(' ');
    if (/^\p{Lu}/u.test(e.spun) || e.tokens.some((t) => t === "'s")) continue; // capitalised and possessive entries need their own text (above)
    const hits = matchLexicon(text).map((m) => m.entry);
    if (!hits.some((h) => h.pattern === e.pattern && h.original === e.original)) missing.push(`match: ${e.pattern}`);
    const flagged = e.tokens.filter((_, i) => !e.context[i]).join(' ');
    if (!lookupFingerprint(flagged).some((h) => h.pattern === e.pattern && h.original === e.original))
      missing.push(`lookup: ${e.pattern}`);
  }
  assert.deepEqual(missing, []);
  const byKey = new Map<string, string[]>();
  for (const e of all) {
    const k = e.tokens.filter((_, i) => !e.context[i]).join(' ');
    byKey.set(k, [...(byKey.get(k) ?? []), `${e.pattern}→${e.original}`]);
  }
  for (const [k, want] of byKey)
    if (!/['.]/.test(k))
      assert.deepEqual(
        lookupFingerprint(k).map((e) => `${e.pattern}→${e.original}`),
        want,
        k,
      );
});

test('weak entries stay silent in clean text and speak in evidently spun text', () => {
  const clean = 'The army said the battle lasted two days, officials mentioned.';
  assert.deepEqual(lexiconFindings(clean, { weakGateDensity: 4, weakGateMin: 3 }), []);
  const spun = `${clean} It was his first go to in native time, at a press convention on nationwide safety.`;
  const found = lexiconFindings(spun, { weakGateDensity: 4, weakGateMin: 3 }).map((f) => f.text);
  for (const w of ['army', 'battle', 'go to', 'native time', 'press convention', 'nationwide safety'])
    assert.ok(found.includes(w), w);
});

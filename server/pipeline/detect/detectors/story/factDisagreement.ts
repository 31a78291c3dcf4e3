import type { StoryDetector } from '../../types.js';
import type { Finding } from '../../../types.js';
import { plainWord } from '../../../../lang/numberWords.js';
import { guessLang } from '../../../../lang/langGuess.js';
import { extractNumbers } from '../../../../lang/numbers.js';
import { isEnStopword } from '../../../../lang/text-norm.js';
import { own } from '../../../../lang/own.js';

// Two English versions of one story that disagree on a fact. Precise on purpose:
// - roles: the same person with an appositive role ("NAME, the ROLE") of the same head noun and disjoint
//   qualifiers ("Denis Manturov, the defense minister" vs "…, the industry and trade minister");
// - counts: a number whose two content words before and two after are the same in both versions
//   ("killed 12 people in the attack" vs "killed 15 people in the attack").

export interface RoleMention {
  person: string;
  personKey: string;
  role: string;
  head: string;
  qualifiers: string[];
  start: number;
  end: number;
}

const HEADS = [
  'minister',
  'spokesman',
  'secretary',
  'ambassador',
  'governor',
  'president',
  'director',
  'chief',
  'chairman',
  'commander',
  'adviser',
  'aide',
  'leader',
  'mayor',
];
const SYNONYM: Record<string, string> = {
  spokesperson: 'spokesman',
  spokeswoman: 'spokesman',
  advisor: 'adviser',
  defence: 'defense',
  head: 'chief',
};
const FILLER = new Set([
  'the',
  'of',
  'for',
  'and',
  'a',
  'an',
  'russia',
  'russian',
  'country',
  'his',
  'her',
  'its',
  's',
]);
const PERSON = String.raw`(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2})`;
const ROLE_AFTER = new RegExp(
  String.raw`${PERSON},\s+(?:the\s+)?((?:[\p{Ll}-]+\s+){0,5}?(?:${HEADS.join('|')}|spokesperson|spokeswoman)(?:\s+(?:of|for)\s+(?:the\s+)?[\p{L}-]+(?:\s+(?:and|of)\s+[\p{L}-]+){0,3})?)(?=[,.;)]|$)`,
  'gu',
);

const norm = (w: string) => own(SYNONYM, w) ?? w;

/** Key of a person's name: the last name, folded ("Sergey Lavrov" / "Sergei Lavrov" → lavrov). */
export function personKey(name: string): string {
  const parts = plainWord(name).split(/[\s-]+/);
  return parts[parts.length - 1] ?? '';
}

export function roleMentions(text: string): RoleMention[] {
  const out: RoleMention[] = [];
  for (const m of text.matchAll(ROLE_AFTER)) {
    const person = m[1]!;
    const role = m[2]!.trim();
    const words = plainWord(role)
      .split(/[\s-]+/)
      .map(norm);
    const head = words.find((w) => HEADS.includes(w));
    if (!head) continue;
    const qualifiers = [...new Set(words.filter((w) => w !== head && !FILLER.has(w)))];
    const start = m.index;
    out.push({ person, personKey: personKey(person), role, head, qualifiers, start, end: start + m[0].length });
  }
  return out;
}

export interface CountMention {
  key: string;
  value: number;
  raw: string;
  start: number;
  end: number;
}

const contentWords = (s: string) =>
  [...s.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((m) => plainWord(m[0])).filter((w) => w.length > 1 && !isEnStopword(w));

/** Numbers with their context key (two content words each side); years and ordinals are dates, not counts. */
export function countMentions(text: string): CountMention[] {
  const out: CountMention[] = [];
  for (const n of extractNumbers(text, 'en')) {
    if (n.kind === 'year' || n.kind === 'ordinal' || n.kind === 'time' || (n.fromWords && n.value <= 1)) continue;
    const before = contentWords(text.slice(Math.max(0, n.start - 80), n.start)).slice(-2);
    const after = contentWords(text.slice(n.end, n.end + 80)).slice(0, 2);
    if (before.length < 2 || after.length < 2) continue;
    out.push({ key: [...before, '#', ...after].join(' '), value: n.value, raw: n.raw, start: n.start, end: n.end });
  }
  return out;
}

export const factDisagreementDetector: StoryDetector = {
  id: 'fact-disagreement',
  name: 'Cross-version fact disagreement',
  description:
    'Two English versions of the story give the same person different roles, or different counts for the same thing.',
  category: 'accuracy/mistranslation',
  defaultSeverity: 'major',
  scope: 'story',
  thresholds: {},
  examples: {
    pass: [
      {
        versions: [
          {
            text: 'The delegation included Sergey Lavrov, the foreign minister, and Dmitry Peskov, the spokesman for the Kremlin.',
            role: 'source',
          },
          {
            text: 'Also present were Sergei Lavrov, the foreign minister of Russia, and Dmitry Peskov, the Kremlin spokesperson.',
            role: 'spin',
          },
        ],
      },
      {
        versions: [
          { text: 'The missile strike killed 12 people in the city on Monday.', role: 'source' },
          {
            text: 'Officials said the missile strike killed twelve people in the city. 15 people were injured.',
            role: 'spin',
          },
        ],
      },
    ],
    fail: [
      {
        versions: [
          { text: 'The delegation included Denis Manturov, the defense minister, and others.', role: 'source' },
          {
            text: 'The delegation included Denis Manturov, the industry and trade minister, and others.',
            role: 'spin',
          },
        ],
      },
      {
        versions: [
          { text: 'The missile strike killed 12 people in the city on Monday.', role: 'source' },
          { text: 'Officials said the missile strike killed 15 people in the city.', role: 'spin' },
        ],
      },
    ],
  },
  run(ctx) {
    const english = ctx.versions.map(
      (v) => v.doc.lang === 'en' || guessLang(v.doc.text.slice(0, 2000), v.doc.lang) === 'en',
    );
    const mentions = ctx.versions.map((v, i) => (english[i] ? roleMentions(v.doc.text) : []));
    const out: (Finding & { versionIndex: number })[] = [];
    const seen = new Set<string>();
    for (let a = 0; a < ctx.versions.length; a++) {
      for (let b = a + 1; b < ctx.versions.length; b++) {
        for (const ma of mentions[a]!) {
          for (const mb of mentions[b]!) {
            if (ma.personKey !== mb.personKey || ma.head !== mb.head) continue;
            if (!ma.qualifiers.length || !mb.qualifiers.length) continue;
            if (ma.qualifiers.some((q) => mb.qualifiers.includes(q))) continue;
            const key = `${b}:${mb.start}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const docB = ctx.versions[b]!.doc;
            const seg = docB.segments.find((s) => s.start <= mb.start && mb.start < s.end);
            const segA = ctx.versions[a]!.doc.segments.find((s) => s.start <= ma.start && ma.start < s.end);
            out.push({
              versionIndex: b,
              detector: this.id,
              category: this.category,
              severity: 'major',
              confidence: 0.8,
              rawScore: 1,
              segments: seg ? [seg.index] : [],
              otherSegments: segA ? [segA.index] : [],
              span: { start: mb.start, end: mb.end },
              otherSpan: { start: ma.start, end: ma.end },
              message: `${mb.person} is "${mb.role}" here but "${ma.role}" in version ${a + 1} (${ctx.versions[a]!.doc.path})`,
              evidence: {
                person: mb.person,
                role: mb.role,
                otherRole: ma.role,
                otherVersion: a,
                otherPath: ctx.versions[a]!.doc.path,
              },
              suggestion: null,
            });
          }
        }
      }
    }
    const counts = ctx.versions.map((v, i) => (english[i] ? countMentions(v.doc.text) : []));
    for (let a = 0; a < ctx.versions.length; a++) {
      for (let b = a + 1; b < ctx.versions.length; b++) {
        for (const ca of counts[a]!) {
          const cb = counts[b]!.find((x) => x.key === ca.key && x.value !== ca.value);
          if (!cb || seen.has(`${b}:${cb.start}`)) continue;
          // The same context with the same value elsewhere in the other version means both figures are used.
          if (counts[b]!.some((x) => x.key === ca.key && x.value === ca.value)) continue;
          seen.add(`${b}:${cb.start}`);
          const docB = ctx.versions[b]!.doc;
          const seg = docB.segments.find((s) => s.start <= cb.start && cb.start < s.end);
          const segA = ctx.versions[a]!.doc.segments.find((s) => s.start <= ca.start && ca.start < s.end);
          out.push({
            versionIndex: b,
            detector: this.id,
            category: this.category,
            severity: 'major',
            confidence: 0.7,
            rawScore: Math.abs(cb.value - ca.value),
            segments: seg ? [seg.index] : [],
            otherSegments: segA ? [segA.index] : [],
            span: { start: cb.start, end: cb.end },
            otherSpan: { start: ca.start, end: ca.end },
            message: `"${cb.raw}" here but "${ca.raw}" in version ${a + 1} (${ctx.versions[a]!.doc.path}) for the same thing ("${ca.key.replace('#', '…')}")`,
            evidence: {
              value: cb.raw,
              otherValue: ca.raw,
              context: ca.key,
              otherVersion: a,
              otherPath: ctx.versions[a]!.doc.path,
            },
            suggestion: null,
          });
        }
      }
    }
    return out;
  },
};

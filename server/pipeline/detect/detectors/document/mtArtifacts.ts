import type { DocDetector } from '../../types.js';
import type { Finding, Segment } from '../../../types.js';
import { guessLang } from '../../../../lang/langGuess.js';

// Machine-translation slips in English text (the Spanish-sourced seed shows all three kinds):
// - pronoun echo: a name followed by a capitalised subject pronoun, "Vladimir Putin, He greeted",
//   "Dmitry Peskov He emphasized" (a pro-drop source whose subject was both named and re-inserted);
// - stray first person in reported third-person speech: "I'm going to go", "And I'm not against anyone";
// - calques of Romance phrasing ("within the framework of", "make a call to").

interface Rule {
  kind: 'pronoun-echo' | 'stray-first-person' | 'calque';
  re: RegExp;
  severity: 'major' | 'minor';
  message: (m: RegExpMatchArray) => string;
  suggestion: (m: RegExpMatchArray) => string | null;
}

const NAME = String.raw`(?:\p{Lu}[\p{L}’'-]+)(?:\s+\p{Lu}[\p{L}’'-]+)+`;
const RULES: Rule[] = [
  {
    kind: 'pronoun-echo',
    re: new RegExp(String.raw`(${NAME})(,?\s+)(He|She|They|It)\s+(?=\p{Ll})`, 'gu'),
    severity: 'major',
    message: (m) => `Pronoun echo: "${m[1]}${m[2]}${m[3]}" names the subject twice (a machine-translation artifact)`,
    suggestion: (m) => m[1]!,
  },
  {
    kind: 'stray-first-person',
    re: /\b(?:And\s+)?I['’]m going to go\b[.,]?|\bAnd I['’]m not against anyone\b\.?/gu,
    severity: 'major',
    message: (m) =>
      `Stray first-person phrase "${m[0].trim()}" in reported third-person speech (a machine-translation artifact)`,
    suggestion: () => null,
  },
  {
    kind: 'calque',
    re: /\b(?:within|in) the framework of\b|\bmake a call to\b|\bgave a step\b|\bgive continuity to\b|\bcarried out a meeting\b/giu,
    severity: 'minor',
    message: (m) => `Calque "${m[0]}": a literal rendering of foreign phrasing`,
    suggestion: (m) => (/framework/i.test(m[0]) ? 'under' : null),
  },
];

// "I'm" is only stray when the quotation is attributed to someone else ("he said", "Peskov asserted").
const THIRD_PERSON =
  /\b(?:he|she)\s+(?:said|added|asserted|emphasi[sz]ed|stressed|noted)\b|\b\p{Lu}\p{Ll}+\s+(?:said|added|asserted|emphasi[sz]ed|stressed|noted)\b/u;

export const mtArtifactsDetector: DocDetector = {
  id: 'mt-artifacts',
  name: 'Machine-translation artifacts',
  description: 'English text shows machine-translation slips: pronoun echo, stray first person, calques.',
  category: 'fluency/mt-artifact',
  defaultSeverity: 'major',
  scope: 'document',
  thresholds: {},
  examples: {
    pass: [
      { text: 'Vladimir Putin greeted North Korean leader Kim Jong Un. He said the talks went well.' },
      {
        text: '“I’m going to go,” she told her friends before leaving the party.',
        note: 'first person in a first-person story',
      },
    ],
    fail: [
      { text: 'Vladimir Putin, He greeted North Korean leader Kim Jong Un at the cosmodrome.' },
      { text: 'Next, the Kremlin spokesperson said: Dmitry Peskov He emphasized the cooperation.' },
      { text: 'Peskov asserted that this cooperation is aimed at prosperity. “And I’m not against anyone.”' },
    ],
  },
  run(ctx) {
    if (ctx.doc.lang !== 'en' && guessLang(ctx.doc.text.slice(0, 2000), ctx.doc.lang) !== 'en') return [];
    const out: Finding[] = [];
    const segs = ctx.doc.segments.filter((s) => !s.boilerplate);
    segs.forEach((seg: Segment, k: number) => {
      for (const rule of RULES) {
        for (const m of seg.text.matchAll(rule.re)) {
          if (rule.kind === 'stray-first-person') {
            const around = [segs[k - 1]?.text ?? '', seg.text].join(' ');
            if (!THIRD_PERSON.test(around)) continue;
          }
          const start = seg.start + m.index;
          const end = start + m[0].trimEnd().length;
          out.push({
            detector: this.id,
            category: this.category,
            severity: rule.severity,
            confidence: rule.kind === 'calque' ? 0.5 : 0.85,
            rawScore: 1,
            segments: [seg.index],
            otherSegments: [],
            span: { start, end },
            otherSpan: null,
            message: rule.message(m),
            evidence: { kind: rule.kind, text: m[0].trim() },
            suggestion: rule.suggestion(m),
          });
        }
      }
    });
    return out;
  },
};

import type { Lang } from '../pipeline/types.js';

// Refusing is not denying: "declined to release the names" says nothing about whether they exist, "denied"
// says a claim is false. Tagalog keeps them apart too: tumanggi(ng) / tinanggihan (refuse, reject) against
// itinanggi / pinabulaanan / ipinagkaila (deny). A translation that turns one into the other changes the claim.

export type Stance = 'refuse' | 'deny';

const EN: [RegExp, Stance][] = [
  [
    /\b(?:declin(?:e|ed|es|ing)|refus(?:e|ed|es|ing)|would\s+not|wouldn['’]t)\s+to?\s*(?:comment|release|disclose|say|confirm|give|reveal|name|answer|discuss|provide|share|identify)\b/i,
    'refuse',
  ],
  [/\b(?:declin(?:e|ed|es|ing)|refus(?:e|ed|es|ing))\s+to\b/i, 'refuse'],
  // English "deny" is also "refuse" ("denied permission", "was denied", "denying service"): only a denial of a
  // claim counts ("denied that", "denied the report", "denied any involvement").
  [
    /(?<!\b(?:was|were|been|be|is|are|being)\s+)\bden(?:y|ied|ies|ying)\s+(?:that|any|having|being|wrongdoing|involvement|reports?|claims?|allegations?|accusations?|rumou?rs?|the\s+(?:report|claim|allegation|accusation|rumou?r|charge)s?|it|this|the\s+story)\b/i,
    'deny',
  ],
  [/\bdismiss(?:ed|es|ing)?\s+(?:the\s+)?(?:claims?|reports?|allegations?)\b/i, 'deny'],
];
const TL: [RegExp, Stance][] = [
  [
    /(?<![\p{L}])(?:tumanggi|tumangging|tumatanggi|tatanggi|tinanggihan|tinatanggihan|ayaw\s+(?:magbigay|sabihin|ilabas|ibunyag|magkomento))(?![\p{L}])/iu,
    'refuse',
  ],
  [
    /(?<![\p{L}])(?:itinanggi|itinatanggi|itatanggi|ikinaila|ipinagkaila|pinabulaanan|pinasinungalingan|pinabulaanang|itinangging)(?![\p{L}])/iu,
    'deny',
  ],
];

/** The stances (refusing, denying) a sentence reports. */
export function stances(text: string, lang: Lang): Set<Stance> {
  const out = new Set<Stance>();
  for (const [re, st] of lang === 'tl' ? TL : lang === 'en' ? EN : [...EN, ...TL]) if (re.test(text)) out.add(st);
  return out;
}

/** A stance one side reports that the other turned into the other stance ("declined to release" / "itinanggi"). */
export function stanceChange(
  src: string,
  srcLang: Lang,
  tgt: string,
  tgtLang: Lang,
): { src: Stance; tgt: Stance } | null {
  const a = stances(src, srcLang);
  const b = stances(tgt, tgtLang);
  for (const x of a) {
    if (b.has(x)) continue;
    const y = x === 'refuse' ? 'deny' : 'refuse';
    if (b.has(y) && !a.has(y)) return { src: x, tgt: y };
  }
  return null;
}

import type { PairDetector } from '../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import { lexicalCoverage } from '../../similarity.js';
import { th } from '../../thresholds.js';

// Too few words of one side explained by the other (through the Tagalog–English lexicon, shared names and
// loanword spellings) for the length: a loose translation, or one that says something else.

export const lexicalCoverageDetector: PairDetector = {
  id: 'lexical-coverage',
  name: 'Lexical coverage',
  description: 'Too few words of the pair match through the lexicon for its length.',
  category: 'accuracy/mistranslation',
  defaultSeverity: 'minor',
  scope: 'pair',
  thresholds: { minCoverage: 0.05, minContentWords: 6 },
  examples: {
    pass: [
      {
        src: 'The Russian delegation included the minister of transport and the foreign minister.',
        tgt: 'Kasama sa delegasyon ng Rusya ang ministro ng transportasyon at ang ministro ng ugnayang panlabas.',
      },
    ],
    fail: [
      {
        src: 'The Russian delegation included the minister of transport and the foreign minister.',
        tgt: 'Umuulan nang malakas kahapon kaya nagsara ang mga paaralan sa buong lalawigan.',
        note: 'unrelated sentence',
      },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx) || ctx.srcLang === ctx.tgtLang) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    const cov = lexicalCoverage(s.text, ctx.srcLang, t.text, ctx.tgtLang);
    if (Math.min(cov.aContent, cov.bContent) < th(this, ctx.thresholds, 'minContentWords')) return [];
    const score = (cov.a + cov.b) / 2;
    if (score >= th(this, ctx.thresholds, 'minCoverage')) return [];
    return [
      pairFinding(this, ctx, {
        rawScore: score,
        severity: 'minor',
        confidence: 0.4,
        message: `Few words of this pair match each other (coverage ${(score * 100).toFixed(0)}%): the translation may be loose or say something else`,
        evidence: {
          source: Number(cov.a.toFixed(3)),
          translation: Number(cov.b.toFixed(3)),
          sourceWords: cov.aContent,
          translationWords: cov.bContent,
        },
      }),
    ];
  },
};

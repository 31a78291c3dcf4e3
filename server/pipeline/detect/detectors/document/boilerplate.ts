import type { DocDetector } from '../../types.js';

// Scrape junk (segment.boilerplate, set by segmentation: widgets, share/subscribe lines, "Source link") is shown
// to reviewers as source junk to drop, never as a translation error.

export const boilerplateDetector: DocDetector = {
  id: 'boilerplate',
  name: 'Scrape junk',
  description: 'A segment is scrape junk (widget, share/subscribe line, link text), not part of the article.',
  category: 'source/boilerplate',
  defaultSeverity: 'minor',
  scope: 'document',
  thresholds: {},
  examples: {
    pass: [{ text: 'President Putin met Kim Jong Un on Wednesday.' }],
    fail: [{ text: '9.9 C', boilerplate: 'weather widget' }],
  },
  run(ctx) {
    return ctx.doc.segments
      .filter((s) => s.boilerplate)
      .map((s) => ({
        detector: this.id,
        category: this.category,
        severity: 'minor' as const,
        confidence: 0.9,
        rawScore: 1,
        segments: [s.index],
        otherSegments: [],
        span: { start: s.start, end: s.end },
        otherSpan: null,
        message: `Scrape junk (${s.boilerplate}): not part of the article; drop it from the text`,
        evidence: { reason: s.boilerplate, text: s.text.slice(0, 120) },
        suggestion: '',
      }));
  },
};

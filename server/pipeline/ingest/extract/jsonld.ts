// JSON-LD `articleBody`: many news pages state their article text in schema.org metadata. It is a hint, not the
// text itself (it is often truncated, stripped of paragraph breaks, or a teaser), so it is only used to tell
// which blocks belong to the story when it covers most of what Readability picked (see page.ts).

interface ScriptLike {
  textContent?: string | null;
}
interface DocLike {
  querySelectorAll: (sel: string) => ArrayLike<ScriptLike>;
}

function bodiesIn(value: unknown, out: string[], depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) bodiesIn(v, out, depth + 1);
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'articleBody' && typeof v === 'string') out.push(v);
    else bodiesIn(v, out, depth + 1);
  }
}

/** The longest `articleBody` in the page's JSON-LD scripts, or null. Malformed JSON is ignored (pages have plenty). */
export function jsonLdArticleBody(document: DocLike): string | null {
  const found: string[] = [];
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = scripts[i]!.textContent ?? '';
    if (!raw.includes('articleBody')) continue;
    try {
      bodiesIn(JSON.parse(raw), found);
    } catch {
      // not JSON (comments, trailing commas, several objects glued): no hint from this script
    }
  }
  const best = found.sort((a, b) => b.length - a.length)[0];
  return best?.trim() ? best : null;
}

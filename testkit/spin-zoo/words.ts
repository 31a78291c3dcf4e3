// Word positions in a text and the rules every family shares: which words a spinner leaves alone.

export interface WordAt {
  text: string;
  start: number;
  end: number;
  /** first word of a sentence (its capital says nothing about being a name) */
  sentenceStart: boolean;
}

const WORD = /[\p{L}]+(?:['’-][\p{L}]+)*|\d+(?:[.,]\d+)*/gu;

export function wordsOf(text: string): WordAt[] {
  return [...text.matchAll(WORD)].map((m) => {
    const start = m.index;
    const prev = text.slice(0, start).trimEnd();
    return { text: m[0], start, end: start + m[0].length, sentenceStart: prev === '' || /[.!?"“:]$/.test(prev) };
  });
}

/** Function words: real word spinners skip them (their thesauri hold few, and swapping them breaks grammar). */
export const FUNCTION_WORDS = new Set(
  `a an the and or but if of in on at by for with from to into is are was were be been being am do does did has have had
  will would shall should can could may might must not no this that these those it its he him his she her they them their we
  us our you your i me my who which what when where why how all any both each some such than then there here as so very also
  just only more most one two three four five six seven eight nine ten up out about over after before said says`.split(
    /\s+/,
  ),
);

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** Keeps the capital of the word it replaces (a spinner writes "Observing" for "Finding"). */
export function likeCase(model: string, out: string): string {
  if (/^\p{Lu}/u.test(model) && out) return (out[0] as string).toUpperCase() + out.slice(1);
  return out;
}

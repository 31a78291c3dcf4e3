// Word lists for the sentence merge pass (sentences.ts). Lower-case, without the final period.

/** Titles and name prefixes: never the end of a sentence when a word follows (English and Tagalog). */
export const TITLE_ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep pres amb hon rev fr st mt ft ' +
    'sec usec asec atty engr dir supt insp hen kol gob kon kgg gng bb sto sta brgy'
  ).split(' '),
);

/** Abbreviations that only continue the sentence before a number: "No. 5", "Sept. 13", "Blg. 11232". */
export const NUMBER_ABBREVIATIONS = new Set(
  'no nos blg art p pp vol fig ch jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Abbreviations that never end a sentence ("e.g. Russia", "Russia vs. Ukraine"). */
export const INNER_DOTTED = new Set(['e.g', 'i.e', 'cf', 'viz', 'vs', 'v']);

/** After "a.m."/"p.m." these words continue the sentence ("3 p.m. Monday", "10 a.m. PHT"). */
export const AFTER_TIME = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday lunes martes miyerkules huwebes biyernes sabado linggo ' +
    'pht pst pdt est edt gmt utc cet kst jst msk local manila moscow seoul washington tokyo beijing'
  ).split(' '),
);

/**
 * Words that typically open a sentence (English and Tagalog). A capitalised word after an initial ("F.") or
 * a dotted acronym ("U.S.") continues the sentence unless it is one of these ("John F. Kennedy", "U.S. Navy"
 * vs "Plan B. The", "in the U.S. The").
 */
export const SENTENCE_STARTERS = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our my in on at but and or so if ' +
    'when while after before as for from with there here what who why how meanwhile however also some many most ' +
    'one two both each no not then still yet ang si sina sa ayon ngunit subalit pero at kung nang noong ito iyon ' +
    'siya sila kami tayo hindi mga may wala dahil bukod samantala para dito doon'
  ).split(' '),
);

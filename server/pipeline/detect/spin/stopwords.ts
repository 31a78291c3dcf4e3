// Function words: never the pivot of a synonym swap we reconstruct (spinners rarely touch them sensibly,
// and WordNet's entries for them — "a" the vitamin, "in" the state — are noise here).
export const STOPWORDS = new Set(
  `a an the and or but if then than so as of in on at by for with from to into onto upon about over under after before
  between through during without within is are was were be been being am do does did has have had having will would shall
  should can could may might must not no nor this that these those it its he him his she her they them their we us our you
  your i me my mine who whom whose which what when where why how all any both each every few more most other some such only
  own same too very just also there here one two three four five six seven eight nine ten s t up down out off again further
  once per via while since until because though although whether either neither yet still even`.split(/\s+/),
);

// light verbs make phrasal verbs that are ordinary English ("did it", "came across"); a spinner's multiword
// swaps worth flagging are content phrases ("rural areas" for "countries")
export const LIGHT = new Set([
  'do',
  'did',
  'does',
  'get',
  'got',
  'make',
  'made',
  'take',
  'took',
  'go',
  'went',
  'come',
  'came',
  'put',
  'set',
  'keep',
  'kept',
  'give',
  'gave',
]);

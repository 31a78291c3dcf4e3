// Word tables are plain objects looked up with words from the text, and a plain object answers for its
// prototype too: "constructor" read as an English number word or a month made "5 constructor" a number
// with no value. Look-ups go through own(), which sees only the table's own keys.

/** table[key] when the table itself has the key; undefined for any other word ("constructor", "__proto__"). */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

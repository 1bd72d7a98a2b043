/** Value records (field id → number or null) with a fast object shape. */

export type Values = Record<string, number | null>;

/**
 * A record holding `fields`, every one null, in that order: a template to copy with a spread
 * (`{ ...TEMPLATE }`) where a table's values start. V8 turns an object that gets ~200 keys added
 * one by one into a slow dictionary, while a copy of a template built by Object.fromEntries keeps
 * a fast shape (about 10× quicker to make and to fill). Spread each template at its own place in
 * the code: one spread fed many templates goes megamorphic and is some 30× slower.
 */
export function nullRecord(fields: readonly string[]): Values {
  return Object.fromEntries(fields.map((f) => [f, null]));
}

/** A property name written into generated code (never `__proto__`, which a literal would not store). */
function keyLiteral(field: string): string {
  if (field === '__proto__') throw new Error('a value field cannot be named __proto__');
  return JSON.stringify(field);
}

/**
 * A function making the record of `fields` (in that order) from their values in the same order,
 * undefined read as null. Compiled once per field list, as zod compiles its object parsers: an
 * object literal with fixed keys is V8's fastest way to make a record, some 5× quicker than
 * storing 175 computed keys into a template's copy.
 */
export function recordOf(
  fields: readonly string[],
): (values: ArrayLike<number | null | undefined>) => Values {
  const body = fields.map((f, i) => `${keyLiteral(f)}: v[${i}] ?? null`).join(',\n');
  return new Function('v', `return {\n${body}\n};`) as (
    values: ArrayLike<number | null | undefined>,
  ) => Values;
}

type Merger = (parts: readonly Values[]) => Values;

/** Mergers by the parts' key lists (one per combination of table readers seen). */
const merged: { keys: string[]; sizes: number[]; merge: Merger }[] = [];
const MAX_MERGED = 16;

/** Whether the parts' keys, in order, are `keys`, `sizes[i]` of them in part i (for…in walks a fast object's cached key list). */
function fits(keys: readonly string[], sizes: readonly number[], parts: readonly Values[]): boolean {
  if (sizes.length !== parts.length) return false;
  let i = 0;
  for (let p = 0; p < parts.length; p++) {
    const start = i;
    for (const key in parts[p]) if (keys[i++] !== key) return false;
    if (i - start !== sizes[p]) return false;
  }
  return i === keys.length;
}

/** A compiled merge of parts with these key lists: each key read from the last part holding it. */
function compileMerge(keyLists: readonly string[][]): Merger {
  const from = new Map<string, number>();
  keyLists.forEach((keys, p) => {
    for (const k of keys) from.set(k, p);
  });
  // a Map keeps the first insertion's place when a later part sets a key again
  const body = [...from].map(([k, p]) => `${keyLiteral(k)}: p[${p}][${keyLiteral(k)}] ?? null`).join(',\n');
  return new Function('p', `return {\n${body}\n};`) as Merger;
}

/** The records' values in one record, keys in the order of the parts (a later part wins a key). */
export function mergeValues(parts: readonly Values[]): Values {
  let entry = merged.find((m) => fits(m.keys, m.sizes, parts));
  if (!entry) {
    const keyLists = parts.map((p) => Object.keys(p));
    entry = { keys: keyLists.flat(), sizes: keyLists.map((k) => k.length), merge: compileMerge(keyLists) };
    if (merged.length < MAX_MERGED) merged.push(entry);
  }
  return entry.merge(parts);
}

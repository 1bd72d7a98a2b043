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

/** Templates of merged records by key order (one per combination of table readers seen). */
const merged: { keys: string[]; template: Values }[] = [];
const MAX_MERGED = 16;

/** Whether the parts' keys, in order, are `keys` (for…in walks a fast object's cached key list). */
function fits(keys: readonly string[], parts: readonly Values[]): boolean {
  let i = 0;
  for (const part of parts) for (const key in part) if (keys[i++] !== key) return false;
  return i === keys.length;
}

/** The records' values in one record, keys in the order of the parts (a later part wins a key). */
export function mergeValues(parts: readonly Values[]): Values {
  let entry = merged.find((m) => fits(m.keys, parts));
  if (!entry) {
    const keys = parts.flatMap((p) => Object.keys(p));
    entry = { keys, template: nullRecord(keys) };
    if (merged.length < MAX_MERGED) merged.push(entry);
  }
  // one template per key order: a handful at most, so this spread stays polymorphic
  const out = { ...entry.template };
  for (const part of parts) for (const key in part) out[key] = part[key] ?? null;
  return out;
}

import { addToNluContext, createNluContext, type NluContext } from '../nlu/index.ts';
import type { CatalogueRow, Store } from '../store/index.ts';

interface Cached {
  revision: number;
  ctx: NluContext;
  /** The catalogue the context was built from. */
  rows: readonly CatalogueRow[];
}

const cache = new WeakMap<Store, Cached>();

/** Whether two catalogue rows give the matcher the same things (agency, kind, place, year). */
function sameForMatcher(a: CatalogueRow, b: CatalogueRow): boolean {
  if (a === b) return true;
  if (a.agency !== b.agency || a.kind !== b.kind || a.year !== b.year) return false;
  const ra = a.region;
  const rb = b.region;
  if (!ra || !rb) return ra === rb;
  return ra.code === rb.code && ra.name === rb.name && ra.province === rb.province && ra.city === rb.city;
}

/**
 * How many rows at the end of `now` are new, when the rows before them give the matcher what
 * `before` gave (records appended, or replaced by records of the same agency, place and year);
 * null when the context must be built again (a record removed, moved or renamed).
 */
function appended(before: readonly CatalogueRow[], now: readonly CatalogueRow[]): number | null {
  if (now.length < before.length) return null;
  for (let i = 0; i < before.length; i++) if (!sameForMatcher(before[i]!, now[i]!)) return null;
  return now.length - before.length;
}

/**
 * The matcher context for a store, from its catalogue. After a change it is brought up to date
 * in place with the records appended (what an ingest does), and built again only when a record
 * changed what it gives the matcher.
 */
export function getNluContext(store: Store): NluContext {
  const hit = cache.get(store);
  if (hit && hit.revision === store.revision) return hit.ctx;
  const rows = store.catalogue();
  const added = hit ? appended(hit.rows, rows) : null;
  if (hit && added !== null) {
    addToNluContext(hit.ctx, rows.slice(hit.rows.length));
    Object.assign(hit, { revision: store.revision, rows });
    return hit.ctx;
  }
  const ctx = createNluContext(rows);
  cache.set(store, { revision: store.revision, ctx, rows });
  return ctx;
}

const rankCache = new WeakMap<Store, { revision: number; lists: Map<string, unknown> }>();

/** Memoises a per-store computation (e.g. a ranking, or its promise) until the store changes. */
export function memoise<T>(store: Store, key: string, compute: () => T): T {
  let hit = rankCache.get(store);
  if (!hit || hit.revision !== store.revision) {
    hit = { revision: store.revision, lists: new Map() };
    rankCache.set(store, hit);
  }
  if (!hit.lists.has(key)) hit.lists.set(key, compute());
  return hit.lists.get(key) as T;
}

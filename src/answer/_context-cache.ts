import { createNluContext, type NluContext } from '../nlu/index.ts';
import type { Store } from '../store/index.ts';

const cache = new WeakMap<Store, { revision: number; ctx: NluContext }>();

/** The matcher context for a store, rebuilt only when the store has changed. */
export function getNluContext(store: Store): NluContext {
  const hit = cache.get(store);
  if (hit && hit.revision === store.revision) return hit.ctx;
  const ctx = createNluContext(store.all().map((e) => e.report));
  cache.set(store, { revision: store.revision, ctx });
  return ctx;
}

const rankCache = new WeakMap<Store, { revision: number; lists: Map<string, unknown> }>();

/** Memoises a per-store computation (e.g. a ranking) until the store changes. */
export function memoise<T>(store: Store, key: string, compute: () => T): T {
  let hit = rankCache.get(store);
  if (!hit || hit.revision !== store.revision) {
    hit = { revision: store.revision, lists: new Map() };
    rankCache.set(store, hit);
  }
  if (!hit.lists.has(key)) hit.lists.set(key, compute());
  return hit.lists.get(key) as T;
}

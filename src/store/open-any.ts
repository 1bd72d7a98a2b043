import type { PgOptions, PgStore } from './pg/index.ts';

/**
 * The store at a location, whichever backend holds it: a `postgres://` or `postgresql://` URL is
 * a PostgreSQL database (src/store/pg), anything else a JSON store file (src/store/open-store.ts).
 */

/** What every backend offers: `Store` without the JSON file's in-memory views. */
export type AnyStore = PgStore | Omit<PgStore, 'pool'>;

/** Whether a location names a PostgreSQL database. */
export function isDatabaseUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location.trim());
}

/** Where the app's store lives: DATABASE_URL, else STORE_PATH, else data/store.json. */
export function defaultStoreLocation(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || env.STORE_PATH?.trim() || 'data/store.json';
}

/** Opens the store at `location` (a database URL or a file path; default: defaultStoreLocation()). */
export async function openStoreAt(
  location = defaultStoreLocation(),
  options: PgOptions = {},
): Promise<AnyStore> {
  if (isDatabaseUrl(location)) {
    const { openPgStore } = await import('./pg/index.ts');
    return openPgStore(location.trim(), options);
  }
  const { openStore } = await import('./open-store.ts');
  return openStore(location);
}

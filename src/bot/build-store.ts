import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { limitsFromEnv, readFileCapped } from '../ingest/index.ts';
import type { Logger } from '../logger.ts';
import { addReports, isSideFile, type ReportFile } from '../pipeline/index.ts';
import { isDatabaseUrl, openStoreAt, type Store } from '../store/index.ts';

/** The report files of `dir`; one that cannot be read (or is over the size limit) is logged and skipped. */
async function readSources(dir: string, logger: Logger, maxBytes: number): Promise<ReportFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') return [];
    throw cause;
  });
  const names = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !isSideFile(e.name))
    .map((e) => e.name)
    .sort();
  const files: ReportFile[] = [];
  for (const file of names) {
    const read = await readFileCapped(join(dir, file), maxBytes);
    if (read.ok) files.push({ file, bytes: read.bytes });
    else logger.warn({ file, code: read.error.code }, read.error.message);
  }
  return files;
}

/**
 * Opens the store at `location` (a JSON file path, or a PostgreSQL URL) and brings it up to date
 * with the bundled reports: the files of `reportsDir` whose sha256 the store lacks are parsed,
 * checked (with the previous year from the pool) and upserted in one atomic write. Records added
 * by uploads are kept.
 */
export async function ensureStore(location: string, reportsDir: string, logger: Logger): Promise<Store> {
  if (!isDatabaseUrl(location)) await mkdir(dirname(location), { recursive: true });
  const store: Store = await openStoreAt(location);
  const held = new Set(store.catalogue().map((r) => r.sha256));
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const limits = limitsFromEnv();
  const sources = await readSources(reportsDir, logger, limits.maxFileBytes);
  const missing = sources.filter((f) => !held.has(sha256(f.bytes)));
  if (missing.length === 0) return store;
  logger.info({ store: store.path, files: missing.length }, 'building the store from the bundled reports');
  const results = await addReports(store, missing, { limits });
  for (const r of results) {
    if (!r.ok) logger.warn({ file: r.file, code: r.code }, r.message);
  }
  logger.info({ reports: store.catalogue().length }, 'store ready');
  return store;
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addReports } from '../../src/pipeline/index.ts';
import { openStore, openStoreAt, type Store } from '../../src/store/index.ts';
import { REPORTS_DIR } from '../helpers.ts';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';

/** The bundled corpus (data/reports) in a JSON store and, when a server can be started, in PostgreSQL. */
export interface BundledStores {
  json: Store;
  /** The same records in a PostgreSQL store (undefined: no server, see `skipped`). */
  pg: Store | undefined;
  skipped: string | false;
  close(): Promise<void>;
}

export async function openBundledStores(): Promise<BundledStores> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bundled-'));
  const json = await openStore(join(dir, 'store.json'));
  await addReports(
    json,
    readdirSync(REPORTS_DIR).map((f) => ({
      file: f,
      bytes: new Uint8Array(readFileSync(join(REPORTS_DIR, f))),
    })),
  );
  const started = await startPostgres();
  const skipped = skipReason(started);
  let pg: Store | undefined;
  if (!skipped) {
    pg = (await openStoreAt(await (started as PostgresServer).createDatabase())) as Store;
    await pg.upsertMany(await json.list());
  }
  return {
    json,
    pg,
    skipped,
    async close() {
      await json.close();
      await pg?.close();
      if (!skipped) await (started as PostgresServer).stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

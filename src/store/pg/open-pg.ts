import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CopyIndex } from '../../check/index.ts';
import { agencyKey } from '../../domain/index.ts';
import { withSections } from '../lean.ts';
import {
  planUpserts,
  type RankQuery,
  type RankRow,
  type StoreQuery,
  type UpsertOptions,
} from '../records.ts';
import { type CatalogueRow, catalogueRow, type Store, type StoreChange } from '../store.ts';
import { StoreError } from '../store-error.ts';
import type { StoredReport, UpsertOutcome } from '../types.ts';
import { LOCK_APP, LOCK_WRITE, migrate } from './migrations.ts';
import { nearCopies } from './near-copies.ts';
import { redactUrl } from './redact.ts';
import { writeRecords } from './write-records.ts';

/** What every backend offers (the JSON file's in-memory views aside). */
export type PgStore = Omit<
  Store,
  'all' | 'get' | 'findExisting' | 'agencies' | 'byAgency' | 'byYear' | 'byRegion' | 'newestYear'
> & {
  /** The connection pool (for other shared state of the app, e.g. chat sessions). */
  readonly pool: pg.Pool;
};

/** Orders equal values by id, as every backend does (the order of localeCompare, one collator). */
const byId = new Intl.Collator();

/** The channel every write notifies with the ids it changed. */
export const CHANNEL = 'nianbao_store';

export interface PgOptions {
  /** Most connections the pool opens (default 8). */
  max?: number;
  /** Give up connecting after this many ms (default 10 s). */
  connectTimeoutMs?: number;
}

const RECORD_COLS = 'seq, report, warnings, prose, print';
const CATALOGUE_COLS = 'seq, id, agency, kind, region, year, sha256, url';

interface RecordRow {
  seq: string;
  report: StoredReport['report'];
  warnings: StoredReport['warnings'];
  prose: string | null;
  print: string | null;
}

interface CatalogueDbRow {
  seq: string;
  id: string;
  agency: string;
  kind: CatalogueRow['kind'];
  region: CatalogueRow['region'];
  year: number;
  sha256: string;
  url: string | null;
}

function toEntry(row: RecordRow): StoredReport {
  const entry: StoredReport = { report: row.report, warnings: row.warnings };
  if (row.prose) entry.prose = row.prose;
  if (row.print) entry.print = row.print;
  return entry;
}

function toCatalogue(row: CatalogueDbRow): CatalogueRow {
  const out: CatalogueRow = {
    id: row.id,
    agency: row.agency,
    kind: row.kind,
    region: row.region,
    year: row.year,
    sha256: row.sha256,
  };
  if (row.url) out.url = row.url;
  return out;
}

/** The SQL conditions (and their parameters) of a query's filters other than ids and agency. */
function filters(q: Omit<StoreQuery, 'ids' | 'agency'>, params: unknown[], table = 'r'): string[] {
  const where: string[] = [];
  if (q.year !== undefined) {
    params.push(q.year);
    where.push(`${table}.year = $${params.length}`);
  }
  if (q.region !== undefined) {
    if (q.region.length === 6) {
      params.push(q.region);
      where.push(`${table}.region_code = $${params.length}`);
    } else {
      params.push(`${q.region.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`${table}.region_code LIKE $${params.length}`);
    }
  }
  if (q.level !== undefined) {
    params.push(q.level);
    where.push(`(r.standing = $${params.length} OR r.level = $${params.length})`);
  }
  return where;
}

/**
 * Opens the PostgreSQL store at `url`: runs the migrations, loads the catalogue (one query) and
 * listens for other processes' writes. Records are queried, never all held in memory; the copy
 * fingerprint index is loaded on first use and kept current.
 */
export async function openPgStore(url: string, options: PgOptions = {}): Promise<PgStore> {
  const path = redactUrl(url);
  const unreachable = (cause: unknown): StoreError =>
    new StoreError(
      'STORE_UNREACHABLE',
      path,
      `无法连接数据库 ${path}：${(cause as Error).message || String(cause)}`,
      { cause },
    );
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // an idle client's connection dropping (server restart) must not crash the process
  pool.on('error', () => undefined);
  const self = randomBytes(8).toString('hex');
  let revision = 0;
  /** id → catalogue row, in store order (new records at the end). */
  const catalogue = new Map<string, CatalogueRow>();
  /** seq → catalogue row, and id → seq: value rows name their record by its seq. */
  const rowAt = new Map<string, CatalogueRow>();
  const seqOfId = new Map<string, string>();
  let catalogueRows: { revision: number; rows: CatalogueRow[] } = { revision: -1, rows: [] };
  /** Newest year held (from the catalogue). */
  let newest: number | null = null;
  const listeners = new Set<(change: StoreChange) => void>();
  let closed = false;

  const dbError = (cause: unknown): StoreError => {
    if (cause instanceof StoreError) return cause;
    const code = (cause as { code?: string }).code ?? '';
    if (/^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|57P|08)/.test(code) || !code)
      return unreachable(cause);
    return new StoreError('STORE_IO', path, `数据库 ${path} 出错：${(cause as Error).message}`, { cause });
  };

  const guarded = new WeakSet<pg.PoolClient>();
  async function withClient<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (cause) {
      throw unreachable(cause);
    }
    // a connection dropping while checked out (server restart, terminated backend) is an error of
    // the query in flight, never an uncaught one
    if (!guarded.has(client)) {
      guarded.add(client);
      client.on('error', () => undefined);
    }
    let broken = false;
    try {
      return await work(client);
    } catch (cause) {
      broken = true;
      throw dbError(cause);
    } finally {
      client.release(broken);
    }
  }

  const q = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> => {
    try {
      return (await pool.query<R>(sql, params)).rows;
    } catch (cause) {
      throw dbError(cause);
    }
  };

  function recomputeNewest(): void {
    newest = null;
    for (const r of catalogue.values()) if (newest === null || r.year > newest) newest = r.year;
  }

  /** Puts `row` in the place of `oldId`'s row (a record replaced under another id keeps its place). */
  function replaceRow(oldId: string, row: CatalogueRow, seq: string): void {
    if (!catalogue.has(oldId)) {
      setRow(row, seq);
      return;
    }
    const rows = [...catalogue.values()];
    catalogue.clear();
    for (const r of rows) {
      if (r.id === oldId) catalogue.set(row.id, row);
      else if (r.id !== row.id) catalogue.set(r.id, r);
    }
    const oldSeq = seqOfId.get(oldId);
    if (oldSeq !== undefined) rowAt.delete(oldSeq);
    seqOfId.delete(oldId);
    setRow(row, seq);
    recomputeNewest();
  }

  function setRow(row: CatalogueRow, seq: string): void {
    catalogue.set(row.id, row);
    const before = seqOfId.get(row.id);
    if (before !== undefined && before !== seq) rowAt.delete(before);
    seqOfId.set(row.id, seq);
    rowAt.set(seq, row);
    if (newest === null || row.year > newest) newest = row.year;
  }

  /** Forgets a record's row; true when it was held. */
  function dropRow(id: string): boolean {
    const seq = seqOfId.get(id);
    if (seq !== undefined && rowAt.get(seq)?.id === id) rowAt.delete(seq);
    seqOfId.delete(id);
    return catalogue.delete(id);
  }

  function notify(ids: string[]): void {
    const change = { revision, ids };
    for (const l of listeners) {
      try {
        l(change);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  async function loadCatalogue(): Promise<void> {
    const rows = await q<CatalogueDbRow>(`SELECT ${CATALOGUE_COLS} FROM records ORDER BY seq`);
    catalogue.clear();
    rowAt.clear();
    seqOfId.clear();
    for (const r of rows) setRow(toCatalogue(r), r.seq);
    recomputeNewest();
  }

  /** Takes in another process's change: the rows of `ids` as they are now (absent ones were replaced). */
  async function refresh(ids: string[]): Promise<void> {
    const rows = await q<CatalogueDbRow>(`SELECT ${CATALOGUE_COLS} FROM records WHERE id = ANY($1)`, [ids]);
    const found = new Set(rows.map((r) => r.id));
    let dropped = false;
    for (const id of ids) {
      if (!found.has(id) && dropRow(id)) dropped = true;
    }
    for (const r of rows) setRow(toCatalogue(r), r.seq);
    if (dropped) recomputeNewest();
    revision++;
    notify(ids);
  }

  // connect, migrate, load the catalogue
  try {
    await withClient((c) => migrate(c));
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw dbError(cause);
  }

  /** Other processes' writes: one connection listening on CHANNEL, re-opened if it drops. */
  let listener: pg.Client | undefined;
  let pending: Promise<void> = Promise.resolve();
  async function listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let payload: { s?: string; ids?: string[] };
      try {
        payload = JSON.parse(msg.payload);
      } catch {
        return;
      }
      if (payload.s === self || !Array.isArray(payload.ids)) return;
      const ids = payload.ids;
      pending = pending.then(() => refresh(ids)).catch(() => undefined);
    });
    client.on('error', () => {
      if (closed) return;
      listener = undefined;
      client.end().catch(() => undefined);
      // reconnect, and re-read the catalogue: notifications sent meanwhile were lost
      setTimeout(() => {
        if (closed) return;
        pending = pending
          .then(async () => {
            await listen();
            await loadCatalogue();
            revision++;
            notify([]);
          })
          .catch(() => undefined);
      }, 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  }
  try {
    await listen();
    await loadCatalogue();
  } catch (cause) {
    await listener?.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw dbError(cause);
  }

  /** Every fingerprint of the store (whole-store work only: memory grows with the store). */
  async function loadCopies(): Promise<CopyIndex> {
    const rows = await q<{
      id: string;
      agency: string;
      kind: CatalogueRow['kind'];
      region: CatalogueRow['region'];
      year: number;
      print: string;
    }>('SELECT id, agency, kind, region, year, print FROM records WHERE print IS NOT NULL ORDER BY seq');
    const index = new CopyIndex();
    for (const r of rows) index.add(r, r.print);
    return index;
  }

  async function commit(entries: readonly StoredReport[], opts: UpsertOptions): Promise<UpsertOutcome[]> {
    const result = await withClient(async (c) => {
      await c.query('BEGIN');
      try {
        // one writer at a time: the plan reads the stored records it replaces
        await c.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_APP, LOCK_WRITE]);
        const ids = [...new Set(entries.map((e) => e.report.id))];
        const keys = entries.map((e) => agencyKey(e.report));
        const years = entries.map((e) => e.report.year);
        const { rows } = await c.query<RecordRow & { agency_key: string }>(
          `SELECT ${RECORD_COLS}, agency_key FROM records
            WHERE id IN (SELECT id FROM records WHERE id = ANY($1)
                         UNION
                         SELECT r.id FROM records r
                           JOIN unnest($2::text[], $3::int[]) AS k(agency_key, year)
                             ON r.agency_key = k.agency_key AND r.year = k.year)
            ORDER BY seq`,
          [ids, keys, years],
        );
        const byId = new Map<string, StoredReport>();
        const byAgencyYear = new Map<string, StoredReport>();
        const seqOf = new Map<StoredReport, string>();
        for (const row of rows) {
          const e = toEntry(row);
          seqOf.set(e, row.seq);
          byId.set(e.report.id, e);
          const k = `${row.agency_key}|${e.report.year}`;
          if (!byAgencyYear.has(k)) byAgencyYear.set(k, e);
        }
        const plan = planUpserts(
          entries,
          (report) => byId.get(report.id) ?? byAgencyYear.get(`${agencyKey(report)}|${report.year}`),
          opts,
        );
        if (plan.writes.length === 0) {
          await c.query('COMMIT');
          return { plan, seqs: [] as string[] };
        }
        const seqs = await writeRecords(c, plan.writes, seqOf);
        const changed = [
          ...new Set(plan.writes.flatMap((w) => [w.entry.report.id, ...(w.old ? [w.old.report.id] : [])])),
        ];
        // notifications are delivered on commit; a payload stays under PostgreSQL's 8,000 bytes
        for (let at = 0; at < changed.length; ) {
          const part: string[] = [];
          let size = 0;
          while (at < changed.length && size + changed[at]!.length < 2000) {
            size += changed[at]!.length + 4;
            part.push(changed[at++]!);
          }
          if (part.length === 0) part.push(changed[at++]!);
          await c.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ s: self, ids: part })]);
        }
        await c.query('COMMIT');
        return { plan, seqs };
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
    const { plan, seqs } = result;
    if (plan.writes.length === 0) return plan.outcomes;
    for (const [i, w] of plan.writes.entries()) {
      if (w.old && w.old.report.id !== w.entry.report.id)
        replaceRow(w.old.report.id, catalogueRow(w.entry), seqs[i]!);
      else setRow(catalogueRow(w.entry), seqs[i]!);
    }
    if (plan.writes.some((w) => w.old && w.old.report.year !== w.entry.report.year)) recomputeNewest();
    revision++;
    notify(plan.writes.map((w) => w.entry.report.id));
    return plan.outcomes;
  }

  /** Writes of this process, one after another (the advisory lock orders them against other processes). */
  let queue: Promise<unknown> = Promise.resolve();
  function upsertMany(entries: readonly StoredReport[], opts: UpsertOptions = {}): Promise<UpsertOutcome[]> {
    const run = queue.then(() => commit(entries, opts));
    queue = run.catch(() => undefined);
    return run;
  }

  async function find(query: StoreQuery): Promise<StoredReport[]> {
    const params: unknown[] = [];
    const where = filters(query, params);
    let order = 'r.seq';
    if (query.ids !== undefined) {
      params.push(query.ids);
      where.push(`r.id = ANY($${params.length})`);
    }
    if (query.agency !== undefined) {
      params.push(query.agency);
      const p = `$${params.length}`;
      // an agency key, else the exact name of one of its reports (as findIn)
      where.push(
        `r.agency_key = COALESCE((SELECT agency_key FROM records WHERE agency_key = ${p} LIMIT 1),
                                 (SELECT agency_key FROM records WHERE agency = ${p} ORDER BY seq LIMIT 1))`,
      );
      order = 'r.year, r.seq';
    }
    const rows = await q<RecordRow & { id: string }>(
      `SELECT r.id, ${RECORD_COLS.split(', ')
        .map((c) => `r.${c}`)
        .join(', ')} FROM records r${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`,
      params,
    );
    const entries = rows.map(toEntry);
    if (query.ids === undefined) return entries;
    const at = new Map(entries.map((e) => [e.report.id, e] as const));
    return query.ids.flatMap((id) => at.get(id) ?? []);
  }

  /** The FROM and WHERE of a ranking (its year, place, level and value range), its parameters in `params`. */
  function rankFrom(query: RankQuery, year: number, params: unknown[]): string {
    params.push(query.metric);
    const where = [`v.field = $${params.length}`, ...filters({ ...query, year }, params, 'v')];
    if (query.atLeast !== undefined) {
      params.push(query.atLeast);
      where.push(`v.value >= $${params.length}`);
    }
    if (query.below !== undefined) {
      params.push(query.below);
      where.push(`v.value < $${params.length}`);
    }
    const join = query.level === undefined ? '' : ' JOIN records r ON r.seq = v.seq';
    return `record_values v${join} WHERE ${where.join(' AND ')}`;
  }

  async function rank(query: RankQuery): Promise<RankRow[]> {
    const year = query.year ?? newest ?? undefined;
    const limit = query.limit === undefined ? undefined : Math.max(0, Math.floor(query.limit));
    if (year === undefined || limit === 0) return [];
    const params: unknown[] = [];
    const from = rankFrom(query, year, params);
    const desc = query.order !== 'asc';
    let cut = '';
    if (limit !== undefined) {
      // the value of the limit-th row; rows within `ties` of it come along (ordered by id below)
      params.push(limit, query.ties ?? 0);
      const [n, t] = [`$${params.length - 1}`, `$${params.length}`];
      const nth = `(SELECT v.value FROM ${from} ORDER BY v.value ${desc ? 'DESC' : 'ASC'} OFFSET ${n} - 1 LIMIT 1)`;
      cut = desc
        ? ` AND v.value >= COALESCE(${nth} - ${t}, '-Infinity')`
        : ` AND v.value <= COALESCE(${nth} + ${t}, 'Infinity')`;
    }
    // places and values from the ranking index alone, one result row per value (equal values are
    // many: 1,500 bodies tie at the top of a national ranking of 100k synthetic records, and a
    // result row each cost more than the query); each row's identity from the catalogue
    const groups = await q<{ value: number; seqs: string }>(
      `SELECT v.value, string_agg(v.seq::text, ',') AS seqs FROM ${from}${cut} GROUP BY v.value`,
      params,
    );
    const rows: RankRow[] = [];
    for (const { value, seqs } of groups)
      for (const seq of seqs.split(',')) {
        const row = rowAt.get(seq);
        if (row) rows.push({ row, value });
      }
    const sign = desc ? -1 : 1;
    // with `ties` the caller orders equal values its own way: by value only (ties are many at a
    // cut on a common value, e.g. 0, and ordering them by id costs a collator call per pair)
    if (query.ties !== undefined) rows.sort((a, b) => sign * (a.value - b.value));
    else rows.sort((a, b) => sign * (a.value - b.value) || byId.compare(a.row.id, b.row.id));
    return limit === undefined || query.ties !== undefined ? rows : rows.slice(0, limit);
  }

  async function rankCount(query: RankQuery): Promise<number> {
    const year = query.year ?? newest ?? undefined;
    if (year === undefined) return 0;
    const { region, level, atLeast, below } = query;
    if (region === undefined && level === undefined && atLeast === undefined && below === undefined) {
      // every body of the year: the count kept beside the rows
      const rows = await q<{ n: number }>(
        'SELECT n::int AS n FROM value_counts WHERE field = $1 AND year = $2',
        [query.metric, year],
      );
      return rows[0]?.n ?? 0;
    }
    const params: unknown[] = [];
    const rows = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${rankFrom(query, year, params)}`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  return {
    path,
    pool,
    get revision() {
      return revision;
    },
    catalogue() {
      if (catalogueRows.revision !== revision) catalogueRows = { revision, rows: [...catalogue.values()] };
      return catalogueRows.rows;
    },
    find,
    rank,
    rankCount,
    async list() {
      const rows = await q<RecordRow>(`SELECT ${RECORD_COLS} FROM records ORDER BY seq`);
      return rows.map(toEntry);
    },
    copies(near) {
      return near === undefined ? loadCopies() : nearCopies(q, near);
    },
    async hydrate(entry) {
      if (entry.report.text?.sections || !entry.prose) return entry.report;
      const rows = await q<{ text: string }>('SELECT text FROM prose WHERE sha256 = $1', [entry.prose]);
      if (!rows[0]) return entry.report;
      let sections: Record<string, string> | undefined;
      try {
        sections = JSON.parse(rows[0].text) as Record<string, string>;
      } catch {
        sections = undefined;
      }
      return withSections(entry.report, sections);
    },
    async upsert(entry, opts) {
      const [outcome] = await upsertMany([entry], opts);
      return outcome!;
    },
    upsertMany,
    watch(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await queue;
      await pending;
      await listener?.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}

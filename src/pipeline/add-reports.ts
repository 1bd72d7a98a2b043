import {
  agencyKey,
  type CopyIndex,
  checkReport,
  copyPrint,
  findPrevious,
  isSameAgency,
} from '../check/index.ts';
import { deriveLevel } from '../domain/index.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../ingest/index.ts';
import { applyPreviousYear } from '../parse/index.ts';
import type { Report, Warning } from '../schema/index.ts';
import type { Store, StoredReport, UpsertOutcome } from '../store/index.ts';
import { compareRecords, degradation, describeChange, type RecordChange } from './compare-records.ts';
import { type ParsedFile, parseFile, type ReportFile } from './parse-file.ts';
import { parseInWorker } from './parse-pool.ts';

export type AddOutcome =
  | {
      file: string;
      ok: true;
      outcome: UpsertOutcome;
      report: Report;
      warnings: Warning[];
      /** For 'updated': what the replacement changed (cells, tables, values). */
      change?: RecordChange;
      /** `change` in words, e.g. `单元格 134→200，表格 2→3，改动数值 0 个`. */
      changeText?: string;
    }
  | {
      file: string;
      ok: false;
      code: string;
      message: string;
      /**
       * RECORD_KEPT only: the parsed record that was not stored, with what it would change,
       * so a caller can offer to replace deliberately (`replace: true`).
       */
      kept?: { report: Report; change: RecordChange };
    };

export interface AddOptions {
  /** Replace stored records even when the new one has fewer cells or tables or another agency. */
  replace?: boolean;
  /** Limits on each file (defaults: DEFAULT_LIMITS; the apps pass `limitsFromEnv()`). */
  limits?: IngestLimits;
  /** Parse in a worker thread (default), so a hostile file cannot stall or crash the caller. */
  inWorker?: boolean;
  /**
   * Abandons the batch (shutdown): running workers are stopped and, if it fires before the
   * store write, nothing is written and addReports rejects with the signal's reason.
   */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Parser warnings plus the checker's, with the same agency's previous year from `pool` (pass
 * `previous` with its prose when the pool's record is lean) and the store's fingerprints for X-10.
 */
export function warningsFor(
  report: Report,
  parseWarnings: readonly Warning[],
  pool: readonly Report[],
  extra: { previous?: Report | undefined; copies?: CopyIndex } = {},
): Warning[] {
  const previous = extra.previous ?? findPrevious(report, pool);
  const ctx = { previous, others: pool, ...(extra.copies ? { copies: extra.copies } : {}) };
  return [...parseWarnings, ...checkReport(report, ctx)];
}

/** A pool report with its prose: a stored (lean) record is read back with its sections. */
async function withProse(store: Store, report: Report | undefined): Promise<Report | undefined> {
  if (!report || report.text?.sections) return report;
  const [entry] = await store.find({ ids: [report.id] });
  return entry ? store.hydrate(entry) : report;
}

/**
 * The stored records the cross-report rules compare `report` with, found by query instead of
 * holding the store: the same agency's reports of every year (by its key, its name-only key and
 * its exact name, as `isSameAgency` pairs them) for the previous and next year, and the same
 * year's reports of its level (P-08's peers). Records the batch replaces (`skip`) are left out.
 */
async function storedPool(store: Store, report: Report, skip: ReadonlySet<string>): Promise<Report[]> {
  const agencies = new Set([agencyKey(report), agencyKey({ ...report, region: null }), report.agency]);
  const level = deriveLevel(report);
  const found = await Promise.all([
    ...[...agencies].map((agency) => store.find({ agency })),
    store.find({ year: report.year, ...(level ? { level } : {}) }),
  ]);
  const out = new Map<string, Report>();
  for (const e of found.flat()) if (!skip.has(e.report.id)) out.set(e.report.id, e.report);
  return [...out.values()];
}

async function parseAll(inputs: readonly ReportFile[], o: AddOptions): Promise<ParsedFile[]> {
  const limits = o.limits ?? DEFAULT_LIMITS;
  let done = 0;
  const one = async (input: ReportFile): Promise<ParsedFile> => {
    const parsed =
      o.inWorker === false ? await parseFile(input, limits) : await parseInWorker(input, limits, o.signal);
    o.onProgress?.(++done, inputs.length, input.file);
    return parsed;
  };
  // the pool runs as many at once as it has workers; the rest wait their turn there
  return Promise.all(inputs.map(one));
}

/**
 * Parses (in worker threads, under the file limits), checks and stores report files in one
 * write. A bad file is reported with its code and the others are still stored. A record that
 * would replace a stored one with fewer filled cells, fewer tables or another agency is not
 * stored (RECORD_KEPT, saying why) unless `replace` is set. The next year's report of the same
 * agency, if held, is re-checked too, since its cross-year warnings depend on the new one.
 * A failed store write throws (StoreError) and leaves the store, on disk and in memory, as it was.
 */
export async function addReports(
  store: Store,
  inputs: readonly ReportFile[],
  options: AddOptions | AddOptions['onProgress'] = {},
): Promise<AddOutcome[]> {
  const o: AddOptions = typeof options === 'function' ? { onProgress: options } : options;
  const parsed = await parseAll(inputs, o);
  const fresh = parsed.flatMap((p) => (p.ok ? [p.report] : []));
  const freshIds = new Set(fresh.map((r) => r.id));
  // each report is checked against the stored records its rules compare with, and the batch
  const pools = new Map<Report, Report[]>();
  const poolOf = async (r: Report): Promise<Report[]> => {
    let pool = pools.get(r);
    if (!pool) {
      pool = [...(await storedPool(store, r, freshIds)), ...fresh];
      pools.set(r, pool);
    }
    return pool;
  };
  // glued table 二 triples the text alone left open: the same body's previous year may settle them
  const byYear = parsed.flatMap((p) => (p.ok ? [p] : [])).sort((a, b) => a.report.year - b.report.year);
  for (const p of byYear)
    p.warnings = applyPreviousYear(p.report, p.warnings, findPrevious(p.report, await poolOf(p.report)));
  const previous = new Map<Report, Report | undefined>();
  for (const p of byYear)
    previous.set(p.report, await withProse(store, findPrevious(p.report, await poolOf(p.report))));
  // the batch joins the store's fingerprints while it is checked, in order, so a copied pair
  // within the batch is found once; the store's own entries are put back afterwards (read
  // before, so nothing awaits while the index holds the batch)
  const copies = await store.copies(fresh);
  const held = await store.find({ ids: [...freshIds] });
  const entries: StoredReport[] = [];
  let results: AddOutcome[];
  try {
    results = parsed.map((p) => {
      if (!p.ok) return p;
      copies.add(p.report, copyPrint(p.report));
      const warnings = warningsFor(p.report, p.warnings, pools.get(p.report)!, {
        previous: previous.get(p.report),
        copies,
      });
      entries.push({ report: p.report, warnings });
      return { ...p, warnings, outcome: 'added' as UpsertOutcome };
    });
  } finally {
    for (const r of fresh) copies.remove(r.id);
    for (const e of held) copies.add(e.report, e.print);
  }
  const followers = await recheckFollowers(store, fresh, poolOf);
  /** Refusals by entry, decided under the store lock against the record on disk. */
  const refused = new Map<StoredReport, { reason: string; change: RecordChange }>();
  const changes = new Map<StoredReport, RecordChange>();
  const guard = (stored: StoredReport, incoming: StoredReport): string | null => {
    if (!entries.includes(incoming)) return null;
    const change = compareRecords(stored.report, incoming.report);
    changes.set(incoming, change);
    const reason = o.replace ? null : degradation(change);
    if (reason) refused.set(incoming, { reason, change });
    return reason;
  };
  // abandoned (shutdown) while parsing: nothing is written, nothing half-done
  o.signal?.throwIfAborted();
  const outcomes = await store.upsertMany([...entries, ...followers], { guard });
  let k = 0;
  return results.map((r): AddOutcome => {
    if (!r.ok) return r;
    const entry = entries[k]!;
    const outcome = outcomes[k++]!;
    const no = refused.get(entry);
    if (no) {
      return {
        file: r.file,
        ok: false,
        code: 'RECORD_KEPT',
        message: `已保留数据库中的原记录 ${r.report.id}，未用此文件替换：${no.reason}（${describeChange(no.change)}）；如确需替换，请使用 --replace`,
        kept: { report: r.report, change: no.change },
      };
    }
    const change = outcome === 'updated' ? changes.get(entry) : undefined;
    return change ? { ...r, outcome, change, changeText: describeChange(change) } : { ...r, outcome };
  });
}

/** The next year's stored reports of the fresh reports' agencies, re-checked against them. */
async function recheckFollowers(
  store: Store,
  fresh: readonly Report[],
  poolOf: (r: Report) => Promise<Report[]>,
): Promise<StoredReport[]> {
  const out: StoredReport[] = [];
  const freshIds = new Set(fresh.map((f) => f.id));
  for (const f of fresh) {
    const candidates = (await poolOf(f)).filter((r) => r.year === f.year + 1);
    const stored = await store.find({ ids: candidates.map((r) => r.id) });
    for (const entry of stored) {
      const r = entry.report;
      if (r.year !== f.year + 1 || freshIds.has(r.id) || out.some((o) => o.report.id === r.id)) continue;
      if (!isSameAgency(r, f)) continue;
      const pool = await poolOf(r);
      if (findPrevious(r, pool) !== f) continue;
      const parseWarnings = entry.warnings.filter((w) => w.rule.startsWith('PW-'));
      const full = await store.hydrate(entry);
      out.push({
        ...entry,
        report: full,
        warnings: warningsFor(full, parseWarnings, pool, { previous: f, copies: await store.copies([full]) }),
      });
    }
  }
  return out;
}

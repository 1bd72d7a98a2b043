import { checkReport, findPrevious } from '../check/index.ts';
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
  /** Abandons the files not yet parsed (shutdown); nothing is written for them. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Parser warnings plus the checker's, with the same agency's previous year from `pool`. */
export function warningsFor(
  report: Report,
  parseWarnings: readonly Warning[],
  pool: readonly Report[],
): Warning[] {
  const previous = findPrevious(report, pool);
  return [...parseWarnings, ...checkReport(report, { previous, others: pool })];
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
  const pool = [
    ...store
      .all()
      .map((e) => e.report)
      .filter((r) => !freshIds.has(r.id)),
    ...fresh,
  ];
  // glued table 二 triples the text alone left open: the same body's previous year may settle them
  const byYear = parsed.flatMap((p) => (p.ok ? [p] : [])).sort((a, b) => a.report.year - b.report.year);
  for (const p of byYear) p.warnings = applyPreviousYear(p.report, p.warnings, findPrevious(p.report, pool));
  const entries: StoredReport[] = [];
  const results: AddOutcome[] = parsed.map((p) => {
    if (!p.ok) return p;
    const warnings = warningsFor(p.report, p.warnings, pool);
    entries.push({ report: p.report, warnings });
    return { ...p, warnings, outcome: 'added' as UpsertOutcome };
  });
  const followers = recheckFollowers(store, fresh, pool);
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

function recheckFollowers(store: Store, fresh: readonly Report[], pool: readonly Report[]): StoredReport[] {
  const out: StoredReport[] = [];
  for (const entry of store.all()) {
    const r = entry.report;
    if (fresh.some((f) => f.id === r.id)) continue;
    const prev = findPrevious(r, pool);
    if (!prev || !fresh.includes(prev)) continue;
    const parseWarnings = entry.warnings.filter((w) => w.rule.startsWith('PW-'));
    out.push({ report: r, warnings: warningsFor(r, parseWarnings, pool) });
  }
  return out;
}

import { createHash } from 'node:crypto';
import { checkReport, findPrevious } from '../check/index.ts';
import { extractText } from '../ingest/index.ts';
import { parseReport } from '../parse/index.ts';
import { type Report, ReportSchema, type Warning } from '../schema/index.ts';
import type { Store, StoredReport, UpsertOutcome } from '../store/index.ts';

export interface ReportFile {
  /** File name as the user gave it (shown in messages and kept as `source.file`). */
  file: string;
  bytes: Uint8Array;
  /** Where the file was downloaded from; kept as `source.url` so answers can cite it. */
  url?: string;
}

export type AddOutcome =
  | { file: string; ok: true; outcome: UpsertOutcome; report: Report; warnings: Warning[] }
  | { file: string; ok: false; code: string; message: string };

export type ParsedFile =
  | { file: string; ok: true; report: Report; warnings: Warning[] }
  | { file: string; ok: false; code: string; message: string };

/** Bytes → text (by content) → Report, validated against the schema; never throws on bad input. */
export async function parseFile(input: ReportFile): Promise<ParsedFile> {
  const extracted = await extractText(input.bytes, input.file);
  if (!extracted.ok) return { file: input.file, ok: false, ...extracted.error };
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const parsed = parseReport(extracted.value.text, { file: input.file, sha256 });
  if (!parsed.ok) return { file: input.file, ok: false, ...parsed.error };
  if (input.url) parsed.report.source.url = input.url;
  const valid = ReportSchema.safeParse(parsed.report);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    return {
      file: input.file,
      ok: false,
      code: 'INVALID_RECORD',
      message: `解析结果不符合记录格式（${issue?.path.join('.')}：${issue?.message}）`,
    };
  }
  return { file: input.file, ok: true, report: valid.data, warnings: parsed.warnings };
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

/**
 * Parses, checks and stores report files in one write. The next year's report of the same
 * agency, if held, is re-checked too, since its cross-year warnings depend on the new one.
 */
export async function addReports(
  store: Store,
  inputs: readonly ReportFile[],
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<AddOutcome[]> {
  const parsed: ParsedFile[] = [];
  for (const [i, input] of inputs.entries()) {
    parsed.push(await parseFile(input));
    onProgress?.(i + 1, inputs.length, input.file);
  }
  const fresh = parsed.flatMap((p) => (p.ok ? [p.report] : []));
  const freshIds = new Set(fresh.map((r) => r.id));
  const pool = [
    ...store
      .all()
      .map((e) => e.report)
      .filter((r) => !freshIds.has(r.id)),
    ...fresh,
  ];
  const entries: StoredReport[] = [];
  const results: AddOutcome[] = parsed.map((p) => {
    if (!p.ok) return p;
    const warnings = warningsFor(p.report, p.warnings, pool);
    entries.push({ report: p.report, warnings });
    return { ...p, warnings, outcome: 'added' as UpsertOutcome };
  });
  const followers = recheckFollowers(store, fresh, pool);
  const outcomes = await store.upsertMany([...entries, ...followers]);
  let k = 0;
  for (const r of results) if (r.ok) r.outcome = outcomes[k++]!;
  return results;
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

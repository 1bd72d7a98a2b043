import { createHash } from 'node:crypto';
import { DEFAULT_LIMITS, extractText, type IngestLimits } from '../ingest/index.ts';
import { parseReport } from '../parse/index.ts';
import { type Report, ReportSchema, type Warning } from '../schema/index.ts';

export interface ReportFile {
  /** File name as the user gave it (shown in messages and kept as `source.file`). */
  file: string;
  bytes: Uint8Array;
  /** Where the file was downloaded from; kept as `source.url` so answers can cite it. */
  url?: string;
}

export type ParsedFile =
  | { file: string; ok: true; report: Report; warnings: Warning[] }
  | { file: string; ok: false; code: string; message: string };

/**
 * Bytes → text (by content) → Report, validated against the schema; never throws on bad input.
 * Runs on the calling thread: callers that must stay responsive use `parseInWorker`.
 */
export async function parseFile(
  input: ReportFile,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<ParsedFile> {
  const extracted = await extractText(input.bytes, input.file, limits);
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
  const repairs = (extracted.value.notes ?? []).map(
    (message): Warning => ({
      rule: 'PW-12',
      severity: 'warning',
      report: valid.data.id,
      fields: [],
      message,
    }),
  );
  const warnings = [...repairs, ...parsed.warnings];
  return { file: input.file, ok: true, report: valid.data, warnings };
}

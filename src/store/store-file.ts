import { z } from 'zod';
import { ReportSchema, WarningSchema } from '../schema/index.ts';
import { StoreError } from './store-error.ts';
import type { StoredReport } from './types.ts';

export const StoredReportSchema = z.object({
  report: ReportSchema,
  warnings: z.array(WarningSchema),
  prose: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  print: z
    .string()
    .regex(/^(?:[0-9a-f]{8})+$/)
    .optional(),
});

/** Version 1 kept the prose inside each record; version 2 keeps lean records, prose beside the file. */
export const StoreDataSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  reports: z.array(StoredReportSchema),
});

export interface StoreData {
  version: 1 | 2;
  reports: StoredReport[];
}

/** Describes the first few zod issues as `path: message`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Reads the data file text; a corrupt or invalid file throws STORE_CORRUPT, never resets. */
export function parseStoreText(path: string, text: string): StoreData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new StoreError(
      'STORE_CORRUPT',
      path,
      `数据库文件 ${path} 不是有效的 JSON（${(cause as Error).message}）；请从备份恢复或删除后重新 ingest`,
      { cause },
    );
  }
  const parsed = StoreDataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StoreError(
      'STORE_CORRUPT',
      path,
      `数据库文件 ${path} 的内容不符合格式：${describeIssues(parsed.error)}；请从备份恢复或删除后重新 ingest`,
      { cause: parsed.error },
    );
  }
  return parsed.data as StoreData;
}

/** Serialises the store; one report per line keeps diffs and partial reads readable. */
export function stringifyStore(
  data: StoreData,
  line: (r: StoredReport) => string = (r) => JSON.stringify(r),
): string {
  const rows = data.reports.map(line);
  return `{"version":${data.version},"reports":[\n${rows.join(',\n')}\n]}\n`;
}

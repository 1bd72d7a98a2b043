import writeXlsxFile from 'write-excel-file/node';
import { FIELD_IDS } from '../schema/index.ts';
import type { Store } from '../store/index.ts';
import type { ExportTable } from './types.ts';

/** Every record, one row per body and year: identity, report facts, every field, warning counts. */
export async function exportAll(store: Store): Promise<ExportTable> {
  const columns = [
    'agency',
    'year',
    'kind',
    'region',
    'region_code',
    'title',
    'signed',
    'published',
    'period_from',
    'period_to',
    'source_file',
    'source_url',
    'errors',
    'warnings',
    ...FIELD_IDS,
  ];
  const rows = (await store.list()).map((e) => {
    const r = e.report as typeof e.report & { published?: string | null; source: { url?: string | null } };
    return [
      r.agency,
      r.year,
      r.kind,
      r.region?.name ?? null,
      r.region?.code ?? null,
      r.title,
      r.signed,
      r.published ?? null,
      r.period?.from ?? null,
      r.period?.to ?? null,
      r.source.file,
      r.source.url ?? null,
      e.warnings.filter((w) => w.severity === 'error').length,
      e.warnings.filter((w) => w.severity === 'warning').length,
      ...FIELD_IDS.map((id) => r.values[id] ?? null),
    ];
  });
  return { title: 'all reports', columns, rows };
}

/** RFC 4180 CSV (with a BOM so spreadsheet programs read the Chinese as UTF-8). */
export function toCsv(table: ExportTable): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** One sheet: the column names in bold, then the rows (empty cells for nulls). */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const data = [
    table.columns.map((c) => ({ value: c, fontWeight: 'bold' as const })),
    ...table.rows.map((row) => row.map((v) => (v === null ? null : { value: v }))),
  ];
  return (await writeXlsxFile(data, { buffer: true })) as Buffer;
}

import type { Report } from '../schema/index.ts';
import { getField } from '../schema/index.ts';

/** What a replacement changes, for the summary line and the refusal. */
export interface RecordChange {
  /** Filled (non-null) cells before → after. */
  cells: [before: number, after: number];
  /** Tables with at least one filled cell before → after. */
  tables: [before: number, after: number];
  /** Cells filled in both whose value differs. */
  values: number;
  /** Agency before → after, when it differs. */
  agency?: [before: string, after: string];
}

function filled(report: Report): { cells: number; tables: number } {
  const tables = new Set<string>();
  let cells = 0;
  for (const [id, v] of Object.entries(report.values)) {
    if (v === null) continue;
    cells++;
    const table = getField(id)?.table;
    if (table) tables.add(table);
  }
  return { cells, tables: tables.size };
}

export function compareRecords(before: Report, after: Report): RecordChange {
  const a = filled(before);
  const b = filled(after);
  let values = 0;
  for (const [id, v] of Object.entries(after.values)) {
    const old = before.values[id];
    if (v !== null && old !== null && old !== undefined && old !== v) values++;
  }
  return {
    cells: [a.cells, b.cells],
    tables: [a.tables, b.tables],
    values,
    ...(before.agency === after.agency ? {} : { agency: [before.agency, after.agency] as [string, string] }),
  };
}

/** Why the new record would degrade the stored one (fewer cells, fewer tables, another agency), or null. */
export function degradation(change: RecordChange): string | null {
  const why: string[] = [];
  if (change.cells[1] < change.cells[0]) {
    why.push(`有数值的单元格从 ${change.cells[0]} 个减为 ${change.cells[1]} 个`);
  }
  if (change.tables[1] < change.tables[0]) {
    why.push(`有数值的表格从 ${change.tables[0]} 张减为 ${change.tables[1]} 张`);
  }
  if (change.agency) why.push(`机关名称由“${change.agency[0]}”变为“${change.agency[1]}”`);
  return why.length > 0 ? why.join('；') : null;
}

/** `单元格 134→200，表格 2→3，改动数值 1 个` */
export function describeChange(change: RecordChange): string {
  const parts = [
    `单元格 ${change.cells[0]}→${change.cells[1]}`,
    `表格 ${change.tables[0]}→${change.tables[1]}`,
  ];
  parts.push(`改动数值 ${change.values} 个`);
  if (change.agency) parts.push(`机关 “${change.agency[0]}”→“${change.agency[1]}”`);
  return parts.join('，');
}

import {
  APPLY_COLS,
  getDerivedField,
  getField,
  LEGAL_COLS,
  LEGAL_GROUPS,
  type Report,
} from '../schema/index.ts';

/** Table 三 column ids in table order; `ORG_COLS` are the five 法人或其他组织 columns. */
export const APPLY_COL_IDS: readonly string[] = APPLY_COLS.map((c) => c.id);
export const ORG_COLS: readonly string[] = APPLY_COL_IDS.filter((c) => c.startsWith('org_'));
export const LEGAL_GROUP_IDS: readonly string[] = LEGAL_GROUPS.map((g) => g.id);
export const LEGAL_COL_IDS: readonly string[] = LEGAL_COLS.map((c) => c.id);

/** Expands a canonical or derived id (docs/schema.md, derived ids) into the canonical ids it reads. */
export function expandField(id: string): string[] {
  return getDerivedField(id)?.parts ?? [id];
}

/** Expands several ids, keeping order and dropping duplicates. */
export function expandFields(ids: readonly string[]): string[] {
  return [...new Set(ids.flatMap(expandField))];
}

/** `v(f)` for canonical and derived ids; a group sum is null only when every member is null. */
export function readValue(report: Report, id: string): number | null {
  const members = expandField(id);
  if (members.length === 1 && members[0] === id) return report.values[id] ?? null;
  let sum: number | null = null;
  for (const m of members) {
    const v = report.values[m];
    if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** Reads every id; null as soon as one is missing, so a rule can skip silently. */
export function readAll(report: Report, ids: readonly string[]): number[] | null {
  const out: number[] = [];
  for (const id of ids) {
    const v = readValue(report, id);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** The message suffix for failing rules that read blank cells. */
export function blankSuffix(report: Report, ids: readonly string[]): string {
  const blanks = new Set(report.blanks);
  const n = expandFields(ids).filter((f) => blanks.has(f)).length;
  return n > 0 ? `（其中${n}格为空白，按0计）` : '';
}

/** Chinese column name for table 三 ({col}). */
export function colName(col: string): string {
  return APPLY_COLS.find((c) => c.id === col)?.zh ?? col;
}

/** Official row label of a table 三 row ({row}), with its group for sub-rows. */
export function applyRowLabel(row: string): string {
  return getField(`apply.${row}.total`)?.row ?? row;
}

/** Chinese name of a table 四 group ({g}). */
export function groupName(group: string): string {
  return LEGAL_GROUPS.find((g) => g.id === group)?.zh ?? group;
}

/** A ratio as a percentage with one decimal. */
export function formatPercent(part: number, whole: number): string {
  return ((100 * part) / whole).toFixed(1);
}

/** Canonical ids of a table, by prefix. */
export function fieldIdsOf(report: Report, prefix: string): string[] {
  return Object.keys(report.values).filter((f) => f.startsWith(prefix));
}

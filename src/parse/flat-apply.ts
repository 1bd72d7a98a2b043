/**
 * Table 三 from flattened text: each row's glued digits cut by its row sum, then the rows' readings
 * combined under the column identities (detail rows = （七）总计; 一 + 二 = 三 + 四).
 */
import { APPLY_COLS, APPLY_ROWS } from '../schema/index.ts';
import type { ParseNote, TableResult } from './_notes.ts';
import { nullRecord, recordOf, type Values } from './_values.ts';
import { type Anchor, type FlatRow, locateRows } from './flat-locate.ts';
import { type Reading, type RowReadings, type RowShape, readMaterial, readRow } from './flat-split.ts';

const N = APPLY_COLS.length;
const SHAPE: RowShape = { n: N, groups: [[0, 1, 2, 3, 4, 5, 6]] };
/** Combinations of ambiguous rows tried against the column identities. */
const MAX_COMBOS = 5000;

const ANCHOR_RE: Record<string, RegExp> = {
  new_received: /新收/,
  carried_in: /上年度?结转/,
  granted: /予以公开/,
  partial: /部分公开/,
  denied_state_secret: /国家秘密/,
  denied_law_prohibited: /禁止公开|法律行政法规/,
  denied_security_stability: /三安全|一稳定/,
  denied_third_party: /第三方/,
  denied_internal_affairs: /内部事务/,
  denied_process_info: /过程性/,
  denied_enforcement_file: /执法案[卷件]/,
  denied_admin_query: /查询事项/,
  unable_not_held: /不掌握/,
  unable_needs_creation: /另行制作|现成信息/,
  unable_unclear: /仍不明确|补正后/,
  np_petition: /信访|举报投诉/,
  np_duplicate: /重复申请/,
  np_publication: /出版物/,
  np_excessive: /大量反复|反复申请/,
  np_confirm_reissue: /确认或重|重新出具|已获取信息/,
  other_no_correction: /不补正/,
  other_fee_unpaid: /缴纳费用|收费通知/,
  other_other: /其他/,
  results_total: /总计/,
  carried_out: /结转下年度|下一?年度?继续/,
};
const ANCHORS: Anchor[] = APPLY_ROWS.map((r) => ({ id: r.id, re: ANCHOR_RE[r.id]!, optional: true }));
const ROW_INDEX = new Map(APPLY_ROWS.map((r, i) => [r.id, i]));
const DETAIL = APPLY_ROWS.map((_, i) => i).filter((i) => i >= 2 && i <= 22);
const TOTAL = 23;
const FIELDS = APPLY_ROWS.map((r) => APPLY_COLS.map((c) => `apply.${r.id}.${c.id}`));
const fieldsOf = (i: number) => FIELDS[i]!;
const toRecord = recordOf(FIELDS.flat());
/** Values of a table not found (a template's copy is quicker to make than toRecord's). */
const NULL_VALUES = nullRecord(FIELDS.flat());

/** The table's values, row by row (null where a row or cell was not read). */
function valuesOf(rows: readonly (Reading | undefined)[]): Values {
  const cells = new Array<number | null>(FIELDS.length * N).fill(null);
  rows.forEach((row, i) => {
    if (row) for (let c = 0; c < N; c++) cells[i * N + c] = row[c] ?? null;
  });
  return toRecord(cells);
}

/** How many column identities hold (A-03 and A-04 per column; rows not read are skipped). */
function columnsHolding(rows: readonly (Reading | undefined)[]): number {
  let held = 0;
  for (let c = 0; c < N; c++) {
    const total = rows[TOTAL]?.[c];
    if (total === undefined || total === null) continue;
    let sum = 0;
    let known = true;
    for (const i of DETAIL) {
      const v = rows[i]?.[c];
      if (v === undefined || v === null) known = false;
      else sum += v;
    }
    if (known && sum === total) held++;
    const [a, b, d] = [rows[0]?.[c], rows[1]?.[c], rows[24]?.[c]];
    if (a != null && b != null && d != null && a + b === total + d) held++;
  }
  return held;
}

/**
 * Readings of the ambiguous rows under which the most column identities hold together (all of
 * them in a consistent table; a source's own error leaves some unmet under every reading).
 */
function solveColumns(read: readonly (RowReadings | undefined)[]): Map<number, Reading[]> | null {
  const ambiguous: number[] = [];
  read.forEach((r, i) => {
    if (r && r.readings.length > 1) ambiguous.push(i);
  });
  if (ambiguous.length === 0) return null;
  const product = ambiguous.reduce((p, i) => p * read[i]!.readings.length, 1);
  if (product > MAX_COMBOS) return null;
  const rows = read.map((r) => (r?.readings.length === 1 ? r.readings[0] : undefined));
  let kept = new Map<number, Map<string, Reading>>();
  let best = -1;
  const walk = (k: number): void => {
    if (k === ambiguous.length) {
      const held = columnsHolding(rows);
      if (held < best) return;
      if (held > best) {
        best = held;
        kept = new Map(ambiguous.map((i) => [i, new Map()]));
      }
      for (const i of ambiguous) kept.get(i)!.set(rows[i]!.join(','), rows[i]!);
      return;
    }
    const i = ambiguous[k]!;
    for (const r of read[i]!.readings) {
      rows[i] = r;
      walk(k + 1);
    }
  };
  walk(0);
  return new Map([...kept].map(([i, m]) => [i, [...m.values()]]));
}

/** Cells on which every reading agrees; null where they differ. */
export function agreed(readings: readonly Reading[]): Reading {
  return readings[0]!.map((v, c) => (readings.every((r) => r[c] === v) ? v : null));
}

const describe = (r: Reading) => r.map((v) => v ?? '?').join('|');

export function readFlatApplication(s: string, start: number): TableResult & { span: [number, number] } {
  const rows: FlatRow[] = locateRows(s, start, ANCHORS);
  const span: [number, number] = [rows[0]?.span[0] ?? start, rows.at(-1)?.span[1] ?? start];
  if (rows.length < 5) return { values: { ...NULL_VALUES }, blanks: [], notes: [], found: false, span };
  const blanks: string[] = [];
  const notes: ParseNote[] = [];
  const read: (RowReadings | undefined)[] = new Array(APPLY_ROWS.length).fill(undefined);
  const runs: string[] = new Array(APPLY_ROWS.length).fill('');
  for (const r of rows) {
    const i = ROW_INDEX.get(r.id)!;
    runs[i] = r.run;
    if (r.run === '') {
      // a row printed without numbers: its cells are blank (A-00)
      read[i] = { readings: [new Array(N).fill(0)], status: 'exact' };
      blanks.push(...fieldsOf(i));
    } else read[i] = readRow(readMaterial(r.run), SHAPE);
  }
  const solved = solveColumns(read);
  const cells: (Reading | undefined)[] = new Array(APPLY_ROWS.length).fill(undefined);
  let glued = 0;
  read.forEach((r, i) => {
    const label = APPLY_ROWS[i]!.label;
    const fields = fieldsOf(i);
    if (!r) return;
    if (r.readings.length === 0) {
      notes.push({
        rule: 'PW-05',
        severity: 'warning',
        fields,
        message: `表三“${label}”行数字“${runs[i]}”无法拆分为${N}格，暂不取值`,
      });
      return;
    }
    const options = solved?.get(i) ?? r.readings;
    const value = options.length === 1 ? options[0]! : agreed(options);
    cells[i] = value;
    if ((r.status === 'glued' || r.status === 'forced') && options.length === 1) glued++;
    const rule = r.status === 'short' ? 'PW-01' : 'PW-05';
    if (options.length > 1) {
      notes.push({
        rule,
        severity: 'warning',
        fields,
        message: `表三“${label}”行数字“${runs[i]}”${r.status === 'short' ? `少于${N}格` : '疑似多格粘连'}，可读作${options.map(describe).join('、')}，行列合计无法唯一确定，暂不取值`,
        readings: options.map((o) => Object.fromEntries(fields.map((f, c) => [f, o[c] ?? null]))),
      });
    } else if (r.status === 'short' || r.status === 'unsummed') {
      notes.push({
        rule,
        severity: 'warning',
        fields,
        message:
          r.status === 'short'
            ? `表三“${label}”行仅印出少于${N}个数“${runs[i]}”，缺格按行列合计推得${describe(value)}`
            : `表三“${label}”行数字“${runs[i]}”只有一种拆法${describe(value)}，但行合计不符（原表如此）`,
      });
    }
  });
  const missing = APPLY_ROWS.filter((_, i) => !read[i]).map((r) => r.label);
  if (missing.length > 0) {
    notes.push({
      rule: 'PW-05',
      severity: 'warning',
      fields: APPLY_ROWS.flatMap((_, i) => (read[i] ? [] : fieldsOf(i))),
      message: `表三未找到${missing.map((l) => `“${l}”`).join('、')}行，相应数值暂缺`,
    });
  }
  if (glued > 0) {
    notes.push({
      rule: 'PW-05',
      severity: 'info',
      fields: [],
      message: `表三有${glued}行数字粘连（网页转存文本），已按行合计与列合计唯一拆分`,
    });
  }
  return { values: valuesOf(cells), blanks, notes, found: true, span };
}

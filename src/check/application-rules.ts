import { APPLY_ROWS } from '../schema/index.ts';
import { createWarning } from './_emit.ts';
import { suggestSplitCell } from './_split-cell.ts';
import {
  APPLY_COL_IDS,
  applyRowLabel,
  blankSuffix,
  colName,
  fieldIdsOf,
  formatPercent,
  readAll,
  readValue,
} from './_values.ts';
import type { Rule } from './context.ts';

const RESULT_PARTS = ['granted', 'partial', 'denied_sum', 'unable_sum', 'np_sum', 'other_sum'];
const isCount = (v: number): boolean => Number.isInteger(v) && v >= 0;

/** Splits `apply.<row>.<col>` into its row and column. */
function rowCol(id: string): [string, string] {
  const [, row = '', col = ''] = id.split('.');
  return [row, col];
}

const checkBlanks: Rule = (report) => {
  const blanks = report.blanks.filter((f) => f.startsWith('apply.'));
  const first = blanks[0];
  if (!first) return [];
  const [row, col] = rowCol(first);
  const msg = `表三有${blanks.length}个单元格为空白（如“${applyRowLabel(row)}—${colName(col)}”），已按0计；规范填报应写0`;
  return [createWarning(report, 'A-00', 'info', blanks, msg)];
};

const checkCounts: Rule = (report) =>
  fieldIdsOf(report, 'apply.').flatMap((id) => {
    const v = report.values[id];
    if (v === null || v === undefined || isCount(v)) return [];
    const [row, col] = rowCol(id);
    return [
      createWarning(
        report,
        'A-01',
        'error',
        [id],
        `表三“${applyRowLabel(row)}—${colName(col)}”数值${v}不是非负整数`,
      ),
    ];
  });

const checkRowTotals: Rule = (report) =>
  APPLY_ROWS.flatMap((r) => {
    const ids = APPLY_COL_IDS.map((c) => `apply.${r.id}.${c}`);
    const cells = readAll(report, ids);
    if (!cells) return [];
    const a = cells[0]!;
    const b = cells.slice(1, 6).reduce((x, y) => x + y, 0);
    const t = cells[6]!;
    if (a + b === t) return [];
    const label = applyRowLabel(r.id);
    const hint = suggestSplitCell(label, cells);
    const msg = `表三“${label}”行合计不符：自然人${a} + 法人或其他组织${b} = ${a + b}，总计栏为${t}${blankSuffix(report, ids)}${hint ? `；${hint}` : ''}`;
    return [createWarning(report, 'A-02', 'error', ids, msg)];
  });

const checkResultsTotal: Rule = (report) =>
  APPLY_COL_IDS.flatMap((c) => {
    const parts = RESULT_PARTS.map((p) => `apply.${p}.${c}`);
    const ids = [...parts, `apply.results_total.${c}`];
    const vals = readAll(report, ids);
    if (!vals) return [];
    const t = vals.pop()!;
    const s = vals.reduce((x, y) => x + y, 0);
    if (s === t) return [];
    const msg = `办理结果总计不符（${colName(c)}）：各办理结果之和为${s}，（七）总计为${t}${blankSuffix(report, ids)}`;
    return [createWarning(report, 'A-03', 'error', ids, msg)];
  });

const checkBalance: Rule = (report) =>
  APPLY_COL_IDS.flatMap((c) => {
    const ids = ['new_received', 'carried_in', 'results_total', 'carried_out'].map((r) => `apply.${r}.${c}`);
    const vals = readAll(report, ids);
    if (!vals) return [];
    const [a, b, r, o] = vals as [number, number, number, number];
    if (a + b === r + o) return [];
    const msg = `勾稽关系不成立（${colName(c)}）：新收${a} + 上年结转${b} = ${a + b}，办理结果总计${r} + 结转下年度${o} = ${r + o}${blankSuffix(report, ids)}`;
    return [createWarning(report, 'A-04', 'error', ids, msg)];
  });

const checkCarriedOut: Rule = (report) =>
  APPLY_COL_IDS.flatMap((c) => {
    const ids = [`apply.new_received.${c}`, `apply.carried_in.${c}`, `apply.carried_out.${c}`];
    const vals = readAll(report, ids);
    if (!vals) return [];
    const [a, b, o] = vals as [number, number, number];
    if (o <= a + b) return [];
    const msg = `结转下年度${o}件超过本年可办理总量${a + b}件（新收${a} + 上年结转${b}）（${colName(c)}）${blankSuffix(report, ids)}`;
    return [createWarning(report, 'A-05', 'error', ids, msg)];
  });

const checkNothingToHandle: Rule = (report) => {
  const ids = ['apply.workload.total', 'apply.results_total.total', 'apply.carried_out.total'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [w, r, o] = vals as [number, number, number];
  if (w !== 0 || (r === 0 && o === 0)) return [];
  const msg = `本年无新收且无上年结转申请，但办理结果总计为${r}件、结转下年度为${o}件`;
  return [createWarning(report, 'A-07', 'error', ids, msg)];
};

const checkOtherShare: Rule = (report) => {
  const ids = ['apply.other_other.total', 'apply.results_total.total'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [x, r] = vals as [number, number];
  if (r < 20 || x / r <= 0.3) return [];
  const msg = `“其他处理—其他”${x}件，占办理结果总计${r}件的${formatPercent(x, r)}%，可能归类不当`;
  return [createWarning(report, 'A-08', 'warning', ids, msg)];
};

const checkCarryShare: Rule = (report) => {
  const ids = ['apply.carried_out.total', 'apply.workload.total'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [o, w] = vals as [number, number];
  if (w < 10 || o / w <= 0.5) return [];
  const msg = `结转下年度${o}件，占本年可办理总量${w}件的${formatPercent(o, w)}%，比例偏高`;
  return [createWarning(report, 'A-09', 'warning', ids, msg)];
};

const checkDoubleCount: Rule = (report) =>
  APPLY_COL_IDS.flatMap((c) => {
    const ids = [`apply.results_total.${c}`, `apply.workload.${c}`];
    const vals = readAll(report, ids);
    if (!vals) return [];
    const [r, w] = vals as [number, number];
    if (r <= w) return [];
    const msg = `办理结果总计${r}件超过新收与上年结转之和${w}件（${colName(c)}），疑似重复计数（部分公开只计这一情形）`;
    return [createWarning(report, 'A-10', 'error', ids, msg)];
  });

const checkZeroTable: Rule = (report) => {
  const ids = fieldIdsOf(report, 'apply.');
  if (ids.length === 0 || ids.some((f) => (report.values[f] ?? 0) !== 0)) return [];
  const item = report.narrative.find((n) => n.field?.startsWith('apply.') && n.value > 0 && !n.zeroClaim);
  if (!item) return [];
  return [createWarning(report, 'A-11', 'error', ids, `表三数据全部为0，但正文称“${item.text}”`)];
};

const checkSingleOtherRow: Rule = (report) => {
  const ids = ['apply.other_other.total', 'apply.other_no_correction.total', 'apply.other_fee_unpaid.total'];
  const [x, n, f] = ids.map((id) => readValue(report, id));
  if (report.year < 2021 || x === null || n !== null || f !== null) return [];
  const msg = `${report.year}年度报告“（六）其他处理”仅有一行，未按现行格式分列三个子项`;
  return [createWarning(report, 'A-12', 'warning', ids, msg)];
};

/** Family A: table 三 (docs/rules.md). A-06 is evaluated by the parser on printed subtotals. */
export const APPLICATION_RULES: readonly Rule[] = [
  checkBlanks,
  checkCounts,
  checkRowTotals,
  checkResultsTotal,
  checkBalance,
  checkCarriedOut,
  checkNothingToHandle,
  checkOtherShare,
  checkCarryShare,
  checkDoubleCount,
  checkZeroTable,
  checkSingleOtherRow,
];

import { LEGAL_COLS } from '../schema/index.ts';
import { createWarning } from './_emit.ts';
import {
  blankSuffix,
  fieldIdsOf,
  groupName,
  LEGAL_COL_IDS,
  LEGAL_GROUP_IDS,
  readAll,
  readValue,
} from './_values.ts';
import type { Rule } from './context.ts';

const colZh = (k: string): string => LEGAL_COLS.find((c) => c.id === k)?.zh ?? k;

const checkGroupTotals: Rule = (report) =>
  LEGAL_GROUP_IDS.flatMap((g) => {
    const ids = LEGAL_COL_IDS.map((k) => `legal.${g}.${k}`);
    const vals = readAll(report, ids);
    if (!vals) return [];
    const [a, b, c, d, t] = vals as [number, number, number, number, number];
    const s = a + b + c + d;
    if (s === t) return [];
    const suffix = blankSuffix(report, ids);
    if (d > 0 && t === a + b + c) {
      const msg = `表四“${groupName(g)}”总计${t}未计入尚未审结${d}件（总计应含尚未审结）${suffix}`;
      return [createWarning(report, 'C-06', 'error', ids, msg)];
    }
    const msg = `表四“${groupName(g)}”总计为${t}，维持${a} + 纠正${b} + 其他${c} + 尚未审结${d} = ${s}${suffix}`;
    return [createWarning(report, 'C-01', 'error', ids, msg)];
  });

const checkCounts: Rule = (report) =>
  fieldIdsOf(report, 'legal.').flatMap((id) => {
    const v = report.values[id];
    if (v === null || v === undefined || (Number.isInteger(v) && v >= 0)) return [];
    const [, g = '', k = ''] = id.split('.');
    return [
      createWarning(report, 'C-02', 'error', [id], `表四“${groupName(g)}—${colZh(k)}”数值${v}不是非负整数`),
    ];
  });

const checkSuitWithoutReview: Rule = (report, ctx) => {
  const ids = ['legal.suit_after_review.total', 'legal.review.total'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [n, r] = vals as [number, number];
  if (n <= 0 || r !== 0) return [];
  if (!ctx.previous) {
    const msg = `复议后起诉${n}件，但本年无行政复议案件（未找到上年报告，仅据本年判断）`;
    return [createWarning(report, 'C-03', 'info', ids, msg)];
  }
  const prev = readValue(ctx.previous, 'legal.review.total');
  if (prev !== 0) return [];
  return [createWarning(report, 'C-03', 'warning', ids, `复议后起诉${n}件，但本年及上年均无行政复议案件`)];
};

const checkCaseload: Rule = (report) => {
  const ids = ['legal.review.total', 'legal.suit_direct.total', 'apply.workload.total'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [r, s, w] = vals as [number, number, number];
  if (r + s <= Math.max(5, w)) return [];
  return [
    createWarning(
      report,
      'C-04',
      'warning',
      ids,
      `行政复议与直接起诉合计${r + s}件，超过本年依申请办理量${w}件`,
    ),
  ];
};

const checkComplete: Rule = (report) => {
  const ids = LEGAL_GROUP_IDS.flatMap((g) => LEGAL_COL_IDS.map((k) => `legal.${g}.${k}`));
  const present = ids.filter((id) => readValue(report, id) !== null);
  if (present.length === 0 || present.length === ids.length) return [];
  const msg = `表四应有15个数值，实际识别${present.length}个，无法逐格对应`;
  return [createWarning(report, 'C-05', 'error', ids, msg)];
};

/** Family C: table 四 (docs/rules.md). C-07 is not checked: the parser keeps no printed subtotal. */
export const LEGAL_RULES: readonly Rule[] = [
  checkGroupTotals,
  checkCounts,
  checkSuitWithoutReview,
  checkCaseload,
  checkComplete,
];

import { ACTIVE_DOC_COLS, ACTIVE_DOC_ROWS, getField } from '../schema/index.ts';
import { createWarning } from './_emit.ts';
import { deriveLevel, type Level } from './_level.ts';
import { fieldIdsOf, readAll, readValue } from './_values.ts';
import type { Rule } from './context.ts';

const FEE = 'active.admin_fee';

/** B-06 thresholds in 万元 by level. */
const FEE_LIMIT: Record<Level, number> = {
  township: 1e5,
  county: 1e5,
  prefecture: 1e6,
  provincial: 1e7,
  national: 1e7,
};

function decimalsOf(v: number): number {
  const s = String(v);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  return s.includes('.') ? s.split('.')[1]!.length : 0;
}

const checkCounts: Rule = (report) =>
  fieldIdsOf(report, 'active.').flatMap((id) => {
    const v = report.values[id];
    if (id === FEE || v === null || v === undefined || (Number.isInteger(v) && v >= 0)) return [];
    const f = getField(id);
    const msg = `表二“${f?.row ?? id}”${f?.col ?? ''}数值${v}不是非负整数`;
    return [createWarning(report, 'B-01', 'error', [id], msg)];
  });

const checkFeeSign: Rule = (report) => {
  const v = readValue(report, FEE);
  if (v === null || v >= 0) return [];
  return [createWarning(report, 'B-02', 'error', [FEE], `行政事业性收费金额${v}万元为负数`)];
};

const checkStock: Rule = (report) => {
  const format = report.text?.format ?? (report.year >= 2021 ? '2021' : null);
  if (format !== '2021') return [];
  return ACTIVE_DOC_ROWS.flatMap((r) => {
    const ids = ACTIVE_DOC_COLS.map((c) => `active.${r.id}.${c.id}`);
    const vals = readAll(report, ids);
    if (!vals) return [];
    const [i, rep, f] = vals as [number, number, number];
    if (f >= i - rep) return [];
    const msg = `${r.zh}现行有效${f}件，少于本年制发${i}件减本年废止${rep}件`;
    return [createWarning(report, 'B-03', 'warning', ids, msg)];
  });
};

const checkCountyRegulations: Rule = (report) => {
  const level = deriveLevel(report);
  if (level !== 'county' && level !== 'township') return [];
  const ids = ['active.regulation.issued', 'active.regulation.repealed'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [i, r] = vals as [number, number];
  if (i === 0 && r === 0) return [];
  const msg = `县乡两级机关无规章制定权，但表二填报规章本年制发${i}件、废止${r}件`;
  return [createWarning(report, 'B-04', 'warning', ids, msg)];
};

const checkFeeUnit: Rule = (report) => {
  const unit = report.text?.feeUnit;
  if (!unit || unit.includes('万元') || !unit.includes('元')) return [];
  return [createWarning(report, 'B-05', 'error', [FEE], `行政事业性收费金额单位应为万元，报告写作“${unit}”`)];
};

const checkFeeMagnitude: Rule = (report) => {
  const v = readValue(report, FEE);
  const level = deriveLevel(report);
  if (v === null || level === null || v < FEE_LIMIT[level]) return [];
  const msg = `行政事业性收费${v}万元（约${(v / 1e4).toFixed(1)}亿元），对该级机关明显偏大，疑似以元填报`;
  return [createWarning(report, 'B-06', 'warning', [FEE], msg)];
};

const checkFeeDecimals: Rule = (report) => {
  const v = readValue(report, FEE);
  if (v === null || decimalsOf(v) <= 4) return [];
  return [createWarning(report, 'B-07', 'info', [FEE], `收费金额${v}万元小数位超过4位，疑似单位换算错误`)];
};

/** Family B: table 二 (docs/rules.md). B-08 is reserved. */
export const ACTIVE_RULES: readonly Rule[] = [
  checkCounts,
  checkFeeSign,
  checkStock,
  checkCountyRegulations,
  checkFeeUnit,
  checkFeeMagnitude,
  checkFeeDecimals,
];

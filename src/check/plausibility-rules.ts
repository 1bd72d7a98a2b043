import { FIELD_IDS, getField } from '../schema/index.ts';
import { createWarning } from './_emit.ts';
import { deriveLevel, type Level } from './_level.ts';
import { blankSuffix, formatPercent, readAll, readValue } from './_values.ts';
import type { Rule } from './context.ts';

const FEE = 'active.admin_fee';
const FEE_LIMIT: Partial<Record<Level, number>> = { township: 1e5, county: 1e5 };

const checkEmptyHighLevel: Rule = (report) => {
  const level = deriveLevel(report);
  if (level !== 'national' && level !== 'provincial') return [];
  const ids = FIELD_IDS.filter((f) => readValue(report, f) !== null);
  if (ids.length === 0 || ids.some((f) => readValue(report, f) !== 0)) return [];
  return [createWarning(report, 'P-01', 'warning', ids, '省级以上机关年报三张表数据全部为0')];
};

const checkOrgOther: Rule = (report) => {
  const ids = ['apply.new_received.org_other', 'apply.new_received.org_sum'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [o, s] = vals as [number, number];
  if (s < 10 || o !== s) return [];
  return [createWarning(report, 'P-02', 'info', ids, `法人或其他组织申请${s}件全部计入“其他”，未按类型区分`)];
};

const checkLicenseProse: Rule = (report) => {
  if (readValue(report, 'active.license') !== 0) return [];
  const item = report.narrative.find((n) => n.field === 'active.license' && n.value > 0);
  if (!item) return [];
  return [
    createWarning(
      report,
      'P-03',
      'info',
      ['active.license'],
      `表二行政许可处理决定为0，但正文提及“${item.text}”`,
    ),
  ];
};

const checkRoundFee: Rule = (report) => {
  const v = readValue(report, FEE);
  const limit = FEE_LIMIT[deriveLevel(report) ?? 'national'];
  if (v === null || limit === undefined || !Number.isInteger(v) || v < 1e4 || v >= limit) return [];
  return [createWarning(report, 'P-04', 'info', [FEE], `行政事业性收费${v}万元为较大整数，请确认单位为万元`)];
};

const checkOwnOfficeOnly: Rule = (report) => {
  const level = deriveLevel(report);
  const n = readValue(report, 'apply.new_received.total');
  if (report.kind !== 'gov' || (level !== 'provincial' && level !== 'prefecture') || n === null || n >= 5)
    return [];
  const msg = `本级政府年报新收申请仅${n}件，疑似未反映本行政区域情况`;
  return [createWarning(report, 'P-05', 'info', ['apply.new_received.total'], msg)];
};

const checkRefusalShare: Rule = (report) => {
  const ids = ['apply.denied_sum.total', 'apply.results_total.total'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [d, r] = vals as [number, number];
  if (r < 20 || d / r <= 0.5) return [];
  return [
    createWarning(
      report,
      'P-06',
      'info',
      ids,
      `不予公开${d}件，占办理结果的${formatPercent(d, r)}%，比例偏高${blankSuffix(report, ids)}`,
    ),
  ];
};

const checkPartialShare: Rule = (report) => {
  const ids = ['apply.partial.total', 'apply.granted.total'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [a, b] = vals as [number, number];
  if (a < 20 || a <= 5 * b) return [];
  const msg = `部分公开${a}件，远多于予以公开${b}件${blankSuffix(report, ids)}`;
  return [createWarning(report, 'P-07', 'info', ids, msg)];
};

const checkZeroAmongPeers: Rule = (report, ctx) => {
  const level = deriveLevel(report);
  const peers = (ctx.others ?? []).filter(
    (o) =>
      o !== report &&
      o.id !== report.id &&
      o.year === report.year &&
      o.kind === report.kind &&
      deriveLevel(o) === level,
  );
  return ['apply.new_received.total', 'active.license', 'active.penalty'].flatMap((f) => {
    if (readValue(report, f) !== 0) return [];
    const vals = peers.map((o) => readValue(o, f)).filter((v): v is number => v !== null);
    if (vals.length < 10) return [];
    const m = vals.reduce((x, y) => x + y, 0) / vals.length;
    if (m <= 100) return [];
    const msg = `${getField(f)?.zh ?? f}为0，而同级同类机关平均为${Math.round(m)}`;
    return [createWarning(report, 'P-08', 'info', [f], msg)];
  });
};

const checkCorrectionRate: Rule = (report) => {
  const ids = ['legal.all.upheld', 'legal.all.corrected', 'legal.all.other'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [u, a, o] = vals as [number, number, number];
  const k = u + a + o;
  if (k < 30 || a / k <= 0.15) return [];
  return [
    createWarning(
      report,
      'P-09',
      'info',
      ids,
      `行政复议、诉讼纠错率${formatPercent(a, k)}%（${a}/${k}），偏高`,
    ),
  ];
};

const checkDisclosureRate: Rule = (report) => {
  const ids = ['apply.granted.total', 'apply.partial.total', 'apply.results_total.total'];
  const vals = readAll(report, ids);
  if (!vals) return [];
  const [g, p, r] = vals as [number, number, number];
  if (r < 30 || (g + p) / r >= 0.4) return [];
  const msg = `实质公开率${formatPercent(g + p, r)}%（予以公开与部分公开合计${g + p}/${r}），偏低${blankSuffix(report, ids)}`;
  return [createWarning(report, 'P-10', 'info', ids, msg)];
};

/** Family P: plausibility (docs/rules.md). */
export const PLAUSIBILITY_RULES: readonly Rule[] = [
  checkEmptyHighLevel,
  checkOrgOther,
  checkLicenseProse,
  checkRoundFee,
  checkOwnOfficeOnly,
  checkRefusalShare,
  checkPartialShare,
  checkZeroAmongPeers,
  checkCorrectionRate,
  checkDisclosureRate,
];

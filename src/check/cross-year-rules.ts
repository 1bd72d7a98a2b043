import type { Report, Severity, Warning } from '../schema/index.ts';
import { FIELD_IDS, getField } from '../schema/index.ts';
import { CopyIndex, copyPrint } from './_copies.ts';
import { createWarning, lowerSeverity } from './_emit.ts';
import { computeJaccard, stripBoilerplate, toShingles } from './_similarity.ts';
import { APPLY_COL_IDS, colName, groupName, LEGAL_GROUP_IDS, readAll, readValue } from './_values.ts';
import type { CheckContext, Rule } from './context.ts';

const REORGANISED = /机构改革|合并|更名|职能划转|组建|撤销/;

/** All prose of a report: its sections when known, else its narrative clauses. */
function proseOf(report: Report): string {
  const s = report.text?.sections;
  return s ? Object.values(s).join('') : report.narrative.map((n) => n.text).join('');
}

/** Severity for a [2Y] rule, one step lower when either report mentions a reorganisation. */
function pairSeverity(report: Report, prev: Report, base: Severity): Severity {
  return REORGANISED.test(proseOf(report)) || REORGANISED.test(proseOf(prev)) ? lowerSeverity(base) : base;
}

/** Wraps a [2Y] rule so it is skipped when Y−1 is unknown. */
const withPrevious =
  (rule: (report: Report, prev: Report, ctx: CheckContext) => Warning[]): Rule =>
  (report, ctx) =>
    ctx.previous ? rule(report, ctx.previous, ctx) : [];

const checkCarryIn = withPrevious((report, prev) =>
  APPLY_COL_IDS.flatMap((c) => {
    const a = readValue(report, `apply.carried_in.${c}`);
    const b = readValue(prev, `apply.carried_out.${c}`);
    if (a === null || b === null || a === b) return [];
    const base: Severity = c === 'total' ? 'error' : 'warning';
    const msg = `${report.year}年上年结转${a}件，与${prev.year}年报告结转下年度${b}件不一致（${colName(c)}）`;
    return [createWarning(report, 'X-01', pairSeverity(report, prev, base), [`apply.carried_in.${c}`], msg)];
  }),
);

const rollForward = (row: 'normative_doc' | 'regulation', rule: string, name: string): Rule =>
  withPrevious((report, prev) => {
    if (row === 'normative_doc' && (report.text?.format ?? '2021') !== '2021') return [];
    if (row === 'normative_doc' && (prev.text?.format ?? '2021') !== '2021') return [];
    if (report.year < 2021 || prev.year < 2021) return [];
    const ids = ['issued', 'repealed', 'in_force'].map((c) => `active.${row}.${c}`);
    const vals = readAll(report, ids);
    const p = readValue(prev, `active.${row}.in_force`);
    if (!vals || p === null) return [];
    const [i, r, f] = vals as [number, number, number];
    const e = p + i - r;
    if (e === f) return [];
    const msg = `${name}现行有效件数未能衔接：上年${p} + 制发${i} − 废止${r} = ${e}，本年为${f}`;
    return [createWarning(report, rule, pairSeverity(report, prev, 'warning'), ids, msg)];
  });

const checkPendingCases = withPrevious((report, prev) =>
  LEGAL_GROUP_IDS.flatMap((g) => {
    const t = readValue(report, `legal.${g}.total`);
    const p = readValue(prev, `legal.${g}.pending`);
    if (t === null || p === null || t >= p) return [];
    const msg = `上年“${groupName(g)}”尚未审结${p}件，本年总计仅${t}件`;
    return [createWarning(report, 'X-04', 'info', [`legal.${g}.total`], msg)];
  }),
);

const checkCopiedProse = withPrevious((report, prev) => {
  const a = report.text?.sections;
  const b = prev.text?.sections;
  if (!a || !b) return [];
  const out: Warning[] = [];
  const j = computeJaccard(
    toShingles(stripBoilerplate(proseOf(report))),
    toShingles(stripBoilerplate(proseOf(prev))),
  );
  const level: Severity | null = j >= 0.9 ? 'error' : j >= 0.8 ? 'warning' : j >= 0.5 ? 'info' : null;
  if (level) {
    const msg = `正文与${prev.year}年报告重复率${(100 * j).toFixed(1)}%，疑似照搬上年`;
    out.push(createWarning(report, 'X-05', level, [], msg));
  }
  if (a.五 && b.五) {
    const j5 = computeJaccard(toShingles(a.五), toShingles(b.五));
    if (j5 >= 0.8) {
      const msg = `“存在的主要问题及改进情况”与${prev.year}年报告重复率${(100 * j5).toFixed(1)}%`;
      out.push(createWarning(report, 'X-06', 'warning', [], msg));
    }
  }
  return out;
});

const checkCopiedTables = withPrevious((report, prev) => {
  const ids = FIELD_IDS.filter((f) => readValue(report, f) !== null || readValue(prev, f) !== null);
  if (ids.some((f) => readValue(report, f) !== readValue(prev, f))) return [];
  const nonZero = ids.filter((f) => (readValue(report, f) ?? 0) !== 0).length;
  if (nonZero < 5) return [];
  const msg = `三张表${ids.length}项数据与${prev.year}年报告完全相同，疑似照搬上年`;
  return [createWarning(report, 'X-07', pairSeverity(report, prev, 'error'), ids, msg)];
});

const JUMP_FIELDS = [
  'apply.new_received.total',
  'apply.results_total.total',
  'active.license',
  'active.penalty',
  'active.coercion',
  'legal.review.total',
];

const checkJumps = withPrevious((report, prev) => {
  const out: Warning[] = [];
  for (const f of [...JUMP_FIELDS, 'active.admin_fee']) {
    const q = readValue(report, f);
    const p = readValue(prev, f);
    if (q === null || p === null) continue;
    const fee = f === 'active.admin_fee';
    if (fee ? p <= 0 || q <= 0 : p < 20 || q < 20) continue;
    const r = q / p;
    const severity: Severity | null = fee
      ? r >= 100 || r <= 0.01
        ? 'warning'
        : null
      : r > 10 || r < 0.1
        ? 'warning'
        : r > 5 || r < 0.2
          ? 'info'
          : null;
    if (!severity) continue;
    const label = getField(f)?.zh ?? f;
    const msg = `${label}由${prev.year}年${p}变为${report.year}年${q}（${Number(r.toFixed(2))}倍），波动异常`;
    out.push(createWarning(report, 'X-08', severity, [f], msg));
  }
  return out;
});

const checkVersions: Rule = (report, ctx) =>
  (ctx.others ?? []).flatMap((o) => {
    if (o === report || o.id !== report.id || o.source.sha256 === report.source.sha256) return [];
    const diff = FIELD_IDS.filter((f) => readValue(o, f) !== readValue(report, f));
    const first = diff[0];
    if (!first) return [];
    const msg = `同一报告存在多个版本，${diff.length}项数据不一致（如${getField(first)?.zh ?? first}：${readValue(report, first)}/${readValue(o, first)}）`;
    return [createWarning(report, 'X-09', 'warning', diff, msg)];
  });

const X10_THRESHOLD = 0.85;

/** Fingerprint indexes built for pools passed as `others` (the CLI and checkAll have no store). */
const poolIndexes = new WeakMap<readonly Report[], CopyIndex>();

function poolIndex(others: readonly Report[]): CopyIndex {
  let index = poolIndexes.get(others);
  if (!index) {
    index = new CopyIndex();
    for (const o of others) index.add(o, copyPrint(o));
    poolIndexes.set(others, index);
  }
  return index;
}

/**
 * X-10 from fingerprints (src/check/_copies.ts): part 一 without the boilerplate many agencies
 * share, against the same year's reports of other agencies; each copied pair is reported once,
 * on the report that came later.
 */
const checkCopiedAcrossAgencies: Rule = (report, ctx) => {
  const print = copyPrint(report);
  if (!print) return [];
  const index = ctx.copies ?? poolIndex(ctx.others ?? []);
  return index.matches(report, print, X10_THRESHOLD).map((m) => {
    const msg = `总体情况部分与“${m.agency}”同年度报告重复率${(100 * m.similarity).toFixed(1)}%`;
    return createWarning(report, 'X-10', 'warning', [], msg);
  });
};

/**
 * Family X (docs/rules.md). The [2Y] rules emit nothing when the Y−1 report is not in the context;
 * `describeSkipped` says why for the CLI.
 */
export const CROSS_YEAR_RULES: readonly Rule[] = [
  checkCarryIn,
  rollForward('normative_doc', 'X-02', '行政规范性文件'),
  rollForward('regulation', 'X-03', '规章'),
  checkPendingCases,
  checkCopiedProse,
  checkCopiedTables,
  checkJumps,
  checkVersions,
  checkCopiedAcrossAgencies,
];

/** Why the cross-year rules did not run, or null when they did. */
export function describeSkipped(report: Report, ctx: CheckContext): string | null {
  return ctx.previous ? null : `未找到同一机关${report.year - 1}年度报告，跨年度核对（X-01至X-08）已跳过`;
}

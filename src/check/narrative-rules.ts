import type { NarrativeItem, Report, Severity, Warning } from '../schema/index.ts';
import { getField } from '../schema/index.ts';
import { createWarning } from './_emit.ts';
import { APPLY_COL_IDS, blankSuffix, colName, expandField, readValue } from './_values.ts';
import type { Rule } from './context.ts';

interface FieldRule {
  rule: string;
  message: (label: string, n: string, t: number) => string;
}

const N04 = (label: string, n: string, t: number): string => `正文称${label}${n}件，表三为${t}件`;
const N06 = (label: string, n: string, t: number): string => `正文称${label}${n}件，表四为${t}件`;
const N07 = (label: string, n: string, t: number): string =>
  `正文称${label}行政规范性文件${n}件，表二为${t}件`;
const N08 = (label: string, n: string, t: number): string => `正文称${label}规章${n}件，表二为${t}件`;
const N01 = (_: string, n: string, t: number): string => `正文称新收政府信息公开申请${n}件，表三为${t}件`;

const FIELD_RULES: Record<string, FieldRule> = {
  'apply.new_received.total': { rule: 'N-01', message: N01 },
  'apply.workload.total': { rule: 'N-01', message: N01 },
  'apply.new_received.natural': { rule: 'N-01', message: N04 },
  'apply.new_received.org_sum': { rule: 'N-01', message: N04 },
  'apply.carried_in.total': { rule: 'N-02', message: (_, n, t) => `正文称上年结转${n}件，表三为${t}件` },
  'apply.results_total.total': {
    rule: 'N-03',
    message: (_, n, t) => `正文称办结${n}件，表三办理结果总计为${t}件`,
  },
  'apply.carried_out.total': { rule: 'N-05', message: (_, n, t) => `正文称结转下年度${n}件，表三为${t}件` },
  'legal.review.total': { rule: 'N-06', message: N06 },
  'legal.suit.total': { rule: 'N-06', message: N06 },
  'legal.suit_direct.total': { rule: 'N-06', message: N06 },
};
for (const f of [
  'granted',
  'partial',
  'disclosed',
  'denied_sum',
  'unable_sum',
  'unable_not_held',
  'np_sum',
  'other_sum',
]) {
  FIELD_RULES[`apply.${f}.total`] = { rule: 'N-04', message: N04 };
}
for (const c of ['issued', 'repealed', 'in_force']) {
  FIELD_RULES[`active.normative_doc.${c}`] = { rule: 'N-07', message: N07 };
  FIELD_RULES[`active.regulation.${c}`] = { rule: 'N-08', message: N08 };
}

const RELATED_NAMES: Record<string, string> = {
  workload: '新收与上年结转之和',
  results_total: '办理结果总计',
};

/**
 * Related fields whose value may explain a mismatch (docs/rules.md, family N): the workload and the
 * results total of the same column (其中自然人申请741件 may count the carry-over too), the row's
 * 自然人 cell, and, when the row's 总计 cells are blank, the sum of its applicant columns.
 */
function relatedFields(report: Report, field: string): string[] {
  const [table, row, col] = field.split('.');
  if (table === 'active') return row ? [`active.${row}.issued+in_force`] : [];
  if (table !== 'apply' || !row || !col) return [];
  const out = [`apply.workload.${col}`, `apply.results_total.${col}`, `apply.${row}.natural`];
  if (col === 'total' && allBlank(report, field)) out.push(`apply.${row}.applicants`);
  return out.filter((f) => f !== field);
}

/** Every cell behind the id is blank (read as 0). */
function allBlank(report: Report, id: string): boolean {
  const blanks = new Set(report.blanks);
  return expandField(id).every((f) => blanks.has(f));
}

function readRelated(report: Report, id: string): number | null {
  const [, row, col] = id.split('.');
  if (col === 'applicants') {
    const cols = APPLY_COL_IDS.filter((c) => c !== 'total').map((c) => `apply.${row}.${c}`);
    const vals = cols.map((c) => readValue(report, c));
    return vals.some((v) => v === null) ? null : vals.reduce((a, b) => a! + b!, 0);
  }
  if (!id.endsWith('+in_force')) return readValue(report, id);
  const a = readValue(report, `active.${row}.issued`);
  const b = readValue(report, `active.${row}.in_force`);
  return a === null || b === null ? null : a + b;
}

function relatedName(id: string): string {
  const [, row = '', col = ''] = id.split('.');
  if (col === 'applicants') return '自然人与法人或其他组织各栏之和（总计栏空白）';
  if (id.endsWith('+in_force')) return '本年制发与现行有效之和';
  const name = RELATED_NAMES[row];
  if (name) return col === 'total' ? name : `${name}（${colName(col)}）`;
  return getField(id)?.zh ?? id;
}

/** Related ids whose cells a warning should list. */
function relatedCells(id: string): string[] {
  const [, row, col] = id.split('.');
  if (col === 'applicants') return APPLY_COL_IDS.filter((c) => c !== 'total').map((c) => `apply.${row}.${c}`);
  return id.endsWith('+in_force') ? [] : [id];
}

/** One warning per field listing every stated value that disagrees with the table. */
function compareField(report: Report, field: string, items: NarrativeItem[]): Warning[] {
  const spec = FIELD_RULES[field];
  const t = readValue(report, field);
  if (!spec || t === null) return [];
  const wrong = items.filter((i) => i.value !== t);
  if (wrong.length === 0) return [];
  let severity: Severity = wrong.some((i) => i.strength !== 'weak') ? 'error' : 'warning';
  if (spec.rule === 'N-07' && wrong.some((i) => /党内|联合发文|会同/.test(i.text))) severity = 'warning';
  const related = relatedFields(report, field).find((r) =>
    wrong.every((i) => i.value === readRelated(report, r)),
  );
  const fields = [field];
  let suffix = blankSuffix(report, [field]);
  const [, row, col] = field.split('.');
  const applicants = `apply.${row}.applicants`;
  if (related) {
    severity = 'warning';
    suffix += `（与${relatedName(related)}一致，可能口径不同）`;
    fields.push(...relatedCells(related));
  } else if (col === 'total' && allBlank(report, field)) {
    // the blank 总计 reads as 0; the applicant columns give the figure a reader sees
    const s = readRelated(report, applicants);
    if (s !== null && s !== t) suffix += `（自然人与法人或其他组织各栏合计${s}件）`;
  }
  const n = [...new Set(wrong.map((i) => i.value))].join('、');
  // 其中自然人申请 reads as 自然人申请 in the message
  const label = wrong[0]!.label.replace(/^其中[^自法个公]{0,6}/, '');
  const message = spec.message(label, n, t) + suffix;
  return [createWarning(report, spec.rule, severity, fields, message)];
}

const checkStatedFigures: Rule = (report) => {
  const byField = new Map<string, NarrativeItem[]>();
  for (const item of report.narrative) {
    if (!item.field || item.zeroClaim) continue;
    byField.set(item.field, [...(byField.get(item.field) ?? []), item]);
  }
  return [...byField].flatMap(([field, items]) => compareField(report, field, items));
};

const ZERO_RULES: Record<string, { rule: string; message: (text: string, t: number) => string }> = {
  'apply.new_received.total': { rule: 'N-09', message: (x, t) => `正文称“${x}”，但表三新收申请为${t}件` },
  'legal.review.total': { rule: 'N-10', message: (x, t) => `正文称“${x}”，但表四行政复议总计为${t}件` },
  'legal.suit.total': { rule: 'N-10', message: (x, t) => `正文称“${x}”，但表四行政诉讼总计为${t}件` },
};

const checkZeroClaims: Rule = (report) =>
  report.narrative.flatMap((item) => {
    const spec = item.zeroClaim && item.field ? ZERO_RULES[item.field] : undefined;
    const t = item.field ? readValue(report, item.field) : null;
    if (!spec || t === null || t <= 0) return [];
    return [createWarning(report, spec.rule, 'error', [item.field!], spec.message(item.text, t))];
  });

const checkProcessingFee: Rule = (report) => {
  const fee = readValue(report, 'active.admin_fee');
  return report.narrative.flatMap((item) => {
    if (item.label !== '信息处理费' || item.unit !== '元') return [];
    const n = item.value;
    const same = fee !== null && fee > 0 && Math.abs(n - fee * 1e4) < 1;
    if (!same && n <= 1e6) return [];
    const msg = `正文信息处理费${n}元与表二行政事业性收费${fee ?? '—'}万元数额相同或异常，疑似混淆`;
    return [createWarning(report, 'N-11', 'warning', ['active.admin_fee'], msg)];
  });
};

/** 公开率 and 办结率 recomputed from table 三; only for clauses about applications. */
function expectedRate(report: Report, label: string): { q: number; fields: string[] } | null {
  const r = readValue(report, 'apply.results_total.total');
  if (label.includes('公开率')) {
    const g = readValue(report, 'apply.granted.total');
    const p = readValue(report, 'apply.partial.total');
    if (r === null || g === null || p === null || r === 0) return null;
    return {
      q: (100 * (g + p)) / r,
      fields: ['apply.granted.total', 'apply.partial.total', 'apply.results_total.total'],
    };
  }
  const w = readValue(report, 'apply.workload.total');
  if (r === null || w === null || w === 0) return null;
  return { q: (100 * r) / w, fields: ['apply.results_total.total', 'apply.workload.total'] };
}

const checkRates: Rule = (report) =>
  report.narrative.flatMap((item) => {
    if (item.unit !== '%' || !/公开率|办结率|答复率/.test(item.label)) return [];
    const p = item.value;
    // 主动公开率 measures documents published, not the share of applications granted
    const own = /公开申请|依申请|申请公开/.test(item.text) && !item.text.includes(`主动${item.label}`);
    const exp = own ? expectedRate(report, item.label) : null;
    const bad = p < 0 || p > 100 || (exp !== null && Math.abs(p - exp.q) > 0.5);
    if (!bad) return [];
    const q = exp ? exp.q.toFixed(1) : '—';
    return [
      createWarning(report, 'N-12', 'info', exp?.fields ?? [], `正文${item.label}${p}%与表三推算值${q}%不符`),
    ];
  });

const checkBreakdowns: Rule = (report) =>
  report.narrative.flatMap((item) => {
    if (!item.parts || item.parts.length < 2) return [];
    const s = item.parts.reduce((x, p) => x + p.value, 0);
    if (Math.abs(s - item.value) < 1e-9) return [];
    const msg = `正文“${item.label}”合计${item.value}，所列分项之和为${Number(s.toFixed(4))}`;
    return [createWarning(report, 'N-13', 'info', [], msg)];
  });

/** Family N: prose versus tables (docs/rules.md), over the narrative items of docs/narrative.md. */
export const NARRATIVE_RULES: readonly Rule[] = [
  checkStatedFigures,
  checkZeroClaims,
  checkProcessingFee,
  checkRates,
  checkBreakdowns,
];

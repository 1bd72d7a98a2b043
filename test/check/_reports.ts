import type { CheckContext } from '../../src/check/index.ts';
import { checkReport } from '../../src/check/index.ts';
import { FIELD_IDS, type NarrativeItem, type Report } from '../../src/schema/index.ts';

/** Non-zero cells of a small, fully consistent report (every identity in docs/rules.md holds). */
const CONSISTENT: Record<string, number> = {
  'active.normative_doc.issued': 2,
  'active.normative_doc.repealed': 1,
  'active.normative_doc.in_force': 10,
  'active.license': 100,
  'active.penalty': 50,
  'active.coercion': 3,
  'active.admin_fee': 12.5,
  'apply.new_received.natural': 10,
  'apply.new_received.org_commercial': 2,
  'apply.new_received.total': 12,
  'apply.carried_in.natural': 1,
  'apply.carried_in.total': 1,
  'apply.granted.natural': 6,
  'apply.granted.org_commercial': 1,
  'apply.granted.total': 7,
  'apply.partial.natural': 2,
  'apply.partial.total': 2,
  'apply.np_petition.natural': 1,
  'apply.np_petition.total': 1,
  'apply.other_other.org_commercial': 1,
  'apply.other_other.total': 1,
  'apply.results_total.natural': 9,
  'apply.results_total.org_commercial': 2,
  'apply.results_total.total': 11,
  'apply.carried_out.natural': 2,
  'apply.carried_out.total': 2,
  'legal.review.upheld': 1,
  'legal.review.pending': 1,
  'legal.review.total': 2,
  'legal.suit_direct.corrected': 1,
  'legal.suit_direct.total': 1,
};

const SECTIONS: Record<string, string> = {
  一: '2023年，甲县落实政务公开工作考核、社会评议和责任追究制度，2023年全年公开信息。',
  二: '',
  三: '',
  四: '',
  五: '上年度问题已完成整改。下一步将继续加强培训。',
  六: '本年度未收取信息处理费。',
};

/** A synthetic county-government report for 2023; `patch` overrides cells, `meta` anything else. */
export function makeReport(patch: Record<string, number | null> = {}, meta: Partial<Report> = {}): Report {
  const values: Record<string, number | null> = {};
  for (const id of FIELD_IDS) values[id] = CONSISTENT[id] ?? 0;
  return {
    id: '甲县人民政府-2023',
    title: '甲县人民政府2023年政府信息公开工作年度报告',
    agency: '甲县人民政府',
    kind: 'gov',
    region: { name: '甲县', code: '990101', province: '乙省', city: '丙市' },
    year: 2023,
    period: { from: '2023-01-01', to: '2023-12-31' },
    signed: '2024-01-20',
    source: { file: 'synthetic.txt', sha256: 'aaaa' },
    values: { ...values, ...patch },
    blanks: [],
    narrative: [],
    text: {
      format: '2021',
      sections: SECTIONS,
      sigAgency: '甲县人民政府办公室',
      feeUnit: '万元',
      oldLabels: [],
    },
    ...meta,
  };
}

/** A narrative item as the extractor would produce it. */
export function makeItem(
  field: string | null,
  value: number,
  extra: Partial<NarrativeItem> = {},
): NarrativeItem {
  return {
    label: '收到政府信息公开申请',
    value,
    unit: '件',
    field,
    text: '示例',
    line: 1,
    strength: 'strong',
    ...extra,
  };
}

/** Warnings of one rule. */
export function warningsOf(rule: string, report: Report, ctx: CheckContext = {}) {
  return checkReport(report, ctx).filter((w) => w.rule === rule);
}

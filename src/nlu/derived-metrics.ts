import { APPLY_COLS, APPLY_ROWS, LEGAL_COLS } from '../schema/index.ts';

/** A figure the tables do not print but people ask for: the sum of several cells. */
export interface DerivedMetric {
  id: string;
  /** Table the parts come from. */
  table: '三' | '四';
  row: string;
  col: string;
  zh: string;
  en: string;
  parts: string[];
}

const GROUP_IDS: Record<string, string> = {
  '（三）不予公开': 'denied_sum',
  '（四）无法提供': 'unable_sum',
  '（五）不予处理': 'np_sum',
  '（六）其他处理': 'other_sum',
};
const GROUP_EN: Record<string, string> = {
  denied_sum: 'requests denied',
  unable_sum: 'requests that could not be answered',
  np_sum: 'requests not processed',
  other_sum: 'requests otherwise handled',
};

function buildDerived(): DerivedMetric[] {
  const out: DerivedMetric[] = [];
  for (const [group, gid] of Object.entries(GROUP_IDS)) {
    const rows = APPLY_ROWS.filter((r) => r.group === group);
    const name = group.replace(/^（.）/, '');
    for (const c of APPLY_COLS) {
      out.push({
        id: `apply.${gid}.${c.id}`,
        table: '三',
        row: `${group}（各项合计）`,
        col: c.zh,
        zh: c.id === 'total' ? name : `${name}（${c.zh}）`,
        en: c.id === 'total' ? GROUP_EN[gid]! : `${GROUP_EN[gid]} (${c.en})`,
        parts: rows.map((r) => `apply.${r.id}.${c.id}`),
      });
    }
  }
  for (const c of LEGAL_COLS) {
    out.push({
      id: `legal.suit_sum.${c.id}`,
      table: '四',
      row: '行政诉讼（未经复议直接起诉 + 复议后起诉）',
      col: c.zh,
      zh: c.id === 'total' ? '行政诉讼' : `行政诉讼${c.zh}`,
      en: c.id === 'total' ? 'lawsuits' : `lawsuits: ${c.en}`,
      parts: [`legal.suit_direct.${c.id}`, `legal.suit_after_review.${c.id}`],
    });
  }
  return out;
}

export const DERIVED_METRICS: readonly DerivedMetric[] = buildDerived();

const byId = new Map(DERIVED_METRICS.map((d) => [d.id, d]));

export function getDerivedMetric(id: string): DerivedMetric | undefined {
  return byId.get(id);
}

/** A rate people ask for by name: numerator / denominator, as a percentage. */
export interface RateMetric {
  id: string;
  zh: string;
  en: string;
  /** Table the inputs come from. */
  table: '三' | '四';
  numerator: string[];
  denominator: string[];
  /** The formula in words, Chinese and English. */
  formulaZh: string;
  formulaEn: string;
  words: string[];
}

export const RATE_METRICS: readonly RateMetric[] = [
  {
    id: 'rate.disclosure',
    zh: '公开率',
    en: 'disclosure rate',
    table: '三',
    numerator: ['apply.granted.total', 'apply.partial.total'],
    denominator: ['apply.results_total.total'],
    formulaZh: '（予以公开 + 部分公开）÷ 办理结果总计',
    formulaEn: '(granted in full + granted in part) ÷ total requests concluded',
    words: ['公开率', '申请公开率', '依申请公开率', '信息公开率', '答复公开率'],
  },
  {
    id: 'rate.not_processed',
    zh: '不予处理比例',
    en: 'share of requests not processed',
    table: '三',
    numerator: ['apply.np_sum.total'],
    denominator: ['apply.results_total.total'],
    formulaZh: '不予处理 ÷ 办理结果总计',
    formulaEn: 'requests not processed ÷ total requests concluded',
    words: ['不予处理比例', '不予处理率', '不予处理占比', '不予处理的比例'],
  },
  {
    id: 'rate.denied',
    zh: '不予公开比例',
    en: 'share of requests denied',
    table: '三',
    numerator: ['apply.denied_sum.total'],
    denominator: ['apply.results_total.total'],
    formulaZh: '不予公开 ÷ 办理结果总计',
    formulaEn: 'requests denied ÷ total requests concluded',
    words: ['不予公开比例', '不予公开率', '不予公开占比', '拒绝公开率', '不公开率'],
  },
  {
    id: 'rate.review_corrected',
    zh: '复议纠错率',
    en: 'reconsideration correction rate',
    table: '四',
    numerator: ['legal.review.corrected'],
    denominator: ['legal.review.total'],
    formulaZh: '行政复议结果纠正 ÷ 行政复议总计',
    formulaEn: 'reconsiderations corrected ÷ reconsiderations in total',
    words: ['复议纠错率', '行政复议纠错率', '纠错率', '复议纠正率'],
  },
  {
    id: 'rate.suit_corrected',
    zh: '诉讼纠错率',
    en: 'lawsuit correction rate',
    table: '四',
    numerator: ['legal.suit_direct.corrected', 'legal.suit_after_review.corrected'],
    denominator: ['legal.suit_direct.total', 'legal.suit_after_review.total'],
    formulaZh: '行政诉讼结果纠正 ÷ 行政诉讼总计',
    formulaEn: 'lawsuits corrected ÷ lawsuits in total',
    words: ['诉讼纠错率', '行政诉讼纠错率', '败诉率', '诉讼败诉率'],
  },
];

const rateById = new Map(RATE_METRICS.map((r) => [r.id, r]));

export function getRateMetric(id: string): RateMetric | undefined {
  return rateById.get(id);
}

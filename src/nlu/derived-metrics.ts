import { DERIVED_FIELDS, type DerivedField, getDerivedField } from '../schema/index.ts';

/** Derived sums (one id per sum) are schema: src/schema/derived.ts. Old names kept. */
export type DerivedMetric = DerivedField;
export const DERIVED_METRICS: readonly DerivedMetric[] = DERIVED_FIELDS;
export const getDerivedMetric = getDerivedField;

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
    id: 'rate.concluded',
    zh: '办结率',
    en: 'share of requests concluded',
    table: '三',
    numerator: ['apply.results_total.total'],
    denominator: ['apply.new_received.total', 'apply.carried_in.total'],
    formulaZh: '办理结果总计 ÷（本年新收 + 上年结转）',
    formulaEn: 'total requests concluded ÷ (new + carried in)',
    // 办结率 alone may be the 县长信箱's or 行政许可's (prose): only with the requests named
    words: [
      '申请办结率',
      '申请的办结率',
      '依申请公开办结率',
      '信息公开申请办结率',
      '申请答复率',
      '申请的答复率',
      '依申请公开答复率',
    ],
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
    id: 'rate.review_upheld',
    zh: '复议维持率',
    en: 'reconsideration upheld rate',
    table: '四',
    numerator: ['legal.review.upheld'],
    denominator: ['legal.review.total'],
    formulaZh: '行政复议结果维持 ÷ 行政复议总计',
    formulaEn: 'reconsiderations upheld ÷ reconsiderations in total',
    words: ['复议维持率', '行政复议维持率', '维持率'],
  },
  {
    id: 'rate.suit_upheld',
    zh: '诉讼维持率',
    en: 'lawsuit upheld rate',
    table: '四',
    numerator: ['legal.suit_direct.upheld', 'legal.suit_after_review.upheld'],
    denominator: ['legal.suit_direct.total', 'legal.suit_after_review.total'],
    formulaZh: '行政诉讼结果维持 ÷ 行政诉讼总计',
    formulaEn: 'lawsuits upheld ÷ lawsuits in total',
    words: ['诉讼维持率', '行政诉讼维持率', '胜诉率'],
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

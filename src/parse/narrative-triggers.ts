/** Narrative step 3: the phrases that claim a table field (docs/narrative.md), and the zero claims. */

export type Strength = 'strong' | 'weak';
export type Kind = 'count' | 'fee' | 'rate';

export interface TriggerDef {
  field: string | null;
  /** Literals one of which every match contains: clauses without any of them skip the regex. */
  hints?: readonly string[];
  strength: Strength;
  re: RegExp;
  kind?: Kind;
  /** The gap to the number may not contain ，、 (行政复议/行政诉讼). */
  tight?: boolean;
  /** Only after an N-01 match in the same clause (其中自然人…). */
  afterReceived?: boolean;
  /** Only in clauses about disclosure applications (办结/答复 also describe hotlines, mailboxes, 政务服务申请). */
  needsApplication?: boolean;
}

const NORMATIVE = '(?:行政)?规范性文件';
const REGULATION = '(?<!规范性文件)规章';
const docTriggers = (row: string, noun: string): TriggerDef[] =>
  [
    {
      field: `active.${row}.issued`,
      hints: [noun.slice(-2)],
      re: new RegExp(`(?:制发|制定|出台|印发)[^。；]{0,6}?${noun}`, 'g'),
    },
    {
      field: `active.${row}.repealed`,
      hints: ['废止'],
      re: new RegExp(`废止[^。；]{0,6}?${noun}|${noun}[^。；]{0,6}?废止`, 'g'),
    },
    {
      field: `active.${row}.in_force`,
      hints: ['现行有效'],
      re: new RegExp(`现行有效[^。；]{0,6}?${noun}|${noun}[^。；]{0,6}?现行有效`, 'g'),
    },
  ].map((t) => ({ ...t, strength: 'strong' as const }));

/** Phrase → field map (docs/narrative.md). */
export const TRIGGERS: readonly TriggerDef[] = [
  {
    field: 'apply.new_received.total',
    strength: 'strong',
    hints: ['申请'],
    // 新收行政复议申请 is a review, not a disclosure application
    re: /(?:本年度?|全年)?新(?:收|受理)(?:(?!复议|诉讼|许可)[^。；]){0,12}?申请/g,
  },
  {
    field: 'apply.new_received.total',
    strength: 'weak',
    hints: ['公开'],
    re: /(?:收到|受理|接收|办理)[^。；]{0,12}?(?:政府信息公开|政务公开|信息公开|依申请公开)(?:申请)?/g,
    // 办理政务公开专栏信息发布120条 is not about applications
    needsApplication: true,
  },
  {
    field: 'apply.new_received.natural',
    strength: 'strong',
    hints: ['其中'],
    re: /其中[^。；]{0,6}?(?:自然人|个人|公民)(?:申请)?/g,
    afterReceived: true,
  },
  {
    field: 'apply.new_received.org_sum',
    strength: 'strong',
    hints: ['法人'],
    re: /法人或(?:者)?其他组织(?:申请)?/g,
    afterReceived: true,
  },
  { field: 'apply.carried_in.total', strength: 'strong', hints: ['结转'], re: /上一?年度?结转/g },
  {
    field: 'apply.results_total.total',
    strength: 'weak',
    hints: ['申请'],
    // 同意公开答复9件 is a granted count, 转下一年度办理答复 a carry-over: 答复 there names no total
    re: /(?:已|均已|全部)?(?:办结|(?<!公开|提供|处理|年度办理)答复|办理完毕)/g,
    needsApplication: true,
  },
  // 予以公开及部分公开208件 states the two results together: their sum, a figure of neither row
  {
    field: 'apply.disclosed.total',
    strength: 'strong',
    hints: ['部分公开'],
    re: /予以公开[及和与、]部分公开/g,
  },
  {
    field: 'apply.granted.total',
    strength: 'strong',
    hints: ['予以公开', '同意公开', '全部公开'],
    re: /予以公开(?![及和与、]部分公开)|同意公开|全部公开/g,
  },
  {
    field: 'apply.partial.total',
    strength: 'strong',
    hints: ['部分公开'],
    re: /(?<!予以公开[及和与、])部分公开/g,
  },
  { field: 'apply.denied_sum.total', strength: 'strong', hints: ['不予公开'], re: /不予公开/g },
  { field: 'apply.unable_sum.total', strength: 'strong', hints: ['无法提供'], re: /无法提供/g },
  {
    field: 'apply.unable_not_held.total',
    strength: 'weak',
    hints: ['不掌握', '信息不存在'],
    re: /(?:本机关)?不掌握(?:相关)?(?:政府)?信息|信息不存在/g,
  },
  { field: 'apply.np_sum.total', strength: 'strong', hints: ['不予处理'], re: /不予处理/g },
  { field: 'apply.other_sum.total', strength: 'strong', hints: ['其他处理'], re: /其他处理/g },
  {
    field: 'apply.carried_out.total',
    strength: 'strong',
    // 转下一年度办理答复的有1件 has no 结
    hints: ['转'],
    re: /(?<!上年)结?转(?:至|到)?(?:下一?年度?|\d{4}年)(?:继续)?(?:办理)?(?:答复)?/g,
  },
  {
    field: 'legal.review.total',
    strength: 'strong',
    hints: ['行政复议'],
    re: /行政复议(?:案件)?/g,
    tight: true,
  },
  {
    field: 'legal.suit.total',
    strength: 'strong',
    hints: ['行政诉讼'],
    re: /行政诉讼(?:案件)?/g,
    tight: true,
  },
  {
    field: 'legal.suit_direct.total',
    strength: 'strong',
    hints: ['直接'],
    re: /直接(?:提起)?(?:行政)?(?:诉讼|起诉)/g,
  },
  ...docTriggers('normative_doc', NORMATIVE),
  ...docTriggers('regulation', REGULATION),
  { field: 'active.license', strength: 'weak', hints: ['行政许可'], re: /行政许可(?:决定|事项|办件)?/g },
  { field: null, strength: 'strong', hints: ['信息处理费'], re: /信息处理费/g, kind: 'fee' },
  { field: null, strength: 'strong', hints: ['率'], re: /(?:按时)?(?:公开率|办结率|答复率)/g, kind: 'rate' },
];

/** Each names 申请, 行政复议 or 行政诉讼 (narrative.ts looks for those first). */
export const ZERO_CLAIMS: readonly { field: string; re: RegExp }[] = [
  {
    field: 'apply.new_received.total',
    re: /(?:未|没有)(?:收到|受理|接到)[^。；]{0,10}?(?:政府信息公开|依申请公开|信息公开)申请|无依申请公开(?:事项|申请)?/g,
  },
  // the negation and its object share a comma-part: 信息发布无差错，行政复议案件2件 claims nothing;
  // 无法/无论/无正当理由 negate something else
  {
    field: 'legal.review.total',
    re: /(?:未发生|无(?![法论正])|没有)[^。；，]{0,12}?行政复议(?:[、和及与]行政诉讼)?/g,
  },
  { field: 'legal.suit.total', re: /(?:未发生|无(?![法论正])|没有)[^。；，]{0,12}?行政诉讼/g },
];

export const CARRY_OUT_AFTER: TriggerDef = {
  field: 'apply.carried_out.total',
  strength: 'strong',
  re: /^(?:申请)?[^，。；]{0,12}?((?:顺延|结转|转)(?:至|到)?下一?年度)/,
};

import type { Query, YearSpec } from '../../src/nlu/index.ts';

/** The clock of every table question: 今年 = 2025, 去年 = 2024, 前年 = 2023. */
export const TODAY = new Date('2025-03-01T00:00:00Z');

/** Agency keys of the test store (checker `agencyKey`: region code | body). */
export const HUALONG = '630224|人民政府';
export const MINHE = '630222|人民政府';
export const HUZHU = '630223|人民政府';
export const HUANGZHONG = '630106|人民政府';
export const PINGLUO = '640221|人民政府办公室';
export const HONGZE = '320813|人民政府';
export const HUAIAN = '320800|人民政府';

const NONE: YearSpec = { kind: 'none' };
const LATEST: YearSpec = { kind: 'latest' };
const ALL: YearSpec = { kind: 'all' };
const year = (y: number): YearSpec => ({ kind: 'year', year: y });
const range = (from: number, to: number): YearSpec => ({ kind: 'range', from, to });

function q(
  intent: Query['intent'],
  lang: Query['lang'],
  agencies: string[],
  years: YearSpec,
  metric: string | null,
  extra: Partial<Query> = {},
): Query {
  return { intent, lang, agencies, years, metric, assumptions: [], ...extra };
}

/** [question, expected Query (choices aside), expected figures as [report id, field, value]]. */
export type QuestionRow = [string, Query, [string, string, number | null][]];

/** Every phrasing the matcher supports, against the test store (5 seeds + 3 PDF fixtures). */
export const QUESTIONS: QuestionRow[] = [
  [
    '化隆2024年行政处罚多少',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '化隆24年处罚了多少起',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '化隆县2024年行政处罚',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '化隆回族自治县2024年的行政处罚决定有几件',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '化隆二〇二四年行政处罚',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '化隆二零二四年行政处罚多少',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  ['化隆今年行政处罚', q('lookup', 'zh', [HUALONG], year(2025), 'active.penalty'), []],
  [
    '化隆最新的行政处罚',
    q('lookup', 'zh', [HUALONG], LATEST, 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '化隆县行政处罚',
    q('lookup', 'zh', [HUALONG], NONE, 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    'hualong 2024 penalties',
    q('lookup', 'en', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    'Hualong administrative penalties in 2024',
    q('lookup', 'en', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    'How many administrative penalty decisions did Hualong make in 2024?',
    q('lookup', 'en', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '化隆縣2024年行政處罰多少',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '海东市化隆县2024年行政许可',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.license'),
    [['化隆县人民政府-2024', 'active.license', 2754]],
  ],
  [
    '化隆2024年行政许克多少',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.license', {
      assumptions: [{ kind: 'typo', typed: '行政许克', meant: '行政许可' }],
    }),
    [['化隆县人民政府-2024', 'active.license', 2754]],
  ],
  [
    '化隆2024年行政强制',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.coercion'),
    [['化隆县人民政府-2024', 'active.coercion', 4]],
  ],
  [
    '化隆2024年收费',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.admin_fee'),
    [['化隆县人民政府-2024', 'active.admin_fee', 720.34]],
  ],
  [
    '化隆2024年收了多少钱',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.admin_fee'),
    [['化隆县人民政府-2024', 'active.admin_fee', 720.34]],
  ],
  [
    '化隆2024年行政事业性收费',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.admin_fee'),
    [['化隆县人民政府-2024', 'active.admin_fee', 720.34]],
  ],
  [
    '化隆2024年新收申请',
    q('lookup', 'zh', [HUALONG], year(2024), 'apply.new_received.total'),
    [['化隆县人民政府-2024', 'apply.new_received.total', 23]],
  ],
  [
    '化隆2024年收到多少依申请公开申请',
    q('lookup', 'zh', [HUALONG], year(2024), 'apply.new_received.total'),
    [['化隆县人民政府-2024', 'apply.new_received.total', 23]],
  ],
  [
    '化隆2024年依申请公开',
    q('lookup', 'zh', [HUALONG], year(2024), 'apply.new_received.total'),
    [['化隆县人民政府-2024', 'apply.new_received.total', 23]],
  ],
  [
    '化隆2024年商业企业提出的申请',
    q('lookup', 'zh', [HUALONG], year(2024), 'apply.new_received.org_commercial'),
    [['化隆县人民政府-2024', 'apply.new_received.org_commercial', 0]],
  ],
  [
    '化隆2024年自然人申请',
    q('lookup', 'zh', [HUALONG], year(2024), 'apply.new_received.natural'),
    [['化隆县人民政府-2024', 'apply.new_received.natural', 22]],
  ],
  [
    '化隆2024年信访举报投诉类申请',
    q('lookup', 'zh', [HUALONG], year(2024), 'apply.np_petition.total'),
    [['化隆县人民政府-2024', 'apply.np_petition.total', 18]],
  ],
  [
    '化隆2024年不予公开',
    q('lookup', 'zh', [HUALONG], year(2024), 'apply.denied_sum.total'),
    [['化隆县人民政府-2024', 'apply.denied_sum.total', 0]],
  ],
  [
    '化隆2024年予以公开',
    q('lookup', 'zh', [HUALONG], year(2024), 'apply.granted.total'),
    [['化隆县人民政府-2024', 'apply.granted.total', 5]],
  ],
  [
    '化隆2024年行政复议',
    q('lookup', 'zh', [HUALONG], year(2024), 'legal.review.total'),
    [['化隆县人民政府-2024', 'legal.review.total', 6]],
  ],
  [
    '化隆2024年复议维持',
    q('lookup', 'zh', [HUALONG], year(2024), 'legal.review.upheld'),
    [['化隆县人民政府-2024', 'legal.review.upheld', 5]],
  ],
  [
    '化隆2024年行政诉讼',
    q('lookup', 'zh', [HUALONG], year(2024), 'legal.suit.total'),
    [['化隆县人民政府-2024', 'legal.suit.total', 1]],
  ],
  [
    '化隆2024年复议后起诉',
    q('lookup', 'zh', [HUALONG], year(2024), 'legal.suit_after_review.total'),
    [['化隆县人民政府-2024', 'legal.suit_after_review.total', 1]],
  ],
  [
    '化隆2024年规章本年制发',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.regulation.issued'),
    [['化隆县人民政府-2024', 'active.regulation.issued', 5]],
  ],
  [
    '化隆2024年规章现行有效',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.regulation.in_force'),
    [['化隆县人民政府-2024', 'active.regulation.in_force', 0]],
  ],
  [
    '化隆2024年行政规范性文件',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.normative_doc.issued'),
    [['化隆县人民政府-2024', 'active.normative_doc.issued', 54]],
  ],
  [
    '化隆2024年规范性文件现行有效件数',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.normative_doc.in_force'),
    [['化隆县人民政府-2024', 'active.normative_doc.in_force', 202]],
  ],
  ['化隆2023年行政处罚', q('lookup', 'zh', [HUALONG], year(2023), 'active.penalty'), []],
  ['化隆的年报靠谱吗', q('check', 'zh', [HUALONG], NONE, null), []],
  ['化隆有什么问题', q('check', 'zh', [HUALONG], NONE, null), []],
  [
    '化隆',
    q('lookup', 'zh', [HUALONG], NONE, null),
    [
      ['化隆县人民政府-2024', 'active.license', 2754],
      ['化隆县人民政府-2024', 'active.penalty', 114],
      ['化隆县人民政府-2024', 'active.coercion', 4],
      ['化隆县人民政府-2024', 'active.admin_fee', 720.34],
      ['化隆县人民政府-2024', 'apply.new_received.total', 23],
    ],
  ],
  [
    '化隆2024年',
    q('lookup', 'zh', [HUALONG], year(2024), null),
    [
      ['化隆县人民政府-2024', 'active.license', 2754],
      ['化隆县人民政府-2024', 'active.penalty', 114],
      ['化隆县人民政府-2024', 'active.coercion', 4],
      ['化隆县人民政府-2024', 'active.admin_fee', 720.34],
      ['化隆县人民政府-2024', 'apply.new_received.total', 23],
    ],
  ],
  [
    '民和 2023 行政许可',
    q('lookup', 'zh', [MINHE], year(2023), 'active.license'),
    [['民和回族土族自治县人民政府-2023', 'active.license', 3972]],
  ],
  [
    '民和2023年行政许可多少件',
    q('lookup', 'zh', [MINHE], year(2023), 'active.license'),
    [['民和回族土族自治县人民政府-2023', 'active.license', 3972]],
  ],
  [
    '民和回族土族自治县2023年行政许可',
    q('lookup', 'zh', [MINHE], year(2023), 'active.license'),
    [['民和回族土族自治县人民政府-2023', 'active.license', 3972]],
  ],
  [
    '民和县2023年行政许可',
    q('lookup', 'zh', [MINHE], year(2023), 'active.license'),
    [['民和回族土族自治县人民政府-2023', 'active.license', 3972]],
  ],
  [
    '民和县人民政府2023年行政许可',
    q('lookup', 'zh', [MINHE], year(2023), 'active.license'),
    [['民和回族土族自治县人民政府-2023', 'active.license', 3972]],
  ],
  ['民和去年行政许可', q('lookup', 'zh', [MINHE], year(2024), 'active.license'), []],
  [
    "What was Minhe's fee income in 2023?",
    q('lookup', 'en', [MINHE], year(2023), 'active.admin_fee'),
    [['民和回族土族自治县人民政府-2023', 'active.admin_fee', 379]],
  ],
  [
    'Minhe fees 2023',
    q('lookup', 'en', [MINHE], year(2023), 'active.admin_fee'),
    [['民和回族土族自治县人民政府-2023', 'active.admin_fee', 379]],
  ],
  [
    'minhe licensing decisions 2023',
    q('lookup', 'en', [MINHE], year(2023), 'active.license'),
    [['民和回族土族自治县人民政府-2023', 'active.license', 3972]],
  ],
  [
    'Minhe 2023 information disclosure requests',
    q('lookup', 'en', [MINHE], year(2023), 'apply.new_received.total'),
    [['民和回族土族自治县人民政府-2023', 'apply.new_received.total', 1]],
  ],
  [
    '民和2023年收费',
    q('lookup', 'zh', [MINHE], year(2023), 'active.admin_fee'),
    [['民和回族土族自治县人民政府-2023', 'active.admin_fee', 379]],
  ],
  [
    '洪泽区2024年行政复议纠错了几件',
    q('lookup', 'zh', [HONGZE], year(2024), 'legal.review.corrected'),
    [['淮安市洪泽区人民政府-2024', 'legal.review.corrected', 1]],
  ],
  [
    '淮安市2024年行政诉讼审理中的有几件',
    q('lookup', 'zh', [HUAIAN], year(2024), 'legal.suit.pending'),
    [['淮安市人民政府-2024', 'legal.suit.pending', 7]],
  ],
  [
    '民和2023年复议纠正',
    q('lookup', 'zh', [MINHE], year(2023), 'legal.review.corrected'),
    [['民和回族土族自治县人民政府-2023', 'legal.review.corrected', 2]],
  ],
  [
    '民和2023年行政复议纠正了多少',
    q('lookup', 'zh', [MINHE], year(2023), 'legal.review.corrected'),
    [['民和回族土族自治县人民政府-2023', 'legal.review.corrected', 2]],
  ],
  [
    '民和2023年结果纠正的复议',
    q('lookup', 'zh', [MINHE], year(2023), 'legal.review.corrected'),
    [['民和回族土族自治县人民政府-2023', 'legal.review.corrected', 2]],
  ],
  [
    '民和2023年部分公开',
    q('lookup', 'zh', [MINHE], year(2023), 'apply.partial.total'),
    [['民和回族土族自治县人民政府-2023', 'apply.partial.total', 0]],
  ],
  [
    '民和2023年无正当理由大量反复申请',
    q('lookup', 'zh', [MINHE], year(2023), 'apply.np_excessive.total'),
    [['民和回族土族自治县人民政府-2023', 'apply.np_excessive.total', 1]],
  ],
  [
    '民和2023年上年结转',
    q('lookup', 'zh', [MINHE], year(2023), 'apply.carried_in.total'),
    [['民和回族土族自治县人民政府-2023', 'apply.carried_in.total', 0]],
  ],
  [
    '民和2023年结转下年度继续办理',
    q('lookup', 'zh', [MINHE], year(2023), 'apply.carried_out.total'),
    [['民和回族土族自治县人民政府-2023', 'apply.carried_out.total', 0]],
  ],
  [
    '民和2023年办理结果总计',
    q('lookup', 'zh', [MINHE], year(2023), 'apply.results_total.total'),
    [['民和回族土族自治县人民政府-2023', 'apply.results_total.total', 1]],
  ],
  ['民和2023年的报告有没有问题', q('check', 'zh', [MINHE], year(2023), null), []],
  ['民和2022年行政许可', q('lookup', 'zh', [MINHE], year(2022), 'active.license'), []],
  [
    '湟中 2023 行政处罚',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'active.penalty'),
    [['湟中区人民政府-2023', 'active.penalty', 36084]],
  ],
  [
    '湟中区2023年行政处罚多少',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'active.penalty'),
    [['湟中区人民政府-2023', 'active.penalty', 36084]],
  ],
  [
    '西宁市湟中区2023年行政处罚',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'active.penalty'),
    [['湟中区人民政府-2023', 'active.penalty', 36084]],
  ],
  [
    '湟中区人民政府2023年行政处罚',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'active.penalty'),
    [['湟中区人民政府-2023', 'active.penalty', 36084]],
  ],
  [
    'huangzhong 2023 penalties',
    q('lookup', 'en', [HUANGZHONG], year(2023), 'active.penalty'),
    [['湟中区人民政府-2023', 'active.penalty', 36084]],
  ],
  [
    'Huangzhong lawsuits 2023',
    q('lookup', 'en', [HUANGZHONG], year(2023), 'legal.suit.total'),
    [['湟中区人民政府-2023', 'legal.suit.total', 11]],
  ],
  [
    '湟中2023年行政诉讼',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'legal.suit.total'),
    [['湟中区人民政府-2023', 'legal.suit.total', 11]],
  ],
  [
    '湟中2023年未经复议直接起诉',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'legal.suit_direct.total'),
    [['湟中区人民政府-2023', 'legal.suit_direct.total', 10]],
  ],
  [
    '湟中2023年直接起诉尚未审结',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'legal.suit_direct.pending'),
    [['湟中区人民政府-2023', 'legal.suit_direct.pending', 4]],
  ],
  [
    '湟中2023年依申请公开申请',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'apply.new_received.total'),
    [['湟中区人民政府-2023', 'apply.new_received.total', 22]],
  ],
  [
    '湟中2023年新收申请',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'apply.new_received.total'),
    [['湟中区人民政府-2023', 'apply.new_received.total', 22]],
  ],
  [
    '湟中2023年不予公开',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'apply.denied_sum.total'),
    [['湟中区人民政府-2023', 'apply.denied_sum.total', 0]],
  ],
  [
    '湟中2023年行政许可',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'active.license'),
    [['湟中区人民政府-2023', 'active.license', 8771]],
  ],
  [
    '湟中2023年收费',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'active.admin_fee'),
    [['湟中区人民政府-2023', 'active.admin_fee', 159.7]],
  ],
  ['湟中区2023年的报告靠谱吗', q('check', 'zh', [HUANGZHONG], year(2023), null), []],
  ['湟中区2023年年报准确吗', q('check', 'zh', [HUANGZHONG], year(2023), null), []],
  ['Is the Huangzhong 2023 report reliable?', q('check', 'en', [HUANGZHONG], year(2023), null), []],
  [
    '湟中2023年行政规范性文件废止',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'active.normative_doc.repealed'),
    [['湟中区人民政府-2023', 'active.normative_doc.repealed', 2]],
  ],
  [
    '湟中行政强制',
    q('lookup', 'zh', [HUANGZHONG], NONE, 'active.coercion'),
    [['湟中区人民政府-2023', 'active.coercion', 279]],
  ],
  ['湟中区去年行政处罚', q('lookup', 'zh', [HUANGZHONG], year(2024), 'active.penalty'), []],
  [
    '平罗 2023 行政规范性文件 现行有效',
    q('lookup', 'zh', [PINGLUO], year(2023), 'active.normative_doc.in_force'),
    [['平罗县人民政府办公室-2023', 'active.normative_doc.in_force', 5]],
  ],
  [
    '平罗2023年行政规范性文件现行有效多少',
    q('lookup', 'zh', [PINGLUO], year(2023), 'active.normative_doc.in_force'),
    [['平罗县人民政府办公室-2023', 'active.normative_doc.in_force', 5]],
  ],
  [
    '平罗县2023年规范性文件本年制发',
    q('lookup', 'zh', [PINGLUO], year(2023), 'active.normative_doc.issued'),
    [['平罗县人民政府办公室-2023', 'active.normative_doc.issued', 1]],
  ],
  [
    '平罗2023年行政诉讼',
    q('lookup', 'zh', [PINGLUO], year(2023), 'legal.suit.total'),
    [['平罗县人民政府办公室-2023', 'legal.suit.total', 1]],
  ],
  [
    '平罗2023年收到多少申请',
    q('lookup', 'zh', [PINGLUO], year(2023), 'apply.new_received.total'),
    [['平罗县人民政府办公室-2023', 'apply.new_received.total', 18]],
  ],
  [
    '平罗2023年本年新收政府信息公开申请数量',
    q('lookup', 'zh', [PINGLUO], year(2023), 'apply.new_received.total'),
    [['平罗县人民政府办公室-2023', 'apply.new_received.total', 18]],
  ],
  [
    '平罗2023年行政处罚',
    q('lookup', 'zh', [PINGLUO], year(2023), 'active.penalty'),
    [['平罗县人民政府办公室-2023', 'active.penalty', 0]],
  ],
  [
    '平罗县人民政府办公室2023年行政许可',
    q('lookup', 'zh', [PINGLUO], year(2023), 'active.license'),
    [['平罗县人民政府办公室-2023', 'active.license', 0]],
  ],
  ['平罗县政府办公室的年报靠谱吗', q('check', 'zh', [PINGLUO], NONE, null), []],
  [
    '平罗2023年予以公开',
    q('lookup', 'zh', [PINGLUO], year(2023), 'apply.granted.total'),
    [['平罗县人民政府办公室-2023', 'apply.granted.total', 3]],
  ],
  [
    '平罗2023年本机关不掌握相关政府信息',
    q('lookup', 'zh', [PINGLUO], year(2023), 'apply.unable_not_held.total'),
    [['平罗县人民政府办公室-2023', 'apply.unable_not_held.total', 7]],
  ],
  [
    '平罗2023年重复申请',
    q('lookup', 'zh', [PINGLUO], year(2023), 'apply.np_duplicate.total'),
    [['平罗县人民政府办公室-2023', 'apply.np_duplicate.total', 0]],
  ],
  [
    'Pingluo 2023 lawsuits',
    q('lookup', 'en', [PINGLUO], year(2023), 'legal.suit.total'),
    [['平罗县人民政府办公室-2023', 'legal.suit.total', 1]],
  ],
  ['平罗2022年行政处罚', q('lookup', 'zh', [PINGLUO], year(2022), 'active.penalty'), []],
  [
    '互助 2022 收费',
    q('lookup', 'zh', [HUZHU], year(2022), 'active.admin_fee'),
    [['互助土族自治县人民政府-2022', 'active.admin_fee', 202]],
  ],
  [
    '互助2022年收费多少',
    q('lookup', 'zh', [HUZHU], year(2022), 'active.admin_fee'),
    [['互助土族自治县人民政府-2022', 'active.admin_fee', 202]],
  ],
  [
    '互组2022年收费多少',
    q('lookup', 'zh', [HUZHU], year(2022), 'active.admin_fee', {
      assumptions: [{ kind: 'typo', typed: '互组', meant: '互助' }],
    }),
    [['互助土族自治县人民政府-2022', 'active.admin_fee', 202]],
  ],
  [
    '互助土族自治县2022年行政事业性收费',
    q('lookup', 'zh', [HUZHU], year(2022), 'active.admin_fee'),
    [['互助土族自治县人民政府-2022', 'active.admin_fee', 202]],
  ],
  [
    '互助县2022年的收费金额',
    q('lookup', 'zh', [HUZHU], year(2022), 'active.admin_fee'),
    [['互助土族自治县人民政府-2022', 'active.admin_fee', 202]],
  ],
  ['互助前年收费', q('lookup', 'zh', [HUZHU], year(2023), 'active.admin_fee'), []],
  [
    'Huzhu fees 2022',
    q('lookup', 'en', [HUZHU], year(2022), 'active.admin_fee'),
    [['互助土族自治县人民政府-2022', 'active.admin_fee', 202]],
  ],
  [
    '互助2022年规章',
    q('lookup', 'zh', [HUZHU], year(2022), 'active.regulation.issued'),
    [['互助土族自治县人民政府-2022', 'active.regulation.issued', 1]],
  ],
  [
    '互助2022年规章现行有效',
    q('lookup', 'zh', [HUZHU], year(2022), 'active.regulation.in_force'),
    [['互助土族自治县人民政府-2022', 'active.regulation.in_force', 9]],
  ],
  [
    '互助2022年行政处罚',
    q('lookup', 'zh', [HUZHU], year(2022), 'active.penalty'),
    [['互助土族自治县人民政府-2022', 'active.penalty', 943]],
  ],
  ['互助的年报有问题吗', q('check', 'zh', [HUZHU], NONE, null), []],
  [
    '互助历年行政许可',
    q('trend', 'zh', [HUZHU], ALL, 'active.license'),
    [['互助土族自治县人民政府-2022', 'active.license', 7713]],
  ],
  [
    // 近三年 of one body: its own newest three (互助's newest report is 2022)
    '互助近三年行政许可',
    q('trend', 'zh', [HUZHU], range(2020, 2022), 'active.license'),
    [['互助土族自治县人民政府-2022', 'active.license', 7713]],
  ],
  [
    '洪泽2023年行政处罚',
    q('lookup', 'zh', [HONGZE], year(2023), 'active.penalty'),
    [['洪泽区人民政府-2023', 'active.penalty', 4119]],
  ],
  [
    '洪泽区2023年行政处罚',
    q('lookup', 'zh', [HONGZE], year(2023), 'active.penalty'),
    [['洪泽区人民政府-2023', 'active.penalty', 4119]],
  ],
  [
    '淮安市洪泽区2024年行政处罚',
    q('lookup', 'zh', [HONGZE], year(2024), 'active.penalty'),
    [['淮安市洪泽区人民政府-2024', 'active.penalty', 2776]],
  ],
  [
    '洪泽行政处罚',
    q('lookup', 'zh', [HONGZE], NONE, 'active.penalty'),
    [['淮安市洪泽区人民政府-2024', 'active.penalty', 2776]],
  ],
  [
    '洪泽历年行政处罚',
    q('trend', 'zh', [HONGZE], ALL, 'active.penalty'),
    [
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
    ],
  ],
  [
    '洪泽2023-2024年行政许可',
    q('trend', 'zh', [HONGZE], range(2023, 2024), 'active.license'),
    [
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['淮安市洪泽区人民政府-2024', 'active.license', 9487],
    ],
  ],
  [
    '洪泽2023年到2024年收费',
    q('trend', 'zh', [HONGZE], range(2023, 2024), 'active.admin_fee'),
    [
      ['洪泽区人民政府-2023', 'active.admin_fee', 7730.28],
      ['淮安市洪泽区人民政府-2024', 'active.admin_fee', 7545],
    ],
  ],
  [
    '洪泽行政许可变化趋势',
    q('trend', 'zh', [HONGZE], NONE, 'active.license'),
    [
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['淮安市洪泽区人民政府-2024', 'active.license', 9487],
    ],
  ],
  [
    '洪泽近两年行政诉讼',
    q('trend', 'zh', [HONGZE], range(2023, 2024), 'legal.suit.total'),
    [
      ['洪泽区人民政府-2023', 'legal.suit.total', 0],
      ['淮安市洪泽区人民政府-2024', 'legal.suit.total', 4],
    ],
  ],
  [
    'Hongze licensing over the years',
    q('trend', 'en', [HONGZE], ALL, 'active.license'),
    [
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['淮安市洪泽区人民政府-2024', 'active.license', 9487],
    ],
  ],
  [
    'hongze penalties trend',
    q('trend', 'en', [HONGZE], NONE, 'active.penalty'),
    [
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
    ],
  ],
  [
    '洪泽2023年逾期不补正',
    q('lookup', 'zh', [HONGZE], year(2023), 'apply.other_no_correction.total'),
    [['洪泽区人民政府-2023', 'apply.other_no_correction.total', null]],
  ],
  [
    '洪泽2023年其他处理',
    q('lookup', 'zh', [HONGZE], year(2023), 'apply.other_sum.total'),
    [['洪泽区人民政府-2023', 'apply.other_sum.total', 0]],
  ],
  [
    '洪泽2023年行政复议',
    q('lookup', 'zh', [HONGZE], year(2023), 'legal.review.total'),
    [['洪泽区人民政府-2023', 'legal.review.total', 0]],
  ],
  [
    '洪泽2024年复议后起诉',
    q('lookup', 'zh', [HONGZE], year(2024), 'legal.suit_after_review.total'),
    [['淮安市洪泽区人民政府-2024', 'legal.suit_after_review.total', 3]],
  ],
  [
    '洪泽去年收费',
    q('lookup', 'zh', [HONGZE], year(2024), 'active.admin_fee'),
    [['淮安市洪泽区人民政府-2024', 'active.admin_fee', 7545]],
  ],
  ['洪泽2023年报告靠谱吗', q('check', 'zh', [HONGZE], year(2023), null), []],
  ['洪泽2022年行政处罚', q('lookup', 'zh', [HONGZE], year(2022), 'active.penalty'), []],
  [
    '淮安2024年行政处罚',
    q('lookup', 'zh', [HUAIAN], year(2024), 'active.penalty'),
    [['淮安市人民政府-2024', 'active.penalty', 3985758]],
  ],
  [
    '淮安市2024年收费',
    q('lookup', 'zh', [HUAIAN], year(2024), 'active.admin_fee'),
    [['淮安市人民政府-2024', 'active.admin_fee', 96171.6]],
  ],
  [
    '淮安市人民政府2024年行政诉讼',
    q('lookup', 'zh', [HUAIAN], year(2024), 'legal.suit.total'),
    [['淮安市人民政府-2024', 'legal.suit.total', 46]],
  ],
  [
    '淮安和洪泽的行政处罚对比',
    q('compare', 'zh', [HUAIAN, HONGZE], NONE, 'active.penalty'),
    [
      ['淮安市人民政府-2024', 'active.penalty', 3985758],
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
    ],
  ],
  [
    '平罗和民和的行政强制对比',
    q('compare', 'zh', [PINGLUO, MINHE], NONE, 'active.coercion'),
    [
      ['平罗县人民政府办公室-2023', 'active.coercion', 0],
      ['民和回族土族自治县人民政府-2023', 'active.coercion', 40],
    ],
  ],
  [
    '平罗和民和行政强制哪个多',
    q('compare', 'zh', [PINGLUO, MINHE], NONE, 'active.coercion'),
    [
      ['平罗县人民政府办公室-2023', 'active.coercion', 0],
      ['民和回族土族自治县人民政府-2023', 'active.coercion', 40],
    ],
  ],
  [
    '化隆、民和、互助的行政许可比较',
    q('compare', 'zh', [HUALONG, MINHE, HUZHU], NONE, 'active.license'),
    [
      ['化隆县人民政府-2024', 'active.license', 2754],
      ['民和回族土族自治县人民政府-2023', 'active.license', 3972],
      ['互助土族自治县人民政府-2022', 'active.license', 7713],
    ],
  ],
  [
    '比较湟中和化隆的行政处罚',
    q('compare', 'zh', [HUANGZHONG, HUALONG], NONE, 'active.penalty'),
    [
      ['湟中区人民政府-2023', 'active.penalty', 36084],
      ['化隆县人民政府-2024', 'active.penalty', 114],
    ],
  ],
  [
    '湟中与化隆2023年行政处罚',
    q('compare', 'zh', [HUANGZHONG, HUALONG], year(2023), 'active.penalty'),
    [['湟中区人民政府-2023', 'active.penalty', 36084]],
  ],
  [
    'Compare Hualong and Minhe penalties',
    q('compare', 'en', [HUALONG, MINHE], NONE, 'active.penalty'),
    [
      ['化隆县人民政府-2024', 'active.penalty', 114],
      ['民和回族土族自治县人民政府-2023', 'active.penalty', 984],
    ],
  ],
  [
    'Minhe vs Pingluo fees',
    q('compare', 'en', [MINHE, PINGLUO], NONE, 'active.admin_fee'),
    [
      ['民和回族土族自治县人民政府-2023', 'active.admin_fee', 379],
      ['平罗县人民政府办公室-2023', 'active.admin_fee', 0],
    ],
  ],
  [
    '化隆和湟中的收费',
    q('compare', 'zh', [HUALONG, HUANGZHONG], NONE, 'active.admin_fee'),
    [
      ['化隆县人民政府-2024', 'active.admin_fee', 720.34],
      ['湟中区人民政府-2023', 'active.admin_fee', 159.7],
    ],
  ],
  [
    '哪里行政许可最少',
    q('rank', 'zh', [], NONE, 'active.license', { order: 'asc' }),
    [
      ['平罗县人民政府办公室-2023', 'active.license', 0],
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['民和回族土族自治县人民政府-2023', 'active.license', 3972],
      ['湟中区人民政府-2023', 'active.license', 8771],
    ],
  ],
  [
    '哪里行政许可最多',
    q('rank', 'zh', [], NONE, 'active.license', { order: 'desc' }),
    [
      ['湟中区人民政府-2023', 'active.license', 8771],
      ['民和回族土族自治县人民政府-2023', 'active.license', 3972],
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['平罗县人民政府办公室-2023', 'active.license', 0],
    ],
  ],
  [
    '行政处罚最多的是哪里',
    q('rank', 'zh', [], NONE, 'active.penalty', { order: 'desc' }),
    [
      ['湟中区人民政府-2023', 'active.penalty', 36084],
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      ['民和回族土族自治县人民政府-2023', 'active.penalty', 984],
      ['平罗县人民政府办公室-2023', 'active.penalty', 0],
    ],
  ],
  [
    '哪个单位收费最高',
    q('rank', 'zh', [], NONE, 'active.admin_fee', { order: 'desc' }),
    [
      ['洪泽区人民政府-2023', 'active.admin_fee', 7730.28],
      ['民和回族土族自治县人民政府-2023', 'active.admin_fee', 379],
      ['湟中区人民政府-2023', 'active.admin_fee', 159.7],
      ['平罗县人民政府办公室-2023', 'active.admin_fee', 0],
    ],
  ],
  [
    '收费最低的单位',
    q('rank', 'zh', [], NONE, 'active.admin_fee', { order: 'asc' }),
    [
      ['平罗县人民政府办公室-2023', 'active.admin_fee', 0],
      ['湟中区人民政府-2023', 'active.admin_fee', 159.7],
      ['民和回族土族自治县人民政府-2023', 'active.admin_fee', 379],
      ['洪泽区人民政府-2023', 'active.admin_fee', 7730.28],
    ],
  ],
  [
    '行政诉讼排名',
    q('rank', 'zh', [], NONE, 'legal.suit.total', { order: 'desc' }),
    [
      ['湟中区人民政府-2023', 'legal.suit.total', 11],
      ['平罗县人民政府办公室-2023', 'legal.suit.total', 1],
      ['民和回族土族自治县人民政府-2023', 'legal.suit.total', 0],
      ['洪泽区人民政府-2023', 'legal.suit.total', 0],
    ],
  ],
  [
    '2023年行政处罚排名',
    q('rank', 'zh', [], year(2023), 'active.penalty', { order: 'desc' }),
    [
      ['湟中区人民政府-2023', 'active.penalty', 36084],
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      ['民和回族土族自治县人民政府-2023', 'active.penalty', 984],
      ['平罗县人民政府办公室-2023', 'active.penalty', 0],
    ],
  ],
  [
    '2023年哪里行政许可最多',
    q('rank', 'zh', [], year(2023), 'active.license', { order: 'desc' }),
    [
      ['湟中区人民政府-2023', 'active.license', 8771],
      ['民和回族土族自治县人民政府-2023', 'active.license', 3972],
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['平罗县人民政府办公室-2023', 'active.license', 0],
    ],
  ],
  [
    '2024年收费最多',
    q('rank', 'zh', [], year(2024), 'active.admin_fee', { order: 'desc' }),
    [
      ['淮安市人民政府-2024', 'active.admin_fee', 96171.6],
      ['淮安市洪泽区人民政府-2024', 'active.admin_fee', 7545],
      ['化隆县人民政府-2024', 'active.admin_fee', 720.34],
    ],
  ],
  [
    '哪里依申请公开申请最多',
    q('rank', 'zh', [], NONE, 'apply.new_received.total', { order: 'desc' }),
    [
      ['湟中区人民政府-2023', 'apply.new_received.total', 22],
      ['洪泽区人民政府-2023', 'apply.new_received.total', 21],
      ['平罗县人民政府办公室-2023', 'apply.new_received.total', 18],
      ['民和回族土族自治县人民政府-2023', 'apply.new_received.total', 1],
    ],
  ],
  [
    '不予公开最多的是哪个',
    q('rank', 'zh', [], NONE, 'apply.denied_sum.total', { order: 'desc' }),
    [
      ['洪泽区人民政府-2023', 'apply.denied_sum.total', 3],
      ['平罗县人民政府办公室-2023', 'apply.denied_sum.total', 1],
      ['民和回族土族自治县人民政府-2023', 'apply.denied_sum.total', 0],
      ['湟中区人民政府-2023', 'apply.denied_sum.total', 0],
    ],
  ],
  [
    'Which agency had the most lawsuits?',
    q('rank', 'en', [], NONE, 'legal.suit.total', { order: 'desc' }),
    [
      ['湟中区人民政府-2023', 'legal.suit.total', 11],
      ['平罗县人民政府办公室-2023', 'legal.suit.total', 1],
      ['民和回族土族自治县人民政府-2023', 'legal.suit.total', 0],
      ['洪泽区人民政府-2023', 'legal.suit.total', 0],
    ],
  ],
  [
    'Which agency has the fewest licensing decisions?',
    q('rank', 'en', [], NONE, 'active.license', { order: 'asc' }),
    [
      ['平罗县人民政府办公室-2023', 'active.license', 0],
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['民和回族土族自治县人民政府-2023', 'active.license', 3972],
      ['湟中区人民政府-2023', 'active.license', 8771],
    ],
  ],
  [
    'rank fees',
    q('rank', 'en', [], NONE, 'active.admin_fee', { order: 'desc' }),
    [
      ['洪泽区人民政府-2023', 'active.admin_fee', 7730.28],
      ['民和回族土族自治县人民政府-2023', 'active.admin_fee', 379],
      ['湟中区人民政府-2023', 'active.admin_fee', 159.7],
      ['平罗县人民政府办公室-2023', 'active.admin_fee', 0],
    ],
  ],
  [
    '行政复议最少的单位',
    q('rank', 'zh', [], NONE, 'legal.review.total', { order: 'asc' }),
    [
      ['洪泽区人民政府-2023', 'legal.review.total', 0],
      ['平罗县人民政府办公室-2023', 'legal.review.total', 0],
      ['民和回族土族自治县人民政府-2023', 'legal.review.total', 2],
      ['湟中区人民政府-2023', 'legal.review.total', 5],
    ],
  ],
  ['有哪些年报', q('list', 'zh', [], NONE, null), []],
  ['都有哪些单位的报告', q('list', 'zh', [], NONE, null), []],
  ['列出所有年报', q('list', 'zh', [], NONE, null), []],
  ['list reports', q('list', 'en', [], NONE, null), []],
  ['What reports do you have?', q('list', 'en', [], NONE, null), []],
  ['洪泽有哪些年报', q('list', 'zh', [HONGZE], NONE, null), []],
  ['帮助', q('help', 'zh', [], NONE, null), []],
  ['怎么用', q('help', 'zh', [], NONE, null), []],
  ['help', q('help', 'en', [], NONE, null), []],
  ['你能做什么', q('help', 'zh', [], NONE, null), []],
  ['行政处罚多少', q('clarify', 'zh', [], NONE, 'active.penalty'), []],
  ['收费多少', q('clarify', 'zh', [], NONE, 'active.admin_fee'), []],
  ['How many lawsuits?', q('clarify', 'en', [], NONE, 'legal.suit.total'), []],
  ['北京2023年行政处罚多少', q('region', 'zh', [], year(2023), 'active.penalty', { missing: ['北京'] }), []],
  ['北京市的年报', q('region', 'zh', [], NONE, null, { missing: ['北京市'] }), []],
  ['上海2024年收费', q('region', 'zh', [], year(2024), 'active.admin_fee', { missing: ['上海'] }), []],
  ['What is the weather today?', q('unheld', 'en', [], NONE, null, { unheld: ['weather', 'today'] }), []],
  ['你好', q('help', 'zh', [], NONE, null), []],
  ['今天天气怎么样', q('unheld', 'zh', [], NONE, null, { unheld: ['天气'] }), []],
  [
    'huanzhong 2023 penalties',
    q('lookup', 'en', [HUANGZHONG], year(2023), 'active.penalty', {
      assumptions: [{ kind: 'typo', typed: 'huanzhong', meant: 'huangzhong' }],
    }),
    [['湟中区人民政府-2023', 'active.penalty', 36084]],
  ],
  [
    'Hualongg fees 2024',
    q('lookup', 'en', [HUALONG], year(2024), 'active.admin_fee', {
      assumptions: [{ kind: 'typo', typed: 'hualongg', meant: 'hualong' }],
    }),
    [['化隆县人民政府-2024', 'active.admin_fee', 720.34]],
  ],
  [
    "What were Hualong's penalties in two thousand twenty four?",
    q('lookup', 'en', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  ['penalties in Minhe last year', q('lookup', 'en', [MINHE], year(2024), 'active.penalty'), []],
  [
    'Huang Zhong fees',
    q('lookup', 'en', [HUANGZHONG], NONE, 'active.admin_fee'),
    [['湟中区人民政府-2023', 'active.admin_fee', 159.7]],
  ],
  [
    'Hongze reconsiderations 2024',
    q('lookup', 'en', [HONGZE], year(2024), 'legal.review.total'),
    [['淮安市洪泽区人民政府-2024', 'legal.review.total', 2]],
  ],
  [
    'Hongze reconsideration corrected 2024',
    q('lookup', 'en', [HONGZE], year(2024), 'legal.review.corrected'),
    [['淮安市洪泽区人民政府-2024', 'legal.review.corrected', 1]],
  ],
  [
    'FOI requests Pingluo 2023',
    q('lookup', 'en', [PINGLUO], year(2023), 'apply.new_received.total'),
    [['平罗县人民政府办公室-2023', 'apply.new_received.total', 18]],
  ],
  [
    'How many FOI requests did Huzhu receive in 2022?',
    q('lookup', 'en', [HUZHU], year(2022), 'apply.new_received.total'),
    [['互助土族自治县人民政府-2022', 'apply.new_received.total', 9]],
  ],
  [
    'Hualong coercion 2024',
    q('lookup', 'en', [HUALONG], year(2024), 'active.coercion'),
    [['化隆县人民政府-2024', 'active.coercion', 4]],
  ],
  // Unseen questions that exposed gaps: English around Chinese names, places not held (Chinese,
  // pinyin), several metrics at once, table 三 detail in English, scopes and positions.
  [
    'How many administrative penalties did 化隆县人民政府 issue in 2024?',
    q('lookup', 'en', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    'Compare penalties of 化隆县人民政府 and 淮安市洪泽区人民政府 in 2024',
    q('compare', 'en', [HUALONG, HONGZE], year(2024), 'active.penalty'),
    [
      ['化隆县人民政府-2024', 'active.penalty', 114],
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
    ],
  ],
  [
    'How many penalties in Beijing in 2023?',
    q('region', 'en', [], year(2023), 'active.penalty', { missing: ['Beijing (北京市)'] }),
    [],
  ],
  [
    'Shanghai Pudong fee income 2024',
    q('region', 'en', [], year(2024), 'active.admin_fee', { missing: ['Shanghai Pudong (浦东新区)'] }),
    [],
  ],
  [
    'Guangzhou fees 2024',
    q('region', 'en', [], year(2024), 'active.admin_fee', { missing: ['Guangzhou (广州市)'] }),
    [],
  ],
  [
    '北京朝阳区2023年行政处罚',
    q('region', 'zh', [], year(2023), 'active.penalty', { missing: ['北京朝阳区'] }),
    [],
  ],
  [
    'Compare Hualong and Beijing penalties',
    q('compare', 'en', [HUALONG], NONE, 'active.penalty', { missing: ['Beijing (北京市)'] }),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '化隆和北京比一比行政处罚',
    q('compare', 'zh', [HUALONG], NONE, 'active.penalty', { missing: ['北京'] }),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '@nianbao_bot 化隆2024年行政处罚多少？？😀',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '青海化隆2024年行政处罚',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '淮安洪泽2024年行政处罚',
    q('lookup', 'zh', [HONGZE], year(2024), 'active.penalty'),
    [['淮安市洪泽区人民政府-2024', 'active.penalty', 2776]],
  ],
  [
    '化隆罚了多少',
    q('lookup', 'zh', [HUALONG], NONE, 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '洪泽两年比一比',
    q('trend', 'zh', [HONGZE], NONE, null),
    [
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['淮安市洪泽区人民政府-2024', 'active.license', 9487],
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
      ['洪泽区人民政府-2023', 'active.coercion', 195],
      ['淮安市洪泽区人民政府-2024', 'active.coercion', 84],
      ['洪泽区人民政府-2023', 'active.admin_fee', 7730.28],
      ['淮安市洪泽区人民政府-2024', 'active.admin_fee', 7545],
      ['洪泽区人民政府-2023', 'apply.new_received.total', 21],
      ['淮安市洪泽区人民政府-2024', 'apply.new_received.total', 95],
    ],
  ],
  [
    '湟中2023年不予公开国家秘密多少',
    q('lookup', 'zh', [HUANGZHONG], year(2023), 'apply.denied_state_secret.total'),
    [['湟中区人民政府-2023', 'apply.denied_state_secret.total', 0]],
  ],
  [
    '民和2023年总共收到多少申请，办结多少',
    q('lookup', 'zh', [MINHE], year(2023), 'apply.new_received.total', {
      metrics: ['apply.new_received.total', 'apply.results_total.total'],
    }),
    [
      ['民和回族土族自治县人民政府-2023', 'apply.new_received.total', 1],
      ['民和回族土族自治县人民政府-2023', 'apply.results_total.total', 1],
    ],
  ],
  [
    '淮安市人民政府2024年信息公开申请结转到下一年的有多少',
    q('lookup', 'zh', [HUAIAN], year(2024), 'apply.carried_out.total'),
    [['淮安市人民政府-2024', 'apply.carried_out.total', 103]],
  ],
  [
    '民和2023年行政许可和行政处罚分别多少',
    q('lookup', 'zh', [MINHE], year(2023), 'active.license', {
      metrics: ['active.license', 'active.penalty'],
    }),
    [
      ['民和回族土族自治县人民政府-2023', 'active.license', 3972],
      ['民和回族土族自治县人民政府-2023', 'active.penalty', 984],
    ],
  ],
  [
    '淮安2024年复议维持和纠正',
    q('lookup', 'zh', [HUAIAN], year(2024), 'legal.review.upheld', {
      metrics: ['legal.review.upheld', 'legal.review.corrected'],
    }),
    [
      ['淮安市人民政府-2024', 'legal.review.upheld', 72],
      ['淮安市人民政府-2024', 'legal.review.corrected', 64],
    ],
  ],
  [
    '淮安2024年个人和企业申请各多少',
    q('lookup', 'zh', [HUAIAN], year(2024), 'apply.new_received.natural', {
      metrics: ['apply.new_received.natural', 'apply.new_received.org_commercial'],
    }),
    [
      ['淮安市人民政府-2024', 'apply.new_received.natural', 3001],
      ['淮安市人民政府-2024', 'apply.new_received.org_commercial', 53],
    ],
  ],
  [
    'Hongze penalties and licensing trend',
    q('trend', 'en', [HONGZE], NONE, 'active.penalty', { metrics: ['active.penalty', 'active.license'] }),
    [
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['淮安市洪泽区人民政府-2024', 'active.license', 9487],
    ],
  ],
  [
    '洪泽2024年申请人逾期未按收费通知要求缴纳费用',
    q('lookup', 'zh', [HONGZE], year(2024), 'apply.other_fee_unpaid.total'),
    [['淮安市洪泽区人民政府-2024', 'apply.other_fee_unpaid.total', null]],
  ],
  [
    '淮安2024年危及三安全一稳定',
    q('lookup', 'zh', [HUAIAN], year(2024), 'apply.denied_security_stability.total'),
    [['淮安市人民政府-2024', 'apply.denied_security_stability.total', 5]],
  ],
  [
    '淮安2024年第三方合法权益不予公开',
    q('lookup', 'zh', [HUAIAN], year(2024), 'apply.denied_third_party.total'),
    [['淮安市人民政府-2024', 'apply.denied_third_party.total', 6]],
  ],
  [
    '淮安2024年不掌握',
    q('lookup', 'zh', [HUAIAN], year(2024), 'apply.unable_not_held.total'),
    [['淮安市人民政府-2024', 'apply.unable_not_held.total', 769]],
  ],
  ['which agencies', q('list', 'en', [], NONE, null), []],
  ['hello', q('help', 'en', [], NONE, null), []],
  ['谢谢', q('help', 'zh', [], NONE, null), []],
  [
    '青海哪个县行政许可最多',
    q('rank', 'zh', [], NONE, 'active.license', {
      region: { name: '青海省', code: '63' },
      order: 'desc',
      level: 'county',
    }),
    [
      ['湟中区人民政府-2023', 'active.license', 8771],
      ['民和回族土族自治县人民政府-2023', 'active.license', 3972],
    ],
  ],
  ['青海有哪些年报', q('list', 'zh', [], NONE, null, { region: { name: '青海省', code: '63' } }), []],
  ['江苏的年报有吗', q('list', 'zh', [], NONE, null, { region: { name: '江苏省', code: '32' } }), []],
  [
    'Jiangsu penalties 2024',
    q('region', 'en', [], year(2024), 'active.penalty', {
      region: { name: '江苏省', code: '32' },
    }),
    [
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
      ['淮安市人民政府-2024', 'active.penalty', 3985758],
    ],
  ],
  [
    '淮安市2024年行政处罚排第几',
    q('rank', 'zh', [HUAIAN], year(2024), 'active.penalty', { order: 'desc' }),
    [
      ['淮安市人民政府-2024', 'active.penalty', 3985758],
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
      ['化隆县人民政府-2024', 'active.penalty', 114],
    ],
  ],
  [
    'Where does Hongze rank in penalties?',
    q('rank', 'en', [HONGZE], NONE, 'active.penalty', { order: 'desc' }),
    [
      ['湟中区人民政府-2023', 'active.penalty', 36084],
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      ['民和回族土族自治县人民政府-2023', 'active.penalty', 984],
      ['平罗县人民政府办公室-2023', 'active.penalty', 0],
    ],
  ],
  [
    'compare all counties penalties',
    q('rank', 'en', [], NONE, 'active.penalty', { order: 'desc', level: 'county' }),
    [
      ['湟中区人民政府-2023', 'active.penalty', 36084],
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      ['民和回族土族自治县人民政府-2023', 'active.penalty', 984],
    ],
  ],
  [
    'How many requests were denied because of state secrets in Huaian 2024?',
    q('lookup', 'en', [HUAIAN], year(2024), 'apply.denied_state_secret.total'),
    [['淮安市人民政府-2024', 'apply.denied_state_secret.total', 2]],
  ],
  [
    'How many applications were carried over to next year in Huaian 2024?',
    q('lookup', 'en', [HUAIAN], year(2024), 'apply.carried_out.total'),
    [['淮安市人民政府-2024', 'apply.carried_out.total', 103]],
  ],
  [
    'Huaian 2024 requests partially granted',
    q('lookup', 'en', [HUAIAN], year(2024), 'apply.partial.total'),
    [['淮安市人民政府-2024', 'apply.partial.total', 454]],
  ],
  [
    'Huaian 2024 information not held',
    q('lookup', 'en', [HUAIAN], year(2024), 'apply.unable_not_held.total'),
    [['淮安市人民政府-2024', 'apply.unable_not_held.total', 769]],
  ],
  [
    'Huaian 2024 third party denials',
    q('lookup', 'en', [HUAIAN], year(2024), 'apply.denied_third_party.total'),
    [['淮安市人民政府-2024', 'apply.denied_third_party.total', 6]],
  ],
  [
    'Huaian fee not paid 2024',
    q('lookup', 'en', [HUAIAN], year(2024), 'apply.other_fee_unpaid.total'),
    [['淮安市人民政府-2024', 'apply.other_fee_unpaid.total', 6]],
  ],
  [
    '化隆2024年行政处罚多少化隆2024年行政处罚多少',
    q('lookup', 'zh', [HUALONG], year(2024), 'active.penalty'),
    [['化隆县人民政府-2024', 'active.penalty', 114]],
  ],
  [
    '民和和化隆谁罚得多',
    q('compare', 'zh', [MINHE, HUALONG], NONE, 'active.penalty'),
    [
      ['民和回族土族自治县人民政府-2023', 'active.penalty', 984],
      ['化隆县人民政府-2024', 'active.penalty', 114],
    ],
  ],
  [
    '洪泽去年和前年的许可',
    q('trend', 'zh', [HONGZE], range(2023, 2024), 'active.license'),
    [
      ['洪泽区人民政府-2023', 'active.license', 550],
      ['淮安市洪泽区人民政府-2024', 'active.license', 9487],
    ],
  ],
  ["Is Hongze's 2024 report OK?", q('check', 'en', [HONGZE], year(2024), null), []],
  ['How many counties do you have?', q('list', 'en', [], NONE, null), []],
  ['数据库里有多少份年报', q('count', 'zh', [], NONE, null), []],
  ['How many reports do you have?', q('count', 'en', [], NONE, null), []],
  ['化隆的年报是哪年的', q('list', 'zh', [HUALONG], NONE, null), []],
  ['What years do you have for Hongze?', q('list', 'en', [HONGZE], NONE, null), []],
];

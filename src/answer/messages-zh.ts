import type { Messages } from './_messages.ts';

/** Every Chinese reply string. */
export const MESSAGES_ZH: Messages = {
  unit: (unit) => (unit === '万元' || unit === '%' ? unit : unit && unit !== '件' ? unit : '件'),
  number: (value, unit) =>
    unit === '%'
      ? `${formatNumber(value)}%`
      : `${formatNumber(value)} ${unit && unit !== '件' ? unit : '件'}`,
  missingValue: '报告中没有这一项',
  figure: (agency, year, metric, value) => `${agency}${year}年${metric}：${value}`,
  source: (title, table, row, col, url) =>
    `来源：《${title}》${table}，${row}${col ? ` / ${col}` : ''}${url ? `；原文：${url}` : ''}`,
  sourceReport: (title, url) => `来源：《${title}》${url ? `；原文：${url}` : ''}`,
  derivedParts: (parts) => `（${parts}）`,
  noAgency: (names, held) => `没有${names}的年报；现有：${held}`,
  alsoMissing: (names) => `（没有${names}的年报）`,
  onlyYears: (agency, years) => `${agency}只有${years.join('、')}年的年报`,
  noReports: '数据库里还没有年报。',
  typo: (typed, meant) => `（按“${meant}”理解“${typed}”）`,
  preferred: (chosen, others) => `（“${others}”也相关，这里按${chosen}回答）`,
  summaryTitle: (agency, year) => `${agency}${year}年主要数据：`,
  compareTitle: (metric) => `${metric}对比：`,
  rankTitle: (metric, order, share) =>
    `${metric}${order === 'asc' ? (share ? '最低' : '最少') : share ? '最高' : '最多'}的单位：`,
  rankYears: (years) => `（按各单位${years}的年报）`,
  scope: (place) => `（范围：${place}）`,
  rankNone: '（没有符合条件的年报）',
  position: (agency, at, of) => `${agency}排第${at}（共${of}家）`,
  notRanked: (agency) => `${agency}不在排名中（没有所问年份的年报，或报告缺少这一项）`,
  latestOf: (counts) => `最新一年：${counts}`,
  rankMissing: (n) => `另有${n}家的报告缺少这一项`,
  trendTitle: (agency, metric) => `${agency}${metric}历年情况：`,
  yearLabel: (year) => `${year}年`,
  checkTitle: (agency, year, n) =>
    n === 0 ? `${agency}${year}年年报未发现问题。` : `${agency}${year}年年报发现${n}个问题：`,
  severity: { error: '错误', warning: '警告', info: '提示' },
  moreWarnings: (n) => `……另有${n}条`,
  warningsAttached: (n) => `注意（${n}条相关提示）：`,
  listTitle: (n) => `现有${n}个单位的年报：`,
  listLine: (agency, years) => `${agency}：${years.join('、')}年`,
  moreAgencies: (n) => `……等，共${n}个单位`,
  help: [
    '可以这样问：',
    '· 化隆2024年行政处罚多少',
    '· 平罗和民和的行政强制对比',
    '· 哪里行政许可最少',
    '· 互助历年行政许可',
    '· 湟中区2023年的报告靠谱吗',
    '· 有哪些年报',
  ].join('\n'),
  clarifyAgency: (typed) => `“${typed}”对应多个单位，请选择：`,
  clarifyWhich: '请问是哪个单位？可以选择：',
  unknown: '没听懂这个问题。可以问“化隆2024年行政处罚多少”，或发送“帮助”。',
  needMetric: '请说明要看哪一项，例如行政许可、行政处罚、收费或依申请公开。',
  joiner: '、',
  colon: '：',
  tooLong: (n, max) =>
    `这条消息有 ${n} 个字，不像一个问题。请用一句话提问（${max} 字以内），例如“某县2024年行政处罚多少”。`,
};

/** 36084 → 36084; 7730.28 → 7730.28; never in exponent form. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

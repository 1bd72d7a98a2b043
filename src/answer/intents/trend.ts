import { agencyGroup, buildAnswer, formatValue, metricName, nameOf, type ReplyInput } from '../_reply.ts';
import { collect, describeWarnings, exportTable } from '../_series.ts';
import { describeMetric } from '../figures.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { COMPARE_WORDS, TREND_WORDS } from './words.ts';

/** One agency across years. */
async function answerTrend(input: ReplyInput): Promise<Answer> {
  const { query, m, lang } = input;
  const group = await agencyGroup(input, query.agencies[0]);
  const info = describeMetric(query.metric ?? '');
  if (!group) return buildAnswer(input, [m.unknown]);
  if (!info) return buildAnswer(input, [m.needMetric]);
  const y = query.years;
  const entries = group.reports.filter(
    (e) => y.kind !== 'range' || (e.report.year >= y.from && e.report.year <= y.to),
  );
  const held = group.reports.map((e) => e.report.year);
  const { answers, warnings, chart } = collect(input, entries, info, 'line');
  const title = m.trendTitle(nameOf(input, group.name), metricName(info, lang));
  const lines = [title];
  lines.push(...answers.map((a) => `· ${m.yearLabel(a.year)}：${formatValue(m, a.value, a.unit)}`));
  const wanted = y.kind === 'range' ? y.to - y.from + 1 : 0;
  if (held.length === 1 || entries.length < wanted || entries.length === 0)
    lines.push(m.onlyYears(nameOf(input, group.name), held));
  return buildAnswer(input, [...lines, ...describeWarnings(input, warnings)], answers, warnings, {
    chart,
    table: exportTable(input, title, answers, warnings),
  });
}

/** 互助历年行政许可 / 洪泽两年比一比: one agency over its years. */
export const trend: IntentModule = {
  id: 'trend',
  words: TREND_WORDS,
  match: (r) =>
    r.agencies.length === 1 &&
    (r.years.kind === 'all' ||
      r.years.kind === 'range' ||
      TREND_WORDS.test(r.text) ||
      COMPARE_WORDS.test(r.text)),
  answer: answerTrend,
};

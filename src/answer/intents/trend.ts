import {
  agencyGroup,
  buildAnswer,
  formatValue,
  metricName,
  nameOf,
  type ReplyInput,
  say,
} from '../_reply.ts';
import { collect, describeWarnings, exportTable } from '../_series.ts';
import { describeMetric } from '../figures.ts';
import type { Answer, AnswerFigure } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { COMPARE_WORDS, TREND_WORDS } from './words.ts';

/**
 * 2023年→2024年：减少 1343 件（下降 32.6%）: the change from the first to the last year shown that
 * hold the figure, when there are two such years or more.
 */
function describeChange(input: ReplyInput, answers: readonly AnswerFigure[]): string | undefined {
  const held = answers.filter((a) => a.value !== null);
  const first = held[0];
  const last = held.at(-1);
  if (!first || !last || first === last) return undefined;
  const diff = Math.round((last.value! - first.value!) * 100) / 100;
  const pct = first.value ? Math.round((diff / first.value) * 1000) / 10 : null;
  const { m } = input;
  return say(
    input,
    `（${first.year}年→${last.year}年：${diff >= 0 ? '增加' : '减少'} ${formatValue(m, Math.abs(diff), last.unit)}${pct === null ? '' : `，${pct >= 0 ? '增长' : '下降'} ${Math.abs(pct)}%`}）`,
    `(${first.year}→${last.year}: ${diff >= 0 ? 'up' : 'down'} ${formatValue(m, Math.abs(diff), last.unit)}${pct === null ? '' : `, ${pct >= 0 ? '+' : '−'}${Math.abs(pct)}%`})`,
  );
}

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
  lines.push(...answers.map((a) => `· ${m.yearLabel(a.year)}${m.colon}${formatValue(m, a.value, a.unit)}`));
  const change = describeChange(input, answers);
  if (change) lines.push(change);
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

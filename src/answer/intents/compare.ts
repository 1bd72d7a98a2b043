import type { StoredReport } from '../../store/index.ts';
import {
  agencyGroup,
  buildAnswer,
  formatValue,
  metricName,
  nameOf,
  pickReport,
  placeName,
  type ReplyInput,
  say,
} from '../_reply.ts';
import {
  chooseYear,
  collect,
  comparedGroups,
  describeWarnings,
  exportTable,
  figureLine,
  pickYear,
} from '../_series.ts';
import { describeMetric } from '../figures.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { COMPARE_WORDS } from './words.ts';

/** Two or more agencies, one metric: each agency's report for the year asked (or its latest). */
async function answerCompare(input: ReplyInput): Promise<Answer> {
  const { query, m, lang } = input;
  const info = query.metric ? describeMetric(query.metric) : undefined;
  if (!info) return buildAnswer(input, [m.needMetric]);
  if (query.regions && query.regions.length > 1) return answerCompareRegions(input);
  const title = m.compareTitle(metricName(info, lang));
  const notes: string[] = [];
  const entries: StoredReport[] = [];
  for (const key of query.agencies) {
    const group = await agencyGroup(input, key);
    if (!group) continue;
    const entry = pickReport(group, query);
    if (entry) entries.push(entry);
    else
      notes.push(
        m.onlyYears(
          nameOf(input, group.name),
          group.reports.map((e) => e.report.year),
        ),
      );
  }
  const { answers, warnings, chart } = collect(input, entries, info, 'bar');
  const years = new Set(answers.map((a) => a.year));
  if (years.size > 1)
    notes.push(say(input, '（注意：各单位的年份不同）', '(note: the figures are from different years)'));
  const rows = answers.map((a) => figureLine(input, a));
  return buildAnswer(
    input,
    [title, ...rows, ...notes, ...describeWarnings(input, warnings)],
    answers,
    warnings,
    {
      chart,
      table: exportTable(input, title, answers, warnings),
    },
  );
}

/** 青海和宁夏哪个行政处罚多: each place's total over its held reports of one year, with who is included. */
async function answerCompareRegions(input: ReplyInput): Promise<Answer> {
  const { query, m, lang } = input;
  const info = describeMetric(query.metric!)!;
  const regions = query.regions!;
  const all = regions.flatMap((p) => comparedGroups(input, p.code).groups);
  const { year } = pickYear(input, all);
  const fixed: ReplyInput = {
    ...input,
    query: { ...query, years: year === null ? query.years : { kind: 'year', year } },
  };
  const title = m.compareTitle(metricName(info, lang));
  const lines = [title];
  const answers = [];
  const warnings = [];
  for (const place of regions) {
    const { groups } = comparedGroups(input, place.code);
    const chosen = await chooseYear(fixed, groups, place.code);
    const part = collect(input, chosen.entries, info, 'bar');
    const sum = part.answers.reduce((s, a) => s + (a.value ?? 0), 0);
    const who = part.answers.map((a) => nameOf(input, a.agency)).join(m.joiner) || say(input, '无', 'none');
    lines.push(
      say(
        input,
        `· ${place.name}：${formatValue(m, sum, info.unit)}（${year}年，合计：${who}）`,
        `· ${placeName(input, place.name)}: ${formatValue(m, sum, info.unit)} (${year}, total of: ${who})`,
      ),
    );
    if (chosen.lacking.length > 0)
      lines.push(
        say(
          input,
          `  （${place.name}没有${year}年年报：${chosen.lacking.map((g) => g.name).join(m.joiner)}）`,
          `  (no ${year} report in ${place.name}: ${chosen.lacking.map((g) => nameOf(input, g.name)).join(m.joiner)})`,
        ),
      );
    answers.push(...part.answers);
    warnings.push(...part.warnings);
  }
  lines.push(
    say(
      input,
      '（各地只统计已收录的年报，不是全省/全区的数字）',
      '(only the reports held are added up; not a figure for the whole place)',
    ),
  );
  return buildAnswer(input, lines, answers, warnings, {
    table: exportTable(input, title, answers, warnings),
  });
}

export const compare: IntentModule = {
  id: 'compare',
  words: COMPARE_WORDS,
  match: (r) =>
    r.agencies.length >= 2 ||
    (r.agencies.length === 1 && r.missing !== undefined && COMPARE_WORDS.test(r.text)) ||
    (r.regions !== undefined && r.regions.length > 1 && r.metric !== null),
  answer: answerCompare,
};

import type { Warning } from '../schema/index.ts';
import { agencyKey, type StoredReport } from '../store/index.ts';
import { memoise } from './_context-cache.ts';
import {
  buildAnswer,
  formatValue,
  metricName,
  nameOf,
  pickReport,
  placeName,
  type ReplyInput,
} from './_reply.ts';
import { describeWarnings } from './answer-lookup.ts';
import { describeMetric, type MetricInfo, mergeWarnings, readFigure } from './figures.ts';
import type { Answer, AnswerFigure, ChartSpec } from './types.ts';

const RANK_SHOWN = 10;

/** Figures for several reports of one metric, in display order, plus a chart. */
function collect(
  input: ReplyInput,
  entries: readonly StoredReport[],
  info: MetricInfo,
  kind: ChartSpec['kind'],
) {
  const answers: AnswerFigure[] = [];
  const warnings: Warning[] = [];
  for (const e of entries) {
    const { figure, warnings: touching } = readFigure(e, info);
    answers.push(figure);
    mergeWarnings(warnings, touching);
  }
  const charted = answers.filter((a) => a.value !== null);
  const chart: ChartSpec = {
    kind,
    title: metricName(info, input.lang),
    labels: charted.map((a) => (kind === 'line' ? input.m.yearLabel(a.year) : a.agency)),
    values: charted.map((a) => a.value as number),
    unit: input.m.unit(info.unit),
  };
  return { answers, warnings, chart };
}

/** Two or more agencies, one metric: each agency's report for the year asked (or its latest). */
export function answerCompare(input: ReplyInput): Answer {
  const { query, store, m, lang } = input;
  const info = query.metric ? describeMetric(query.metric) : undefined;
  if (!info) return buildAnswer(input, [m.needMetric]);
  const lines = [m.compareTitle(metricName(info, lang))];
  const entries: StoredReport[] = [];
  for (const key of query.agencies) {
    const group = store.byAgency(key);
    if (!group) continue;
    const entry = pickReport(group, query);
    if (entry) entries.push(entry);
    else
      lines.push(
        m.onlyYears(
          nameOf(input, group.name),
          group.reports.map((e) => e.report.year),
        ),
      );
  }
  const { answers, warnings, chart } = collect(input, entries, info, 'bar');
  const rows = answers.map(
    (a) => `· ${nameOf(input, a.agency)}（${m.yearLabel(a.year)}）：${formatValue(m, a.value, a.unit)}`,
  );
  return buildAnswer(
    input,
    [lines[0]!, ...rows, ...lines.slice(1), ...describeWarnings(input, warnings)],
    answers,
    warnings,
    {
      chart,
    },
  );
}

interface Ranking {
  rows: { entry: StoredReport; value: number }[];
  missing: number;
  years: Map<number, number>;
}

function allReports(input: ReplyInput, year: number | null): readonly StoredReport[] {
  return year !== null ? input.store.byYear(year) : [...input.store.agencies().values()].map((g) => g.latest);
}

/** The reports of the agencies inside one division (the year asked, or each one's latest). */
function regionReports(input: ReplyInput, code: string, year: number | null): StoredReport[] {
  const out: StoredReport[] = [];
  for (const key of input.ctx.within.get(code) ?? []) {
    const group = input.store.byAgency(key);
    const entry = year === null ? group?.latest : group?.reports.find((e) => e.report.year === year);
    if (entry) out.push(entry);
  }
  return out;
}

/** Sorted values of one metric over each agency's latest report (or one year's reports). */
function rankReports(input: ReplyInput, info: MetricInfo): Ranking {
  const y = input.query.years;
  const year = y.kind === 'year' ? y.year : null;
  const region = input.query.region?.code;
  return memoise(input.store, `rank:${info.id}:${year ?? 'latest'}:${region ?? ''}`, () => {
    const pool = region ? regionReports(input, region, year) : allReports(input, year);
    const rows: Ranking['rows'] = [];
    const years = new Map<number, number>();
    let missing = 0;
    for (const entry of pool) {
      const value = readFigure(entry, info).figure.value;
      if (value === null) missing++;
      else rows.push({ entry, value });
      years.set(entry.report.year, (years.get(entry.report.year) ?? 0) + 1);
    }
    rows.sort((a, b) => b.value - a.value || a.entry.report.agency.localeCompare(b.entry.report.agency));
    return { rows, missing, years };
  });
}

/** Most / least of one metric across agencies; says which years were used. */
export function answerRank(input: ReplyInput): Answer {
  const { query, m, lang } = input;
  const info = query.metric ? describeMetric(query.metric) : undefined;
  if (!info) return buildAnswer(input, [m.needMetric]);
  const ranking = rankReports(input, info);
  const ordered = query.order === 'asc' ? [...ranking.rows].reverse() : ranking.rows;
  const top = ordered.slice(0, RANK_SHOWN).map((r) => r.entry);
  const { answers, warnings, chart } = collect(input, top, info, 'bar');
  const yearText = [...ranking.years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, n]) => `${m.yearLabel(year)}×${n}`)
    .join(m.joiner);
  const rows = answers.map(
    (a, i) =>
      `${i + 1}. ${nameOf(input, a.agency)}（${m.yearLabel(a.year)}）：${formatValue(m, a.value, a.unit)}`,
  );
  const lines = [m.rankTitle(metricName(info, lang), query.order ?? 'desc'), ...rows, m.rankYears(yearText)];
  if (query.region) lines.splice(1, 0, m.scope(placeName(input, query.region.name)));
  if (rows.length === 0) lines.push(m.rankNone);
  if (ranking.missing > 0) lines.push(m.rankMissing(ranking.missing));
  const asked = query.agencies[0];
  if (asked) {
    const at = ordered.findIndex((r) => agencyKey(r.entry.report) === asked);
    const name = input.ctx.agencies.get(asked)?.name ?? asked;
    lines.splice(
      1,
      0,
      at >= 0 ? m.position(nameOf(input, name), at + 1, ordered.length) : m.notRanked(nameOf(input, name)),
    );
  }
  return buildAnswer(input, lines, answers, warnings, { chart });
}

/** One agency across years. */
export function answerTrend(input: ReplyInput): Answer {
  const { query, store, m, lang } = input;
  const group = store.byAgency(query.agencies[0] ?? '');
  const info = describeMetric(query.metric ?? '');
  if (!group) return buildAnswer(input, [m.unknown]);
  if (!info) return buildAnswer(input, [m.needMetric]);
  const y = query.years;
  const entries = group.reports.filter(
    (e) => y.kind !== 'range' || (e.report.year >= y.from && e.report.year <= y.to),
  );
  const held = group.reports.map((e) => e.report.year);
  const { answers, warnings, chart } = collect(input, entries, info, 'line');
  const lines = [m.trendTitle(nameOf(input, group.name), metricName(info, lang))];
  lines.push(...answers.map((a) => `· ${m.yearLabel(a.year)}：${formatValue(m, a.value, a.unit)}`));
  const wanted = y.kind === 'range' ? y.to - y.from + 1 : 0;
  if (held.length === 1 || entries.length < wanted || entries.length === 0)
    lines.push(m.onlyYears(nameOf(input, group.name), held));
  return buildAnswer(input, [...lines, ...describeWarnings(input, warnings)], answers, warnings, { chart });
}

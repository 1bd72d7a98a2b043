import type { Warning } from '../../schema/index.ts';
import type { AgencyGroup, StoredReport } from '../../store/index.ts';
import {
  agencyGroup,
  buildAnswer,
  describeHeld,
  formatValue,
  metricName,
  nameOf,
  pickReport,
  type ReplyInput,
  say,
} from '../_reply.ts';
import { describeWarnings } from '../_series.ts';
import { describeMetric, type MetricInfo, mergeWarnings, readFigure, readValue } from '../figures.ts';
import type { Answer, AnswerFigure, ClarifyChoice, DerivedFigure } from '../types.ts';
import type { IntentModule } from './_intent.ts';

/** Figures shown when a question names an agency but no metric. */
export const SUMMARY = [
  'active.license',
  'active.penalty',
  'active.coercion',
  'active.admin_fee',
  'apply.new_received.total',
];

/** No report for the places asked about: say so and what exists. */
export function answerMissing(input: ReplyInput): Answer {
  const { m, ctx } = input;
  if (ctx.agencies.size === 0) return buildAnswer(input, [m.noReports]);
  return buildAnswer(input, [m.noAgency((input.query.missing ?? []).join(m.joiner), describeHeld(input))]);
}

/** The held year nearest `asked` (the later of two as near). */
function nearestYear(years: readonly number[], asked: number): number {
  return [...years].sort((a, b) => Math.abs(a - asked) - Math.abs(b - asked) || b - a)[0]!;
}

/**
 * 乙县呢 after 甲县2024年…: a year carried from the previous question that this body has no report
 * for is not the question's own; its nearest report answers (and the reply says so).
 */
function nearestForCarriedYear(group: AgencyGroup, query: ReplyInput['query']): StoredReport | undefined {
  const carried = query.assumptions.some((a) => a.kind === 'follow_up' && a.carried.includes('year'));
  if (!carried || query.years.kind !== 'year') return undefined;
  const year = nearestYear(
    group.reports.map((e) => e.report.year),
    query.years.year,
  );
  return group.reports.find((e) => e.report.year === year);
}

/** The year asked is not held: say so, and offer the nearest held year as a choice. */
export function answerNotHeld(input: ReplyInput, group: AgencyGroup): Answer {
  const { m, query } = input;
  const years = group.reports.map((e) => e.report.year);
  const asked = query.years.kind === 'year' ? query.years.year : null;
  const lines = [m.onlyYears(nameOf(input, group.name), years)];
  const choices: ClarifyChoice[] = [];
  if (asked !== null) {
    const nearest = nearestYear(years, asked);
    const metric = query.metric ? describeMetric(query.metric) : undefined;
    const what = metric ? metricName(metric, input.lang) : '';
    const question =
      input.lang === 'en'
        ? `${group.name} ${nearest} ${metric?.en ?? ''}`.trim()
        : `${group.name}${nearest}年${what}`;
    choices.push({ label: say(input, `看${nearest}年`, `See ${nearest}`), question });
    lines.push(say(input, `最近的年份：${nearest}年`, `Nearest year held: ${nearest}`));
    return buildAnswer(input, lines, [], [], {
      choices,
      assumed: [say(input, `最近的年份：${nearest}年`, `nearest year held: ${nearest}`)],
    });
  }
  return buildAnswer(input, lines);
}

/** How a rate was computed, with every input figure. */
export function rateDerivation(
  input: ReplyInput,
  info: MetricInfo,
  figure: AnswerFigure,
  values: Record<string, number | null>,
): DerivedFigure | undefined {
  if (!info.rate) return undefined;
  const inputs = [...info.rate.numerator, ...info.rate.denominator].map((id) => {
    const part = describeMetric(id)!;
    return {
      ...figure,
      field: id,
      value: readValue(values, [id]),
      unit: part.unit,
      source: { ...figure.source, row: part.row, col: part.col },
    };
  });
  return {
    formula: say(input, info.rate.formulaZh, info.rate.formulaEn),
    value: figure.value,
    unit: '%',
    inputs,
  };
}

/** One agency, one year: the figure with its source and warnings (or a key-figure summary). */
async function answerLookup(input: ReplyInput): Promise<Answer> {
  const { query, ctx, m, lang } = input;
  const key =
    query.agencies[0] ?? (query.metric && ctx.agencies.size === 1 ? [...ctx.agencies.keys()][0] : undefined);
  const group = await agencyGroup(input, key);
  if (!group) return answerMissing(input);
  const entry = pickReport(group, query) ?? nearestForCarriedYear(group, query);
  if (!entry) return answerNotHeld(input, group);
  const r = entry.report;
  const ids = query.metrics ?? (query.metric ? [query.metric] : SUMMARY);
  const answers: AnswerFigure[] = [];
  const warnings: Warning[] = [];
  let derived: DerivedFigure | undefined;
  const lines: string[] = query.metric ? [] : [m.summaryTitle(nameOf(input, r.agency), r.year)];
  for (const id of ids) {
    const info = describeMetric(id);
    if (!info) continue;
    const { figure, warnings: touching } = readFigure(entry, info);
    answers.push(figure);
    mergeWarnings(warnings, touching);
    const value = formatValue(m, figure.value, figure.unit);
    if (!query.metric) {
      lines.push(`· ${metricName(info, lang)}${m.colon}${value}`);
      continue;
    }
    lines.push(m.figure(nameOf(input, r.agency), r.year, metricName(info, lang), value));
    if (info.rate) {
      derived ??= rateDerivation(input, info, figure, r.values);
      const parts = [...info.rate.numerator, ...info.rate.denominator]
        .map(
          (p) => `${metricName(describeMetric(p)!, lang)} ${formatValue(m, readValue(r.values, [p]), '件')}`,
        )
        .join(m.joiner);
      lines.push(
        say(
          input,
          `（公式：${info.rate.formulaZh}；${parts}）`,
          `(formula: ${info.rate.formulaEn}; ${parts})`,
        ),
      );
    } else if (info.parts.length > 1) lines.push(describeParts(input, r.values, info.parts));
    lines.push(m.source(r.title, info.table, info.row, info.col, r.source.url));
  }
  if (!query.metric) lines.push(m.sourceReport(r.title, r.source.url));
  if (query.years.kind === 'year' && r.year !== query.years.year) {
    const name = nameOf(input, r.agency);
    const asked = query.years.year;
    lines.push(
      say(
        input,
        `（${name}没有${asked}年的年报，这里是${r.year}年的）`,
        `(${name} has no ${asked} report; this is ${r.year}'s)`,
      ),
    );
  }
  return buildAnswer(
    input,
    [...lines, ...describeWarnings(input, warnings)],
    answers,
    warnings,
    derived ? { derived } : {},
  );
}

/** The non-zero parts of a derived sum, e.g. 未经复议直接起诉 10 件、复议后起诉 1 件. */
function describeParts(input: ReplyInput, values: Record<string, number | null>, parts: string[]): string {
  const { m, lang } = input;
  const shown = parts
    .map((p) => ({ info: describeMetric(p), v: values[p] }))
    .filter((x) => x.info && typeof x.v === 'number' && x.v !== 0)
    .map((x) => `${metricName(x.info!, lang).replace(/^.*：/, '')} ${m.number(x.v as number, x.info!.unit)}`);
  return shown.length > 0 ? m.derivedParts(shown.join(m.joiner)) : '';
}

/** 化隆2024年行政处罚多少: one agency (the only one held, when a figure alone is asked). */
export const lookup: IntentModule = {
  id: 'lookup',
  match: (r) =>
    r.agencies.length === 1 || (r.metric !== null && r.agencies.length === 0 && r.soleAgency !== undefined),
  answer: answerLookup,
};

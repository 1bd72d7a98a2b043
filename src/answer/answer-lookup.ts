import type { Warning } from '../schema/index.ts';
import {
  buildAnswer,
  describeHeld,
  formatValue,
  metricName,
  nameOf,
  pickReport,
  type ReplyInput,
} from './_reply.ts';
import { describeMetric, mergeWarnings, readFigure } from './figures.ts';
import type { Answer, AnswerFigure } from './types.ts';

/** Figures shown when a question names an agency but no metric. */
export const SUMMARY = [
  'active.license',
  'active.penalty',
  'active.coercion',
  'active.admin_fee',
  'apply.new_received.total',
];

/** Lines listing the warnings attached to figures (at most three). */
export function describeWarnings(input: ReplyInput, warnings: readonly Warning[]): string[] {
  if (warnings.length === 0) return [];
  const { m } = input;
  const shown = warnings.slice(0, 3).map((w) => `· [${m.severity[w.severity]}] ${w.rule} ${w.message}`);
  const more = warnings.length > 3 ? [m.moreWarnings(warnings.length - 3)] : [];
  return [m.warningsAttached(warnings.length), ...shown, ...more];
}

/** No report for the places asked about: say so and what exists. */
export function answerMissing(input: ReplyInput): Answer {
  const { m, store } = input;
  if (store.all().length === 0) return buildAnswer(input, [m.noReports]);
  return buildAnswer(input, [m.noAgency((input.query.missing ?? []).join(m.joiner), describeHeld(input))]);
}

/** One agency, one year: the figure with its source and warnings (or a key-figure summary). */
export function answerLookup(input: ReplyInput): Answer {
  const { query, store, m, lang } = input;
  const group = store.byAgency(query.agencies[0] ?? '');
  if (!group) return answerMissing(input);
  const entry = pickReport(group, query);
  if (!entry) {
    const years = group.reports.map((e) => e.report.year);
    return buildAnswer(input, [m.onlyYears(nameOf(input, group.name), years)]);
  }
  const r = entry.report;
  const ids = query.metrics ?? (query.metric ? [query.metric] : SUMMARY);
  const answers: AnswerFigure[] = [];
  const warnings: Warning[] = [];
  const lines: string[] = query.metric ? [] : [m.summaryTitle(nameOf(input, r.agency), r.year)];
  for (const id of ids) {
    const info = describeMetric(id);
    if (!info) continue;
    const { figure, warnings: touching } = readFigure(entry, info);
    answers.push(figure);
    mergeWarnings(warnings, touching);
    const value = formatValue(m, figure.value, figure.unit);
    if (!query.metric) {
      lines.push(`· ${metricName(info, lang)}：${value}`);
      continue;
    }
    lines.push(m.figure(nameOf(input, r.agency), r.year, metricName(info, lang), value));
    if (info.parts.length > 1) lines.push(describeParts(input, entry.report.values, info.parts));
    lines.push(m.source(r.title, info.table, info.row, info.col));
  }
  if (!query.metric) lines.push(m.sourceReport(r.title));
  return buildAnswer(input, [...lines, ...describeWarnings(input, warnings)], answers, warnings);
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

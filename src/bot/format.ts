import type { Answer, ChartSpec } from '../answer/index.ts';
import { getField, type Warning } from '../schema/index.ts';
import type { StoredReport, UpsertOutcome } from '../store/index.ts';
import { CAPTION_LIMIT, escapeHtml, html, joinHtml, SafeHtml, truncateHtml } from './html.ts';
import { getMessages, type Lang } from './messages.ts';

/** Figures an upload reply shows, in this order. */
const KEY_FIELDS = [
  'apply.new_received.total',
  'apply.carried_in.total',
  'apply.granted.total',
  'apply.results_total.total',
  'apply.carried_out.total',
  'active.license',
  'active.penalty',
  'legal.review.total',
  'legal.suit_direct.total',
] as const;

const MAX_WARNINGS_SHOWN = 10;

/** An answer as HTML: its text, escaped. */
export function formatAnswer(answer: Answer): SafeHtml {
  return new SafeHtml(escapeHtml(answer.text));
}

/** Formats a number for people: thousands separators, no float noise. */
export function formatNumber(value: number): string {
  return Number(value.toFixed(4)).toLocaleString('en-US');
}

/** The chart's figures as caption lines, so the numbers are readable without the image. */
export function formatChartCaption(chart: ChartSpec): SafeHtml {
  const lines = chart.labels.map(
    (label, i) => html`${label}：${formatNumber(chart.values[i] ?? 0)} ${chart.unit}`,
  );
  return truncateHtml(joinHtml([html`<b>${chart.title}</b>`, ...lines]), CAPTION_LIMIT);
}

/** Warning lines with severity marks, capped so a noisy report stays readable. */
export function formatWarnings(warnings: Warning[], lang: Lang): SafeHtml {
  const m = getMessages(lang);
  if (warnings.length === 0) return html`${m.noWarnings}`;
  const mark = { error: '❗', warning: '⚠️', info: 'ℹ️' } as const;
  const shown = warnings
    .slice(0, MAX_WARNINGS_SHOWN)
    .map((w) => html`${mark[w.severity]} ${w.rule} ${w.message}`);
  const more = warnings.length - shown.length;
  return joinHtml([
    html`${m.warningsFound(warnings.length)}`,
    ...shown,
    ...(more > 0 ? [html`${m.moreWarnings(more)}`] : []),
  ]);
}

/** Upload reply: outcome, agency, year, key figures, warnings. */
export function formatUpload(stored: StoredReport, outcome: UpsertOutcome, lang: Lang): SafeHtml {
  const m = getMessages(lang);
  const { report } = stored;
  const figures = KEY_FIELDS.flatMap((id) => {
    const field = getField(id);
    const value = report.values[id];
    if (!field || value === undefined || value === null) return [];
    return [html`· ${lang === 'en' ? field.en : field.zh}：${formatNumber(value)} ${field.unit}`];
  });
  return joinHtml([
    html`<b>${m.uploadOutcome[outcome]}</b>：${report.agency} ${report.year}`,
    html`${report.title}`,
    ...figures,
    formatWarnings(stored.warnings, lang),
  ]);
}

/** The reports held, one line per agency with its years. */
export function formatReportList(
  reports: readonly { report: Pick<StoredReport['report'], 'agency' | 'year'> }[],
  lang: Lang,
): SafeHtml {
  const m = getMessages(lang);
  if (reports.length === 0) return html`${m.listEmpty}`;
  const byAgency = new Map<string, number[]>();
  for (const { report } of reports) {
    byAgency.set(report.agency, [...(byAgency.get(report.agency) ?? []), report.year]);
  }
  const lines = [...byAgency.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([agency, years]) => html`· ${agency}：${years.sort((a, b) => a - b).join('、')}`);
  return joinHtml([html`<b>${m.listHeader(reports.length)}</b>`, ...lines]);
}

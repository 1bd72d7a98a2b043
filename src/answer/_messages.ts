import type { Severity } from '../schema/index.ts';

/** The reply wording of one language; messages-zh.ts and messages-en.ts implement it. */
export interface Messages {
  unit(unit: string): string;
  number(value: number, unit: string): string;
  missingValue: string;
  figure(agency: string, year: number, metric: string, value: string): string;
  /** The cell a figure was read from; `url` (the report's page) is cited when known. */
  source(title: string, table: string, row: string, col: string, url?: string | null): string;
  sourceReport(title: string, url?: string | null): string;
  derivedParts(parts: string): string;
  noAgency(names: string, held: string): string;
  /** A note when a question names held agencies and places not held. */
  alsoMissing(names: string): string;
  onlyYears(agency: string, years: number[]): string;
  noReports: string;
  typo(typed: string, meant: string): string;
  preferred(chosen: string, others: string): string;
  summaryTitle(agency: string, year: number): string;
  compareTitle(metric: string): string;
  /** A ranking's title; a rate (`share`) ranks highest and lowest, a count most and fewest. */
  rankTitle(metric: string, order: 'asc' | 'desc', share?: boolean): string;
  rankYears(years: string): string;
  /** The division a ranking or list is limited to. */
  scope(place: string): string;
  rankNone: string;
  position(agency: string, at: number, of: number): string;
  notRanked(agency: string): string;
  latestOf(counts: string): string;
  rankMissing(n: number): string;
  trendTitle(agency: string, metric: string): string;
  yearLabel(year: number): string;
  checkTitle(agency: string, year: number, n: number): string;
  severity: Record<Severity, string>;
  moreWarnings(n: number): string;
  warningsAttached(n: number): string;
  listTitle(n: number): string;
  listLine(agency: string, years: number[]): string;
  moreAgencies(n: number): string;
  help: string;
  clarifyAgency(typed: string): string;
  clarifyWhich: string;
  unknown: string;
  needMetric: string;
  joiner: string;
  /** Between a label and its figure: ： in Chinese, ': ' in English. */
  colon: string;
  /** A text too long to be a question: its length and the most a question may have. */
  tooLong: (chars: number, max: number) => string;
}

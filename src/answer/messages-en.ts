import type { Messages } from './_messages.ts';

/** Every English reply string. */
export const MESSAGES_EN: Messages = {
  unit: (unit) => (unit === '万元' ? '10k yuan' : unit === '%' ? '%' : 'cases'),
  number: (value, unit) =>
    unit === '万元'
      ? `${formatNumber(value)} × 10k yuan (万元)`
      : unit === '%'
        ? `${formatNumber(value)}%`
        : `${formatNumber(value)} (${unit || '件'})`,
  missingValue: 'not in the report',
  figure: (agency, year, metric, value) => `${agency}, ${year}, ${metric}: ${value}`,
  source: (title, table, row, col, url) =>
    `Source: ${title}, table ${table}, ${row}${col ? ` / ${col}` : ''}${url ? `; original: ${url}` : ''}`,
  sourceReport: (title, url) => `Source: ${title}${url ? `; original: ${url}` : ''}`,
  derivedParts: (parts) => ` (${parts})`,
  noAgency: (names, held) => `No report from ${names}; held: ${held}`,
  alsoMissing: (names) => `(no report from ${names} is held)`,
  onlyYears: (agency, years) => `${agency}: only the ${years.join(', ')} report is held`,
  noReports: 'No reports are stored yet.',
  typo: (typed, meant) => `(read “${typed}” as “${meant}”)`,
  preferred: (chosen, others) => `(“${others}” also matches; answering for ${chosen})`,
  summaryTitle: (agency, year) => `${agency}, ${year} — key figures:`,
  compareTitle: (metric) => `${metric}, compared:`,
  rankTitle: (metric, order, share) =>
    `${metric}, ${order === 'asc' ? (share ? 'lowest' : 'fewest') : share ? 'highest' : 'most'} first:`,
  rankYears: (years) => `(each agency's ${years} report)`,
  scope: (place) => `(within ${place})`,
  rankNone: '(no report fits)',
  position: (agency, at, of) => `${agency} ranks ${at} of ${of}`,
  notRanked: (agency) => `${agency} is not ranked (no report for the year asked, or the figure is missing)`,
  latestOf: (counts) => `latest: ${counts}`,
  rankMissing: (n) => `${n} more report(s) lack this figure`,
  trendTitle: (agency, metric) => `${agency}, ${metric} by year:`,
  yearLabel: (year) => String(year),
  checkTitle: (agency, year, n) =>
    n === 0 ? `${agency}, ${year}: no problems found.` : `${agency}, ${year}: ${n} problem(s) found:`,
  severity: { error: 'error', warning: 'warning', info: 'note' },
  moreWarnings: (n) => `… and ${n} more`,
  warningsAttached: (n) => `Note (${n} related warning(s)):`,
  listTitle: (n) => `Reports from ${n} ${n === 1 ? 'agency' : 'agencies'}:`,
  listLine: (agency, years) => `${agency}: ${years.join(', ')}`,
  moreAgencies: (n) => `… ${n} agencies in all`,
  help: [
    'Try asking:',
    "· What was Minhe's fee income in 2023?",
    '· Hualong administrative penalties 2024',
    '· Which agency has the fewest licensing decisions?',
    '· Huzhu licensing over the years',
    '· Is the Huangzhong 2023 report reliable?',
    '· list reports',
  ].join('\n'),
  clarifyAgency: (typed) => `“${typed}” matches several agencies; pick one:`,
  clarifyWhich: 'Which agency? Pick one:',
  unknown: 'Sorry, I did not understand. Try “Hualong penalties 2024” or send “help”.',
  needMetric: 'Which figure? e.g. licensing, penalties, fees or information requests.',
  joiner: ', ',
  colon: ': ',
  tooLong: (n, max) =>
    `That message has ${n} characters, which is not a question. Ask in one sentence (up to ${max}), e.g. “county X penalties 2024”.`,
};

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

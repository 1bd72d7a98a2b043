import { agencyKey } from '../../store/index.ts';
import { buildAnswer, formatValue, metricName, nameOf, placeName, type ReplyInput } from '../_reply.ts';
import {
  chooseYear,
  collect,
  comparedGroups,
  describeExcluded,
  describeYear,
  exportTable,
} from '../_series.ts';
import { describeMetric, readFigure } from '../figures.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { ASC_WORDS, COMPARE_WORDS, POSITION_WORDS, RANK_WORDS } from './words.ts';

const RANK_SHOWN = 10;

/** Most / least of one metric across bodies of one year; says which year and who has no report for it. */
function answerRank(input: ReplyInput): Answer {
  const { query, m, lang } = input;
  const info = query.metric ? describeMetric(query.metric) : undefined;
  if (!info) return buildAnswer(input, [m.needMetric]);
  const { groups, excluded } = comparedGroups(input, query.region?.code);
  const { year, entries, lacking } = chooseYear(input, groups);
  const valued = entries
    .map((entry) => ({ entry, value: readFigure(entry, info).figure.value }))
    .filter((x): x is { entry: (typeof entries)[number]; value: number } => x.value !== null);
  const missing = entries.length - valued.length;
  valued.sort((a, b) => b.value - a.value || a.entry.report.agency.localeCompare(b.entry.report.agency));
  const order = query.order ?? 'desc';
  const ordered = order === 'asc' ? [...valued].reverse() : valued;
  const top = ordered.slice(0, RANK_SHOWN).map((r) => r.entry);
  const { answers, warnings, chart } = collect(input, top, info, 'bar');
  const rows = answers.map(
    (a, i) =>
      `${i + 1}. ${nameOf(input, a.agency)}（${m.yearLabel(a.year)}）：${formatValue(m, a.value, a.unit)}`,
  );
  const title = m.rankTitle(metricName(info, lang), order);
  const lines = [title, ...rows, ...describeYear(input, year, lacking), ...describeExcluded(input, excluded)];
  if (query.region) lines.splice(1, 0, m.scope(placeName(input, query.region.name)));
  if (rows.length === 0) lines.push(m.rankNone);
  if (missing > 0) lines.push(m.rankMissing(missing));
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
  return buildAnswer(input, lines, answers, warnings, {
    chart,
    table: exportTable(input, title, answers, warnings),
  });
}

/** 哪里行政许可最少 / 青海哪个县许可最多 / 淮安2024年行政处罚排第几 / 比较各县的行政处罚. */
export const rank: IntentModule = {
  id: 'rank',
  words: new RegExp(`${RANK_WORDS.source}|${POSITION_WORDS.source}`),
  match: (r) =>
    (r.agencies.length === 0 &&
      !r.missing &&
      (RANK_WORDS.test(r.text) ||
        (r.level !== undefined && r.metric !== null) ||
        (r.region !== undefined &&
          r.metric !== null &&
          r.regions === undefined &&
          /哪|which/.test(r.text)))) ||
    (r.agencies.length === 1 && r.metric !== null && POSITION_WORDS.test(r.text)) ||
    (r.agencies.length === 0 && r.metric !== null && COMPARE_WORDS.test(r.text) && !r.missing),
  refine: (q, r) => ({ ...q, order: ASC_WORDS.test(r.text) ? 'asc' : 'desc' }),
  answer: answerRank,
};

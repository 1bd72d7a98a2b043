import type { AgencyInfo } from '../../nlu/index.ts';
import { agencyKey, type StoredReport } from '../../store/index.ts';
import { memoise } from '../_context-cache.ts';
import { buildAnswer, formatValue, metricName, nameOf, placeName, type ReplyInput } from '../_reply.ts';
import {
  collect,
  comparedGroups,
  describeExcluded,
  describeYear,
  exportTable,
  pickYear,
} from '../_series.ts';
import { describeMetric, figureValue, type MetricInfo } from '../figures.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { ASC_WORDS, COMPARE_WORDS, POSITION_WORDS, RANK_WORDS } from './words.ts';

const RANK_SHOWN = 10;

interface Ranked {
  entry: StoredReport;
  value: number;
}

/** Names compared as `String.prototype.localeCompare` does, without building a collator per call. */
const byName = new Intl.Collator().compare;

/**
 * The reports of `year` of the bodies compared that hold the metric, with its value (unsorted).
 * A field is ranked by the store (an index, not a scan of every record); a sum or a rate is
 * worked out from the year's reports.
 */
async function rankRows(
  input: ReplyInput,
  info: MetricInfo,
  groups: readonly AgencyInfo[],
  year: number,
  code: string | undefined,
): Promise<Ranked[]> {
  const { store, query } = input;
  const where = { year, ...(code ? { region: code } : {}) };
  const plain = info.parts.length === 1 && !info.rate;
  // a field's value as the store ranked it (rounded as readValue does), so no record's values are read
  const found: { entry: StoredReport; value: number | null }[] = plain
    ? (await store.rank({ ...where, metric: info.id })).map((r) => ({
        entry: r.entry,
        value: Math.round(r.value * 100) / 100,
      }))
    : (await store.find(where)).map((entry) => ({ entry, value: figureValue(entry.report.values, info) }));
  // inside a place or of one level: only the bodies compared (the store's place filter is wider)
  const keys = code || query.level ? new Set(groups.map((g) => g.key)) : undefined;
  const rows: Ranked[] = [];
  for (const { entry, value } of found) {
    if (keys && !keys.has(agencyKey(entry.report))) continue;
    if (value !== null) rows.push({ entry, value });
  }
  return rows;
}

/** The ranking order (negative: `a` ranks first): largest first, equal values by name, then in the bodies' order. */
function rankOrder(groups: readonly AgencyInfo[]): (a: Ranked, b: Ranked) => number {
  let order: Map<string, number> | undefined;
  const at = (e: StoredReport) => {
    order ??= new Map(groups.map((g, i) => [g.key, i]));
    return order.get(agencyKey(e.report)) ?? 0;
  };
  return (a, b) =>
    b.value - a.value || byName(a.entry.report.agency, b.entry.report.agency) || at(a.entry) - at(b.entry);
}

/** The first `k` rows in `before` order, without sorting them all. */
function firstK(rows: readonly Ranked[], k: number, before: (a: Ranked, b: Ranked) => number): Ranked[] {
  const top: Ranked[] = [];
  for (const r of rows) {
    if (top.length === k && before(r, top[k - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && before(r, top[at - 1]!) < 0) at--;
    top.splice(at, 0, r);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Most / least of one metric across bodies of one year; says which year and who has no report for it. */
async function answerRank(input: ReplyInput): Promise<Answer> {
  const { query, m, lang } = input;
  const info = query.metric ? describeMetric(query.metric) : undefined;
  if (!info) return buildAnswer(input, [m.needMetric]);
  const code = query.region?.code;
  const { groups, excluded } = comparedGroups(input, code);
  const { year } = pickYear(input, groups);
  const lacking = groups.filter((g) => year === null || !g.years.includes(year));
  const valued =
    year === null
      ? []
      : await memoise(input.store, `rank|${info.id}|${year}|${code ?? ''}|${query.level ?? ''}`, () =>
          rankRows(input, info, groups, year, code),
        );
  const missing = groups.length - lacking.length - valued.length;
  const order = query.order ?? 'desc';
  // smallest first is the largest-first order read from the end
  const desc = rankOrder(groups);
  const before = order === 'asc' ? (a: Ranked, b: Ranked) => desc(b, a) : desc;
  const top = firstK(valued, RANK_SHOWN, before).map((r) => r.entry);
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
    const mine = valued.find((r) => agencyKey(r.entry.report) === asked);
    const at = mine ? valued.filter((r) => r !== mine && before(r, mine) < 0).length : -1;
    const name = input.ctx.agencies.get(asked)?.name ?? asked;
    lines.splice(
      1,
      0,
      at >= 0 ? m.position(nameOf(input, name), at + 1, valued.length) : m.notRanked(nameOf(input, name)),
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

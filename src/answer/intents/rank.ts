import type { AgencyInfo } from '../../nlu/index.ts';
import { agencyKey, type CatalogueRow, type StoredReport } from '../../store/index.ts';
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

/** A ranked record: who (its catalogue row) and its value as shown (rounded to the cent). */
interface Ranked {
  row: Pick<CatalogueRow, 'id' | 'agency' | 'kind' | 'region'>;
  value: number;
  /** The record, when the store handed it over (else read by id for the rows shown). */
  entry?: StoredReport | undefined;
}

/** What a ranking reply needs: its first rows in ranking order and how many bodies it ranks. */
interface Ranking {
  top: Ranked[];
  count: number;
}

type Before = (a: Ranked, b: Ranked) => number;

/** Names compared as `String.prototype.localeCompare` does, without building a collator per call. */
const byName = new Intl.Collator().compare;

/** A value as shown (readValue rounds to the cent): values that show equal rank as equal. */
const shown = (value: number) => Math.round(value * 100) / 100;

/** Raw values this close to the cut's may show equal to it (a cent, and a margin for rounding). */
const SHOWN_TIES = 0.011;

/**
 * The reports of `year` of the bodies compared that hold the metric, with its value (unsorted).
 * A field is ranked by the store; a sum or a rate is worked out from the year's reports.
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
  const found: { row: Ranked['row']; value: number | null; entry?: StoredReport | undefined }[] = isField(
    info,
  )
    ? (await store.rank({ ...where, metric: info.id })).map((r) => ({ ...r, value: shown(r.value) }))
    : (await store.find(where)).map((entry) => ({
        row: entry.report,
        value: figureValue(entry.report.values, info),
        entry,
      }));
  // inside a place or of one level: only the bodies compared (the store's place filter is wider)
  const keys = code || query.level ? new Set(groups.map((g) => g.key)) : undefined;
  const rows: Ranked[] = [];
  for (const { row, value, entry } of found) {
    if (keys && !keys.has(agencyKey(row))) continue;
    if (value !== null) rows.push({ row, value, entry });
  }
  return rows;
}

/** A plain field, which the store ranks from its index (a sum or a rate is worked out per report). */
function isField(info: MetricInfo): boolean {
  return info.parts.length === 1 && !info.rate;
}

/** The ranking order (negative: `a` ranks first): largest first, equal values by name, then in the bodies' order. */
function rankOrder(groups: readonly AgencyInfo[]): Before {
  let order: Map<string, number> | undefined;
  const at = (r: Ranked['row']) => {
    order ??= new Map(groups.map((g, i) => [g.key, i]));
    return order.get(agencyKey(r)) ?? 0;
  };
  return (a, b) => b.value - a.value || byName(a.row.agency, b.row.agency) || at(a.row) - at(b.row);
}

/** The first `k` rows in `before` order, without sorting them all. */
function firstK(rows: readonly Ranked[], k: number, before: Before): Ranked[] {
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

/**
 * A field over every body of the year, from the store's ranking with a limit: the rows that may
 * show among the first (every value that may show equal to the cut's comes too) and the count.
 */
async function fieldRanking(
  input: ReplyInput,
  info: MetricInfo,
  year: number,
  before: Before,
): Promise<Ranking> {
  const { store, query } = input;
  const where = { year, metric: info.id };
  const [rows, count] = await Promise.all([
    store.rank({ ...where, order: query.order ?? 'desc', limit: RANK_SHOWN, ties: SHOWN_TIES }),
    store.rankCount(where),
  ]);
  const top = firstK(
    rows.map((r) => ({ ...r, value: shown(r.value) })),
    RANK_SHOWN,
    before,
  );
  return { top, count };
}

/**
 * Where `mine` stands among every body of the year (0: first): the rows whose value shows better,
 * counted by the store, and those that show equal to it ordered by name.
 */
async function fieldPosition(
  input: ReplyInput,
  info: MetricInfo,
  year: number,
  before: Before,
  mine: Ranked,
): Promise<number> {
  const { store, query } = input;
  const cents = Math.round(mine.value * 100);
  // every raw value that shows as `mine.value` lies in [lo, hi), with a margin for rounding
  const margin = 1e-9 * (Math.abs(mine.value) + 1);
  const lo = (cents - 0.5) / 100 - margin;
  const hi = (cents + 0.5) / 100 + margin;
  const where = { year, metric: info.id };
  const [better, near] = await Promise.all([
    store.rankCount(query.order === 'asc' ? { ...where, below: lo } : { ...where, atLeast: hi }),
    store.rank({ ...where, atLeast: lo, below: hi }),
  ]);
  let ahead = 0;
  for (const r of near) {
    const row = { row: r.row, value: shown(r.value) };
    if (r.row.id !== mine.row.id && before(row, mine) < 0) ahead++;
  }
  return better + ahead;
}

/** The asked body's report of `year` with its value, the one ranking first if it has several; null when none holds the metric. */
async function askedRow(
  input: ReplyInput,
  info: MetricInfo,
  asked: string,
  year: number,
  before: Before,
): Promise<Ranked | null> {
  let mine: Ranked | null = null;
  for (const e of await input.store.find({ agency: asked, year })) {
    const value = figureValue(e.report.values, info);
    if (value === null || agencyKey(e.report) !== asked) continue;
    const row = { row: e.report, value };
    if (!mine || before(row, mine) < 0) mine = row;
  }
  return mine;
}

/** The bodies without a report of each year some of them report (kept per scope: one walk of the bodies). */
function lackingByYear(groups: readonly AgencyInfo[]): Map<number, AgencyInfo[]> {
  const years = new Set(groups.flatMap((g) => g.years));
  const lacking = new Map([...years].map((y) => [y, [] as AgencyInfo[]]));
  for (const g of groups) for (const [y, list] of lacking) if (!g.years.includes(y)) list.push(g);
  return lacking;
}

/** The records of ranked rows, in order: those the store handed over, the others read by id. */
async function recordsOf(store: ReplyInput['store'], rows: readonly Ranked[]): Promise<StoredReport[]> {
  const ids = rows.flatMap((r) => (r.entry ? [] : [r.row.id]));
  const read = new Map((ids.length > 0 ? await store.find({ ids }) : []).map((e) => [e.report.id, e]));
  return rows.flatMap((r) => r.entry ?? read.get(r.row.id) ?? []);
}

/** Most / least of one metric across bodies of one year; says which year and who has no report for it. */
async function answerRank(input: ReplyInput): Promise<Answer> {
  const { query, m, lang, store } = input;
  const info = query.metric ? describeMetric(query.metric) : undefined;
  if (!info) return buildAnswer(input, [m.needMetric]);
  const code = query.region?.code;
  const { groups, excluded } = comparedGroups(input, code);
  const scope = `${code ?? ''}|${query.level ?? ''}`;
  const named = query.years.kind === 'year' ? query.years.year : '';
  const picked = memoise(store, `rank-year|${scope}|${named}`, () => pickYear(input, groups)).year;
  // 化隆行政处罚排第几: with no year named, a body without a report of the year most bodies report
  // is placed with its newest report
  const own =
    query.years.kind === 'none' ? input.ctx.agencies.get(query.agencies[0] ?? '')?.years : undefined;
  const year = own?.length && picked !== null && !own.includes(picked) ? Math.max(...own) : picked;
  const lacking =
    year === null
      ? groups
      : (memoise(store, `rank-lacking|${scope}`, () => lackingByYear(groups)).get(year) ?? groups);
  const order = query.order ?? 'desc';
  // smallest first is the largest-first order read from the end
  const desc = rankOrder(groups);
  const before: Before = order === 'asc' ? (a, b) => desc(b, a) : desc;
  // a field over every body: the store's ranking with a limit; else every row of the bodies compared
  const indexed = isField(info) && !code && !query.level;
  const memo = `${info.id}|${year}|${code ?? ''}|${query.level ?? ''}`;
  const valued =
    year === null || indexed
      ? []
      : await memoise(store, `rank|${memo}`, () => rankRows(input, info, groups, year, code));
  const ranking: Ranking =
    year === null
      ? { top: [], count: 0 }
      : indexed
        ? await memoise(store, `rank-top|${memo}|${order}`, () => fieldRanking(input, info, year, before))
        : { top: firstK(valued, RANK_SHOWN, before), count: valued.length };
  const missing = groups.length - lacking.length - ranking.count;
  const top = await recordsOf(store, ranking.top);
  const { answers, warnings, chart } = collect(input, top, info, 'bar');
  const rows = answers.map(
    (a, i) =>
      `${i + 1}. ${nameOf(input, a.agency)}（${m.yearLabel(a.year)}）${m.colon}${formatValue(m, a.value, a.unit)}`,
  );
  const title = m.rankTitle(metricName(info, lang), order, info.unit === '%');
  const lines = [title, ...rows, ...describeYear(input, year, lacking), ...describeExcluded(input, excluded)];
  if (query.region) lines.splice(1, 0, m.scope(placeName(input, query.region.name)));
  if (rows.length === 0) lines.push(m.rankNone);
  if (missing > 0) lines.push(m.rankMissing(missing));
  const asked = query.agencies[0];
  if (asked) {
    let at = -1;
    if (indexed && year !== null) {
      const mine = await askedRow(input, info, asked, year, before);
      if (mine)
        at = await memoise(store, `rank-at|${memo}|${order}|${asked}`, () =>
          fieldPosition(input, info, year, before, mine),
        );
    } else {
      const mine = valued.find((r) => agencyKey(r.row) === asked);
      if (mine) at = valued.filter((r) => r !== mine && before(r, mine) < 0).length;
    }
    const name = input.ctx.agencies.get(asked)?.name ?? asked;
    lines.splice(
      1,
      0,
      at >= 0 ? m.position(nameOf(input, name), at + 1, ranking.count) : m.notRanked(nameOf(input, name)),
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

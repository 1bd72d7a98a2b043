import type { AgencyInfo } from '../nlu/index.ts';
import type { Warning } from '../schema/index.ts';
import { agencyKey, type StoredReport } from '../store/index.ts';
import { memoise } from './_context-cache.ts';
import { formatValue, metricName, nameOf, type ReplyInput, say } from './_reply.ts';
import { type MetricInfo, mergeWarnings, readFigure } from './figures.ts';
import { warningText } from './rule-messages-en.ts';
import type { AnswerFigure, ChartSpec, ExportTable } from './types.ts';

/** Figures for several reports of one metric, in display order, plus a chart. */
export function collect(
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

/** Lines listing the warnings attached to figures (at most three). */
export function describeWarnings(input: ReplyInput, warnings: readonly Warning[]): string[] {
  if (warnings.length === 0) return [];
  const { m } = input;
  const shown = warnings
    .slice(0, 3)
    .map((w) => `· [${m.severity[w.severity]}] ${w.rule} ${warningText(w, input.lang)}`);
  const more = warnings.length > 3 ? [m.moreWarnings(warnings.length - 3)] : [];
  return [m.warningsAttached(warnings.length), ...shown, ...more];
}

/** A body as the matcher knows it (from the catalogue, no figures): key, name, years held. */
export type Body = Pick<AgencyInfo, 'key' | 'name' | 'years'>;

/**
 * The bodies a ranking or a place compares: inside a place, of one level, or all (kept until the
 * store changes: a national question would otherwise walk every body each time).
 */
export function comparedGroups(
  input: ReplyInput,
  code: string | undefined,
): { groups: AgencyInfo[]; excluded: AgencyInfo[] } {
  return memoise(input.store, `groups|${code ?? ''}|${input.query.level ?? ''}`, () =>
    findGroups(input, code),
  );
}

function findGroups(
  input: ReplyInput,
  code: string | undefined,
): { groups: AgencyInfo[]; excluded: AgencyInfo[] } {
  const { ctx, query } = input;
  const keys = code ? (ctx.within.get(code) ?? []) : ctx.agencies.keys();
  const groups: AgencyInfo[] = [];
  const excluded: AgencyInfo[] = [];
  for (const key of keys) {
    const info = ctx.agencies.get(key);
    if (!info) continue;
    const level = info.level;
    const fits =
      !query.level ||
      (query.level === 'dept' ? level === 'dept' || level === 'office' : level === query.level);
    (fits ? groups : excluded).push(info);
  }
  return { groups, excluded };
}

/**
 * The one year a comparison uses: the year named, else the most recent year in which most of
 * the compared bodies have a report.
 */
export function pickYear(
  input: ReplyInput,
  groups: readonly Body[],
): { year: number | null; named: boolean } {
  const y = input.query.years;
  let year: number | null = y.kind === 'year' ? y.year : null;
  const named = year !== null;
  if (year === null) {
    const counts = new Map<number, number>();
    for (const g of groups) for (const yr of g.years) counts.set(yr, (counts.get(yr) ?? 0) + 1);
    let best = -1;
    for (const [yr, n] of counts) if (n > best || (n === best && yr > (year ?? 0))) [year, best] = [yr, n];
  }
  return { year, named };
}

/** Bodies that fetch their reports one query each; more are read with one query of the year. */
const FEW_BODIES = 32;

/**
 * Each body's report of `year`, in the bodies' order. `code` is the place the bodies lie in (a
 * query of the year is narrowed to it).
 */
async function reportsOf(
  input: ReplyInput,
  bodies: readonly Body[],
  year: number,
  code: string | undefined,
): Promise<StoredReport[]> {
  const { store } = input;
  if (bodies.length <= FEW_BODIES) {
    const found = await Promise.all(bodies.map((b) => store.find({ agency: b.key, year })));
    return found.flatMap((list) => list.slice(0, 1));
  }
  const byKey = new Map<string, StoredReport>();
  for (const e of await store.find({ year, ...(code ? { region: code } : {}) })) {
    const key = agencyKey(e.report);
    if (!byKey.has(key)) byKey.set(key, e);
  }
  return bodies.flatMap((b) => byKey.get(b.key) ?? []);
}

/**
 * The one year a comparison uses (see pickYear), each body's report for it, and who has none.
 * `code` is the place the bodies lie in, when they are a place's.
 */
export async function chooseYear<B extends Body>(
  input: ReplyInput,
  groups: readonly B[],
  code?: string,
): Promise<{ year: number | null; entries: StoredReport[]; lacking: B[]; named: boolean }> {
  const { year, named } = pickYear(input, groups);
  const holding: B[] = [];
  const lacking: B[] = [];
  for (const g of groups) (year !== null && g.years.includes(year) ? holding : lacking).push(g);
  const entries = year === null ? [] : await reportsOf(input, holding, year, code);
  return { year, entries, lacking, named };
}

/** “（按2023年的年报；没有2023年年报：化隆县人民政府）” */
export function describeYear(input: ReplyInput, year: number | null, lacking: readonly Body[]): string[] {
  if (year === null) return [];
  const out = [say(input, `（按${year}年的年报比较）`, `(compared on the ${year} reports)`)];
  if (lacking.length > 0) {
    const names = lacking
      .slice(0, 8)
      .map((g) => nameOf(input, g.name))
      .join(input.m.joiner);
    const more =
      lacking.length > 8 ? say(input, `等${lacking.length}家`, ` and ${lacking.length - 8} more`) : '';
    out.push(say(input, `（没有${year}年年报：${names}${more}）`, `(no ${year} report: ${names}${more})`));
  }
  return out;
}

/** “（不计入：平罗县人民政府办公室（政府办公室））” for bodies of another level. */
export function describeExcluded(input: ReplyInput, excluded: readonly Body[]): string[] {
  if (excluded.length === 0 || !input.query.level) return [];
  const kind = (key: string) => {
    const level = input.ctx.agencies.get(key)?.level;
    const zh = {
      province: '省级政府',
      city: '市级政府',
      county: '县级政府',
      office: '政府办公室',
      dept: '部门',
    };
    const en = {
      province: 'province',
      city: 'city',
      county: 'county',
      office: 'government office',
      dept: 'department',
    };
    return level ? say(input, zh[level], en[level]) : '';
  };
  const names = excluded
    .slice(0, 6)
    .map((g) => `${nameOf(input, g.name)}（${kind(g.key)}）`)
    .join(input.m.joiner);
  return [say(input, `（不计入：${names}）`, `(not counted: ${names})`)];
}

/** The figures of a reply as a table to take away: source and warnings in their own columns. */
export function exportTable(
  input: ReplyInput,
  title: string,
  answers: readonly AnswerFigure[],
  warnings: readonly Warning[],
): ExportTable {
  const columns =
    input.lang === 'en'
      ? ['agency', 'year', 'figure', 'value', 'unit', 'source', 'warnings']
      : ['机关', '年份', '指标', '数值', '单位', '来源', '提示'];
  const rows = answers.map((a) => [
    a.agency,
    a.year,
    a.field,
    a.value,
    a.unit,
    [a.source.title, a.source.table, a.source.row, a.source.col].filter(Boolean).join(' / '),
    warnings
      .filter((w) => w.report === a.report)
      .map((w) => `${w.rule} ${warningText(w, input.lang)}`)
      .join('; '),
  ]);
  return { title, columns, rows };
}

/** `· 名称（2023年）：36084 件` */
export function figureLine(input: ReplyInput, a: AnswerFigure, prefix = '·'): string {
  return `${prefix} ${nameOf(input, a.agency)}（${input.m.yearLabel(a.year)}）${input.m.colon}${formatValue(input.m, a.value, a.unit)}`;
}

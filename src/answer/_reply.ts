import type { NluContext, Query } from '../nlu/index.ts';
import type { Warning } from '../schema/index.ts';
import type { AgencyGroup, Store, StoredReport } from '../store/index.ts';
import type { Messages } from './_messages.ts';
import { romaniseAgency } from './_romanise.ts';
import type { MetricInfo } from './figures.ts';
import type { Answer, AnswerFigure } from './types.ts';

/** What every intent handler gets. */
export interface ReplyInput {
  query: Query;
  store: Store;
  ctx: NluContext;
  m: Messages;
  lang: 'zh' | 'en';
  /** Today's date (injected by the caller). */
  today: Date;
}

/** A sentence in the reply language. */
export function say(input: Pick<ReplyInput, 'lang'>, zh: string, en: string): string {
  return input.lang === 'en' ? en : zh;
}

/** Assembles an Answer; text lines are joined with newlines. */
export function buildAnswer(
  input: ReplyInput,
  lines: string[],
  answers: AnswerFigure[] = [],
  warnings: Warning[] = [],
  extra: Partial<Answer> = {},
): Answer {
  const notes = describeAssumptions(input);
  const text = [...lines, ...notes].filter((l) => l !== '').join('\n');
  const assumed = [...notes, ...(extra.assumed ?? [])];
  const answer: Answer = {
    intent: input.query.intent,
    answers,
    warnings,
    text,
    lang: input.lang,
    query: input.query,
    ...extra,
  };
  if (assumed.length > 0) answer.assumed = assumed;
  else delete answer.assumed;
  return answer;
}

/** The typo and name-choice notes the reply must state, and the places asked about but not held. */
function describeAssumptions(input: ReplyInput): string[] {
  const { query, ctx, m } = input;
  const notes = query.assumptions.map((a) => {
    if (a.kind === 'typo') return m.typo(a.typed, a.meant);
    if (a.kind === 'relative_year')
      return say(input, `（“${a.word}”按${a.year}年理解）`, `(“${a.word}” read as ${a.year})`);
    if (a.kind === 'office') {
      const name = nameOf(input, ctx.agencies.get(a.chosen)?.name ?? a.chosen);
      return say(
        input,
        `（没有“${a.typed}”政府本身的年报，这里是${name}的年报，只代表该机关）`,
        `(no report of the ${a.typed} government itself; these are the figures of ${name} only)`,
      );
    }
    if (a.kind === 'follow_up') {
      if (a.carried.includes('why'))
        return say(
          input,
          '（年报只给出数字，不说明原因；以上是出处和相关提示）',
          '(the report gives figures, not reasons; above are the source and related warnings)',
        );
      return say(input, '（接着上一个问题）', '(continuing the previous question)');
    }
    const others = a.others.map((k) => nameOf(input, ctx.agencies.get(k)?.name ?? k)).join(m.joiner);
    return m.preferred(nameOf(input, ctx.agencies.get(a.chosen)?.name ?? a.chosen), others);
  });
  if (query.missing && query.agencies.length > 0) notes.push(m.alsoMissing(query.missing.join(m.joiner)));
  return notes;
}

/** A division as the reply names it: 江苏省, or 江苏省 (Jiangsu Province) in English. */
export function placeName({ lang }: Pick<ReplyInput, 'lang'>, name: string): string {
  return lang === 'en' ? `${name} (${romaniseAgency(name)})` : name;
}

/** An agency as the reply names it: in English replies with its English reading. */
export function nameOf({ lang }: Pick<ReplyInput, 'lang'>, agency: string): string {
  return lang === 'en' ? `${agency} (${romaniseAgency(agency)})` : agency;
}

export function metricName(info: MetricInfo, lang: 'zh' | 'en'): string {
  return lang === 'en' ? info.en : info.zh;
}

export function formatValue(m: Messages, value: number | null, unit: string): string {
  return value === null ? m.missingValue : m.number(value, unit);
}

/** The report a single-year question is about, or the years actually held. */
export function pickReport(group: AgencyGroup, query: Query): StoredReport | undefined {
  const y = query.years;
  if (y.kind === 'year') return group.reports.find((e) => e.report.year === y.year);
  if (y.kind === 'range')
    return [...group.reports].reverse().find((e) => e.report.year <= y.to && e.report.year >= y.from);
  return group.latest;
}

/**
 * One agency's reports, oldest first, from the store (undefined for a key the matcher does not
 * know, or no report held).
 */
export async function agencyGroup(
  input: ReplyInput,
  key: string | undefined,
): Promise<AgencyGroup | undefined> {
  if (key === undefined || !input.ctx.agencies.has(key)) return undefined;
  const reports = (await input.store.find({ agency: key })).sort((a, b) => a.report.year - b.report.year);
  const latest = reports[reports.length - 1];
  return latest ? { key, name: latest.report.agency, reports, latest } : undefined;
}

/**
 * Visits the report each agency named in the question has for the year asked; for an agency with
 * no report that year, a line saying which years it has goes into `lines` instead.
 */
export async function forEachAskedReport(
  input: ReplyInput,
  lines: string[],
  visit: (entry: StoredReport) => void,
): Promise<void> {
  for (const key of input.query.agencies) {
    const group = await agencyGroup(input, key);
    if (!group) continue;
    const entry = pickReport(group, input.query);
    if (entry) visit(entry);
    else
      lines.push(
        input.m.onlyYears(
          nameOf(input, group.name),
          group.reports.map((e) => e.report.year),
        ),
      );
  }
}

/** The agencies a question is about: those named, else those inside the place named; undefined for all. */
export function scopeKeys({ query, ctx }: Pick<ReplyInput, 'query' | 'ctx'>): readonly string[] | undefined {
  if (query.agencies.length > 0) return query.agencies;
  return query.region ? (ctx.within.get(query.region.code) ?? []) : undefined;
}

/** "没有北京的年报；现有：…" with at most ten names. */
export function describeHeld(input: ReplyInput): string {
  const { ctx, m } = input;
  const names: string[] = [];
  for (const a of ctx.agencies.values()) {
    if (names.length === 10) break;
    names.push(nameOf(input, a.name));
  }
  const more = ctx.agencies.size > names.length ? m.moreAgencies(ctx.agencies.size) : '';
  return names.join(m.joiner) + more;
}

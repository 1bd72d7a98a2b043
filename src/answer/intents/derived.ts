import type { DerivedKind } from '../../nlu/index.ts';
import type { StoredReport } from '../../store/index.ts';
import {
  agencyGroup,
  buildAnswer,
  formatValue,
  metricName,
  nameOf,
  pickReport,
  placeName,
  type ReplyInput,
  say,
} from '../_reply.ts';
import {
  type Body,
  chooseYear,
  comparedGroups,
  describeWarnings,
  describeYear,
  exportTable,
  figureLine,
} from '../_series.ts';
import { describeMetric, type MetricInfo, mergeWarnings, readFigure } from '../figures.ts';
import type { Answer, AnswerFigure, DerivedFigure } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { answerNotHeld } from './lookup.ts';

const round = (v: number) => Math.round(v * 100) / 100;

/** Two figures: each agency's (or each year's) report. */
async function pair(input: ReplyInput): Promise<{ a: StoredReport; b: StoredReport } | Answer> {
  const { query } = input;
  if (query.agencies.length >= 2) {
    const ga = await agencyGroup(input, query.agencies[0]);
    const gb = await agencyGroup(input, query.agencies[1]);
    if (!ga || !gb) return buildAnswer(input, [input.m.unknown]);
    // Same year for both when one is named or both hold it; else each one's latest, said so.
    const ea = pickReport(ga, query);
    const eb = pickReport(gb, query);
    if (!ea) return answerNotHeld(input, ga);
    if (!eb) return answerNotHeld(input, gb);
    if (query.years.kind !== 'year' && ea.report.year !== eb.report.year) {
      const common = ga.reports
        .map((e) => e.report.year)
        .filter((y) => gb.reports.some((e) => e.report.year === y));
      const y = Math.max(...common);
      if (common.length > 0)
        return {
          a: ga.reports.find((e) => e.report.year === y)!,
          b: gb.reports.find((e) => e.report.year === y)!,
        };
    }
    return { a: ea, b: eb };
  }
  const group = await agencyGroup(input, query.agencies[0]);
  if (!group) return buildAnswer(input, [input.m.unknown]);
  const y = query.years;
  if (y.kind === 'range') {
    const a = group.reports.find((e) => e.report.year === y.to);
    const b = group.reports.find((e) => e.report.year === y.from);
    if (a && b) return { a, b };
    return answerNotHeld(input, group);
  }
  // One year (named or the latest) against the year before (同比).
  const a = pickReport(group, query);
  if (!a) return answerNotHeld(input, group);
  const b = group.reports.find((e) => e.report.year === a.report.year - 1);
  if (!b)
    return buildAnswer(input, [
      say(
        input,
        `${group.name}没有${a.report.year - 1}年的年报，无法和${a.report.year}年比较（现有：${group.reports.map((e) => e.report.year).join('、')}年）`,
        `${nameOf(input, group.name)}: no ${a.report.year - 1} report to compare ${a.report.year} with (held: ${group.reports.map((e) => e.report.year).join(', ')})`,
      ),
    ]);
  return { a, b };
}

function label(input: ReplyInput, f: AnswerFigure): string {
  return `${nameOf(input, f.agency)} ${input.m.yearLabel(f.year)}`;
}

/** Differences, ratios, year-on-year change and shares of two figures. */
async function answerPair(input: ReplyInput, info: MetricInfo, kind: DerivedKind): Promise<Answer> {
  const got = await pair(input);
  if ('text' in got) return got;
  const fa = readFigure(got.a, info);
  const fb = readFigure(got.b, info);
  const a = fa.figure;
  const b = fb.figure;
  const warnings = [...fa.warnings];
  mergeWarnings(warnings, fb.warnings);
  const m = input.m;
  const name = metricName(info, input.lang);
  const lines = [figureLine(input, a), figureLine(input, b)];
  let value: number | null = null;
  let formula: string;
  let unit = info.unit;
  if (kind === 'ratio' || kind === 'share') {
    formula = `${label(input, a)} ÷ ${label(input, b)}`;
    value = a.value !== null && b.value !== null && b.value !== 0 ? round(a.value / b.value) : null;
    unit = kind === 'share' ? '%' : '倍';
    if (kind === 'share' && value !== null) value = round(value * 100);
    lines.unshift(
      value === null
        ? say(
            input,
            `${name}：无法计算（缺少数字或除数为 0）`,
            `${name}: cannot be computed (a figure is missing or zero)`,
          )
        : kind === 'share'
          ? say(
              input,
              `${name}：${label(input, a)}是${label(input, b)}的 ${value}%`,
              `${name}: ${label(input, a)} is ${value}% of ${label(input, b)}`,
            )
          : say(
              input,
              `${name}：${label(input, a)}是${label(input, b)}的 ${value} 倍`,
              `${name}: ${label(input, a)} is ${value} times ${label(input, b)}`,
            ),
    );
  } else {
    formula = `${label(input, a)} − ${label(input, b)}`;
    value = a.value !== null && b.value !== null ? round(a.value - b.value) : null;
    const pct = value !== null && b.value ? round((value / b.value) * 100) : null;
    lines.unshift(
      value === null
        ? say(input, `${name}：无法计算（缺少数字）`, `${name}: cannot be computed (a figure is missing)`)
        : say(
            input,
            `${name}：${label(input, a)}比${label(input, b)}${value >= 0 ? '多' : '少'} ${formatValue(m, Math.abs(value), info.unit)}${kind === 'yoy' && pct !== null ? `（${pct >= 0 ? '增长' : '下降'} ${Math.abs(pct)}%）` : ''}`,
            `${name}: ${label(input, a)} is ${formatValue(m, Math.abs(value), info.unit)} ${value >= 0 ? 'more' : 'less'} than ${label(input, b)}${kind === 'yoy' && pct !== null ? ` (${pct >= 0 ? '+' : '−'}${Math.abs(pct)}%)` : ''}`,
          ),
    );
  }
  lines.push(say(input, `（公式：${formula}）`, `(formula: ${formula})`));
  const derived: DerivedFigure = { formula, value, unit, inputs: [a, b] };
  const title = lines[0]!;
  return buildAnswer(input, [...lines, ...describeWarnings(input, warnings)], [a, b], warnings, {
    derived,
    table: exportTable(input, title, [a, b], warnings),
  });
}

/** Totals and averages over the reports held inside a place (or the agencies named), with who is included. */
async function answerAggregate(
  input: ReplyInput,
  info: MetricInfo,
  kind: 'total' | 'average',
): Promise<Answer> {
  const { query, m, ctx, lang } = input;
  // Bodies named one by one (化隆和民和加起来): each one's report for the year asked, else its latest.
  const named = query.agencies.length > 0 && query.years.kind !== 'year';
  let chosen: { year: number | null; entries: StoredReport[]; lacking: Body[] };
  if (named) {
    const entries: StoredReport[] = [];
    for (const key of query.agencies) {
      const group = await agencyGroup(input, key);
      const entry = group ? pickReport(group, query) : undefined;
      if (entry) entries.push(entry);
    }
    chosen = { year: null, entries, lacking: [] };
  } else if (query.agencies.length > 0) {
    const bodies = query.agencies.flatMap((k) => ctx.agencies.get(k) ?? []);
    chosen = await chooseYear(input, bodies);
  } else
    chosen = await chooseYear(input, comparedGroups(input, query.region?.code).groups, query.region?.code);
  const { year, entries, lacking } = chosen;
  const answers: AnswerFigure[] = [];
  const warnings: ReturnType<typeof readFigure>['warnings'] = [];
  for (const e of entries) {
    const f = readFigure(e, info);
    answers.push(f.figure);
    mergeWarnings(warnings, f.warnings);
  }
  const held = answers.filter((a) => a.value !== null);
  const sum = round(held.reduce((s, a) => s + (a.value ?? 0), 0));
  const value = kind === 'total' ? sum : held.length > 0 ? round(sum / held.length) : null;
  const name = metricName(info, lang);
  const who = held.map((a) => nameOf(input, a.agency)).join(m.joiner);
  const formula =
    kind === 'total'
      ? held.map((a) => label(input, a)).join(' + ')
      : `(${held.map((a) => label(input, a)).join(' + ')}) ÷ ${held.length}`;
  const lines: string[] = [];
  if (query.region && query.agencies.length === 0)
    lines.push(
      say(
        input,
        `没有${query.region.name}本身的年报；以下只合计其辖区内已收录的年报。`,
        `No report of ${placeName(input, query.region.name)} itself; this adds up only the reports held inside it.`,
      ),
    );
  lines.push(
    say(
      input,
      `${name}${kind === 'total' ? '合计' : '平均'}：${value === null ? m.missingValue : formatValue(m, value, info.unit)}（${year === null ? '' : `${year}年，`}${held.length}家：${who}）`,
      `${name}, ${kind === 'total' ? 'total' : 'average'}: ${value === null ? m.missingValue : formatValue(m, value, info.unit)} (${year === null ? '' : `${year}, `}${held.length} bodies: ${who})`,
    ),
    ...answers.map((a) => figureLine(input, a)),
    ...describeYear(input, year, lacking),
    ...(new Set(answers.map((a) => a.year)).size > 1
      ? [say(input, '（注意：各单位的年份不同）', '(note: the figures are from different years)')]
      : []),
    say(input, `（公式：${formula}）`, `(formula: ${formula})`),
  );
  const derived: DerivedFigure = { formula, value, unit: info.unit, inputs: answers };
  return buildAnswer(input, [...lines, ...describeWarnings(input, warnings)], answers, warnings, {
    derived,
    table: exportTable(input, lines[0]!, answers, warnings),
  });
}

/**
 * What a table 三 figure is a share of: an applicant column of its row's total (新收申请中自然人占比),
 * a row's total of the requests concluded (予以公开占比).
 */
function shareBase(id: string): string {
  const [, row, col] = id.split('.');
  return col && col !== 'total' ? `apply.${row}.total` : 'apply.results_total.total';
}

/**
 * 某县2023年予以公开占比: one table 三 figure over the requests concluded (a column: over its row);
 * 行政处罚占行政许可的比例: one named figure over another (`total`).
 */
async function answerShare(input: ReplyInput, info: MetricInfo, total: MetricInfo): Promise<Answer> {
  const { query, m, lang } = input;
  const group = await agencyGroup(input, query.agencies[0]);
  if (!group) return buildAnswer(input, [m.unknown]);
  const entry = pickReport(group, query);
  if (!entry) return answerNotHeld(input, group);
  const fa = readFigure(entry, info);
  const fb = readFigure(entry, total);
  const warnings = [...fa.warnings];
  mergeWarnings(warnings, fb.warnings);
  const a = fa.figure;
  const b = fb.figure;
  const value = a.value !== null && b.value ? round((a.value / b.value) * 100) : null;
  const formula = `${metricName(info, lang)} ÷ ${metricName(total, lang)}`;
  const name = nameOf(input, entry.report.agency);
  // a share of the usual whole says “占比”; of another figure named, which one
  const usual = total.id === shareBase(info.id);
  const zh = usual
    ? `${metricName(info, 'zh')}占比`
    : `${metricName(info, 'zh')}占${metricName(total, 'zh')}的比例`;
  const en = usual
    ? `share of ${metricName(info, 'en')}`
    : `${metricName(info, 'en')} as a share of ${metricName(total, 'en')}`;
  const lines = [
    value === null
      ? say(
          input,
          `${name}${entry.report.year}年${zh}：无法计算（缺少数字或总计为 0）`,
          `${name}, ${entry.report.year}, ${en}: cannot be computed`,
        )
      : say(
          input,
          `${name}${entry.report.year}年${zh}：${value}%`,
          `${name}, ${entry.report.year}, ${en}: ${value}%`,
        ),
    `· ${metricName(info, lang)}${m.colon}${formatValue(m, a.value, a.unit)}`,
    `· ${metricName(total, lang)}${m.colon}${formatValue(m, b.value, b.unit)}`,
    say(input, `（公式：${formula}）`, `(formula: ${formula})`),
    m.sourceReport(entry.report.title),
  ];
  const derived: DerivedFigure = { formula, value, unit: '%', inputs: [a, b] };
  return buildAnswer(input, [...lines, ...describeWarnings(input, warnings)], [a, b], warnings, { derived });
}

/** The part and the whole of a share of two named figures (the matcher puts the part first). */
function sharePair(metrics: readonly string[]): [MetricInfo, MetricInfo] | undefined {
  const [part, whole] = metrics.map((id) => describeMetric(id));
  return part && whole ? [part, whole] : undefined;
}

async function answerDerived(input: ReplyInput): Promise<Answer> {
  const { query, m } = input;
  const info = query.metric ? describeMetric(query.metric) : undefined;
  if (!info) return buildAnswer(input, [m.needMetric]);
  const kind = query.derived!;
  const pair = query.metrics?.length === 2 ? sharePair(query.metrics) : undefined;
  if (kind === 'share' && query.agencies.length === 1 && pair) return answerShare(input, pair[0], pair[1]);
  if (kind === 'share' && query.agencies.length === 1 && info.id.startsWith('apply.'))
    return answerShare(input, info, describeMetric(shareBase(info.id))!);
  if (kind === 'total' || kind === 'average') return answerAggregate(input, info, kind);
  return answerPair(input, info, kind);
}

/** 互助和民和行政许可差多少 / 化隆处罚是民和的几倍 / 同比 / 青海省2023年行政处罚总数. */
export const derived: IntentModule = {
  id: 'derived',
  match: (r) => {
    if (!r.derived || r.metric === null) return false;
    const n = r.agencies.length;
    if (r.derived === 'total' || r.derived === 'average')
      return n >= 2 || (n === 0 && (r.region !== undefined || r.level !== undefined) && !r.missing);
    if (r.derived === 'yoy') return n === 1;
    if (r.derived === 'share' && n === 1)
      return (
        r.metrics?.length === 2 ||
        (r.metric.startsWith('apply.') && !r.metric.startsWith('apply.results_total'))
      );
    return n >= 2 || (n === 1 && r.years.kind === 'range');
  },
  answer: answerDerived,
};

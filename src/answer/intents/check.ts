import type { Severity, Warning } from '../../schema/index.ts';
import { agencyKey, type StoredReport } from '../../store/index.ts';
import {
  agencyGroup,
  buildAnswer,
  describeHeld,
  forEachAskedReport,
  nameOf,
  pickReport,
  placeName,
  type ReplyInput,
  say,
} from '../_reply.ts';
import { RULE_MESSAGES_EN, warningText } from '../rule-messages-en.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { CHECK_WORDS, RANK_WORDS } from './words.ts';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const CHECK_SHOWN = 10;

/** What each family of rules checks (docs/rules.md), by the letters of its ids. */
const RULE_FAMILIES: Readonly<Record<string, [zh: string, en: string]>> = {
  A: ['表三（依申请公开）内部的合计与勾稽关系', 'table 3 (requests) adds up and balances'],
  B: ['表二（主动公开）', 'table 2 (proactive disclosure)'],
  C: ['表四（行政复议、行政诉讼）的合计', 'table 4 (reconsiderations and lawsuits) adds up'],
  F: ['格式与表格结构', 'format and table structure'],
  M: ['标题、日期、统计期限和必备部分', 'title, dates, reporting period and required parts'],
  N: ['正文写的数字与表格是否一致', 'figures in the prose agree with the tables'],
  X: ['与其他年份、其他单位年报的比对', 'comparison with other years and other bodies'],
  P: ['数字是否合理', 'plausibility of the figures'],
  PW: [
    '读表时的取舍（原表数字缺漏、多出或错位）',
    'how a table was read (missing, extra or shifted numbers)',
  ],
};

/** N-01: which family of rules it belongs to, and (in English) what it says; unknown ids say so. */
function explainRule(input: ReplyInput, rule: string): string {
  const family = RULE_FAMILIES[rule.split('-')[0]!];
  const en = RULE_MESSAGES_EN[rule];
  if (!family || !en) return say(input, `没有编号为${rule}的检查规则。`, `There is no check rule ${rule}.`);
  return say(input, `${rule} 检查${family[0]}。`, `${rule} checks ${family[1]}: ${en}`);
}

/** One report's problems, errors first (only those of the rule asked about, if one is). */
function checkLines(input: ReplyInput, entry: StoredReport): { lines: string[]; warnings: Warning[] } {
  const { m, query } = input;
  const warnings: Warning[] = entry.warnings
    .filter((w) => query.rule === undefined || w.rule === query.rule)
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const name = nameOf(input, entry.report.agency);
  const { year } = entry.report;
  const lines = [
    query.rule === undefined
      ? m.checkTitle(name, year, warnings.length)
      : say(
          input,
          warnings.length > 0
            ? `${name}${year}年年报的${query.rule}提示：`
            : `${name}${year}年年报没有${query.rule}提示。`,
          warnings.length > 0
            ? `${name}, ${year}: ${query.rule}:`
            : `${name}, ${year}: no ${query.rule} warning.`,
        ),
  ];
  for (const w of warnings.slice(0, CHECK_SHOWN))
    lines.push(`· [${m.severity[w.severity]}] ${w.rule} ${warningText(w, input.lang)}`);
  if (warnings.length > CHECK_SHOWN) lines.push(m.moreWarnings(warnings.length - CHECK_SHOWN));
  return { lines, warnings };
}

/** 民和2023年报有哪些错误 / 湟中的数据对得上吗 / is Huangzhong's report consistent. */
async function answerCheck(input: ReplyInput): Promise<Answer> {
  const { query, m, ctx } = input;
  const about = query.rule === undefined ? [] : [explainRule(input, query.rule)];
  if (query.rule !== undefined && query.agencies.length === 0 && !query.region && !query.missing)
    return buildAnswer(input, about);
  if (query.agencies.length === 0) {
    // A place with no report of its own: say so, then check what is held inside it.
    const name = query.region?.name ?? query.missing?.join(m.joiner) ?? '';
    const inside = query.region ? (ctx.within.get(query.region.code) ?? []) : [];
    const lines = [
      inside.length > 0
        ? say(
            input,
            `没有${name}本身的年报；以下是其辖区内的年报：`,
            `No report of ${placeName(input, name)} itself; reports held inside it:`,
          )
        : m.noAgency(name, describeHeld(input)),
    ];
    const warnings: Warning[] = [];
    for (const key of inside.slice(0, 3)) {
      const group = await agencyGroup(input, key);
      const entry = group ? pickReport(group, query) : undefined;
      if (!entry) continue;
      const part = checkLines(input, entry);
      lines.push(...part.lines);
      warnings.push(...part.warnings);
    }
    return buildAnswer(input, [...about, ...lines], [], warnings);
  }
  const lines: string[] = [...about];
  const warnings: Warning[] = [];
  await forEachAskedReport(input, lines, (entry) => {
    const part = checkLines(input, entry);
    lines.push(...part.lines);
    warnings.push(...part.warnings);
  });
  return buildAnswer(input, lines, [], warnings);
}

/** Checks as people ask them, for one agency or a place. */
export const check: IntentModule = {
  id: 'check',
  words: CHECK_WORDS,
  match: (r) =>
    r.rule !== undefined ||
    (CHECK_WORDS.test(r.text) &&
      (r.agencies.length > 0 || r.region !== undefined || r.missing !== undefined)),
  answer: answerCheck,
};

const WHICH = /哪个|哪些|哪份|哪一份|哪家|谁|\bwhich\b/;

/** 哪个报告问题最多 / which report has the most errors: reports ranked by errors, then warnings. */
async function answerCheckRank(input: ReplyInput): Promise<Answer> {
  const { store, query, ctx } = input;
  const keys = query.region ? new Set(ctx.within.get(query.region.code) ?? []) : undefined;
  // the store narrows by year and place; the place's bodies and the level as the matcher knows them
  const year = query.years.kind === 'year' ? query.years.year : undefined;
  const found = await store.find({
    ...(year === undefined ? {} : { year }),
    ...(query.region ? { region: query.region.code } : {}),
  });
  const rows = found
    .filter((e) => {
      if (!keys && !query.level) return year === undefined || e.report.year === year;
      const key = agencyKey(e.report);
      if (keys && !keys.has(key)) return false;
      if (query.level) {
        const level = ctx.agencies.get(key)?.level;
        if (query.level === 'dept' ? level !== 'dept' && level !== 'office' : level !== query.level)
          return false;
      }
      return query.years.kind !== 'year' || e.report.year === query.years.year;
    })
    .map((e) => ({
      e,
      errors: e.warnings.filter((w) => w.severity === 'error').length,
      warnings: e.warnings.filter((w) => w.severity === 'warning').length,
    }))
    .sort(
      (a, b) => b.errors - a.errors || b.warnings - a.warnings || a.e.report.id.localeCompare(b.e.report.id),
    );
  const lines = [
    say(input, '按错误数（其次警告数）排列的年报：', 'Reports by number of errors (then warnings):'),
  ];
  rows.slice(0, 10).forEach((r, i) => {
    lines.push(
      say(
        input,
        `${i + 1}. ${r.e.report.agency}${r.e.report.year}年：错误 ${r.errors} 条，警告 ${r.warnings} 条`,
        `${i + 1}. ${nameOf(input, r.e.report.agency)}, ${r.e.report.year}: ${r.errors} error(s), ${r.warnings} warning(s)`,
      ),
    );
  });
  if (rows.length === 0) lines.push(input.m.rankNone);
  const table = {
    title: say(input, '年报问题排行', 'Reports by problems'),
    columns: say(input, '机关|年份|错误|警告', 'agency|year|errors|warnings').split('|'),
    rows: rows.map((r) => [r.e.report.agency, r.e.report.year, r.errors, r.warnings]),
  };
  return buildAnswer(input, lines, [], [], { table });
}

export const checkRank: IntentModule = {
  id: 'check_rank',
  match: (r) =>
    CHECK_WORDS.test(r.text) &&
    r.agencies.length === 0 &&
    !r.missing &&
    (RANK_WORDS.test(r.text) || WHICH.test(r.text)),
  answer: answerCheckRank,
};

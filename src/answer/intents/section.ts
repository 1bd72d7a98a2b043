import type { SectionKey } from '../../nlu/index.ts';
import type { StoredReport } from '../../store/index.ts';
import { buildAnswer, forEachAskedReport, nameOf, type ReplyInput, say } from '../_reply.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';

/** Each prose part's heading as the national format prints it, and in English. */
const HEADING: Record<SectionKey, [string, string]> = {
  一: ['第一部分（总体情况）', 'part 1 (overview)'],
  五: ['第五部分（存在的主要问题及改进情况）', 'part 5 (problems and improvements)'],
  六: ['第六部分（其他需要报告的事项）', 'part 6 (other matters)'],
};

/** Characters of a part quoted in a reply (a chat message holds 4,096; a part is seldom longer). */
const MAX_QUOTE = 1200;

/**
 * The part's text as the report prints it, its page wraps undone (a line runs on unless it ends a
 * sentence), cut at MAX_QUOTE characters.
 */
function quote(printed: string): string {
  const text = printed.replace(/\n\s*\n/g, '\n').replace(/([^。；：！？!?;:\n])\n/g, '$1');
  const chars = [...text];
  return chars.length > MAX_QUOTE ? `${chars.slice(0, MAX_QUOTE).join('')}…` : text;
}

/** 某县2024年报告第五部分 / 存在的主要问题及改进情况: the part's own text, quoted from the report. */
async function answerSection(input: ReplyInput): Promise<Answer> {
  const { query, m } = input;
  const key = query.section!;
  const [zh, en] = HEADING[key];
  const lines: string[] = [];
  const entries: StoredReport[] = [];
  // each body's report of the year asked (or a line saying which years it has)
  await forEachAskedReport(input, lines, (entry) => entries.push(entry));
  for (const entry of entries) {
    const report = await input.store.hydrate(entry);
    const name = nameOf(input, report.agency);
    const text = report.text?.sections?.[key]?.trim() ?? '';
    if (text) {
      lines.push(
        say(input, `${name}${report.year}年年报${zh}：`, `${name}, ${report.year} report, ${en}:`),
        quote(text),
      );
    } else {
      lines.push(
        say(
          input,
          `${name}${report.year}年年报里没有找到${zh}`,
          `${name}, ${report.year} report: ${en} not found in the text`,
        ),
      );
    }
    lines.push(m.sourceReport(report.title, report.source.url));
  }
  if (lines.length === 0) lines.push(m.clarifyWhich);
  return buildAnswer(input, lines);
}

export const section: IntentModule = {
  id: 'section',
  match: (r) => r.section !== undefined && r.agencies.length === 1 && r.metric === null,
  answer: answerSection,
};

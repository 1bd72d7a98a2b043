import type { MetaField } from '../../nlu/index.ts';
import type { Report } from '../../schema/index.ts';
import { buildAnswer, forEachAskedReport, nameOf, type ReplyInput, say } from '../_reply.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';

/** Report facts that are not cells; `published` and `source.url` come from the crawler header. */
function readMeta(r: Report, field: MetaField): string | null {
  const loose = r as Report & { published?: string | null; source: { url?: string | null } };
  switch (field) {
    case 'signed':
      return r.signed;
    case 'published':
      return loose.published ?? null;
    case 'period':
      return r.period ? `${r.period.from} – ${r.period.to}` : null;
    case 'url':
      return loose.source.url ?? null;
  }
}

const LABEL: Record<MetaField, [string, string]> = {
  signed: ['落款日期', 'date signed'],
  published: ['发布时间', 'date published'],
  period: ['统计期限', 'reporting period'],
  url: ['原文链接', 'source link'],
};

/** 化隆2024年落款日期 / 湟中统计期限 / 原文链接: answered from the record, never from a cell. */
async function answerMeta(input: ReplyInput): Promise<Answer> {
  const { query, m } = input;
  const field = query.meta!;
  const [zh, en] = LABEL[field];
  const lines: string[] = [];
  await forEachAskedReport(input, lines, (entry) => {
    const r = entry.report;
    const value = readMeta(r, field);
    const name = nameOf(input, r.agency);
    lines.push(
      value !== null
        ? say(input, `${name}${r.year}年年报的${zh}：${value}`, `${name}, ${r.year} report, ${en}: ${value}`)
        : say(
            input,
            `${name}${r.year}年年报没有记录${zh}${field === 'url' ? `（来自文件 ${r.source.file}）` : ''}`,
            `${name}, ${r.year} report: no ${en} on record${field === 'url' ? ` (read from the file ${r.source.file})` : ''}`,
          ),
    );
    lines.push(m.sourceReport(r.title, r.source.url));
  });
  if (lines.length === 0) lines.push(m.clarifyWhich);
  return buildAnswer(input, lines);
}

export const meta: IntentModule = {
  id: 'meta',
  match: (r) => r.meta !== undefined && !r.prose,
  choices: (r, ctx) =>
    r.agencies.length > 0
      ? []
      : [...ctx.agencies.values()]
          .slice(0, 5)
          .map((a) => ({ label: a.name, question: `${a.name}${r.norm}` })),
  answer: async (input) => {
    const a = await answerMeta(input);
    return input.query.choices ? { ...a, choices: input.query.choices } : a;
  },
};

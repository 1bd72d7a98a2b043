import { PROSE_TOPICS } from '../../nlu/index.ts';
import type { NarrativeItem } from '../../schema/index.ts';
import { buildAnswer, forEachAskedReport, nameOf, type ReplyInput, say } from '../_reply.ts';
import type { Answer, AnswerFigure } from '../types.ts';
import type { IntentModule } from './_intent.ts';

/** The narrative figures stating a topic: by their label first, then by their sentence. */
function findStated(items: readonly NarrativeItem[], label: RegExp, units?: RegExp): NarrativeItem[] {
  const counted = units ? items.filter((n) => units.test(n.unit)) : items;
  const byLabel = counted.filter((n) => label.test(n.label));
  return byLabel.length > 0 ? byLabel : counted.filter((n) => label.test(n.text) && !n.field);
}

/** 网站发布信息多少条 / 政策解读 / 12345 热线: a figure stated in the prose, with the sentence quoted. */
async function answerProse(input: ReplyInput): Promise<Answer> {
  const { query, m } = input;
  const topic = PROSE_TOPICS.find((t) => t.id === query.prose)!;
  const topicName = say(input, topic.zh, topic.en);
  const lines: string[] = [];
  const answers: AnswerFigure[] = [];
  await forEachAskedReport(input, lines, (entry) => {
    const r = entry.report;
    const name = nameOf(input, r.agency);
    const stated = findStated(r.narrative, topic.label, topic.units);
    if (stated.length === 0) {
      lines.push(
        say(
          input,
          `${name}${r.year}年年报的正文没有写${topicName}的数字（表格也不含这一项）。`,
          `${name}'s ${r.year} report states no figure for ${topicName} in its prose (the tables do not hold it).`,
        ),
      );
      return;
    }
    const first = stated[0]!;
    lines.push(
      say(
        input,
        `${name}${r.year}年年报正文：${first.label} ${first.value} ${first.unit}`,
        `${name}, ${r.year}, stated in the prose: ${first.label} ${first.value} ${first.unit}`,
      ),
    );
    lines.push(say(input, `原文：“${first.text}”`, `Source sentence: “${first.text}”`));
    lines.push(m.sourceReport(r.title, r.source.url));
    answers.push({
      report: r.id,
      agency: r.agency,
      year: r.year,
      field: `prose.${topic.id}`,
      value: first.value,
      unit: first.unit,
      source: { title: r.title, table: say(input, '正文', 'prose'), row: first.label, col: first.text },
    });
  });
  if (query.agencies.length === 0) lines.push(m.clarifyWhich);
  return buildAnswer(input, lines, answers);
}

export const prose: IntentModule = {
  id: 'prose',
  match: (r) => r.prose !== undefined,
  answer: answerProse,
};

import { buildAnswer, metricName, placeName, type ReplyInput, say } from '../_reply.ts';
import {
  chooseYear,
  collect,
  comparedGroups,
  describeWarnings,
  describeYear,
  exportTable,
  figureLine,
} from '../_series.ts';
import { describeMetric } from '../figures.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { answerMissing } from './lookup.ts';

/**
 * 西宁市2023年行政处罚多少, with no report of 西宁市 itself: say so first, then what is held
 * inside it, labelled as such — never as a ranking or as the place's own figure.
 */
async function answerRegion(input: ReplyInput): Promise<Answer> {
  const { query, m, lang } = input;
  if (!query.region) return answerMissing(input);
  const place = placeName(input, query.region.name);
  const head = say(input, `没有${query.region.name}本身的年报。`, `No report of ${place} itself is held.`);
  const info = query.metric ? describeMetric(query.metric) : undefined;
  const { groups } = comparedGroups(input, query.region.code);
  if (!info) {
    const names = groups.map((g) => g.name).join(m.joiner);
    return buildAnswer(input, [head, say(input, `其辖区内有：${names}`, `Held inside it: ${names}`)]);
  }
  const { year, entries, lacking } = await chooseYear(input, groups, query.region.code);
  const { answers, warnings, chart } = collect(input, entries, info, 'bar');
  const label = say(
    input,
    `其辖区内已收录单位的${metricName(info, lang)}（各自的年报，不是${query.region.name}的数字）：`,
    `${metricName(info, lang)} of the bodies inside it that have reports (their own figures, not ${place}'s):`,
  );
  const lines = [
    head,
    label,
    ...answers.map((a) => figureLine(input, a)),
    ...describeYear(input, year, lacking),
  ];
  return buildAnswer(input, [...lines, ...describeWarnings(input, warnings)], answers, warnings, {
    chart,
    table: exportTable(input, label, answers, warnings),
  });
}

/** A place with no report of its own (西宁市, 北京): no report of X, then what is held inside it. */
export const region: IntentModule = {
  id: 'region',
  match: (r) => r.agencies.length === 0 && (r.region !== undefined || r.missing !== undefined),
  answer: answerRegion,
};

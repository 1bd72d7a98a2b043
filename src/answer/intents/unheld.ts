import { buildAnswer, type ReplyInput, say } from '../_reply.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';

/** GDP / 人口 / 财政收入: not a figure the reports hold — said plainly, never swapped for another. */
function answerUnheld(input: ReplyInput): Answer {
  const words = (input.query.unheld ?? []).map((w) => `“${w}”`).join(input.m.joiner);
  return buildAnswer(input, [
    say(
      input,
      `年报里没有${words}这一项，无法回答。年报有：行政许可、行政处罚、行政强制、行政事业性收费、规范性文件、依申请公开（收到、予以公开、不予公开等）、行政复议和行政诉讼，以及落款日期、统计期限、正文里写明的数字。`,
      `The reports hold no figure for ${words}. They hold: licensing, penalties, coercion, administrative fees, normative documents, information requests (received, granted, denied…), reconsiderations and lawsuits, plus the signature date, reporting period and figures stated in the prose.`,
    ),
  ]);
}

export const unheld: IntentModule = {
  id: 'unheld',
  match: (r) => r.unheld !== undefined && !r.meta && !r.prose,
  answer: answerUnheld,
};

import type { AgencyInfo } from '../../nlu/index.ts';
import { buildAnswer, nameOf, placeName, type ReplyInput, scopeKeys } from '../_reply.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';
import { LIST_WORDS, YEARS_HELD_WORDS } from './words.ts';

const LIST_SHOWN = 20;

/** Which reports exist (all, those of the agencies named, or those inside a place). */
function answerList(input: ReplyInput): Answer {
  const { query, ctx, m } = input;
  if (ctx.agencies.size === 0) return buildAnswer(input, [m.noReports]);
  const keys = scopeKeys(input);
  // the catalogue says who holds which years: no record is read
  const groups: AgencyInfo[] = keys
    ? keys.slice(0, LIST_SHOWN).flatMap((k) => ctx.agencies.get(k) ?? [])
    : [...ctx.agencies.values()].slice(0, LIST_SHOWN);
  const lines = [m.listTitle(keys ? keys.length : ctx.agencies.size)];
  if (query.region) lines.push(m.scope(placeName(input, query.region.name)));
  for (const g of groups) lines.push(`· ${m.listLine(nameOf(input, g.name), g.years)}`);
  if (!keys && ctx.agencies.size > LIST_SHOWN) lines.push(m.moreAgencies(ctx.agencies.size));
  return buildAnswer(input, lines);
}

/** 有哪些年报 / 江苏的年报有吗 / 某县的年报是哪年的. */
export const list: IntentModule = {
  id: 'list',
  words: new RegExp(`${LIST_WORDS.source}|${YEARS_HELD_WORDS.source}`),
  // 不予公开的理由有哪些: with a figure named, a bare 有哪些 asks for its parts, not for the reports held
  match: (r) =>
    (r.metric
      ? LIST_WORDS.test(r.text.replaceAll('有哪些', ' '))
      : LIST_WORDS.test(r.text) || YEARS_HELD_WORDS.test(r.text)) &&
    !r.unheld &&
    !r.meta &&
    !r.prose,
  answer: answerList,
};

/** 江苏的年报有吗: a place whose agencies have reports, and no figure asked. */
export const listPlace: IntentModule = {
  id: 'list',
  match: (r) =>
    r.region !== undefined &&
    r.agencies.length === 0 &&
    !r.missing &&
    !r.metric &&
    !r.unheld &&
    !r.meta &&
    !r.prose,
  answer: answerList,
};

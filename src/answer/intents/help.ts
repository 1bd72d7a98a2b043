import { GREETING_WORDS } from '../../nlu/index.ts';
import { buildAnswer } from '../_reply.ts';
import type { IntentModule } from './_intent.ts';
import { HELP_WORDS } from './words.ts';

/** 帮助 / help: what can be asked. */
export const help: IntentModule = {
  id: 'help',
  words: HELP_WORDS,
  match: (r) => HELP_WORDS.test(r.text) || HELP_WORDS.test(r.norm),
  answer: (input) => buildAnswer(input, [input.m.help]),
};

/** 你好 / thanks, with nothing else understood: the help text rather than “not understood”. */
export const greeting: IntentModule = {
  id: 'help',
  words: GREETING_WORDS,
  match: (r) => GREETING_WORDS.test(r.text) && !r.metric && r.agencies.length === 0,
  answer: (input) => buildAnswer(input, [input.m.help]),
};

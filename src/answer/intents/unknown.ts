import { buildAnswer } from '../_reply.ts';
import type { IntentModule } from './_intent.ts';

/** Nothing understood: say so, with an example. */
export const unknown: IntentModule = {
  id: 'unknown',
  match: () => true,
  answer: (input) => buildAnswer(input, [input.m.unknown]),
};

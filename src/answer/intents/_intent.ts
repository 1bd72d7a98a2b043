import type { IntentRule } from '../../nlu/index.ts';
import type { ReplyInput } from '../_reply.ts';
import type { Answer } from '../types.ts';

/** One intent: its words, its matching and its answer, in one module. */
export interface IntentModule extends IntentRule {
  answer(input: ReplyInput): Answer;
}

import type { IntentRule } from '../../nlu/index.ts';
import type { ReplyInput } from '../_reply.ts';
import type { Answer } from '../types.ts';

/** One intent: its words, its matching and its answer, in one module. */
export interface IntentModule extends IntentRule {
  /** The answer; intents that read records from the store are async. */
  answer(input: ReplyInput): Answer | Promise<Answer>;
}

import type { Answer } from '../answer/index.ts';
import { getMessages, type Lang } from './messages.ts';

/**
 * Longest text read as a question, in characters. Questions run to a few dozen characters;
 * a longer message (a pasted page, noise) gets a short reply in constant time instead of
 * being searched for agencies, figures and typos. The same bound as an inline query (≤ 256).
 */
export const MAX_QUESTION_CHARS = 256;

/** The short reply to a message too long to be a question, or undefined when it may be one. */
export function answerOverlong(question: string, lang: Lang): Answer | undefined {
  if (question.length <= MAX_QUESTION_CHARS) return undefined;
  const chars = [...question].length;
  if (chars <= MAX_QUESTION_CHARS) return undefined;
  return {
    intent: 'unknown',
    answers: [],
    warnings: [],
    text: getMessages(lang).tooLong(chars, MAX_QUESTION_CHARS),
    lang,
  };
}

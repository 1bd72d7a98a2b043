import { MESSAGES_EN } from './messages-en.ts';
import { MESSAGES_ZH } from './messages-zh.ts';
import type { Answer } from './types.ts';

/**
 * Longest text read as a question, in characters. Questions run to a few dozen characters;
 * a longer message (a pasted page, noise) gets a short reply in constant time instead of
 * being searched for agencies, figures and typos. The same bound as an inline query (≤ 256).
 */
export const MAX_QUESTION_CHARS = 256;

/**
 * The short reply to a text too long to be a question, or undefined when it may be one. Its
 * language is the one asked for, else English when the text's head has no Chinese character.
 */
export function answerOverlong(question: string, lang?: 'zh' | 'en'): Answer | undefined {
  if (question.length <= MAX_QUESTION_CHARS) return undefined;
  const chars = [...question].length;
  if (chars <= MAX_QUESTION_CHARS) return undefined;
  const replyLang = lang ?? (/[\u4e00-\u9fff]/.test(question.slice(0, MAX_QUESTION_CHARS)) ? 'zh' : 'en');
  const m = replyLang === 'en' ? MESSAGES_EN : MESSAGES_ZH;
  return {
    intent: 'unknown',
    answers: [],
    warnings: [],
    text: m.tooLong(chars, MAX_QUESTION_CHARS),
    lang: replyLang,
  };
}

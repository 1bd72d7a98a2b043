/** The question length bound lives with the answers (the CLI and the bot share it). */
export { answerOverlong, MAX_QUESTION_CHARS } from '../answer/index.ts';

import { createInterface } from 'node:readline';
import type { ClarifyChoice } from '../answer/index.ts';
import { answerQuestion } from '../answer/index.ts';
import type { Store } from '../store/index.ts';
import { buildExamples } from './examples.ts';
import { detectLang } from './messages.ts';

export interface TerminalChatOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  /** Language fallback for questions without script hints (e.g. from $LANG). */
  languageCode?: string;
}

const PICK_HINT_ZH = '输入序号选择 ';
const PICK_HINT_EN = 'Type a number to choose ';

/**
 * The chat without Telegram: a prompt on a terminal; with piped input, one answer per
 * line, ending at end of input. Resolves when input ends.
 */
export async function runTerminalChat(store: Store, options: TerminalChatOptions): Promise<void> {
  const { input, output } = options;
  const interactive = Boolean(input.isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    const example = buildExamples(store, 'zh')[0];
    output.write(`年报问答（Ctrl+D 退出）。${example ? `例如：${example}` : ''}\n`);
    rl.setPrompt('问> ');
    rl.prompt();
  }
  let choices: ClarifyChoice[] = [];
  for await (const line of rl) {
    const input = line.trim();
    // A number right after a clarification picks that choice.
    const picked = /^\d+$/.test(input) ? choices[Number(input) - 1]?.question : undefined;
    const question = picked ?? input;
    if (question) {
      const lang = detectLang(question, options.languageCode);
      const answer = answerQuestion(question, store, { lang });
      choices = answer.choices ?? [];
      output.write(`${answer.text}\n`);
      if (choices.length > 0)
        output.write(`${lang === 'en' ? PICK_HINT_EN : PICK_HINT_ZH}(1–${choices.length})\n`);
      if (!interactive) output.write('\n');
    }
    if (interactive) rl.prompt();
  }
}

import { createInterface } from 'node:readline';
import type { ClarifyChoice } from '../answer/index.ts';
import { answerQuestion, FollowUpMemory, MESSAGES_EN, MESSAGES_ZH } from '../answer/index.ts';
import type { Store } from '../store/index.ts';
import { buildExamples } from './examples.ts';
import { detectLang, getMessages } from './messages.ts';

export interface TerminalChatOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  /** Language fallback for questions without script hints (e.g. from $LANG). */
  languageCode?: string;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

/**
 * The Telegram commands in the terminal: /help, /about, /list, /check 机关 年份, /compare 机关… 指标.
 * Returns a fixed reply, a question to answer, or undefined for an ordinary question.
 */
function readCommand(
  input: string,
  languageCode?: string,
): { reply: string } | { question: string } | undefined {
  const m = /^\/(\w+)(?:@\w+)?\s*(.*)$/s.exec(input);
  if (!m) return undefined;
  const [, name, rest = ''] = m;
  const args = rest.trim();
  const lang = detectLang(args || undefined, languageCode);
  const bot = getMessages(lang);
  switch (name) {
    case 'help':
    case 'start':
      return { reply: `${bot.help}\n\n${(lang === 'en' ? MESSAGES_EN : MESSAGES_ZH).help}` };
    case 'about':
      return { reply: bot.about };
    case 'list':
      return { question: lang === 'en' ? 'list reports' : '有哪些年报' };
    case 'check':
      if (!args) return { reply: bot.checkUsage };
      return { question: lang === 'en' ? `check ${args}` : `检查${args.replace(/\s+(\d{4})$/, '$1年')}` };
    case 'compare': {
      const words = args.split(/\s+/).filter(Boolean);
      if (words.length < 2) return { reply: bot.compareUsage };
      const figure = words.pop()!;
      return {
        question:
          lang === 'en' ? `compare ${words.join(' and ')} ${figure}` : `比较${words.join('和')}的${figure}`,
      };
    }
    default:
      return { reply: bot.unhandled };
  }
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
    const example = (await buildExamples(store, 'zh'))[0];
    output.write(`年报问答（Ctrl+D 退出）。${example ? `例如：${example}` : ''}\n`);
    rl.setPrompt('问> ');
    rl.prompt();
  }
  let choices: ClarifyChoice[] = [];
  const memory = new FollowUpMemory();
  for await (const line of rl) {
    const input = line.trim();
    // A number right after a clarification picks that choice.
    const picked = /^\d+$/.test(input) ? choices[Number(input) - 1]?.question : undefined;
    const command = picked ? undefined : readCommand(input, options.languageCode);
    const question = picked ?? (command && 'question' in command ? command.question : input);
    if (command && 'reply' in command) {
      output.write(`${command.reply}\n${interactive ? '' : '\n'}`);
    } else if (question) {
      const lang = detectLang(question, options.languageCode);
      const today = options.now?.() ?? new Date();
      const answer = await answerQuestion(question, store, {
        lang,
        today,
        previous: memory.recall('terminal', today),
      });
      memory.remember('terminal', answer.query, today);
      choices = answer.choices ?? [];
      output.write(`${answer.text}\n`);
      if (choices.length > 0)
        output.write(`${lang === 'en' ? PICK_HINT_EN : PICK_HINT_ZH}(1–${choices.length})\n`);
      if (!interactive) output.write('\n');
    }
    if (interactive) rl.prompt();
  }
}

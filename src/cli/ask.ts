import { createInterface } from 'node:readline';
import { type Answer, answerQuestion } from '../answer/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { type CommandArgs, defineCommand, type OptionSpec } from './_args.ts';
import { defaultStorePath, STORE_OPTION } from './_store-path.ts';

const options = {
  json: { type: 'boolean', help: '每个问题输出一行 JSON / one JSON object per question' },
  store: STORE_OPTION,
} satisfies Record<string, OptionSpec>;

/** `ask "QUESTION" [--json] [--store PATH]`; no question → one question per stdin line. */
export const command = defineCommand({
  name: 'ask',
  args: '["问题 / QUESTION"]',
  summary: '提问（无问题参数时逐行读取标准输入）/ ask (no question: one per stdin line)',
  options,
  run,
});

/** The CLI contract: intent, answers, warnings, text (one object per question). */
function toJson(a: Answer): string {
  return JSON.stringify({
    intent: a.intent,
    answers: a.answers,
    warnings: a.warnings,
    text: a.text,
    // derived answers show their formula and inputs; `assumed` lists the year meant, an office for its county…
    ...(a.derived ? { derived: a.derived } : {}),
    ...(a.assumed ? { assumed: a.assumed } : {}),
  });
}

async function reply(question: string, store: Store, json: boolean): Promise<string> {
  const answer = await answerQuestion(question, store);
  return json ? toJson(answer) : answer.text;
}

async function run({ values, positionals }: CommandArgs<typeof options>): Promise<number> {
  const json = values.json === true;
  const store = await openStore(values.store ?? defaultStorePath());
  if (positionals.length > 0) {
    process.stdout.write(`${await reply(positionals.join(' '), store, json)}\n`);
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') continue;
    process.stdout.write(`${await reply(question, store, json)}\n${json ? '' : '\n'}`);
  }
  return 0;
}

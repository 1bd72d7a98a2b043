import { createInterface } from 'node:readline';
import { type Answer, answerQuestion } from '../answer/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { defaultStorePath } from './_store-path.ts';

interface AskArgs {
  question?: string;
  json: boolean;
  store: string;
}

/** `ask "QUESTION" [--json] [--store PATH]`; no question → one question per stdin line. */
function readArgs(argv: readonly string[]): AskArgs {
  const args: AskArgs = { json: false, store: defaultStorePath() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--store') args.store = argv[++i] ?? args.store;
    else if (a.startsWith('--store=')) args.store = a.slice('--store='.length);
    else args.question = args.question === undefined ? a : `${args.question} ${a}`;
  }
  return args;
}

/** The CLI contract: intent, answers, warnings, text (one object per question). */
function toJson(a: Answer): string {
  return JSON.stringify({ intent: a.intent, answers: a.answers, warnings: a.warnings, text: a.text });
}

function reply(question: string, store: Store, json: boolean): string {
  const answer = answerQuestion(question, store);
  return json ? toJson(answer) : answer.text;
}

export async function run(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  const store = await openStore(args.store);
  if (args.question !== undefined) {
    process.stdout.write(`${reply(args.question, store, args.json)}\n`);
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') continue;
    process.stdout.write(`${reply(question, store, args.json)}\n${args.json ? '' : '\n'}`);
  }
  return 0;
}

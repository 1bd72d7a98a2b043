import { parseArgs } from 'node:util';

/**
 * The CLI's one argument parser (node:util parseArgs). A command is declared once — its name, usage,
 * options with their help text, and a run function — and gets `--help`, strict option checking and
 * `--` (everything after it is a file or question, never an option) for free.
 */

/** One option: parseArgs' own fields plus the help line (and the value's name in the usage line). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Help line, e.g. '数据库文件 / store file'. */
  help: string;
  /** Name of the value in help, e.g. 'PATH' (string options only). */
  arg?: string;
}

type OptionValue<O extends OptionSpec> = O['type'] extends 'boolean'
  ? O['multiple'] extends true
    ? boolean[]
    : boolean
  : O['multiple'] extends true
    ? string[]
    : string;

/** The parsed option values of a command: absent options are undefined. */
export type Values<Os extends Record<string, OptionSpec>> = { [K in keyof Os]?: OptionValue<Os[K]> };

export interface CommandArgs<Os extends Record<string, OptionSpec>> {
  values: Values<Os>;
  positionals: string[];
}

export interface Command<Os extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  /** Positional arguments as shown in the usage line, e.g. 'FILE…' or '[FILE…]'. */
  args: string;
  /** One line: what the command does (Chinese / English). */
  summary: string;
  options: Os;
  /** Fewest positionals the command needs (default 0); fewer prints usage and exits 2. */
  minPositionals?: number;
  run(args: CommandArgs<Os>): Promise<number>;
}

/** Declares a command; the identity function that keeps the option values typed. */
export function defineCommand<Os extends Record<string, OptionSpec>>(command: Command<Os>): Command<Os> {
  return command;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: '显示本帮助 / show this help' };

/** `cli NAME ARGS [options]` and one line per option. */
export function commandHelp(command: Command): string {
  const options = { ...command.options, help: HELP };
  const lines = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`;
    return `  ${flag.padEnd(24)} ${o.help}`;
  });
  return [
    `用法 / usage: cli ${command.name} [options] [--] ${command.args}`,
    `  ${command.summary}`,
    '',
    ...lines,
    '',
    '  “--” 之后的参数一律视为文件或问题 / arguments after “--” are never options',
  ].join('\n');
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Parses argv for a command and runs it; `--help` prints its help (exit 0), bad arguments print usage (exit 2). */
export async function runCommand(command: Command, argv: readonly string[], io: Io): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries({ ...command.options, help: HELP })) {
    options[name] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(`${(e as Error).message}\n${commandHelp(command)}\n`);
    return 2;
  }
  if (parsed.values.help === true) {
    io.stdout(`${commandHelp(command)}\n`);
    return 0;
  }
  if (parsed.positionals.length < (command.minPositionals ?? 0)) {
    io.stderr(`${commandHelp(command)}\n`);
    return 2;
  }
  const { help: _help, ...values } = parsed.values;
  return command.run({
    values: values as Values<Record<string, OptionSpec>>,
    positionals: parsed.positionals,
  });
}

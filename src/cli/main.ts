#!/usr/bin/env node
/**
 * CLI entry: `cli <command> [args…] [--] [files…]`. Each command is one module exporting
 * `command = defineCommand({ name, args, summary, options, run })` (see _args.ts); adding a command is
 * one line in COMMANDS, adding an option is one entry in that command's `options`.
 */
import { type Command, runCommand } from './_args.ts';

type Loader = () => Promise<{ command: Command }>;

const COMMANDS: Record<string, Loader> = {
  parse: () => import('./parse.ts'),
  ingest: () => import('./ingest.ts'),
  crawl: () => import('./crawl.ts'),
  check: () => import('./check.ts'),
  ask: () => import('./ask.ts'),
  export: () => import('./export.ts'),
  store: () => import('./store.ts'),
};

const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };

/** The list of commands with their one-line summaries (loads every command module). */
async function usage(): Promise<string> {
  const lines = ['用法 / usage: cli <command> [options] [--] [args…]   (cli <command> --help)', ''];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { command } = await load();
    lines.push(`  ${`${name} ${command.args}`.padEnd(22)} ${command.summary}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const text = `${await usage()}\n`;
    if (name) io.stdout(text);
    else io.stderr(text);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`未知命令 “${name}” / unknown command\n${await usage()}\n`);
    return 2;
  }
  const { command } = await load();
  return runCommand(command, rest, io);
}

// a reader that stops early (`| head`) closes the pipe: that ends the command, it is not an error
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const e = err as { code?: string; message?: string };
    process.stderr.write(`错误${e.code ? ` [${e.code}]` : ''}：${e.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);

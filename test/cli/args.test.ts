import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Command,
  type CommandArgs,
  defineCommand,
  type OptionSpec,
  runCommand,
} from '../../src/cli/_args.ts';
import { ROOT } from '../helpers.ts';

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, STORE_PATH: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const options = {
  store: { type: 'string', arg: 'PATH', help: 'store file' },
  json: { type: 'boolean', help: 'print JSON' },
} satisfies Record<string, OptionSpec>;

/** A command that records what it was given (the parser's contract, in process). */
function recorder() {
  const seen: CommandArgs<typeof options>[] = [];
  const command = defineCommand({
    name: 'demo',
    args: 'FILE…',
    summary: 'demo command',
    minPositionals: 1,
    options,
    run: async (a) => {
      seen.push(a);
      return 0;
    },
  });
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
  return { command, seen, out, err, io };
}

describe('runCommand', () => {
  it('passes typed option values and positionals; after “--” everything is a positional', async () => {
    const r = recorder();
    const code = await runCommand(r.command, ['a.txt', '--store', 's.json', '--', '--json', '-h'], r.io);
    expect(code).toBe(0);
    expect(r.seen).toEqual([{ values: { store: 's.json' }, positionals: ['a.txt', '--json', '-h'] }]);
  });

  it('prints help listing every option for --help and -h, without running', async () => {
    for (const flag of ['--help', '-h']) {
      const r = recorder();
      expect(await runCommand(r.command, [flag], r.io)).toBe(0);
      expect(r.seen).toEqual([]);
      const help = r.out.join('');
      expect(help).toContain('cli demo [options] [--] FILE…');
      expect(help).toContain('--store PATH');
      expect(help).toContain('--json');
      expect(help).toContain('-h, --help');
    }
  });

  it('rejects an unknown option and too few positionals with usage and exit 2', async () => {
    const r = recorder();
    expect(await runCommand(r.command, ['a.txt', '--bogus'], r.io)).toBe(2);
    expect(await runCommand(r.command, ['--json'], r.io)).toBe(2);
    expect(r.seen).toEqual([]);
    expect(r.err.join('')).toContain("Unknown option '--bogus'");
  });
});

// each case starts tsx once or twice: slow on a loaded machine, so a generous limit (speed is for bench)
describe('cli main', { timeout: 120_000 }, () => {
  it('has --help for every command', async () => {
    const top = cli(['--help']);
    expect(top.code).toBe(0);
    const names = [...top.stdout.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['parse', 'ingest', 'check', 'ask']));
    // each command's own help, in process (one module per command, as main.ts loads it)
    for (const name of names) {
      const { command } = (await import(`../../src/cli/${name}.ts`)) as { command: Command };
      const out: string[] = [];
      const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
      expect(await runCommand(command, ['--help'], io), name).toBe(0);
      expect(out.join(''), name).toContain(`cli ${name} [options]`);
      expect(out.join(''), name).toContain('-h, --help');
    }
  });

  it('treats a file named like an option after “--” as a file', () => {
    const r = cli(['parse', '--json', '--', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([
      { file: '--json', code: 'FILE_NOT_FOUND', message: expect.stringContaining('--json') },
    ]);
  });

  it('exits 2 for an unknown command', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('frobnicate');
  });
});

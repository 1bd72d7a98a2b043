#!/usr/bin/env node
/** CLI entry: `cli <command> [args…]`; each command lives in its own module. */

const COMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  parse: () => import('./parse.ts'),
  ingest: () => import('./ingest.ts'),
  check: () => import('./check.ts'),
  ask: () => import('./ask.ts'),
};

const USAGE = `用法 / usage:
  cli parse FILE… [--json]                 解析年报，打印记录
  cli ingest FILE|DIR… [--store PATH]      解析、检查并存入数据库
  cli check [FILE…] [--store PATH] [--json] 一致性检查
  cli ask "问题" [--json] [--store PATH]    提问（无问题参数时逐行读取标准输入）`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`未知命令 “${name}”\n${USAGE}\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
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

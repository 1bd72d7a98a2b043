import type { OptionSpec } from './_args.ts';

/** The store the CLI uses unless `--store` is given: STORE_PATH, else the bundled one. */
export function defaultStorePath(): string {
  return process.env.STORE_PATH || 'data/store.json';
}

/** The `--store PATH` option every store command takes. */
export const STORE_OPTION = {
  type: 'string',
  arg: 'PATH',
  help: '数据库文件 / store file (default: STORE_PATH, data/store.json)',
} as const satisfies OptionSpec;

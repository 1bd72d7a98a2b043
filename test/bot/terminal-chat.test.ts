import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../src/bot/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ROOT, seedDir } from '../helpers.ts';
import { openSeedStore } from '../support/test-bot.ts';

let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const opened = await openSeedStore();
  store = opened.store;
  cleanup = () => rm(opened.dir, { recursive: true, force: true });
});
afterAll(() => cleanup());

/** Pipes lines into the chat (not a TTY) and collects what it prints until input ends. */
async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => {
    printed += d.toString();
  });
  const done = runTerminalChat(store, { input, output });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('runTerminalChat with piped input', () => {
  it('answers each line and ends with the input', async () => {
    const out = await chat([
      '化隆2024年行政处罚多少',
      '',
      'How many administrative penalties did Hualong have in 2024?',
    ]);
    const answers = out.trim().split('\n\n');
    expect(answers).toHaveLength(2);
    expect(answers[0]).toContain('114 件');
    expect(answers[1]).toContain('Source');
    expect(answers[1]).toContain('114');
  });

  it('lets a number pick a clarification choice', async () => {
    const out = await chat(['行政处罚多少', '4']);
    expect(out).toContain('输入序号选择');
    expect(out.split('\n\n')[1]).toContain('化隆县人民政府2024年行政处罚：114 件');
  });
});

describe('npm start without a token', () => {
  it('answers piped questions and exits 0 at end of input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-terminal-'));
    const { WEBHOOK_URL: _w, BOT_TOKEN: _t, LOG_LEVEL: _l, ...env } = process.env;
    const child = spawn(`${ROOT}/node_modules/.bin/tsx`, ['src/main.ts'], {
      cwd: ROOT,
      // the seeds alone keep start-up short (building from the whole bundle: test/parse/corpus-bundle)
      env: { ...env, STORE_PATH: join(dir, 'store.json'), REPORTS_DIR: seedDir(join(dir, 'seeds')) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdin.end('化隆2024年行政处罚多少\n');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('化隆县人民政府2024年行政处罚：114 件');
    expect(out).toContain('来源');
    await rm(dir, { recursive: true, force: true });
  });
});

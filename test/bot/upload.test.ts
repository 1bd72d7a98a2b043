/** Admin uploads through a fake Bot API over HTTP: size counted while downloading, stop, failed store write. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import type { Store } from '../../src/store/index.ts';
import { FIXTURES_DIR, REPORTS_DIR } from '../helpers.ts';
import { BOT_USER, FakeBotApi } from '../support/fake-bot-api.ts';
import { openSeedStore } from '../support/test-bot.ts';
import { privateDocument, user } from '../support/updates.ts';

const TOKEN = '123456:upload-token';
const ADMIN = user(4343);
const MB = 1024 * 1024;
let api: FakeBotApi;
let nextUpdate = 1;
let nextFile = 1;
const cleanup: string[] = [];

beforeAll(async () => {
  api = await new FakeBotApi(TOKEN).start();
});
afterAll(async () => {
  await api.close();
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

/** A bot on the fake API with its own seed store; `stopping` is the shutdown signal main.ts passes. */
async function uploadBot(): Promise<{ bot: Bot; store: Store; dir: string; stopping: AbortController }> {
  const { store, dir } = await openSeedStore();
  cleanup.push(dir);
  const config = parseConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, ADMIN_IDS: String(ADMIN.id) });
  const stopping = new AbortController();
  const logger = createLogger({ level: 'silent' });
  const bot = createBot({ config, store, logger, stopping: stopping.signal }, { botInfo: BOT_USER });
  return { bot, store, dir, stopping };
}

/** Sends an admin document whose message states `statedSize`; resolves when the bot is done with it. */
function upload(bot: Bot, bytes: Uint8Array, name: string, statedSize: number, options = {}): Promise<void> {
  const id = `f${nextFile++}`;
  api.addFile(id, `documents/${id}_${name}`, bytes, options);
  const update = { ...privateDocument(ADMIN, id, name, statedSize), update_id: nextUpdate++ } as Update;
  return bot.handleUpdate(update);
}

const repliesSince = (from: number) =>
  api.calls.slice(from).filter((c) => c.method === 'sendMessage' && c.payload.chat_id === ADMIN.id);

afterEach(() => {
  api.calls.length = 0;
});

describe('admin uploads', () => {
  it('stops a download past 20 MB whatever size the message and getFile state', async () => {
    const { bot, store } = await uploadBot();
    const before = (await store.list()).length;
    const big = new Uint8Array(40 * MB).fill(0x41);
    await upload(bot, big, 'big.txt', 1000, { hideSize: true, chunked: true });
    const [reply] = repliesSince(0);
    expect(String(reply?.payload.text)).toContain('文件太大（超过 20 MB）');
    // the reader gave up soon after 20 MB, long before the 40 MB were sent
    const [sent] = [...api.sentBytes.values()];
    expect(sent).toBeGreaterThan(20 * MB);
    expect(sent).toBeLessThan(32 * MB);
    expect(await store.list()).toHaveLength(before);
  });

  it('refuses by the stated content-length before reading the body', async () => {
    const { bot } = await uploadBot();
    await upload(bot, new Uint8Array(20 * MB + 1), 'big.pdf', 1000, { hideSize: true });
    expect(String(repliesSince(0)[0]?.payload.text)).toContain('文件太大');
  });

  it('abandons an upload when the process is stopping, storing nothing', async () => {
    const { bot, store, stopping, dir } = await uploadBot();
    const onDisk = await readFile(join(dir, 'store.json'), 'utf8');
    api.delayNext('getFile', 10_000);
    const bytes = new Uint8Array(await readFile(join(FIXTURES_DIR, 'pdf', 'hongzequ_2024.pdf')));
    const handled = upload(bot, bytes, 'hongzequ_2024.pdf', bytes.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopAt = Date.now();
    stopping.abort();
    await handled;
    expect(Date.now() - stopAt).toBeLessThan(2_000);
    expect(String(repliesSince(0)[0]?.payload.text)).toContain('没有保存');
    expect((await store.list()).some((e) => e.report.agency.includes('洪泽'))).toBe(false);
    expect(await readFile(join(dir, 'store.json'), 'utf8')).toBe(onDisk);
  });

  it('tells the admin when the store cannot be written', async () => {
    const { bot, dir } = await uploadBot();
    // the store file becomes a directory: the atomic rename onto it fails
    await rm(join(dir, 'store.json'));
    await mkdir(join(dir, 'store.json'));
    await writeFile(join(dir, 'store.json', 'keep'), '');
    const bytes = new Uint8Array(await readFile(join(FIXTURES_DIR, 'pdf', 'hongzequ_2024.pdf')));
    await upload(bot, bytes, 'hongzequ_2024.pdf', bytes.length);
    const [reply] = repliesSince(0);
    expect(String(reply?.payload.text)).toMatch(/写入数据库失败（STORE_\w+）/);
  });
});

describe('a re-upload that would degrade a stored record', () => {
  it('is kept back with a button, and the button replaces the record deliberately', async () => {
    const { bot, store } = await uploadBot();
    const seed = await readFile(join(REPORTS_DIR, '003_5d77362307499405.txt'), 'utf8');
    const id = (await store.list()).find((e) => e.report.source.file === '003_5d77362307499405.txt')!.report
      .id;
    const before = (await store.find({ ids: [id] }))[0]!.report.source.sha256;
    // cut inside table 三, after its first result row
    const lines = seed.split('\n');
    const cut = lines.findIndex((l) => l.startsWith('三、本年度办理结果')) + 1;
    const truncated = new TextEncoder().encode(lines.slice(0, cut).join('\n'));
    await upload(bot, truncated, 'hualong-cut.txt', truncated.length);
    const [kept] = repliesSince(0);
    expect(String(kept?.payload.text)).toContain('RECORD_KEPT');
    expect((await store.find({ ids: [id] }))[0]!.report.source.sha256).toBe(before);
    const keyboard = kept!.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const data = keyboard.inline_keyboard[0]![0]!.callback_data;
    // someone else's press (or a forged token) changes nothing
    const press = (from: ReturnType<typeof user>, callback: string) =>
      bot.handleUpdate({
        update_id: nextUpdate++,
        callback_query: {
          id: `cb${nextUpdate}`,
          from,
          chat_instance: 'ci',
          data: callback,
          message: {
            message_id: 1,
            date: 0,
            chat: { id: from.id, type: 'private', first_name: 'A' },
            text: '…',
          },
        },
      } as Update);
    await press(user(77), data);
    await press(ADMIN, 'r:forgedtoken1');
    expect((await store.find({ ids: [id] }))[0]!.report.source.sha256).toBe(before);
    await press(ADMIN, data);
    const replaced = repliesSince(0).map((c) => String(c.payload.text));
    expect(replaced.at(-1)).toContain('已更新');
    expect((await store.find({ ids: [id] }))[0]!.report.source.sha256).not.toBe(before);
  });
});

/**
 * Webhook mode end to end: the real `npm start` entry with WEBHOOK_* set, a fake Bot API on
 * 127.0.0.1 and updates posted the way Telegram posts them — including a 15 s slow Bot API
 * call, a truncated body, a wrong secret, and SIGTERM in the middle of an upload.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, seedDir } from '../helpers.ts';
import { type BotProcess, startBotProcess } from '../support/bot-process.ts';
import { type ApiCall, FakeBotApi } from '../support/fake-bot-api.ts';
import { privateDocument, privateText, user } from '../support/updates.ts';

const TOKEN = '123456:webhook-e2e-token';
const SECRET = 'e2e-hook-secret';
const ADMIN = user(4545);

let api: FakeBotApi;
let bot: BotProcess;
let dir: string;
let port: number;
let nextUpdate = 1;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const postRaw = (body: string, secret = SECRET) =>
  fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body,
  });
const postUpdate = (update: object, secret = SECRET) =>
  postRaw(JSON.stringify({ update_id: nextUpdate++, ...update }), secret);

const textOf = (call: ApiCall) => String(call.payload.text ?? call.payload.caption ?? '');
const replyTo = (chatId: number, contains: string, timeoutMs = 10_000) =>
  api.waitForCall(
    (c) => c.method === 'sendMessage' && c.payload.chat_id === chatId && textOf(c).includes(contains),
    timeoutMs,
  );

beforeAll(async () => {
  api = await new FakeBotApi(TOKEN).start();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-webhook-e2e-'));
  port = await freePort();
  bot = startBotProcess({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.url,
    STORE_PATH: join(dir, 'store.json'),
    REPORTS_DIR: seedDir(join(dir, 'seeds')),
    ADMIN_IDS: String(ADMIN.id),
    WEBHOOK_URL: 'https://bot.example.org/hook',
    WEBHOOK_SECRET: SECRET,
    WEBHOOK_PORT: String(port),
    LOG_LEVEL: 'info',
  });
  await api.waitForCall((c) => c.method === 'setWebhook', 100_000);
}, 120_000);

afterAll(async () => {
  bot.kill();
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm start in webhook mode', () => {
  it('answers Telegram at once during a 15 s Bot API call and serves others meanwhile', async () => {
    const slow = user(801);
    const other = user(802);
    api.delayNext('sendMessage', 15_000);
    const posted = Date.now();
    expect((await postUpdate(privateText(slow, '化隆2024年行政处罚多少'))).status).toBe(200);
    expect(Date.now() - posted).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await postUpdate(privateText(other, '化隆2024年行政许可多少'))).status).toBe(200);
    const quick = await replyTo(other.id, '2754');
    expect(quick.at - posted).toBeLessThan(5_000);
    const late = await replyTo(slow.id, '114', 25_000);
    expect(late.at - posted).toBeGreaterThanOrEqual(14_900);
    expect(bot.child.exitCode).toBeNull();
  }, 40_000);

  it('refuses a truncated body with 400 and keeps answering', async () => {
    const whole = JSON.stringify({
      update_id: nextUpdate++,
      ...privateText(user(803), '化隆2024年行政处罚多少'),
    });
    expect((await postRaw(whole.slice(0, 40))).status).toBe(400);
    expect((await postUpdate(privateText(user(804), '化隆2024年行政处罚多少'))).status).toBe(200);
    await replyTo(804, '114');
    expect(api.callsTo(803, 'sendMessage')).toEqual([]);
    expect(bot.child.exitCode).toBeNull();
  });

  it('refuses an update without the right secret, processing nothing', async () => {
    expect((await postUpdate(privateText(user(805), '/help'), 'wrong')).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.callsTo(805, 'sendMessage')).toEqual([]);
  });

  it('exits within 5 s of SIGTERM in the middle of an upload, the store untouched', async () => {
    const storeBefore = await readFile(join(dir, 'store.json'), 'utf8');
    const bytes = new Uint8Array(await readFile(join(FIXTURES_DIR, 'pdf', 'hongzequ_2024.pdf')));
    api.addFile('up-1', 'documents/up_1.pdf', bytes);
    api.delayNext('getFile', 20_000);
    expect((await postUpdate(privateDocument(ADMIN, 'up-1', 'hongzequ_2024.pdf', bytes.length))).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await readFile(join(dir, 'store.json'), 'utf8')).toBe(storeBefore);
    expect(bot.logs()).toContain('upload abandoned');
    expect(bot.logs()).not.toContain('webhook-e2e-token');
  });
});

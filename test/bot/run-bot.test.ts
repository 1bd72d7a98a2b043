import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type RunningBot, startBot } from '../../src/bot/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { openSeedStore } from '../support/test-bot.ts';
import { privateText, user } from '../support/updates.ts';

const TOKEN = '123456:webhook-token';
let api: FakeBotApi;
let running: RunningBot;
let port: number;
let dir: string;

/** A free port on 127.0.0.1 for the webhook server. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  api = await new FakeBotApi(TOKEN).start();
  port = await freePort();
  const seeded = await openSeedStore();
  dir = seeded.dir;
  const config = parseConfig({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.url,
    WEBHOOK_URL: 'https://bot.example.org/hook',
    WEBHOOK_SECRET: 'hook-secret',
    WEBHOOK_PORT: String(port),
  });
  const logger = createLogger({ level: 'silent' });
  const bot = createBot({ config, store: seeded.store, logger });
  running = await startBot(bot, config, logger);
});

afterAll(async () => {
  await running.stop();
  await api.close();
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
});

const post = (body: unknown, secret: string) =>
  fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: JSON.stringify(body),
  });

describe('webhook mode', () => {
  it('sets the webhook with its secret instead of polling', () => {
    const set = api.calls.find((c) => c.method === 'setWebhook');
    expect(set?.payload).toMatchObject({ url: 'https://bot.example.org/hook', secret_token: 'hook-secret' });
    expect(api.calls.some((c) => c.method === 'getUpdates')).toBe(false);
  });

  it('answers an update posted with the secret', async () => {
    const response = await post(
      { update_id: 1, ...privateText(user(601), '化隆2024年行政处罚多少') },
      'hook-secret',
    );
    expect(response.status).toBe(200);
    const call = await api.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === 601);
    expect(String(call.payload.text)).toContain('114');
  });

  it('rejects an update without the secret', async () => {
    const response = await post({ update_id: 2, ...privateText(user(602), '/help') }, 'wrong');
    expect(response.status).toBe(401);
    expect(api.callsTo(602, 'sendMessage')).toEqual([]);
  });
});

const postRaw = (body: string, secret = 'hook-secret', method = 'POST') =>
  fetch(`http://127.0.0.1:${port}/`, {
    method,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: method === 'GET' ? undefined : body,
  });

describe('webhook mode with hostile requests', () => {
  it('refuses a truncated JSON body with 400 and keeps answering', async () => {
    const whole = JSON.stringify({ update_id: 10, ...privateText(user(610), '化隆2024年行政处罚多少') });
    expect((await postRaw(whole.slice(0, whole.length / 2))).status).toBe(400);
    expect(
      (await post({ update_id: 11, ...privateText(user(611), '化隆2024年行政处罚多少') }, 'hook-secret'))
        .status,
    ).toBe(200);
    await api.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === 611);
    expect(api.callsTo(610, 'sendMessage')).toEqual([]);
  });

  it.each([['null'], ['[]'], ['"text"'], ['{"message":{}}'], ['{"update_id":"1"}']])(
    'refuses %s (not an update) with 400',
    async (body) => {
      expect((await postRaw(body)).status).toBe(400);
    },
  );

  it('refuses a body over 1 MB with 413 and a GET with 405', async () => {
    expect((await postRaw(`{"update_id":12,"pad":"${'x'.repeat(1_100_000)}"}`)).status).toBe(413);
    expect((await postRaw('', 'hook-secret', 'GET')).status).toBe(405);
  });

  it('answers Telegram at once while the update waits on a slow Bot API', async () => {
    api.delayNext('sendMessage', 3_000);
    const sent = Date.now();
    const response = await post(
      { update_id: 13, ...privateText(user(612), '化隆2024年行政处罚多少') },
      'hook-secret',
    );
    expect(response.status).toBe(200);
    expect(Date.now() - sent).toBeLessThan(2_000);
    const call = await api.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === 612);
    expect(String(call.payload.text)).toContain('114');
    expect(call.at - sent).toBeGreaterThanOrEqual(2_900);
  });
});

describe('start against a Bot API that does not answer', () => {
  it('gives up after BOT_START_TIMEOUT_S with an error naming TELEGRAM_API_ROOT', async () => {
    const silent = createServer(() => undefined); // accepts connections, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const root = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const config = parseConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: root, BOT_START_TIMEOUT_S: '1' });
    const seeded = await openSeedStore();
    const logger = createLogger({ level: 'silent' });
    const started = Date.now();
    try {
      await expect(
        startBot(createBot({ config, store: seeded.store, logger }), config, logger),
      ).rejects.toMatchObject({
        code: 'BOT_API_UNREACHABLE',
        message: expect.stringContaining('TELEGRAM_API_ROOT'),
      });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.close();
      const { rm } = await import('node:fs/promises');
      await rm(seeded.dir, { recursive: true, force: true });
    }
  });

  it('stops at once when the Bot API refuses the token, naming BOT_TOKEN', async () => {
    const config = parseConfig({ BOT_TOKEN: '123456:other-token', TELEGRAM_API_ROOT: api.url });
    const seeded = await openSeedStore();
    const logger = createLogger({ level: 'silent' });
    try {
      await expect(
        startBot(createBot({ config, store: seeded.store, logger }), config, logger),
      ).rejects.toMatchObject({
        code: 'BOT_API_UNREACHABLE',
        message: expect.stringContaining('BOT_TOKEN'),
      });
    } finally {
      const { rm } = await import('node:fs/promises');
      await rm(seeded.dir, { recursive: true, force: true });
    }
  });
});

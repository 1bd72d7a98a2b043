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

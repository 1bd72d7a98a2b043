/**
 * End to end: `npm start` (tsx src/main.ts) against the fake Bot API, with the report site on
 * 127.0.0.1 — an admin sends a report link and a listing link, a non-admin sends a link.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReportSite, startReportSite } from '../crawl/_site.ts';
import { type BotProcess, startBotProcess } from '../support/bot-process.ts';
import { type ApiCall, FakeBotApi } from '../support/fake-bot-api.ts';
import { privateText, user } from '../support/updates.ts';

const TOKEN = '123456:links-e2e-token';
const ADMIN = user(4343);
let api: FakeBotApi;
let site: ReportSite;
let bot: BotProcess;
let dir: string;

const textOf = (call: ApiCall) => String(call.payload.text ?? '');

beforeAll(async () => {
  api = await new FakeBotApi(TOKEN).start();
  site = await startReportSite();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-links-e2e-'));
  bot = startBotProcess({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.url,
    STORE_PATH: join(dir, 'store.json'),
    ADMIN_IDS: String(ADMIN.id),
    LOG_LEVEL: 'warn',
    ALLOW_PRIVATE_FETCH: '127.0.0.1',
    FETCH_DELAY_MS: '0',
    FETCH_TIMEOUT_MS: '2000',
    FETCH_MAX_MB: '1',
  });
  await api.waitForCall((c) => c.method === 'getUpdates', 45_000);
}, 60_000);

afterAll(async () => {
  bot.kill();
  await api.close();
  await site.server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('links through the Bot API', () => {
  it('ingests an admin’s report link with the upload reply', async () => {
    // the PDF behind this page is also a bundled seed report, so the store already holds it
    const page = site.allowed[3]!;
    api.pushUpdate(privateText(ADMIN, page.url));
    const reply = await api.waitForCall(
      (c) =>
        c.method === 'sendMessage' &&
        c.payload.chat_id === ADMIN.id &&
        /已添加|已存在|已更新/.test(textOf(c)),
      30_000,
    );
    expect(textOf(reply)).toContain(
      page.title.replace(/年政府信息公开工作年度报告$/, '').replace(/(\d{4})$/, ' $1'),
    );
    expect(textOf(reply)).toContain('行政处罚：2,776 件');
  }, 30_000);

  it('crawls an admin’s listing link, editing its progress message into the summary', async () => {
    api.pushUpdate(privateText(ADMIN, site.listing));
    const started = await api.waitForCall(
      (c) => c.method === 'sendMessage' && textOf(c).includes('开始抓取'),
      20_000,
    );
    const done = await api.waitForCall(
      (c) => c.method === 'editMessageText' && textOf(c).includes('抓取完成'),
      30_000,
    );
    const sent = started.payload.chat_id;
    expect(done.payload.chat_id).toBe(sent);
    expect(textOf(done)).toContain('找到 9');
    expect(textOf(done)).toContain('失败 5');
    expect(textOf(done)).toContain('[FETCH_HTTP_404]');
  }, 60_000);

  it('refuses a non-admin’s link without fetching it', async () => {
    const stranger = user(4344);
    const before = site.server.hits.length;
    api.pushUpdate(privateText(stranger, site.allowed[0]!.url));
    await api.waitForCall(
      (c) => c.method === 'sendMessage' && c.payload.chat_id === stranger.id && textOf(c).includes('管理员'),
    );
    expect(site.server.hits.length).toBe(before);
  }, 30_000);
});

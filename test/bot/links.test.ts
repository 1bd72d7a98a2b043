/** Admins sending links: a report page, a listing (background crawl with a cancel button), and a refusal for others. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotState } from '../../src/bot/state.ts';
import { type ReportSite, startReportSite } from '../crawl/_site.ts';
import { type CapturedCall, createTestBot, type TestBot } from '../support/test-bot.ts';
import { callbackQuery, groupText, privateText, user } from '../support/updates.ts';

const ADMINS = [user(7001), user(7002), user(7003)];
let site: ReportSite;
let bot: TestBot;

const env = (delayMs: number) => ({
  ADMIN_IDS: ADMINS.map((a) => a.id).join(','),
  ALLOW_PRIVATE_FETCH: '127.0.0.1',
  FETCH_DELAY_MS: String(delayMs),
  FETCH_TIMEOUT_MS: '2000',
  FETCH_MAX_MB: '1',
});

beforeAll(async () => {
  site = await startReportSite();
  bot = await createTestBot(env(0));
}, 60_000);

afterAll(async () => {
  await bot.dispose();
  await site.server.close();
});

const textOf = (c: CapturedCall) => String(c.payload.text ?? '');

/** Waits until a captured call matches (the crawl runs after the handler returns). */
async function waitFor(
  calls: CapturedCall[],
  match: (c: CapturedCall) => boolean,
  ms = 20_000,
): Promise<CapturedCall> {
  const until = Date.now() + ms;
  for (;;) {
    const found = calls.find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no matching call; calls: ${calls.map(textOf).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('links from admins', () => {
  it('ingests a report page (here its PDF attachment) and replies as for an uploaded file', async () => {
    const page = site.allowed[3]!;
    await bot.send(privateText(ADMINS[0]!, `请收录 ${page.url}`));
    const [reply] = bot.take('sendMessage');
    expect(textOf(reply!)).toContain('已添加');
    expect(reply!.payload.parse_mode).toBe('HTML');
    expect((await bot.store.find({ ids: [page.id] }))[0]?.report.source.url).toBe(page.url);
  });

  it('crawls a listing in the background, editing one message to a summary', async () => {
    await bot.send(privateText(ADMINS[1]!, site.listing));
    const started = bot.calls.find((c) => c.method === 'sendMessage')!;
    expect(textOf(started)).toContain('开始抓取');
    const button = (started.payload.reply_markup as { inline_keyboard: { text: string }[][] })
      .inline_keyboard[0]![0]!;
    expect(button.text).toBe('取消抓取');
    const done = await waitFor(
      bot.calls,
      (c) => c.method === 'editMessageText' && textOf(c).includes('抓取完成'),
    );
    // the PDF came with the previous test; the other three replace the seed store's text versions
    expect(textOf(done)).toContain('找到 9，新增 0，更新 3，未变化 1，失败 5');
    expect(textOf(done)).toContain('[ROBOTS_DISALLOWED]');
    expect(done.payload.reply_markup).toBeUndefined();
    for (const r of site.allowed)
      expect((await bot.store.find({ ids: [r.id] }))[0]?.report.source.url).toBe(r.url);
    bot.take();
  }, 30_000);

  it('refuses a non-admin politely and fetches nothing', async () => {
    const before = site.server.hits.length;
    const stranger = user(7100);
    await bot.send(privateText(stranger, site.allowed[1]!.url));
    await bot.send(groupText(-100500, user(7101), `看看这个 ${site.listing}`));
    const replies = bot.take('sendMessage');
    expect(replies.map(textOf)).toHaveLength(1);
    expect(textOf(replies[0]!)).toContain('管理员');
    expect(site.server.hits.length).toBe(before);
  });
});

describe('cancelling a crawl', () => {
  it('stops at the button and says so', async () => {
    const slow = await createTestBot(env(400));
    try {
      const admin = ADMINS[2]!;
      await slow.send(privateText(admin, site.listing));
      const started = slow.calls.find((c) => c.method === 'sendMessage')!;
      const data = (started.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] })
        .inline_keyboard[0]![0]!.callback_data;
      await slow.send(callbackQuery(admin, data, admin.id));
      const answer = slow.calls.find((c) => c.method === 'answerCallbackQuery');
      expect(answer?.payload.text).toBe('正在取消……');
      const done = await waitFor(
        slow.calls,
        (c) => c.method === 'editMessageText' && textOf(c).includes('抓取已取消'),
      );
      expect(textOf(done)).not.toContain('新增 4');
    } finally {
      await slow.dispose();
    }
  }, 30_000);

  it('one crawl per chat across instances, and a cancel pressed on another instance stops it', async () => {
    const state = createBotState();
    const one = await createTestBot(env(400), { state });
    const two = await createTestBot(env(400), { state, store: one.store });
    try {
      const admin = ADMINS[0]!;
      await one.send(privateText(admin, site.listing));
      const started = one.calls.find((c) => c.method === 'sendMessage')!;
      const data = (started.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] })
        .inline_keyboard[0]![0]!.callback_data;
      await two.send(privateText(admin, site.listing));
      expect(two.take('sendMessage').map(textOf)).toEqual([
        '这个聊天里已有一个抓取在进行，请等它结束或先取消。',
      ]);
      await two.send(callbackQuery(admin, data, admin.id));
      expect(two.take('answerCallbackQuery')[0]?.payload.text).toBe('正在取消……');
      const done = await waitFor(
        one.calls,
        (c) => c.method === 'editMessageText' && textOf(c).includes('抓取已取消'),
      );
      expect(textOf(done)).not.toContain('新增 4');
      // once it has ended, the chat is free to crawl again (a fourth update from this admin within
      // the test bots' window would meet the shared rate limit, so the state is read directly)
      for (let i = 0; i < 40 && (await state.crawls.read(String(admin.id))); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await state.crawls.read(String(admin.id))).toBeUndefined();
    } finally {
      await one.dispose();
      await state.close();
    }
  }, 30_000);
});

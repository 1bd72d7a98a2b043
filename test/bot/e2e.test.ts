/**
 * End to end: the real `npm start` entry (tsx src/main.ts) against a fake Bot API server on
 * 127.0.0.1 — real long polling, JSON and multipart bodies, retries and shutdown.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, seedDir } from '../helpers.ts';
import { type BotProcess, startBotProcess } from '../support/bot-process.ts';
import { type ApiCall, BOT_USER, FakeBotApi } from '../support/fake-bot-api.ts';
import { groupText, inlineQuery, privateDocument, privateText, user } from '../support/updates.ts';

const TOKEN = '123456:e2e-secret-token';
const ADMIN = user(4242);
const GROUP = -100777;
/** A real report PDF (test/fixtures/pdf/README.md says where it came from). */
const PDF = join(ROOT, 'test', 'fixtures', 'pdf', 'hongzequ_2024.pdf');

let api: FakeBotApi;
let bot: BotProcess;
let dir: string;

const textOf = (call: ApiCall) => String(call.payload.text ?? call.payload.caption ?? '');
const replyTo = (chatId: number, contains: string, timeoutMs = 10_000) =>
  api.waitForCall(
    (c) =>
      ['sendMessage', 'sendPhoto'].includes(c.method) &&
      c.payload.chat_id === chatId &&
      textOf(c).includes(contains),
    timeoutMs,
  );

beforeAll(async () => {
  api = await new FakeBotApi(TOKEN).start();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  bot = startBotProcess({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.url,
    STORE_PATH: join(dir, 'store.json'),
    // the seeds alone: the bundle holds the PDF this test uploads
    REPORTS_DIR: seedDir(join(dir, 'seeds')),
    ADMIN_IDS: String(ADMIN.id),
    LOG_LEVEL: 'debug',
  });
  await api.waitForCall((c) => c.method === 'getUpdates', 100_000);
}, 120_000);

afterAll(async () => {
  bot.kill();
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm start against a fake Bot API', () => {
  it('registers its commands in Chinese and English and drops any webhook', () => {
    const commands = api.calls.filter((c) => c.method === 'setMyCommands');
    expect(commands.map((c) => c.payload.language_code ?? 'default')).toEqual(['default', 'zh', 'en']);
    expect(api.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
  });

  it('answers a private question with the right figure', async () => {
    const u = user(501);
    api.pushUpdate(privateText(u, '化隆2024年行政处罚多少'));
    const call = await replyTo(u.id, '114');
    expect(call.payload.parse_mode).toBe('HTML');
  });

  it('answers a group mention and ignores group chatter', async () => {
    api.pushUpdate(groupText(GROUP, user(502), '今天开会吗？化隆的数字我再看看'));
    api.pushUpdate(
      groupText(GROUP, user(503), `@${BOT_USER.username} 化隆2024年行政处罚多少`, { mention: true }),
    );
    await replyTo(GROUP, '114');
    expect(api.callsTo(GROUP, 'sendMessage', 'sendPhoto')).toHaveLength(1);
  });

  it('answers an inline query with an article', async () => {
    const id = `iq-${Date.now()}`;
    api.pushUpdate({ inline_query: { ...inlineQuery(user(504), '化隆 2024 行政处罚').inline_query!, id } });
    const call = await api.waitForCall(
      (c) => c.method === 'answerInlineQuery' && c.payload.inline_query_id === id,
    );
    const [article] = call.payload.results as { type: string; title: string }[];
    expect(article).toMatchObject({ type: 'article' });
    expect(article!.title).toContain('114');
  });

  it('sends a comparison as a chart photo (multipart) with the figures in the caption', async () => {
    const u = user(505);
    api.pushUpdate(privateText(u, '/compare 化隆 平罗 行政处罚'));
    const call = await api.waitForCall((c) => c.method === 'sendPhoto' && c.payload.chat_id === u.id, 15_000);
    expect(textOf(call)).toContain('114');
    expect(Object.values(call.files)[0]).toBeGreaterThan(5_000);
  });

  it('stores an admin upload, then answers a question about it', async () => {
    const bytes = new Uint8Array(await readFile(PDF));
    api.addFile('pdf-1', 'documents/file_1.pdf', bytes);
    api.pushUpdate(privateDocument(ADMIN, 'pdf-1', 'hongzequ_2024.pdf', bytes.length));
    const reply = await replyTo(ADMIN.id, '淮安市洪泽区人民政府', 20_000);
    expect(textOf(reply)).toContain('已添加');
    expect(textOf(reply)).toContain('2,776');
    expect(api.downloads).toContain('documents/file_1.pdf');
    api.pushUpdate(privateText(user(506), '洪泽2024年行政处罚多少'));
    await replyTo(506, '2776');
  });

  it('answers an admin upload that is not a report with its error code in plain words', async () => {
    const bytes = new TextEncoder().encode('会议通知：本周五下午三点在三楼会议室开会。\n');
    api.addFile('txt-1', 'documents/file_3.txt', bytes);
    api.pushUpdate(privateDocument(ADMIN, 'txt-1', 'notice.txt', bytes.length));
    const reply = await replyTo(ADMIN.id, '无法读取这份文件');
    expect(textOf(reply)).toMatch(/（(NOT_A_REPORT|NO_TABLES)）：/);
  });

  it('refuses a non-admin upload without downloading it', async () => {
    const u = user(507);
    api.addFile('pdf-2', 'documents/file_2.pdf', new Uint8Array([1, 2, 3]));
    api.pushUpdate(privateDocument(u, 'pdf-2', 'mine.pdf', 3));
    await replyTo(u.id, '管理员');
    expect(api.calls.some((c) => c.method === 'getFile' && c.payload.file_id === 'pdf-2')).toBe(false);
    expect(api.downloads).not.toContain('documents/file_2.pdf');
  });

  it('retries a sendMessage refused with 429 after retry_after', async () => {
    const u = user(508);
    api.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    api.pushUpdate(privateText(u, '化隆2024年行政处罚多少'));
    const ok = await replyTo(u.id, '114');
    const failed = api.calls.find(
      (c) => c.failed && c.method === 'sendMessage' && c.payload.chat_id === u.id,
    );
    expect(failed).toBeDefined();
    expect(ok.at - failed!.at).toBeGreaterThanOrEqual(900);
  });

  it('keeps answering others while one user floods 150 messages', async () => {
    const flooder = user(509);
    const other = user(510);
    for (let i = 0; i < 150; i++) api.pushUpdate(privateText(flooder, `化隆2024年行政处罚多少 ${i}`));
    const asked = Date.now();
    api.pushUpdate(privateText(other, '化隆2024年行政处罚多少'));
    const answer = await replyTo(other.id, '114', 10_000);
    expect(answer.at - asked).toBeLessThan(5_000);
    // The flood is cut to the per-user allowance (3 answers and one notice per 2 s window).
    expect(api.callsTo(flooder.id, 'sendMessage').length).toBeLessThanOrEqual(12);
  });

  it('never writes the token to its logs', () => {
    expect(bot.logs()).toContain('long polling');
    expect(bot.logs()).not.toContain('e2e-secret-token');
  });

  it('exits cleanly within 5 s of SIGTERM', async () => {
    const started = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

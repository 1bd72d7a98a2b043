import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackCallback } from '../../src/bot/callback-data.ts';
import { BOT_USER } from '../support/fake-bot-api.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import {
  callbackQuery,
  groupText,
  inlineQuery,
  privateDocument,
  privateText,
  user,
} from '../support/updates.ts';

const ADMIN = 424242;
let t: TestBot;
let nextUser = 100;
/** A fresh user per case, so the per-user rate limit never couples tests. */
const someone = (lang = 'zh-hans') => user(nextUser++, lang);

beforeAll(async () => {
  t = await createTestBot({ ADMIN_IDS: String(ADMIN) });
});
afterAll(() => t.dispose());

const textOf = (call: { payload: Record<string, unknown> } | undefined) => String(call?.payload.text ?? '');

describe('private chats', () => {
  it('/start explains and offers three example questions as buttons', async () => {
    await t.send(privateText(someone(), '/start'));
    const [call] = t.take('sendMessage');
    expect(textOf(call)).toContain('年度报告');
    const keyboard = (
      call!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard;
    expect(keyboard).toHaveLength(3);
    expect(keyboard.map((row) => unpackCallback(row[0]!.callback_data))).toEqual([
      { kind: 'example', index: 0 },
      { kind: 'example', index: 1 },
      { kind: 'example', index: 2 },
    ]);
  });

  it('an example button sends the answer to that example', async () => {
    const u = someone();
    await t.send(callbackQuery(u, 'e:0', u.id));
    const calls = t.take();
    expect(calls.map((c) => c.method)).toContain('answerCallbackQuery');
    const answer = calls.find((c) => c.method === 'sendMessage');
    expect(textOf(answer)).toMatch(/\d/);
  });

  it.each([
    ['/help', '/check'],
    ['/about', '勾稽'],
  ])('%s replies with its text', async (command, expected) => {
    await t.send(privateText(someone(), command));
    const [call] = t.take('sendMessage');
    expect(textOf(call)).toContain(expected);
    expect(call!.payload.parse_mode).toBe('HTML');
  });

  it('/list names every report held, by agency with its years', async () => {
    await t.send(privateText(someone(), '/list'));
    const text = t.take('sendMessage').map(textOf).join('\n');
    expect(text).toContain('已收录 5 份报告');
    for (const { report } of await t.store.list()) expect(text).toContain(report.agency);
  });

  it('any text is a question: the figure comes with its source', async () => {
    await t.send(privateText(someone(), '化隆2024年行政处罚多少'));
    const [call] = t.take('sendMessage');
    expect(textOf(call)).toContain('114');
    expect(call!.payload.parse_mode).toBe('HTML');
  });

  it('/compare sends a chart photo with the figures in the caption', async () => {
    await t.send(privateText(someone(), '/compare 化隆 平罗 行政处罚'));
    const calls = t.take('sendPhoto', 'sendMessage');
    const photo = calls.find((c) => c.method === 'sendPhoto');
    expect(photo).toBeDefined();
    expect(String(photo!.payload.caption)).toContain('114');
  });

  it('/check runs the consistency check of one report', async () => {
    await t.send(privateText(someone(), '/check 民和 2023'));
    const text = t.take('sendMessage').map(textOf).join('\n');
    expect(text).toContain('民和');
  });

  it('/check without arguments explains its usage', async () => {
    await t.send(privateText(someone(), '/check'));
    expect(textOf(t.take('sendMessage')[0])).toContain('/check 机关 年份');
  });
});

describe('clarification', () => {
  type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

  it('offers the choices as buttons with typed callback data', async () => {
    await t.send(privateText(someone(), '行政处罚多少'));
    const [call] = t.take('sendMessage');
    const rows = (call!.payload.reply_markup as Keyboard).inline_keyboard;
    expect(rows).toHaveLength(5);
    const data = rows.map((r) => unpackCallback(r[0]!.callback_data));
    expect(data[3]).toEqual({ kind: 'ask', question: '化隆县人民政府行政处罚多少' });
    expect(call!.payload.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
  });

  it('choosing edits the message into the answer', async () => {
    const u = someone();
    await t.send(callbackQuery(u, 'a:化隆县人民政府行政处罚多少', u.id));
    const calls = t.take();
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(textOf(calls[1])).toContain('114');
  });

  it('a choice by index is resolved from the question it replies to', async () => {
    const u = someone();
    await t.send(callbackQuery(u, 'p:3', u.id, '行政处罚多少'));
    const edit = t.take('editMessageText')[0];
    expect(textOf(edit)).toContain('114');
  });

  it('a stale button says so instead of guessing', async () => {
    const u = someone();
    await t.send(callbackQuery(u, 'p:3', u.id));
    const [call] = t.take();
    expect(call!.method).toBe('answerCallbackQuery');
    expect(call!.payload.text).toContain('失效');
  });
});

describe('groups', () => {
  const GROUP = -100123;

  it.each([
    ['plain chatter', groupText(GROUP, user(7001), '化隆2024年行政处罚多少')],
    [
      'a mention of someone else',
      groupText(GROUP, user(7002), '@someone_else 化隆2024年行政处罚多少', { mention: true }),
    ],
    ['a command for another bot', groupText(GROUP, user(7003), '/help@other_bot')],
  ])('stays silent on %s', async (_name, update) => {
    await t.send(update);
    expect(t.take()).toEqual([]);
  });

  it.each([
    [
      'a mention',
      groupText(GROUP, user(7101), `@${BOT_USER.username} 化隆2024年行政处罚多少`, { mention: true }),
    ],
    ['a reply to the bot', groupText(GROUP, user(7102), '化隆2024年行政处罚多少', { replyToBot: true })],
  ])('answers %s', async (_name, update) => {
    await t.send(update);
    const [call] = t.take('sendMessage');
    expect(call!.payload.chat_id).toBe(GROUP);
    expect(textOf(call)).toContain('114');
  });

  it('answers /cmd@botname', async () => {
    await t.send(groupText(GROUP, user(7201), `/help@${BOT_USER.username}`));
    expect(textOf(t.take('sendMessage')[0])).toContain('/list');
  });
});

describe('inline mode', () => {
  it('offers the answer as an article: figure, source, warning count', async () => {
    await t.send(inlineQuery(someone(), '化隆 2024 行政处罚'));
    const [call] = t.take('answerInlineQuery');
    const [article] = call!.payload.results as {
      type: string;
      title: string;
      description: string;
      input_message_content: { message_text: string };
    }[];
    expect(article!.type).toBe('article');
    expect(article!.title).toContain('114');
    expect(article!.description).toMatch(/表二.*(\d+ 条警告|无警告)/);
    expect(article!.input_message_content.message_text).toContain('114');
  });
});

describe('uploads', () => {
  it('refuses non-admins politely without downloading', async () => {
    await t.send(privateDocument(someone(), 'f1', 'report.txt', 1000));
    const calls = t.take();
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(textOf(calls[0])).toContain('管理员');
  });

  it('refuses files over 20 MB before downloading', async () => {
    await t.send(privateDocument(user(ADMIN), 'f2', 'big.pdf', 30 * 1024 * 1024));
    const calls = t.take();
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(textOf(calls[0])).toContain('20 MB');
  });
});

describe('robustness', () => {
  it('apologises when handling fails, and keeps going', async () => {
    const u = someone();
    t.failNext('sendMessage');
    await t.send(privateText(u, '/help'));
    expect(textOf(t.take('sendMessage')[0])).toContain('抱歉');
    await t.send(privateText(someone(), '/help'));
    expect(textOf(t.take('sendMessage')[0])).toContain('/list');
  });

  it('drops a flood from one user beyond 3 updates per 2 s, with one notice', async () => {
    const u = someone();
    for (let i = 0; i < 8; i++) await t.send(privateText(u, '/help'));
    const texts = t.take('sendMessage').map(textOf);
    expect(texts.filter((x) => x.includes('/list'))).toHaveLength(3);
    expect(texts.filter((x) => x.includes('太快'))).toHaveLength(1);
  });

  it('answers English questions in English', async () => {
    await t.send(privateText(someone(), 'How many administrative penalties did Hualong have in 2024?'));
    const text = textOf(t.take('sendMessage')[0]);
    expect(text).toContain('114');
    expect(text).toContain('Source');
  });

  it('replies in English to English-language users', async () => {
    await t.send(privateText(someone('en'), '/help'));
    expect(textOf(t.take('sendMessage')[0])).toContain('Just ask');
  });
});

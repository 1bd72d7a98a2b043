/** The reply language is chosen once per update (src/bot/context.ts), whatever feature answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { callbackQuery, privateText, user } from '../support/updates.ts';

let t: TestBot;
let nextUser = 8000;
const someone = (lang: string) => user(nextUser++, lang);
const textOf = (call: { payload: Record<string, unknown> } | undefined) => String(call?.payload.text ?? '');
const HAN = /\p{Script=Han}/u;

beforeAll(async () => {
  t = await createTestBot();
});
afterAll(() => t.dispose());

describe('reply language', () => {
  it('follows the script of the question over the Telegram language', async () => {
    await t.send(privateText(someone('en'), '/check 民和 2023'));
    expect(textOf(t.take('sendMessage')[0])).toMatch(/^民和回族土族自治县人民政府2023年年报发现/);
    await t.send(privateText(someone('zh-hans'), '/check Minhe 2023'));
    expect(textOf(t.take('sendMessage')[0])).toMatch(
      /^民和回族土族自治县人民政府 \(Minhe Autonomous County\), 2023:/,
    );
  });

  it('uses the Telegram language when the text says nothing (a bare command, a /start payload)', async () => {
    await t.send(privateText(someone('en'), '/help'));
    const en = textOf(t.take('sendMessage')[0]);
    await t.send(privateText(someone('zh-hans'), '/start help'));
    const zh = textOf(t.take('sendMessage')[0]);
    expect(HAN.test(en.replace(/[（(][^）)]*[）)]/g, ''))).toBe(false);
    expect(zh).toContain('年度报告');
  });

  it('answers a clarification button in the language of the question it clarified', async () => {
    const u = someone('zh-hans');
    await t.send(privateText(u, 'how many penalties'));
    const [ask] = t.take('sendMessage');
    const rows = (ask!.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard;
    await t.send(callbackQuery(u, rows[0]![0]!.callback_data, u.id, 'how many penalties'));
    const [edit] = t.take('editMessageText');
    expect(textOf(edit)).toMatch(/penalt/i);
  });
});

/**
 * Two bots on one store and one state (as two instances behind one token would be): whatever
 * one remembers for a chat — the previous question, a reply's table, the user's rate — the other
 * carries on. A third bot with a state of its own shows that the sharing is what does it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotState, type StateBackend } from '../../src/bot/state.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { callbackQuery, privateText, user } from '../support/updates.ts';

let one: TestBot;
let two: TestBot;
let alone: TestBot;
const state = createBotState();

beforeAll(async () => {
  one = await createTestBot({}, { state });
  two = await createTestBot({}, { state, store: one.store });
  alone = await createTestBot({}, { store: one.store });
}, 120_000);
afterAll(async () => {
  await one.dispose();
  await state.close();
});

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const texts = (calls: { payload: Record<string, unknown> }[]) =>
  calls.map((c) => String(c.payload.text ?? c.payload.caption ?? ''));

describe('two bots sharing one state', () => {
  it('a follow-up sent to the other bot continues the question', async () => {
    const u = user(9301, 'zh-hans');
    await one.send(privateText(u, '湟中2023年行政处罚多少'));
    one.take();
    await two.send(privateText(u, '那民和呢'));
    const [reply] = texts(two.take('sendMessage', 'sendPhoto'));
    expect(reply).toMatch(/^民和回族土族自治县人民政府2023年行政处罚：984 件/);
    // a bot with its own state has nothing to continue: the main figures of the place named
    await alone.send(privateText(u, '那民和呢'));
    const [fresh] = texts(alone.take('sendMessage', 'sendPhoto'));
    expect(fresh).toMatch(/^民和回族土族自治县人民政府2023年主要数据：/);
  });

  it("the other bot sends a reply's table when its CSV button is pressed there", async () => {
    const u = user(9302, 'zh-hans');
    await one.send(privateText(u, '哪里行政许可最多'));
    const offer = one.take('sendMessage').find((c) => c.payload.text === '下载表格：');
    const [csv] = (offer!.payload.reply_markup as Keyboard).inline_keyboard[0]!;
    await two.send(callbackQuery(u, csv!.callback_data, u.id));
    expect(two.take('sendDocument')).toHaveLength(1);
    await alone.send(callbackQuery(u, csv!.callback_data, u.id));
    expect(alone.take('sendDocument')).toHaveLength(0);
    // the table is the chat's: another chat pressing the same data gets nothing
    await two.send(callbackQuery(user(9303), csv!.callback_data, 9303));
    expect(two.take('sendDocument')).toHaveLength(0);
  });

  it("counts a user's messages together: the fourth within the window is refused whichever bot gets it", async () => {
    const u = user(9304, 'zh-hans');
    await one.send(privateText(u, '/help'));
    await two.send(privateText(u, '/help'));
    await one.send(privateText(u, '/help'));
    one.take();
    two.take();
    await two.send(privateText(u, '/help'));
    expect(texts(two.take('sendMessage'))).toEqual(['消息太快了，请稍等片刻再问。']);
    await alone.send(privateText(u, '/help'));
    expect(texts(alone.take('sendMessage'))).not.toContain('消息太快了，请稍等片刻再问。');
  });
});

describe('a state that cannot be reached', () => {
  it('costs the follow-up and the export buttons, never the answer; the rate limit lets updates through', async () => {
    const down = async () => {
      throw new Error('connection refused');
    };
    const backend: StateBackend = {
      storage: { read: down, write: down, delete: down },
      increment: down,
      close: async () => undefined,
    };
    const broken = await createTestBot({}, { state: createBotState(backend), store: one.store });
    const u = user(9401, 'zh-hans');
    for (let i = 0; i < 4; i++) await broken.send(privateText(u, '哪里行政许可最多'));
    const replies = texts(broken.take('sendMessage', 'sendPhoto'));
    // four answers (none refused as a flood), no export offer, no apology
    expect(replies.filter((r) => r.includes('行政许可'))).toHaveLength(4);
    expect(replies).not.toContain('下载表格：');
    expect(replies).not.toContain('抱歉，处理这条消息时出错了，请稍后再试。');
  });
});

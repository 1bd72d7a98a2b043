/**
 * Two instances behind one token (issue 12): two `npm start` processes in webhook mode on ONE
 * PostgreSQL server this test starts, one fake Bot API. An admin uploads a report through
 * instance 1; a user asks about it through instance 2 within a second and gets the figure; the
 * follow-up (2023年呢) and a CSV button go to the OTHER instance and still work, since the store
 * and the per-chat state both live in the database. Skipped (saying why) where no server can be
 * started; under CI a skip is a failure (test/support/postgres.ts). The tests are one scenario,
 * in order: later ones read the report the first one uploads.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, REPORTS_DIR } from '../helpers.ts';
import { type BotProcess, startBotProcess } from '../support/bot-process.ts';
import { type ApiCall, FakeBotApi } from '../support/fake-bot-api.ts';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';
import { callbackQuery, privateDocument, privateText, user } from '../support/updates.ts';

const TOKEN = '123456:instances-e2e-token';
const SECRET = 'instances-hook-secret';
const ADMIN = user(4646);
/** A bundled Hualong 2024 report (text). */
const HUALONG = '003_5d77362307499405.txt';

const server = await startPostgres();

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

describe.skipIf(skipReason(server))('two bot instances on one PostgreSQL', () => {
  const postgres = server as PostgresServer;
  let api: FakeBotApi;
  let dir: string;
  let databaseUrl: string;
  const instances: { bot: BotProcess; port: number }[] = [];
  let nextUpdate = 1;

  const post = (instance: number, update: object) =>
    fetch(`http://127.0.0.1:${instances[instance]!.port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ update_id: nextUpdate++, ...update }),
    });
  const textOf = (c: ApiCall) => String(c.payload.text ?? c.payload.caption ?? '');
  /** The first reply to `chatId` matching `contains`, among the calls from `since` (an index) on. */
  const replyTo = (chatId: number, contains: string | RegExp, timeoutMs = 10_000, since = 0) =>
    api.waitForCall(
      (c) =>
        api.calls.indexOf(c) >= since &&
        ['sendMessage', 'sendPhoto'].includes(c.method) &&
        c.payload.chat_id === chatId &&
        (typeof contains === 'string' ? textOf(c).includes(contains) : contains.test(textOf(c))),
      timeoutMs,
    );
  const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    api = await new FakeBotApi(TOKEN).start();
    dir = await mkdtemp(join(tmpdir(), 'nianbao-instances-e2e-'));
    databaseUrl = await postgres.createDatabase();
    // the bundled reports: Hongze 2023 (so Hongze 2024 is new when the admin sends it) and Hualong 2024
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    copyFileSync(join(FIXTURES_DIR, 'pdf', 'hongzequ_2023.pdf'), join(seeds, 'hongzequ_2023.pdf'));
    copyFileSync(join(REPORTS_DIR, HUALONG), join(seeds, HUALONG));
    for (const n of [1, 2]) {
      const port = await freePort();
      const bot = startBotProcess({
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.url,
        DATABASE_URL: databaseUrl,
        // each instance's own file path: were the store not in the database, they would not share it
        STORE_PATH: join(dir, `instance-${n}`, 'store.json'),
        REPORTS_DIR: seeds,
        ADMIN_IDS: String(ADMIN.id),
        WEBHOOK_URL: 'https://bot.example.org/hook',
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_PORT: String(port),
        LOG_LEVEL: 'info',
      });
      instances.push({ bot, port });
      // one after the other: the first builds the store, the second finds it built
      const before = api.calls.length;
      await api
        .waitForCall((c) => c.method === 'setWebhook' && api.calls.indexOf(c) >= before, 150_000)
        .catch((err: unknown) => {
          throw new Error(
            `instance ${n} did not start: ${(err as Error).message}\n${bot.logs().slice(-3000)}`,
          );
        });
    }
  }, 320_000);

  afterAll(async () => {
    for (const { bot } of instances) bot.kill();
    await api?.close();
    await postgres.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a report uploaded through one instance is answered by the other within a second', async () => {
    const bytes = new Uint8Array(await readFile(join(FIXTURES_DIR, 'pdf', 'hongzequ_2024.pdf')));
    api.addFile('up-24', 'documents/hongzequ_2024.pdf', bytes);
    expect((await post(0, privateDocument(ADMIN, 'up-24', 'hongzequ_2024.pdf', bytes.length))).status).toBe(
      200,
    );
    const added = await replyTo(ADMIN.id, '已添加', 60_000);
    expect(textOf(added)).toContain('淮安市洪泽区人民政府 2024');
    // the record is in the database, not in either instance's file
    const rows = await query<{ year: number }>('SELECT year FROM records ORDER BY year');
    expect(rows.map((r) => r.year)).toEqual([2023, 2024, 2024]);

    // asked through instance 2 at once, then every 250 ms, each time by a new user: the first
    // reply with the figure must come to a question asked within 1 s of the upload's reply
    let answered: { asker: number; askedAfterMs: number } | undefined;
    for (let attempt = 0; attempt <= 4 && !answered; attempt++) {
      const asker = user(7100 + attempt, 'zh-hans');
      const askedAfterMs = Date.now() - added.at;
      const since = api.calls.length;
      await post(1, privateText(asker, '洪泽2024年行政许可多少'));
      const reply = await replyTo(asker.id, /./, 10_000, since);
      if (textOf(reply).includes('9487')) answered = { asker: asker.id, askedAfterMs };
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(answered).toBeDefined();
    expect(answered!.askedAfterMs).toBeLessThan(1000);
    const [answer] = api.callsTo(answered!.asker, 'sendMessage', 'sendPhoto');
    expect(textOf(answer!)).toMatch(/^淮安市洪泽区人民政府2024年行政许可：9,?487 件/);
  }, 90_000);

  it('a follow-up sent to the other instance continues the question (state shared in the database)', async () => {
    const u = user(7200, 'zh-hans');
    await post(1, privateText(u, '洪泽2024年行政许可多少'));
    await replyTo(u.id, '9487');
    const since = api.calls.length;
    await post(0, privateText(u, '2023年呢'));
    const reply = await replyTo(u.id, /./, 10_000, since);
    expect(textOf(reply)).toMatch(/^洪泽区人民政府2023年行政许可：550 件/);
    const keys = await query<{ key: string }>(
      `SELECT key FROM bot_sessions WHERE key = 'fu:${u.id}:${u.id}'`,
    );
    expect(keys).toHaveLength(1);
  }, 30_000);

  it("a reply's CSV button pressed on the other instance sends the table", async () => {
    const u = user(7300, 'zh-hans');
    await post(0, privateText(u, '洪泽历年行政许可趋势'));
    const offer = await replyTo(u.id, '下载表格：');
    const markup = offer.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    await post(1, callbackQuery(u, markup.inline_keyboard[0]![0]!.callback_data, u.id));
    const doc = await api.waitForCall((c) => c.method === 'sendDocument' && c.payload.chat_id === u.id);
    expect(Object.values(doc.files)).toEqual([expect.any(Number)]);
    expect(Object.values(doc.files)[0]).toBeGreaterThan(100);
  }, 30_000);

  it('/list and /start read the shared store; an example button works on the other instance', async () => {
    const u = user(7400, 'zh-hans');
    await post(1, privateText(u, '/list'));
    const list = textOf(await replyTo(u.id, '已收录'));
    for (const held of ['化隆县人民政府：2024', '洪泽区人民政府：2023', '淮安市洪泽区人民政府：2024'])
      expect(list).toContain(held);
    const since = api.calls.length;
    await post(0, privateText(u, '/start'));
    const start = await replyTo(u.id, /./, 10_000, since);
    const markup = start.payload.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    expect(markup.inline_keyboard).toHaveLength(3);
    const [example] = markup.inline_keyboard[0]!;
    const pressed = api.calls.length;
    await post(1, callbackQuery(u, example!.callback_data, u.id));
    const answer = await replyTo(u.id, /./, 10_000, pressed);
    // the first example asks for one figure (…年行政处罚多少): the answer names it, then its value
    expect(example!.text).toMatch(/年行政处罚多少$/);
    expect(textOf(answer).startsWith(`${example!.text.replace(/多少$/, '')}：`)).toBe(true);
  }, 30_000);

  it('仍然替换 pressed on the other instance replaces the record an upload would have degraded', async () => {
    const seed = await readFile(join(REPORTS_DIR, HUALONG), 'utf8');
    const lines = seed.split('\n');
    // cut inside table 三, after its first result row: fewer figures than the record held
    const cut = lines.findIndex((l) => l.startsWith('三、本年度办理结果')) + 1;
    const truncated = new TextEncoder().encode(lines.slice(0, cut).join('\n'));
    api.addFile('cut-1', 'documents/hualong-cut.txt', truncated);
    const shaOf = async () =>
      (await query<{ sha256: string }>("SELECT sha256 FROM records WHERE agency LIKE '化隆%'"))[0]!.sha256;
    const before = await shaOf();
    await post(1, privateDocument(ADMIN, 'cut-1', 'hualong-cut.txt', truncated.length));
    const kept = await replyTo(ADMIN.id, 'RECORD_KEPT', 30_000);
    expect(await shaOf()).toBe(before);
    const markup = kept.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const since = api.calls.length;
    await post(0, callbackQuery(ADMIN, markup.inline_keyboard[0]![0]!.callback_data, ADMIN.id));
    await replyTo(ADMIN.id, '已更新', 30_000, since);
    expect(await shaOf()).not.toBe(before);
    for (const { bot } of instances) expect(bot.child.exitCode).toBeNull();
  }, 60_000);
});

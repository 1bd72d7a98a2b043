/**
 * Soak: the real `npm start` (long polling) against a fake Bot API while an admin sends 20
 * hostile files and five ordinary users ask questions, send 4,096-character noise and 256-
 * character inline queries. Every question is answered, the others' p99 latency stays under
 * 1 s, and the process never exits.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDir } from '../helpers.ts';
import { deepDivs, docxBomb, manyPagesPdf, spanBomb } from '../ingest/_hostile.ts';
import { type BotProcess, startBotProcess } from '../support/bot-process.ts';
import { type ApiCall, FakeBotApi } from '../support/fake-bot-api.ts';
import { inlineQuery, privateDocument, privateText, user } from '../support/updates.ts';

const TOKEN = '123456:soak-token';
const ADMIN = user(4646);
const USERS = [901, 902, 903, 904, 905].map((id) => user(id));
/** Per-user pace: under the rate limit of 3 updates per 2 s. */
const PACE_MS = 750;

let api: FakeBotApi;
let bot: BotProcess;
let dir: string;
let exitCode: number | null | undefined;

function noise(n: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCodePoint(0x4e00 + (x % 0x5000));
  }
  return out;
}

/** The 20 hostile uploads: zip-bomb DOCX, span-bomb HTML, deep HTML, a 20,000-page PDF, binary junk. */
function hostileFiles(): { name: string; bytes: Uint8Array }[] {
  const kinds = [
    { name: 'bomb.docx', bytes: docxBomb(200) },
    { name: 'spans.html', bytes: spanBomb(40, 4000) },
    { name: 'deep.html', bytes: deepDivs(100_000) },
    { name: 'pages.pdf', bytes: manyPagesPdf(20_000) },
    { name: 'junk.pdf', bytes: new Uint8Array(randomBytes(3 * 1024 * 1024)) },
  ];
  return Array.from({ length: 20 }, (_, i) => {
    const k = kinds[i % kinds.length]!;
    return { name: `${i}-${k.name}`, bytes: k.bytes };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const textOf = (call: ApiCall) => String(call.payload.text ?? call.payload.caption ?? '');
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

beforeAll(async () => {
  api = await new FakeBotApi(TOKEN).start();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-soak-'));
  bot = startBotProcess({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.url,
    STORE_PATH: join(dir, 'store.json'),
    REPORTS_DIR: seedDir(join(dir, 'seeds')),
    ADMIN_IDS: String(ADMIN.id),
    LOG_LEVEL: 'warn',
    // a hostile file is given up on quickly, so the soak stays short
    INGEST_TIMEOUT_MS: '5000',
  });
  void bot.exited.then((code) => {
    exitCode = code;
  });
  await api.waitForCall((c) => c.method === 'getUpdates', 100_000);
}, 120_000);

afterAll(async () => {
  bot.kill();
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

/** One user's session: questions, noise and inline queries in turn; latency of each reply. */
async function session(u: ReturnType<typeof user>, until: () => boolean, seed: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; !until() || i < 6; i++) {
    if (exitCode !== undefined) throw new Error(`the bot exited (${exitCode})`);
    const asked = Date.now();
    let reply: Promise<ApiCall>;
    if (i % 3 === 0) {
      api.pushUpdate(privateText(u, i % 2 ? '化隆2024年行政许可多少' : '化隆2024年行政处罚多少'));
      const figure = i % 2 ? '2754' : '114';
      reply = api.waitForCall(
        (c) =>
          c.method === 'sendMessage' &&
          c.payload.chat_id === u.id &&
          c.at >= asked &&
          textOf(c).includes(figure),
        15_000,
      );
    } else if (i % 3 === 1) {
      api.pushUpdate(privateText(u, noise(4096, seed + i)));
      reply = api.waitForCall(
        (c) =>
          c.method === 'sendMessage' &&
          c.payload.chat_id === u.id &&
          c.at >= asked &&
          textOf(c).includes('4096'),
        15_000,
      );
    } else {
      const update = inlineQuery(u, noise(256, seed + i));
      const id = update.inline_query!.id;
      api.pushUpdate(update);
      reply = api.waitForCall(
        (c) => c.method === 'answerInlineQuery' && c.payload.inline_query_id === id,
        15_000,
      );
    }
    const call = await reply;
    latencies.push(call.at - asked);
    await sleep(Math.max(0, PACE_MS - (Date.now() - asked)));
  }
  return latencies;
}

describe('soak: hostile uploads while users ask', () => {
  it('answers every user within 1 s (p99), refuses every hostile file, never exits', async () => {
    const files = hostileFiles();
    const uploaded = (async () => {
      for (const [i, f] of files.entries()) {
        api.addFile(`h${i}`, `documents/h${i}`, f.bytes);
        api.pushUpdate(privateDocument(ADMIN, `h${i}`, f.name, f.bytes.length));
        await sleep(PACE_MS);
      }
      // every upload gets its own reply (a coded refusal), in order
      for (let n = 1; n <= files.length; n++) {
        await api.waitForCall(() => api.callsTo(ADMIN.id, 'sendMessage').length >= n, 120_000);
      }
    })();
    let uploadsDone = false;
    const settled = Promise.allSettled([uploaded]).then(() => {
      uploadsDone = true;
    });
    const sessions = USERS.map((u, k) => session(u, () => uploadsDone, 1000 * k));
    const results = await Promise.allSettled([uploaded, ...sessions]);
    await settled;
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw new Error(`${(failed as PromiseRejectedResult).reason}\n${bot.logs().slice(-2000)}`);
    const latencies = results
      .slice(1)
      .flatMap((r) => (r as PromiseFulfilledResult<number[]>).value)
      .sort((a, b) => a - b);
    const p50 = percentile(latencies, 0.5);
    const p99 = percentile(latencies, 0.99);
    console.info(
      `soak: ${latencies.length} replies to 5 users, p50 ${p50} ms, p99 ${p99} ms, max ${latencies.at(-1)} ms`,
    );
    expect(latencies.length).toBeGreaterThanOrEqual(30);
    expect(p99).toBeLessThan(1_000);
    const refusals = api.callsTo(ADMIN.id, 'sendMessage').map(textOf);
    expect(refusals).toHaveLength(files.length);
    for (const text of refusals) expect(text).toMatch(/（[A-Z_]+）/);
    const codes = refusals.map((t) => t.match(/（([A-Z_]+)）/)?.[1]);
    console.info(`soak: admin refusals ${[...new Set(codes)].join(', ')}`);
    expect(exitCode).toBeUndefined();
    expect(bot.child.exitCode).toBeNull();
  }, 240_000);
});

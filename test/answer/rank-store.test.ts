import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import { openStore, openStoreAt, type Store, type StoredReport } from '../../src/store/index.ts';
import { parseSeed, seedFiles } from '../helpers.ts';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';
import { type BundledStores, openBundledStores } from './_bundled.ts';
import { TODAY } from './_questions.ts';

/**
 * Rankings answered from the store's limited ranking (the first rows, the count, the asked body's
 * place), on the JSON file and on a real PostgreSQL: the same replies, and the exact figures of
 * the bundled reports.
 */
let bundled: BundledStores;
beforeAll(async () => {
  bundled = await openBundledStores();
}, 180_000);
afterAll(() => bundled?.close());

const ask = (store: Store, q: string) => answerQuestion(q, store, { today: TODAY });
const shown = (a: Awaited<ReturnType<typeof ask>>) => a.answers.map((f) => [f.agency, f.value]);
const PT = '平潭综合实验区';

describe.each([
  ['JSON file', () => bundled.json],
  ['PostgreSQL', () => bundled.pg],
])('national rankings of the bundled reports (%s)', (backend, storeOf) => {
  const skip = () => backend === 'PostgreSQL' && bundled.skipped;

  it('smallest first: 16 bodies at 0 tie at the cut, the 10 shown are ordered by name from the end', async (ctx) => {
    if (skip()) return ctx.skip();
    const a = await ask(storeOf()!, '行政强制最少的是哪个');
    expect(shown(a)).toEqual(
      [
        '平罗县人民政府办公室',
        `${PT}金井片区管理局`,
        `${PT}财政金融局`,
        `${PT}行政审批局`,
        `${PT}苏平片区管理局`,
        `${PT}自然资源与生态环境局`,
        `${PT}综合执法与应急管理局`,
        `${PT}经济发展局`,
        `${PT}管委会办公室`,
        `${PT}社会事业局`,
      ].map((n) => [n, 0]),
    );
  });

  it('the asked body beyond the first 10, and inside a tie at 0', async (ctx) => {
    if (skip()) return ctx.skip();
    const store = storeOf()!;
    const licence = await ask(store, '平潭交通与建设局2023年行政许可排第几');
    expect(licence.text.split('\n')[1]).toBe(`${PT}交通与建设局排第11（共20家）`);
    expect(shown(licence).slice(8)).toEqual([
      [`${PT}行政审批局`, 3],
      [`${PT}财政金融局`, 1],
    ]);
    // 11 bodies at 0: the asked one after the 9 with more and the tied ones named before it
    const penalty = await ask(store, '平潭财政金融局2023年行政处罚排第几');
    expect(penalty.text.split('\n')[1]).toBe(`${PT}财政金融局排第18（共20家）`);
    const review = await ask(store, '平潭管委会办公室2022年行政复议排第几');
    expect(review.text.split('\n')[1]).toBe(`${PT}管委会办公室排第10（共16家）`);
  });

  it('fees to the cent, and a place (平潭: its bodies only)', async (ctx) => {
    if (skip()) return ctx.skip();
    const store = storeOf()!;
    expect(shown(await ask(store, '哪里收费最多')).slice(0, 5)).toEqual([
      ['洪泽区人民政府', 7730.28],
      [`${PT}财政金融局`, 5949.09],
      ['民和回族土族自治县人民政府', 379],
      ['湟中区人民政府', 159.7],
      [`${PT}交通与建设局`, 0],
    ]);
    const place = await ask(store, '平潭哪个部门行政许可最少');
    expect(place.text.split('\n')[1]).toBe('（范围：平潭县）');
    expect(shown(place).at(-1)).toEqual([`${PT}财政金融局`, 1]);
    expect(shown(place).every(([n]) => String(n).startsWith(PT))).toBe(true);
  });

  it('PostgreSQL replies as the JSON file does', async (ctx) => {
    if (backend !== 'PostgreSQL' || skip()) return ctx.skip();
    for (const q of [
      '哪里行政处罚最多',
      '行政强制最少的是哪个',
      '2022年哪里行政处罚最少',
      '各部门依申请公开排名',
      '平潭哪个部门行政处罚最多',
      '青海哪个县行政许可最多',
      '哪个县政府行政处罚最少',
      '平潭交通与建设局2024年行政处罚排第几',
      '平潭社会事业局依申请公开申请排第几',
      '民和2023年行政处罚排第几',
      '化隆县行政许可排第几',
      '哪里公开率最高',
      'which agency had the fewest administrative penalties',
    ]) {
      expect(await ask(storeOf()!, q)).toEqual(await ask(bundled.json, q));
    }
  });
});

/** Fees that differ past the cent show equal: they rank by name, whatever their raw order. */
describe('values that show equal to the cent', () => {
  const seed = parseSeed(seedFiles().find((f) => f.includes('000_'))!);
  const fees: [string, string, number][] = [
    ['共和县', '632521', 100],
    ['兴海县', '632524', 99],
    ['刚察县', '632224', 98],
    ['同仁市', '632301', 97],
    ['同德县', '632522', 96],
    ['大通回族土族自治县', '630121', 95],
    ['尖扎县', '632322', 94],
    ['泽库县', '632323', 93],
    ['海晏县', '632223', 92],
    // all three show 5 万元; by name 祁连 < 贵德 < 门源, the reverse of their raw order
    ['门源回族自治县', '632221', 5.004],
    ['贵德县', '632523', 4.996],
    ['祁连县', '632222', 4.9951],
  ];
  const entries: StoredReport[] = fees.map(([place, code, fee]) => {
    const agency = `${place}人民政府`;
    const id = `${agency}-2023`;
    const report = {
      ...seed.report,
      id,
      agency,
      title: `${agency}2023年政府信息公开工作年度报告`,
      region: { name: place, code, province: '青海省', city: null },
      source: { ...seed.report.source, sha256: `fee-${code}` },
      values: { ...seed.report.values, 'active.admin_fee': fee },
    };
    return { report, warnings: seed.warnings.map((w) => ({ ...w, report: id })) };
  });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cents-'));
  const stores: Store[] = [];
  let server: PostgresServer | undefined;
  afterAll(async () => {
    for (const s of stores) await s.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe.each(['JSON file', 'PostgreSQL'])('on the %s backend', (backend) => {
    it('the 10th shown, and the place of each', async (ctx) => {
      let store: Store;
      if (backend === 'JSON file') store = await openStore(join(dir, 'store.json'));
      else {
        const started = await startPostgres();
        if (skipReason(started)) return ctx.skip();
        server = started as PostgresServer;
        store = (await openStoreAt(await server.createDatabase())) as Store;
      }
      stores.push(store);
      await store.upsertMany(entries);
      const most = await ask(store, '哪里收费最多');
      expect(shown(most).slice(8)).toEqual([
        ['海晏县人民政府', 92],
        ['祁连县人民政府', 5],
      ]);
      const least = await ask(store, '哪里收费最少');
      expect(shown(least).slice(0, 4)).toEqual([
        ['门源回族自治县人民政府', 5],
        ['贵德县人民政府', 5],
        ['祁连县人民政府', 5],
        ['海晏县人民政府', 92],
      ]);
      const place = async (q: string) => (await ask(store, q)).text.split('\n')[1];
      expect(await place('祁连县人民政府2023年收费排第几')).toBe('祁连县人民政府排第10（共12家）');
      expect(await place('贵德县人民政府2023年收费排第几')).toBe('贵德县人民政府排第11（共12家）');
      expect(await place('门源回族自治县人民政府2023年收费排第几')).toBe(
        '门源回族自治县人民政府排第12（共12家）',
      );
      expect(await place('海晏县人民政府2023年收费排第几')).toBe('海晏县人民政府排第9（共12家）');
    });
  });
});

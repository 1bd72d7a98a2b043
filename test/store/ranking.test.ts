import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type RankQuery, type Store } from '../../src/store/index.ts';
import { type BundledStores, openBundledStores } from '../answer/_bundled.ts';
import { parseAllSeeds } from '../helpers.ts';

/** Rankings of the bundled corpus (2023: 20 reports, most of 平潭's bodies at 0) on both backends. */
let stores: BundledStores;
beforeAll(async () => {
  stores = await openBundledStores();
}, 180_000);
afterAll(() => stores?.close());

const PT = '平潭综合实验区';
const ZERO_COERCION_2023 = [
  `${PT}交通与建设局-2023`,
  `${PT}农业农村局-2023`,
  `${PT}君山片区管理局-2023`,
  `${PT}国有资产管理局-2023`,
  `${PT}旅游与文化体育局-2023`,
  `${PT}海坛片区管理局-2023`,
  `${PT}社会事业局-2023`,
  `${PT}管委会办公室-2023`,
  `${PT}经济发展局-2023`,
  `${PT}综合执法与应急管理局-2023`,
  `${PT}自然资源与生态环境局-2023`,
  `${PT}苏平片区管理局-2023`,
  `${PT}行政审批局-2023`,
  `${PT}财政金融局-2023`,
  `${PT}金井片区管理局-2023`,
  '平罗县人民政府办公室-2023',
];

/** Ids and values in the store's order; with `ties`, equal values (in no set order) put in id order. */
async function ranked(store: Store, q: RankQuery): Promise<[string, number][]> {
  const rows = (await store.rank(q)).map((r): [string, number] => [r.row.id, r.value]);
  if (q.ties === undefined) return rows;
  const sign = q.order === 'asc' ? 1 : -1;
  return rows.sort((a, b) => sign * (a[1] - b[1]) || a[0].localeCompare(b[0]));
}

describe.each([
  ['JSON file', () => stores.json],
  ['PostgreSQL', () => stores.pg],
])('ranking on the %s backend', (backend, storeOf) => {
  const skip = () => backend === 'PostgreSQL' && stores.skipped;

  it('a limit gives the first rows only; rankCount counts every ranked record', async (ctx) => {
    if (skip()) return ctx.skip();
    const store = storeOf()!;
    const q = { metric: 'active.penalty', year: 2023 };
    expect(await ranked(store, { ...q, limit: 3 })).toEqual([
      ['湟中区人民政府-2023', 36084],
      ['洪泽区人民政府-2023', 4119],
      ['民和回族土族自治县人民政府-2023', 984],
    ]);
    expect(await store.rankCount({ ...q, limit: 3 })).toBe(20);
    // the newest year held (2025: 13 reports) unless a year is given
    expect(await ranked(store, { metric: 'active.penalty', limit: 2 })).toEqual([
      [`${PT}综合执法与应急管理局-2025`, 204],
      [`${PT}市场监督管理局-2025`, 187],
    ]);
    expect(await store.rankCount({ metric: 'active.penalty' })).toBe(13);
  });

  it('ties at the cut: by id without `ties`, every tying row with it', async (ctx) => {
    if (skip()) return ctx.skip();
    const store = storeOf()!;
    const q = { metric: 'active.coercion', year: 2023, order: 'asc' as const };
    expect(await ranked(store, { ...q, limit: 2 })).toEqual(
      ZERO_COERCION_2023.slice(0, 2).map((id) => [id, 0]),
    );
    expect(await ranked(store, { ...q, limit: 2, ties: 0 })).toEqual(ZERO_COERCION_2023.map((id) => [id, 0]));
    // a cut on a value nobody shares brings no ties
    expect(await ranked(store, { metric: 'active.coercion', year: 2023, limit: 4, ties: 0 })).toEqual([
      ['湟中区人民政府-2023', 279],
      ['洪泽区人民政府-2023', 195],
      [`${PT}市场监督管理局-2023`, 54],
      ['民和回族土族自治县人民政府-2023', 40],
    ]);
    // `ties` is a distance: 7730.28 and 5949.09 are far apart, 379 is the cut
    expect(await ranked(store, { metric: 'active.admin_fee', year: 2023, limit: 3, ties: 0.011 })).toEqual([
      ['洪泽区人民政府-2023', 7730.28],
      [`${PT}财政金融局-2023`, 5949.09],
      ['民和回族土族自治县人民政府-2023', 379],
    ]);
  });

  it('a value range [atLeast, below) ranks and counts only the values inside it', async (ctx) => {
    if (skip()) return ctx.skip();
    const store = storeOf()!;
    const q = { metric: 'active.penalty', year: 2023, atLeast: 100, below: 4119 };
    expect(await ranked(store, q)).toEqual([
      ['民和回族土族自治县人民政府-2023', 984],
      [`${PT}综合执法与应急管理局-2023`, 640],
      [`${PT}农业农村局-2023`, 182],
      [`${PT}市场监督管理局-2023`, 135],
    ]);
    expect(await store.rankCount(q)).toBe(4);
    expect(await store.rankCount({ metric: 'active.penalty', year: 2023, atLeast: 36084 })).toBe(1);
    expect(await store.rankCount({ metric: 'active.penalty', year: 2023, below: 0.005 })).toBe(11);
    expect(
      await ranked(store, { metric: 'active.admin_fee', year: 2023, atLeast: 159.7, below: 5949.09 }),
    ).toEqual([
      ['民和回族土族自治县人民政府-2023', 379],
      ['湟中区人民政府-2023', 159.7],
    ]);
  });

  it('a place narrows the ranking and its count', async (ctx) => {
    if (skip()) return ctx.skip();
    const store = storeOf()!;
    const q = { metric: 'active.penalty', year: 2023, region: '3501' };
    expect(await ranked(store, { ...q, limit: 3 })).toEqual([
      [`${PT}综合执法与应急管理局-2023`, 640],
      [`${PT}农业农村局-2023`, 182],
      [`${PT}市场监督管理局-2023`, 135],
    ]);
    expect(await store.rankCount(q)).toBe(16);
    expect(await store.rankCount({ ...q, region: '63' })).toBe(2);
    expect(await store.rankCount({ ...q, region: '63', level: 'office' })).toBe(0);
  });

  it('the PostgreSQL backend ranks as the JSON file does', async (ctx) => {
    if (backend !== 'PostgreSQL' || skip()) return ctx.skip();
    const store = storeOf()!;
    for (const q of [
      { metric: 'active.license', year: 2023, limit: 10, ties: 0.011 },
      { metric: 'active.license', year: 2022, order: 'asc' as const, limit: 5, ties: 0 },
      { metric: 'apply.new.total', year: 2021 },
      { metric: 'active.penalty', year: 2024, region: '320813' },
      { metric: 'active.penalty', year: 2023, level: 'county' as const, limit: 5 },
      { metric: 'active.admin_fee', order: 'asc' as const, atLeast: 0.5 },
    ]) {
      expect(await ranked(store, q)).toEqual(await ranked(stores.json, q));
      expect(await store.rankCount(q)).toBe(await stores.json.rankCount(q));
    }
  });
});

describe('the JSON file ranking after a change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-rank-change-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows an upsert into the year ranked, and reads records whose values were decoded', async () => {
    const seeds = parseAllSeeds().map((p) => ({ report: p.report, warnings: p.warnings }));
    const path = join(dir, 'store.json');
    const first = await openStore(path);
    await first.upsertMany(seeds);
    const q = { metric: 'active.penalty', year: 2023 };
    expect(await ranked(first, { ...q, limit: 1 })).toEqual([['湟中区人民政府-2023', 36084]]);
    const minhe = seeds.find((s) => s.report.id === '民和回族土族自治县人民政府-2023')!;
    const raised = {
      ...minhe,
      report: {
        ...minhe.report,
        source: { ...minhe.report.source, sha256: 'raised' },
        values: { ...minhe.report.values, 'active.penalty': 50000 },
      },
    };
    expect(await first.upsert(raised)).toBe('updated');
    expect(await ranked(first, { ...q, limit: 1 })).toEqual([['民和回族土族自治县人民政府-2023', 50000]]);
    expect(await first.rankCount({ ...q, atLeast: 36084 })).toBe(2);
    await first.close();
    // records read back lazily from the file; one of them has had its values object built
    const again = await openStore(path);
    const [huangzhong] = await again.find({ ids: ['湟中区人民政府-2023'] });
    expect(huangzhong!.report.values['active.penalty']).toBe(36084);
    expect(await ranked(again, q)).toEqual([
      ['民和回族土族自治县人民政府-2023', 50000],
      ['湟中区人民政府-2023', 36084],
      ['平罗县人民政府办公室-2023', 0],
    ]);
    await again.close();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getNluContext } from '../../src/answer/_context-cache.ts';
import { findNear, findNearLatin } from '../../src/nlu/fuzzy.ts';
import { addToNluContext, type ContextRow, createNluContext, type NluContext } from '../../src/nlu/index.ts';
import { openStore, type StoredReport } from '../../src/store/index.ts';
import { loadTestReports } from '../answer/_store.ts';

const stored = loadTestReports();

/** The same body one year on, under a newer name (a record appended for an agency already held). */
function nextYear(e: StoredReport, agency = e.report.agency): StoredReport {
  const year = e.report.year + 1;
  return { ...e, report: { ...e.report, id: `${agency}-${year}`, agency, year } };
}

/** A body elsewhere: another place, so new aliases, pinyin and divisions. */
function elsewhere(e: StoredReport, agency: string, region: ContextRow['region']): StoredReport {
  return { ...e, report: { ...e.report, id: `${agency}-${e.report.year}`, agency, region } };
}

const rows: StoredReport[] = [
  ...stored,
  nextYear(stored[0]!),
  elsewhere(stored[1]!, '朝阳县人民政府', {
    name: '朝阳县',
    code: '211321',
    province: '辽宁省',
    city: '朝阳市',
  }),
  elsewhere(stored[2]!, '朝阳区人民政府', { name: '朝阳区', code: '110105', province: '北京市', city: null }),
  elsewhere(stored[3]!, '朝阳区财政局', { name: '朝阳区', code: '110105', province: '北京市', city: null }),
  nextYear(stored[4]!),
  elsewhere(stored[0]!, '察哈尔右翼前旗人民政府', {
    name: '察哈尔右翼前旗',
    code: '150926',
    province: '内蒙古自治区',
    city: '乌兰察布市',
  }),
];

/** Every map of a context as ordered entries, so order differences fail too. */
function snapshot(ctx: NluContext): unknown {
  const ordered = (m: Map<unknown, unknown>) => [...m.entries()];
  return {
    agencies: ordered(ctx.agencies),
    aliases: ordered(ctx.aliases),
    longestAlias: ctx.longestAlias,
    pinyin: ordered(ctx.pinyin),
    fuzzyPinyin: ordered(ctx.fuzzyPinyin),
    fuzzyAliases: ordered(ctx.fuzzyAliases),
    metricTerms: ordered(ctx.metricTerms),
    longestTerm: ctx.longestTerm,
    fuzzyTerms: ordered(ctx.fuzzyTerms),
    newestYear: ctx.newestYear,
    within: ordered(ctx.within),
  };
}

describe('matcher context, brought up to date in place', () => {
  const reports = rows.map((e) => e.report);
  const fresh = snapshot(createNluContext(reports));

  it.each([0, 1, 3, stored.length, reports.length - 1])(
    'equals a context built from scratch (first %i records, then the rest)',
    (k) => {
      const ctx = createNluContext(reports.slice(0, k));
      addToNluContext(ctx, reports.slice(k));
      expect(snapshot(ctx)).toEqual(fresh);
    },
  );

  it('equals a context built from scratch when records arrive one at a time', () => {
    const ctx = createNluContext([]);
    for (const r of reports) addToNluContext(ctx, [r]);
    expect(snapshot(ctx)).toEqual(fresh);
  });

  it('finds typos of names added after a search measured its index', () => {
    const ctx = createNluContext(reports.slice(0, 1));
    // the first searches work out each index's shape (longest word, characters used)
    findNear(ctx.fuzzyAliases, '某某某');
    findNearLatin(ctx.fuzzyPinyin, 'zzzzzz');
    addToNluContext(ctx, reports.slice(1));
    expect(findNear(ctx.fuzzyAliases, '朝阳悬')).toContain('朝阳县');
    expect(findNearLatin(ctx.fuzzyPinyin, 'chaoyan')).toContain('chaoyang');
    // longer than any name the index held when it was first measured
    expect(findNearLatin(ctx.fuzzyPinyin, 'chahaeryouyiqiann')).toContain('chahaeryouyiqian');
  });
});

describe('the context of a store', () => {
  it('follows an ingest in place, and is built again when a record changes place', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'nianbao-ctx-')), 'store.json'));
    await store.upsertMany(rows.slice(0, 4));
    const before = getNluContext(store);
    expect(getNluContext(store)).toBe(before);
    await store.upsertMany(rows.slice(4));
    const after = getNluContext(store);
    expect(after).toBe(before);
    expect(snapshot(after)).toEqual(snapshot(createNluContext(store.catalogue())));
    // the same record, moved to another place: the context is built again, from the catalogue
    const moved = elsewhere(rows[0]!, rows[0]!.report.agency, {
      name: '朝阳县',
      code: '211321',
      province: '辽宁省',
      city: '朝阳市',
    });
    await store.upsert({
      ...moved,
      report: {
        ...moved.report,
        id: rows[0]!.report.id,
        source: { ...moved.report.source, sha256: 'moved' },
      },
    });
    const rebuilt = getNluContext(store);
    expect(rebuilt).not.toBe(before);
    expect(snapshot(rebuilt)).toEqual(snapshot(createNluContext(store.catalogue())));
    await store.close();
  });
});

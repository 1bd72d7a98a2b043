import { describe, expect, it } from 'vitest';
import { exportAll, toCsv } from '../../src/answer/index.ts';
import { FIELD_IDS } from '../../src/schema/index.ts';
import { openTestStore } from './_store.ts';

describe('export --all', () => {
  it('one row per body and year, every field in its own column', async () => {
    const store = await openTestStore();
    const table = await exportAll(store);
    expect(table.rows).toHaveLength((await store.list()).length);
    expect(table.columns.length).toBe(14 + FIELD_IDS.length);
    expect(table.columns.length).toBeGreaterThan(200);
    const hualong = table.rows.find((r) => r[0] === '化隆县人民政府' && r[1] === 2024)!;
    expect(hualong[table.columns.indexOf('active.penalty')]).toBe(114);
    expect(hualong[table.columns.indexOf('signed')]).toBe('2024-01-25');
    expect(toCsv(table).split('\r\n')[0]!.split(',').length).toBe(table.columns.length);
  });
});

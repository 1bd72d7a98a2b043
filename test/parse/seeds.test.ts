import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../src/schema/index.ts';
import { goldFor, parseSeed, seedFiles } from '../helpers.ts';

describe.each(seedFiles().map((f) => [basename(f), f]))('seed %s', (_name, file) => {
  const gold = goldFor(file);
  const { report } = parseSeed(file);

  it('reproduces every gold field exactly', () => {
    const wrong = Object.entries(gold.values).filter(([id, want]) => report.values[id] !== want);
    expect(wrong).toEqual([]);
    expect(Object.keys(gold.values)).toHaveLength(200);
  });

  it('has all 200 field ids and only those', () => {
    expect(Object.keys(report.values).sort()).toEqual([...FIELD_IDS].sort());
  });

  it('reads year, period, signature date, agency and region as the gold', () => {
    expect(report.year).toBe(gold.year);
    expect(report.period).toEqual(gold.period);
    expect(report.signed).toBe(gold.published);
    expect(report.agency).toBe(gold.agency);
    expect(report.id).toBe(`${gold.agency}-${gold.year}`);
    expect(report.region).toMatchObject({ name: gold.region, province: gold.province, city: gold.city });
    expect(report.region?.code).toMatch(/^\d{6}$/);
  });

  it('lists blanks only for cells whose value is 0', () => {
    for (const f of report.blanks) expect(report.values[f]).toBe(0);
  });
});

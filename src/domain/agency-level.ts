import type { Report } from '../schema/index.ts';

export type Level = 'national' | 'provincial' | 'prefecture' | 'county' | 'township';

const SUFFIX_LEVEL: Record<string, Level> = {
  省: 'provincial',
  市: 'prefecture',
  州: 'prefecture',
  盟: 'prefecture',
  县: 'county',
  旗: 'county',
  区: 'county',
};

/** Level from the agency name alone: the last division suffix before the body wins. */
function levelFromName(name: string): Level | null {
  const n = name.replace(/(?:自治区|特别行政区)/g, '省').replace(/地区/g, '州');
  let level: Level | null = null;
  for (const m of n.matchAll(/[省市州盟县旗区]/g)) level = SUFFIX_LEVEL[m[0]] ?? level;
  return level;
}

/** The level of the issuing body (docs/rules.md, Level): from region.code, with the agency name overriding for townships and national bodies. */
export function deriveLevel(report: Report): Level | null {
  const name = report.agency;
  if (/(?:乡|镇|街道)(?:人民政府|政府|办事处)|(?:乡|镇|街道)$/.test(name)) return 'township';
  if (/^国务院|^国家|^中华人民共和国/.test(name)) return 'national';
  const code = report.region?.code;
  if (code && /^\d{6}$/.test(code)) {
    if (code.endsWith('0000')) return 'provincial';
    if (code.endsWith('00')) return 'prefecture';
    return 'county';
  }
  return levelFromName(name);
}

/** Where a body stands for questions: a government of some level, its general office, or a department. */
export type AgencyLevel = 'province' | 'city' | 'county' | 'office' | 'dept';

/** The standing of a body from its kind, name and region code (a government's 办公室 is its office). */
export function agencyLevel(r: Pick<Report, 'agency' | 'kind' | 'region'>): AgencyLevel {
  if (r.kind === 'dept') return /人民政府办公(?:室|厅)$/.test(r.agency) ? 'office' : 'dept';
  const code = r.region?.code ?? '';
  if (/^\d{2}0000$/.test(code)) return 'province';
  if (/^\d{4}00$/.test(code)) return 'city';
  return 'county';
}

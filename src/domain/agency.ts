/** Agency identity across years and names: which reports come from one issuing body. */
import type { Report } from '../schema/index.ts';
import { DIVISION_SUFFIXES } from './divisions.ts';
import { ETHNIC_AUTONOMY_WORDS } from './ethnic-groups.ts';

/** 循化撒拉族自治县 → 循化县: the ethnic-autonomy words are dropped. */
const AUTONOMY = ETHNIC_AUTONOMY_WORDS;
/** A division name ends at its last division suffix (州 alone too: 海北州). */
const DIVISION = new RegExp(`^(.*(?:${[...DIVISION_SUFFIXES, '州'].join('|')}))`);
/** A leading province or prefecture, dropped so 淮安市洪泽区 ≡ 洪泽区. */
const PREFIX = /^(?:.{2,8}?(?:省|自治区))?(?:.{2,8}?(?:市|自治州|州|盟|地区)(?=.{1,8}?(?:县|旗|区|市)))?/;

/** Splits an agency name into its division (normalised) and its body, e.g. 人民政府办公室. */
function splitAgency(report: Pick<Report, 'agency' | 'kind'>): { division: string; body: string } {
  const name = report.agency.replace(/\s/g, '').replace(AUTONOMY, '');
  // 片区, 园区, 景区, 社区, 校区 end in 区 but are no division: 金井片区管理局 is a body of its zone
  const m = DIVISION.exec(name.replace(/人民政府.*$|政府.*$/, '').replace(/(?<=[片园景社校])区/g, '_'));
  const divisionFull = m?.[1] ?? '';
  let body = name.slice(divisionFull.length);
  if (body === '' && report.kind === 'gov') body = '人民政府';
  const division = divisionFull.replace(PREFIX, '') || divisionFull;
  return { division, body };
}

/**
 * Stable identity of the issuing body across years: region code (or normalised division
 * name when the code is unknown) plus the body, so 洪泽区人民政府 ≡ 淮安市洪泽区人民政府
 * and 循化县人民政府 ≡ 循化撒拉族自治县人民政府, while a government's 办公室 stays apart.
 */
export function agencyKey(report: Pick<Report, 'agency' | 'kind' | 'region'>): string {
  const { division, body } = splitAgency(report);
  const code = report.region?.code;
  return code ? `${code}|${body}` : `${division}|${body}`;
}

/** The name-only key, used when one of two reports lacks a region code. */
function nameKey(report: Pick<Report, 'agency' | 'kind'>): string {
  const { division, body } = splitAgency(report);
  return `${division}|${body}`;
}

/** True when two reports come from the same agency (docs/rules.md, cross-year pairing): by region code, else by name. */
export function isSameAgency(
  a: Pick<Report, 'agency' | 'kind' | 'region'>,
  b: Pick<Report, 'agency' | 'kind' | 'region'>,
): boolean {
  if (a.region?.code && b.region?.code) return agencyKey(a) === agencyKey(b);
  return nameKey(a) === nameKey(b);
}

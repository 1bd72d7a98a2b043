import type { Report } from '../schema/index.ts';

const ETHNIC =
  '回|土|藏|蒙古|壮|苗|彝|布依|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|鄂温克|保安|裕固|独龙|鄂伦春|朝鲜|满|维吾尔|各';
/** 循化撒拉族自治县 → 循化县: the ethnic-autonomy words are dropped. */
const AUTONOMY = new RegExp(`(?:(?:${ETHNIC})族)+自治(?=[县旗州区])`, 'g');
/** A division name ends at its last division suffix. */
const DIVISION = /^(.*(?:省|自治区|特别行政区|市|自治州|州|盟|地区|县|旗|区))/;
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
function nameKey(report: Report): string {
  const { division, body } = splitAgency(report);
  return `${division}|${body}`;
}

/** True when two reports come from the same agency (docs/rules.md, cross-year pairing). */
export function isSameAgency(a: Report, b: Report): boolean {
  if (a.region?.code && b.region?.code) return agencyKey(a) === agencyKey(b);
  return nameKey(a) === nameKey(b);
}

/** The same agency's report for Y−1 in `pool`, if any. */
export function findPrevious(report: Report, pool: readonly Report[]): Report | undefined {
  return pool.find((r) => r.year === report.year - 1 && r !== report && isSameAgency(r, report));
}

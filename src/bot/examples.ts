import type { Store } from '../store/index.ts';
import type { Lang } from './messages.ts';

/**
 * Three example questions built from what the store holds: a lookup, a comparison (or a
 * ranking), and a trend when some agency has several years (else a ranking).
 */
export function buildExamples(store: Store, lang: Lang): string[] {
  // from the catalogue (agency and year of every record): no record is read
  const reports = [...store.catalogue()].sort((a, b) => b.year - a.year);
  const newest = reports[0];
  if (!newest) return [];
  const rival = reports.find((r) => r.year === newest.year && r.agency !== newest.agency);
  const yearsOf = (agency: string) => reports.filter((r) => r.agency === agency).length;
  const tracked = reports.find((r) => yearsOf(r.agency) > 1);
  if (lang === 'en') {
    return [
      `${newest.agency}${newest.year}年行政处罚多少`,
      `Rank agencies by administrative penalties in ${newest.year}`,
      `Rank agencies by requests received in ${newest.year}`,
    ];
  }
  return [
    `${newest.agency}${newest.year}年行政处罚多少`,
    rival
      ? `比较${newest.agency}和${rival.agency}${newest.year}年新收申请数量`
      : `${newest.agency}${newest.year}年新收申请数量`,
    tracked ? `${tracked.agency}历年新收申请数量趋势` : `${newest.year}年各单位行政处罚排名`,
  ];
}

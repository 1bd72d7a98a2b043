import type { Store } from '../store/index.ts';
import type { Lang } from './messages.ts';

/** Three example questions built from what the store holds (lookup, comparison, trend). */
export function buildExamples(store: Store, lang: Lang): string[] {
  const reports = [...store.all()].map((s) => s.report).sort((a, b) => b.year - a.year);
  const newest = reports[0];
  if (!newest) return [];
  const sameYear = reports.filter((r) => r.year === newest.year && r.agency !== newest.agency);
  const rival = sameYear[0];
  const history = reports.filter((r) => r.agency === newest.agency);
  const trendAgency =
    history.length > 1
      ? newest
      : (reports.find((r) => reports.filter((o) => o.agency === r.agency).length > 1) ?? newest);
  if (lang === 'en') {
    return [
      `${newest.agency} ${newest.year} administrative penalties`,
      rival
        ? `compare ${newest.agency} and ${rival.agency} ${newest.year} new applications`
        : `${newest.agency} ${newest.year} new applications`,
      `${trendAgency.agency} new applications trend`,
    ];
  }
  return [
    `${newest.agency}${newest.year}年行政处罚多少`,
    rival
      ? `比较${newest.agency}和${rival.agency}${newest.year}年新收申请数量`
      : `${newest.agency}${newest.year}年新收申请数量`,
    `${trendAgency.agency}历年新收申请数量趋势`,
  ];
}

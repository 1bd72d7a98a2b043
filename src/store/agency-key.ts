import type { Report } from '../schema/index.ts';

const GOV_SUFFIX = /人民政府$/;

/**
 * Normalised agency identity: a government is keyed by its region code, so
 * 洪泽区人民政府 ≡ 淮安市洪泽区人民政府; a department by region code + its own name.
 */
export function agencyKey(report: Pick<Report, 'agency' | 'kind' | 'region'>): string {
  const code = report.region?.code;
  if (!code) return `name:${report.agency.replace(GOV_SUFFIX, '')}`;
  if (report.kind === 'gov') return `gov:${code}`;
  const at = report.agency.indexOf('人民政府');
  const own = at >= 0 ? report.agency.slice(at) : stripRegion(report.agency, report.region?.name ?? '');
  return `dept:${code}:${own}`;
}

/** Drops everything up to the region's name (or its stem) from a department name. */
function stripRegion(agency: string, region: string): string {
  const stem = region.replace(/(?:市|县|区|旗)$/, '');
  for (const name of [region, stem]) {
    const at = name ? agency.indexOf(name) : -1;
    if (at >= 0) return agency.slice(at + name.length) || agency;
  }
  return agency;
}

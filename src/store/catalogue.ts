import type { Report } from '../schema/index.ts';
import type { StoredReport } from './types.ts';

/** One record as the matcher, listings and counts know it: identity, place and source, no figures. */
export interface CatalogueRow extends Pick<Report, 'id' | 'agency' | 'kind' | 'region' | 'year'> {
  sha256: string;
  url?: string;
}

/** The catalogue row of a stored record. */
export function catalogueRow({ report: r }: StoredReport): CatalogueRow {
  const row: CatalogueRow = {
    id: r.id,
    agency: r.agency,
    kind: r.kind,
    region: r.region,
    year: r.year,
    sha256: r.source.sha256,
  };
  if (r.source.url) row.url = r.source.url;
  return row;
}

export { agencyKey } from './agency-key.ts';
export type { AgencyGroup } from './indexes.ts';
export { toLean, withSections } from './lean.ts';
export { type AnyStore, defaultStoreLocation, isDatabaseUrl, openStoreAt } from './open-any.ts';
export { type JsonStore, openStore, proseDir } from './open-store.ts';
export type { PgStore } from './pg/index.ts';
export { redactUrl } from './pg/redact.ts';
export {
  findIn,
  planUpserts,
  type RankQuery,
  type RankRow,
  type ReplaceGuard,
  type StoreQuery,
  type UpsertOptions,
} from './records.ts';
export { type CatalogueRow, catalogueRow, type Store, type StoreChange, type StoreViews } from './store.ts';
export { StoreError, type StoreErrorCode } from './store-error.ts';
export {
  parseStoreBuffer,
  parseStoreText,
  StoreDataSchema,
  StoredReportSchema,
  stringifyLean,
  stringifyStore,
} from './store-file.ts';
export type { StoredReport, UpsertOutcome } from './types.ts';

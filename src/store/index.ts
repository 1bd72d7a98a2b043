export { agencyKey } from './agency-key.ts';
export type { AgencyGroup } from './indexes.ts';
export { openStore, type ReplaceGuard, type Store, type UpsertOptions } from './open-store.ts';
export { StoreError, type StoreErrorCode } from './store-error.ts';
export { parseStoreText, StoreDataSchema, StoredReportSchema, stringifyStore } from './store-file.ts';
export type { StoredReport, UpsertOutcome } from './types.ts';

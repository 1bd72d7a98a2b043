export { blockedRange, type PrivateAllowance, parsePrivateAllowance } from './address-policy.ts';
export { FetchError, type FetchErrorCode } from './fetch-error.ts';
export { createFetcher, type FetchedResource, type Fetcher, type FetcherOptions } from './fetch-url.ts';
export type { LookupFunction } from './guarded-lookup.ts';
export { createHostGate, type HostGate } from './host-gate.ts';
export { createPoliteClient, type PoliteClient, type PoliteOptions } from './polite-client.ts';
export { createRobotsCache, type RobotsCache } from './robots.ts';
export { DEFAULT_FETCH_SETTINGS, type FetchSettings, parseFetchSettings, USER_AGENT } from './settings.ts';

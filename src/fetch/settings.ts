import { type PrivateAllowance, parsePrivateAllowance } from './address-policy.ts';

/** How downloads behave; every value has a default and an environment variable (README "Links"). */
export interface FetchSettings {
  /** Largest body kept, in bytes (FETCH_MAX_MB, default 20). */
  maxBytes: number;
  /** Pause between two requests to one host, in ms (FETCH_DELAY_MS, default 1000). */
  delayMs: number;
  /** Whole request, headers and body, in ms (FETCH_TIMEOUT_MS, default 60 000). */
  timeoutMs: number;
  /** TCP/TLS connect, in ms (FETCH_CONNECT_TIMEOUT_MS, default 10 000). */
  connectTimeoutMs: number;
  /** Non-public addresses that may be fetched (ALLOW_PRIVATE_FETCH; tests only). */
  allowPrivate: PrivateAllowance;
}

const MB = 1024 * 1024;

export const DEFAULT_FETCH_SETTINGS: Readonly<FetchSettings> = Object.freeze({
  maxBytes: 20 * MB,
  delayMs: 1000,
  timeoutMs: 60_000,
  connectTimeoutMs: 10_000,
  allowPrivate: false,
});

/** The project's honest User-Agent: who is asking and why. */
export const USER_AGENT =
  'nianbao-bot/0.1 (collects government information-disclosure annual reports; one request at a time, robots.txt honoured)';

function readNumber(
  env: Record<string, string | undefined>,
  name: string,
  unit: number,
  min: number,
): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) {
    throw Object.assign(new Error(`${name}=${raw}: expected a number ≥ ${min} (see .env.example)`), {
      code: 'BAD_CONFIG',
    });
  }
  return Math.round(n * unit);
}

/** Reads FETCH_* and ALLOW_PRIVATE_FETCH over the defaults; a bad value throws naming the variable. */
export function parseFetchSettings(env: Record<string, string | undefined>): FetchSettings {
  let allowPrivate: PrivateAllowance;
  try {
    allowPrivate = parsePrivateAllowance(env.ALLOW_PRIVATE_FETCH);
  } catch (e) {
    throw Object.assign(e as Error, { code: 'BAD_CONFIG' });
  }
  return {
    maxBytes: readNumber(env, 'FETCH_MAX_MB', MB, 0.001) ?? DEFAULT_FETCH_SETTINGS.maxBytes,
    delayMs: readNumber(env, 'FETCH_DELAY_MS', 1, 0) ?? DEFAULT_FETCH_SETTINGS.delayMs,
    timeoutMs: readNumber(env, 'FETCH_TIMEOUT_MS', 1, 1) ?? DEFAULT_FETCH_SETTINGS.timeoutMs,
    connectTimeoutMs:
      readNumber(env, 'FETCH_CONNECT_TIMEOUT_MS', 1, 1) ?? DEFAULT_FETCH_SETTINGS.connectTimeoutMs,
    allowPrivate,
  };
}

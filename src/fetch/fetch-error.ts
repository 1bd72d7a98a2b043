/** Why a download failed; `FETCH_HTTP_<status>` carries the server's status, e.g. FETCH_HTTP_404. */
export type FetchErrorCode =
  | 'FETCH_BAD_URL'
  | 'FETCH_BAD_SCHEME'
  | 'FETCH_BLOCKED_ADDRESS'
  | 'FETCH_DNS'
  | 'FETCH_NETWORK'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_CANCELLED'
  | `FETCH_HTTP_${number}`
  | 'ROBOTS_DISALLOWED'
  | 'ROBOTS_UNREACHABLE';

/** A failed download; the message names the URL and says what went wrong. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The first FetchError in an error's cause chain (undici wraps connect-time errors). */
export function findFetchError(err: unknown): FetchError | undefined {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof FetchError) return e;
  }
  return undefined;
}

/** The first Node/undici error code in an error's cause chain. */
export function findErrorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
